package io.quantra.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quantra.admin.AuditLogRepository.AuditEntry;
import io.quantra.admin.AuditLogRepository.AuditPage;
import io.quantra.admin.AuditLogRepository.AuditQuery;
import io.quantra.platform.ApiException;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.PageRequest;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /audit-logs}: who did what, newest first, filtered by event type, user
 * (e-mail or id), date range and IP address (staff only).
 */
@RestController
class AuditLogController {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 200;

	private final AuditLogRepository auditLog;

	AuditLogController(AuditLogRepository auditLog) {
		this.auditLog = auditLog;
	}

	@Operation(summary = "List audit log entries (staff only)")
	@GetMapping("/audit-logs")
	Map<String, Object> list(@RequestParam(name = "event_type", required = false) String eventType,
			@RequestParam(required = false) String user,
			@RequestParam(name = "from_date", required = false) String fromDate,
			@RequestParam(name = "to_date", required = false) String toDate,
			@RequestParam(name = "ip_address", required = false) String ipAddress,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
		PageRequest page = PageRequest.of(limit, offset, DEFAULT_LIMIT, MAX_LIMIT);
		AuditQuery query = new AuditQuery(blankToNull(eventType), blankToNull(user), blankToNull(ipAddress),
				instant("from_date", fromDate, false), instant("to_date", toDate, true));
		AuditPage result = this.auditLog.find(query, page);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("audit_logs", result.entries().stream().map(AuditLogController::entry).toList());
		body.put("total", result.total());
		body.put("limit", page.limit());
		body.put("offset", page.offset());
		return body;
	}

	private static Map<String, Object> entry(AuditEntry entry) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", entry.id());
		body.put("event_type", entry.eventType());
		body.put("user", entry.actorEmail());
		body.put("user_id", entry.actorId());
		body.put("target_type", entry.targetType());
		body.put("target_id", entry.targetId());
		body.put("ip_address", entry.ipAddress());
		body.put("user_agent", entry.userAgent());
		body.put("details", entry.details());
		body.put("created_at", entry.createdAt().toString());
		return body;
	}

	/**
	 * Accepts a date ({@code 2025-06-15}: the whole day, so an end date is inclusive) or
	 * an ISO-8601 date-time with offset.
	 */
	static Instant instant(String name, String value, boolean endOfRange) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			if (value.length() == 10) {
				LocalDate date = LocalDate.parse(value);
				return (endOfRange ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR,
					name + " must be a date (2025-06-15) or a date-time (2025-06-15T10:00:00Z), not '" + value + "'.");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
