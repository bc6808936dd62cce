package io.quantra.admin;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the settings row.
 */
@Repository
class SettingsRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	SettingsRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	SecuritySettings load() {
		return this.jdbc
			.sql("select session_timeout_minutes, max_login_attempts, lockout_minutes, mfa_required, "
					+ "webhooks_allow_private_targets from settings where id = 1")
			.query((rs, row) -> new SecuritySettings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4),
					rs.getBoolean(5)))
			.single();
	}

	void save(SecuritySettings settings) {
		this.jdbc
			.sql("update settings set session_timeout_minutes = :timeout, max_login_attempts = :attempts, "
					+ "lockout_minutes = :lockout, mfa_required = :mfa, "
					+ "webhooks_allow_private_targets = :privateTargets, updated_at = :now where id = 1")
			.param("timeout", settings.sessionTimeoutMinutes())
			.param("attempts", settings.maxLoginAttempts())
			.param("lockout", settings.lockoutMinutes())
			.param("mfa", settings.mfaRequired())
			.param("privateTargets", settings.webhooksAllowPrivateTargets())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

}
