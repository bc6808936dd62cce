package io.quantra.platform.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.quantra.platform.DataDirectory;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: 200 when the API, database, disk and memory are fine, 503
 * otherwise, for load balancers and uptime monitors. Metrics live on the management port.
 */
@RestController
class HealthController {

	private final HealthChecks checks;

	HealthController(DataSource dataSource, DataDirectory dataDirectory,
			@Value("${quantra.health.min-free-disk:100MB}") DataSize minFreeDisk) {
		this.checks = new HealthChecks(dataSource, dataDirectory.path(), minFreeDisk, Duration.ofSeconds(3));
	}

	@Operation(summary = "Report whether this node can serve requests")
	@GetMapping("/health")
	ResponseEntity<Map<String, Object>> health() {
		HealthChecks.Report report = this.checks.check();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", report.status());
		Map<String, Object> checks = new LinkedHashMap<>();
		report.checks().forEach((name, check) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("status", check.status());
			if (check.message() != null) {
				entry.put("message", check.message());
			}
			entry.putAll(check.details());
			checks.put(name, entry);
		});
		body.put("checks", checks);
		return ResponseEntity.status(report.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
	}

}
