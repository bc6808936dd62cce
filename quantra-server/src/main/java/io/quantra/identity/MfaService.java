package io.quantra.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import io.quantra.admin.AuditEvent;
import io.quantra.admin.AuditLog;
import io.quantra.admin.Settings;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.ErrorCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Multi-factor authentication with TOTP: enrolment (a secret confirmed by its first
 * code), verification (each code accepted once; or a single-use recovery code), and
 * removal. Wrong codes count towards the account's lockout like wrong passwords.
 */
@Service
class MfaService {

	static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MfaRepository mfa;

	private final UserRepository users;

	private final Settings settings;

	private final CredentialRevocation revocation;

	private final AuditLog audit;

	private final Clock clock;

	MfaService(MfaRepository mfa, UserRepository users, Settings settings, CredentialRevocation revocation,
			AuditLog audit, Clock clock) {
		this.mfa = mfa;
		this.users = users;
		this.settings = settings;
		this.revocation = revocation;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether a login of this account must pass MFA (or enrol first). */
	boolean required(UserAccount user) {
		return user.mfaEnabled() || this.settings.security().mfaRequired();
	}

	Enrolment setup(UserAccount user) {
		if (user.mfaEnabled()) {
			throw ApiException.conflict("MFA is already on for this account; disable it first to enrol again.");
		}
		String secret = Totp.newSecret();
		this.mfa.setPendingSecret(user.id(), secret);
		return new Enrolment(secret, Totp.otpauthUri(secret, user.email()));
	}

	@Transactional
	List<String> enable(UserAccount user, String code, ClientInfo client) {
		if (user.mfaEnabled()) {
			throw ApiException.conflict("MFA is already on for this account.");
		}
		if (user.mfaPendingSecret() == null) {
			throw ApiException.badRequest("Start with POST /mfa/setup, then confirm its secret with a code.");
		}
		OptionalLong step = Totp.matchingStep(user.mfaPendingSecret(), code, this.clock.instant());
		if (step.isEmpty()) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "Invalid MFA code for the secret being set up.");
		}
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String recovery = recoveryCode();
			codes.add(recovery);
			hashes.add(SecretTokens.sha256(recovery));
		}
		this.mfa.enable(user.id(), user.mfaPendingSecret(), step.getAsLong(), hashes);
		this.audit.record(new AuditEvent("mfa_enabled", user.id().value(), user.email(), "user",
				Long.toString(user.id().value()), client, Map.of()));
		return codes;
	}

	@Transactional
	void disable(UserAccount user, String code, ClientInfo client) {
		if (!user.mfaEnabled()) {
			throw ApiException.conflict("MFA is not on for this account.");
		}
		if (this.settings.security().mfaRequired()) {
			throw ApiException.permissionDenied("MFA is required for every account by the system settings.");
		}
		if (!verify(user, code, client)) {
			throw new ApiException(ErrorCode.UNAUTHORIZED, "Invalid MFA code.");
		}
		this.mfa.disable(user.id());
		this.audit.record(new AuditEvent("mfa_disabled", user.id().value(), user.email(), "user",
				Long.toString(user.id().value()), client, Map.of()));
	}

	/**
	 * Checks a TOTP code (once per time step) or a recovery code (once ever). A wrong
	 * code counts as a failed login.
	 */
	boolean verify(UserAccount user, String code, ClientInfo client) {
		String presented = (code != null) ? code.trim().toLowerCase(Locale.ROOT) : "";
		boolean accepted;
		if (presented.matches("\\d{6}")) {
			OptionalLong step = Totp.matchingStep(user.mfaSecret(), presented, this.clock.instant());
			accepted = step.isPresent() && this.mfa.acceptStep(user.id(), step.getAsLong());
		}
		else {
			accepted = presented.length() <= 40
					&& this.mfa.useRecoveryCode(user.id(), SecretTokens.sha256(presented), this.clock.instant());
			if (accepted) {
				this.audit.record(new AuditEvent("mfa_recovery_code_used", user.id().value(), user.email(), "user",
						Long.toString(user.id().value()), client,
						Map.of("remaining", this.mfa.remainingRecoveryCodes(user.id()))));
			}
		}
		if (!accepted) {
			var rules = this.settings.security();
			this.audit.record(new AuditEvent("login_failed", user.id().value(), user.email(), "user",
					Long.toString(user.id().value()), client, Map.of("reason", "wrong_mfa_code")));
			if (this.users.recordFailedLogin(user.id(), rules.maxLoginAttempts(),
					this.clock.instant().plus(rules.lockout()))) {
				this.revocation.revokeEverything(user.id());
				this.audit.record(new AuditEvent("account_locked", user.id().value(), user.email(), "user",
						Long.toString(user.id().value()), client, Map.of("lockout_minutes", rules.lockoutMinutes())));
			}
		}
		return accepted;
	}

	/** Removes MFA on an administrator's order and ends every session of the account. */
	@Transactional
	void reset(UserId user) {
		this.mfa.disable(user);
		this.revocation.revokeEverything(user);
	}

	private static String recoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	record Enrolment(String secret, String otpauthUri) {
	}

}
