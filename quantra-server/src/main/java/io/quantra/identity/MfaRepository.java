package io.quantra.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind MFA secrets, accepted time steps and recovery codes.
 */
@Repository
class MfaRepository {

	private final JdbcClient jdbc;

	MfaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void setPendingSecret(UserId user, String secret) {
		this.jdbc.sql("update users set mfa_pending_secret = :secret where id = :id")
			.param("secret", secret)
			.param("id", user.value())
			.update();
	}

	void enable(UserId user, String secret, long step, List<String> recoveryCodeHashes) {
		this.jdbc
			.sql("update users set mfa_enabled = true, mfa_secret = :secret, mfa_pending_secret = null, "
					+ "mfa_last_step = :step where id = :id")
			.param("secret", secret)
			.param("step", step)
			.param("id", user.value())
			.update();
		this.jdbc.sql("delete from mfa_recovery_codes where user_id = :id").param("id", user.value()).update();
		for (String hash : recoveryCodeHashes) {
			this.jdbc.sql("insert into mfa_recovery_codes (user_id, code_hash) values (:id, :hash)")
				.param("id", user.value())
				.param("hash", hash)
				.update();
		}
	}

	void disable(UserId user) {
		this.jdbc
			.sql("update users set mfa_enabled = false, mfa_secret = null, mfa_pending_secret = null, "
					+ "mfa_last_step = null where id = :id")
			.param("id", user.value())
			.update();
		this.jdbc.sql("delete from mfa_recovery_codes where user_id = :id").param("id", user.value()).update();
	}

	/**
	 * Records {@code step} as used, unless it or a later step already was: a code works
	 * once.
	 */
	boolean acceptStep(UserId user, long step) {
		return this.jdbc
			.sql("update users set mfa_last_step = :step where id = :id and (mfa_last_step is null or "
					+ "mfa_last_step < :step)")
			.param("step", step)
			.param("id", user.value())
			.update() > 0;
	}

	/**
	 * Uses up a recovery code; false when it is unknown or was used before.
	 */
	boolean useRecoveryCode(UserId user, String codeHash, Instant now) {
		return this.jdbc
			.sql("update mfa_recovery_codes set used_at = :now where user_id = :id and code_hash = :hash and "
					+ "used_at is null")
			.param("now", Timestamp.from(now))
			.param("id", user.value())
			.param("hash", codeHash)
			.update() > 0;
	}

	int remainingRecoveryCodes(UserId user) {
		return this.jdbc.sql("select count(*) from mfa_recovery_codes where user_id = :id and used_at is null")
			.param("id", user.value())
			.query(Integer.class)
			.single();
	}

}
