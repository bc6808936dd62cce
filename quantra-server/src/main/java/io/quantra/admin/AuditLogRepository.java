package io.quantra.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quantra.platform.PageRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the audit log; also the {@link AuditLog} other modules write to.
 */
@Repository
class AuditLogRepository implements AuditLog {

	private static final int MAX_DETAILS = 4000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	AuditLogRepository(JdbcClient jdbc, Clock clock, JsonMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
	}

	@Override
	public void record(AuditEvent event) {
		String details = event.details().isEmpty() ? null : this.json.writeValueAsString(event.details());
		if (details != null && details.length() > MAX_DETAILS) {
			details = this.json.writeValueAsString(Map.of("truncated", true));
		}
		this.jdbc
			.sql("insert into audit_log (event_type, actor_id, actor_email, target_type, target_id, ip_address, "
					+ "user_agent, details, created_at) values (:type, :actorId, :actorEmail, :targetType, :targetId, "
					+ ":ip, :agent, :details, :at)")
			.param("type", event.type())
			.param("actorId", event.actorId())
			.param("actorEmail",
					(event.actorEmail() != null) ? clip(event.actorEmail().toLowerCase(Locale.ROOT), 320) : null)
			.param("targetType", clip(event.targetType(), 64))
			.param("targetId", clip(event.targetId(), 128))
			.param("ip", (event.client() != null) ? event.client().ipAddress() : null)
			.param("agent", (event.client() != null) ? event.client().userAgent() : null)
			.param("details", details)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	private static String clip(String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length) : value;
	}

	AuditPage find(AuditQuery query, PageRequest page) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (query.eventType() != null) {
			where.append(" and event_type = :type");
			params.put("type", query.eventType());
		}
		if (query.user() != null) {
			if (query.user().matches("\\d{1,18}")) {
				where.append(" and actor_id = :actorId");
				params.put("actorId", Long.parseLong(query.user()));
			}
			else {
				where.append(" and actor_email = :actorEmail");
				params.put("actorEmail", query.user().trim().toLowerCase(Locale.ROOT));
			}
		}
		if (query.ipAddress() != null) {
			where.append(" and ip_address = :ip");
			params.put("ip", query.ipAddress());
		}
		if (query.from() != null) {
			where.append(" and created_at >= :from");
			params.put("from", Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			where.append(" and created_at < :to");
			params.put("to", Timestamp.from(query.to()));
		}
		long total = this.jdbc.sql("select count(*) from audit_log" + where).params(params).query(Long.class).single();
		Map<String, Object> pageParams = new LinkedHashMap<>(params);
		pageParams.put("limit", page.limit());
		pageParams.put("offset", page.offset());
		List<AuditEntry> entries = this.jdbc
			.sql("select id, event_type, actor_id, actor_email, target_type, target_id, ip_address, user_agent, "
					+ "details, created_at from audit_log" + where
					+ " order by created_at desc, id desc limit :limit offset :offset")
			.params(pageParams)
			.query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getString("event_type"),
					(Long) rs.getObject("actor_id", Long.class), rs.getString("actor_email"),
					rs.getString("target_type"), rs.getString("target_id"), rs.getString("ip_address"),
					rs.getString("user_agent"), details(rs.getString("details")),
					rs.getTimestamp("created_at").toInstant()))
			.list();
		return new AuditPage(new ArrayList<>(entries), total);
	}

	private Map<String, Object> details(String text) {
		return (text != null) ? this.json.readValue(text, new TypeReference<Map<String, Object>>() {
		}) : Map.of();
	}

	record AuditQuery(String eventType, String user, String ipAddress, Instant from, Instant to) {
	}

	record AuditEntry(long id, String eventType, Long actorId, String actorEmail, String targetType, String targetId,
			String ipAddress, String userAgent, Map<String, Object> details, Instant createdAt) {
	}

	record AuditPage(List<AuditEntry> entries, long total) {
	}

}
