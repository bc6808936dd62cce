package io.quantra.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the security settings. Reads are served from memory for a few
 * seconds, so checking the lockout rules costs no query per login, while every node of a
 * cluster sees a change within {@link #FRESHNESS}.
 */
@Service
class SettingsManagement implements Settings {

	static final Duration FRESHNESS = Duration.ofSeconds(5);

	private final SettingsRepository repository;

	private final AuditLog audit;

	private volatile Cached cached;

	SettingsManagement(SettingsRepository repository, AuditLog audit) {
		this.repository = repository;
		this.audit = audit;
	}

	@Override
	public SecuritySettings security() {
		Cached current = this.cached;
		if (current == null || current.loadedAt().plus(FRESHNESS).isBefore(Instant.now())) {
			current = new Cached(this.repository.load(), Instant.now());
			this.cached = current;
		}
		return current.settings();
	}

	/**
	 * Applies the fields present in {@code change}, after checking each lies in its
	 * range.
	 */
	@Transactional
	SecuritySettings update(SettingsChange change, CurrentUser actor, ClientInfo client) {
		SecuritySettings before = this.repository.load();
		SecuritySettings after = new SecuritySettings(
				within("session_timeout_minutes", change.sessionTimeoutMinutes(), before.sessionTimeoutMinutes(), 1,
						43_200),
				within("max_login_attempts", change.maxLoginAttempts(), before.maxLoginAttempts(), 1, 100),
				within("lockout_minutes", change.lockoutMinutes(), before.lockoutMinutes(), 1, 10_080),
				(change.mfaRequired() != null) ? change.mfaRequired() : before.mfaRequired(),
				(change.webhooksAllowPrivateTargets() != null) ? change.webhooksAllowPrivateTargets()
						: before.webhooksAllowPrivateTargets());
		this.repository.save(after);
		this.cached = new Cached(after, Instant.now());
		this.audit.record(AuditEvent.by(actor, "settings_updated", "settings", null, client, changes(before, after)));
		return after;
	}

	private static int within(String field, Integer value, int current, int min, int max) {
		if (value == null) {
			return current;
		}
		if (value < min || value > max) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR,
					field + " must be between " + min + " and " + max + ", not " + value + ".");
		}
		return value;
	}

	private static Map<String, Object> changes(SecuritySettings before, SecuritySettings after) {
		Map<String, Object> changes = new LinkedHashMap<>();
		if (before.sessionTimeoutMinutes() != after.sessionTimeoutMinutes()) {
			changes.put("session_timeout_minutes", after.sessionTimeoutMinutes());
		}
		if (before.maxLoginAttempts() != after.maxLoginAttempts()) {
			changes.put("max_login_attempts", after.maxLoginAttempts());
		}
		if (before.lockoutMinutes() != after.lockoutMinutes()) {
			changes.put("lockout_minutes", after.lockoutMinutes());
		}
		if (before.mfaRequired() != after.mfaRequired()) {
			changes.put("mfa_required", after.mfaRequired());
		}
		if (before.webhooksAllowPrivateTargets() != after.webhooksAllowPrivateTargets()) {
			changes.put("webhooks_allow_private_targets", after.webhooksAllowPrivateTargets());
		}
		return changes;
	}

	/**
	 * A partial update: absent fields keep their value.
	 */
	record SettingsChange(Integer sessionTimeoutMinutes, Integer maxLoginAttempts, Integer lockoutMinutes,
			Boolean mfaRequired, Boolean webhooksAllowPrivateTargets) {
	}

	private record Cached(SecuritySettings settings, Instant loadedAt) {
	}

}
