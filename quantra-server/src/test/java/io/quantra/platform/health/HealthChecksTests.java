package io.quantra.platform.health;

import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class HealthChecksTests {

	@TempDir
	Path dataDirectory;

	@Test
	void unreachableDatabaseMakesTheNodeUnhealthy() {
		try (HikariDataSource unreachable = new HikariDataSource()) {
			// nothing listens on port 1: a real connection attempt that fails at once
			unreachable.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/test");
			unreachable.setConnectionTimeout(250);
			unreachable.setInitializationFailTimeout(-1);
			HealthChecks checks = new HealthChecks(unreachable, this.dataDirectory, DataSize.ofMegabytes(1),
					Duration.ofSeconds(2));
			HealthChecks.Report report = checks.check();
			assertThat(report.healthy()).isFalse();
			assertThat(report.checks().get("database").status()).isEqualTo("down");
			assertThat(report.checks().get("database").message()).doesNotContain("127.0.0.1");
			assertThat(report.checks().get("api").isUp()).isTrue();
		}
	}

	@Test
	void diskBelowTheThresholdMakesTheNodeUnhealthy() {
		try (HikariDataSource h2 = new HikariDataSource()) {
			h2.setJdbcUrl("jdbc:h2:mem:health");
			HealthChecks checks = new HealthChecks(h2, this.dataDirectory, DataSize.ofTerabytes(1024),
					Duration.ofSeconds(2));
			HealthChecks.Report report = checks.check();
			assertThat(report.checks().get("database").isUp()).isTrue();
			assertThat(report.checks().get("disk").status()).isEqualTo("down");
			assertThat(report.healthy()).isFalse();
		}
	}

}
