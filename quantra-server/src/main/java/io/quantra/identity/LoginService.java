package io.quantra.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.quantra.admin.AuditEvent;
import io.quantra.admin.AuditLog;
import io.quantra.admin.SecuritySettings;
import io.quantra.admin.Settings;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.ErrorCode;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks an e-mail address and password, with the lockout rules of the settings: after
 * {@code max_login_attempts} consecutive failures the account is locked for
 * {@code lockout_minutes}. An unknown address costs the same password hashing as a known
 * one, so response times do not reveal which accounts exist.
 */
@Service
class LoginService {

	static final String INVALID_CREDENTIALS = "Invalid email or password.";

	/** Longer input is no password anyone chose; refusing it bounds the hashing work. */
	static final int MAX_PASSWORD_INPUT = 1024;

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final Settings settings;

	private final AuditLog audit;

	private final Clock clock;

	private final String decoyHash;

	LoginService(UserRepository users, PasswordEncoder passwords, Settings settings, AuditLog audit, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.decoyHash = passwords.encode(SecretTokens.random(24));
	}

	/**
	 * The account whose credentials these are.
	 * @throws ApiException 401 for wrong credentials, 423 while the account is locked
	 */
	UserAccount authenticate(String email, String password, ClientInfo client) {
		if (email == null || email.isBlank() || password == null || password.isEmpty()) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "email and password are required.");
		}
		UserAccount user = (password.length() <= MAX_PASSWORD_INPUT && email.length() <= 320)
				? this.users.findByEmail(email).orElse(null) : null;
		if (user == null) {
			this.passwords.matches(password, this.decoyHash);
			failed(null, email, client, "unknown_account");
			throw new ApiException(ErrorCode.UNAUTHORIZED, INVALID_CREDENTIALS);
		}
		Instant now = this.clock.instant();
		if (user.lockedAt(now)) {
			this.passwords.matches(password, this.decoyHash);
			failed(user, email, client, "locked");
			throw locked(Duration.between(now, user.lockedUntil()));
		}
		if (!this.passwords.matches(password, user.passwordHash()) || !user.active()) {
			SecuritySettings rules = this.settings.security();
			failed(user, email, client, user.active() ? "wrong_password" : "inactive");
			if (this.users.recordFailedLogin(user.id(), rules.maxLoginAttempts(), now.plus(rules.lockout()))) {
				this.audit.record(new AuditEvent("account_locked", user.id().value(), user.email(), "user",
						Long.toString(user.id().value()), client, Map.of("lockout_minutes", rules.lockoutMinutes())));
				throw locked(rules.lockout());
			}
			throw new ApiException(ErrorCode.UNAUTHORIZED, INVALID_CREDENTIALS);
		}
		this.users.recordSuccessfulLogin(user.id());
		return user;
	}

	/**
	 * Records a completed login (after MFA, when the account uses it).
	 */
	void succeeded(UserAccount user, ClientInfo client, String method) {
		this.audit.record(new AuditEvent("login_success", user.id().value(), user.email(), "user",
				Long.toString(user.id().value()), client, Map.of("method", method)));
	}

	private void failed(UserAccount user, String email, ClientInfo client, String reason) {
		this.audit.record(new AuditEvent("login_failed", (user != null) ? user.id().value() : null,
				(user != null) ? user.email() : email.trim(), "user",
				(user != null) ? Long.toString(user.id().value()) : null, client, Map.of("reason", reason)));
	}

	private static ApiException locked(Duration remaining) {
		long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
		return new ApiException(ErrorCode.ACCOUNT_LOCKED,
				"This account is locked after too many failed logins; try again in " + minutes + " minute"
						+ ((minutes == 1) ? "" : "s") + ".");
	}

}
