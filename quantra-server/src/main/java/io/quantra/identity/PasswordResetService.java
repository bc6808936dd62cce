package io.quantra.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.Mailer;
import io.quantra.platform.Mailer.Mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by e-mail (seed 002): a single-use link valid for {@link #VALIDITY}.
 * Asking for a link answers the same whether or not the address has an account, and the
 * mail is sent in the background, so neither the answer nor its timing reveals who has
 * one.
 */
@Service
class PasswordResetService {

	static final Duration VALIDITY = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final UserAdministration administration;

	private final Mailer mailer;

	private final Clock clock;

	private final String publicUrl;

	PasswordResetService(JdbcClient jdbc, UserRepository users, UserAdministration administration, Mailer mailer,
			Clock clock, @Value("${quantra.public-url:https://localhost:4443}") String publicUrl) {
		this.jdbc = jdbc;
		this.users = users;
		this.administration = administration;
		this.mailer = mailer;
		this.clock = clock;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	void requestReset(String email) {
		if (email == null || email.isBlank() || email.length() > 320) {
			return;
		}
		Optional<UserAccount> user = this.users.findByEmail(email).filter(UserAccount::active);
		if (user.isEmpty()) {
			return;
		}
		String token = SecretTokens.random(32);
		Instant now = this.clock.instant();
		this.jdbc
			.sql("insert into password_reset_tokens (token_hash, user_id, created_at, expires_at) "
					+ "values (:hash, :user, :now, :expires)")
			.param("hash", SecretTokens.sha256(token))
			.param("user", user.get().id().value())
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(VALIDITY)))
			.update();
		this.mailer.send(new Mail(user.get().email(), "Reset your Quantra password",
				"Someone asked to reset the password of your Quantra account.\n\n"
						+ "To choose a new password, open this link within 30 minutes:\n\n" + this.publicUrl
						+ "/reset-password?token=" + token + "\n\n"
						+ "If it was not you, ignore this message; your password stays as it is.\n"));
	}

	@Transactional
	void reset(String token, String newPassword, ClientInfo client) {
		if (token == null || token.isBlank() || token.length() > 100) {
			throw invalid();
		}
		Instant now = this.clock.instant();
		String hash = SecretTokens.sha256(token);
		Long userId = this.jdbc
			.sql("select user_id from password_reset_tokens where token_hash = :hash and used_at is null and "
					+ "expires_at > :now")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional()
			.orElseThrow(PasswordResetService::invalid);
		this.administration.resetPassword(new UserId(userId), newPassword, client);
		int used = this.jdbc
			.sql("update password_reset_tokens set used_at = :now where token_hash = :hash and used_at is null")
			.param("now", Timestamp.from(now))
			.param("hash", hash)
			.update();
		if (used == 0) {
			throw invalid();
		}
	}

	private static ApiException invalid() {
		return ApiException.badRequest("The reset link is invalid, used or expired; ask for a new one.");
	}

}
