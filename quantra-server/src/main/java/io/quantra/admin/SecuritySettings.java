package io.quantra.admin;

import java.time.Duration;

/**
 * The security settings staff edit at {@code /settings}.
 *
 * @param sessionTimeoutMinutes idle time after which a console session ends
 * @param maxLoginAttempts consecutive failed logins that lock an account
 * @param lockoutMinutes how long a locked account stays locked
 * @param mfaRequired whether every user must use multi-factor authentication
 * @param webhooksAllowPrivateTargets whether webhooks may send to loopback, private and
 * link-local addresses, that is into the network Quantra runs in (off by default:
 * server-side request forgery)
 */
public record SecuritySettings(int sessionTimeoutMinutes, int maxLoginAttempts, int lockoutMinutes, boolean mfaRequired,
		boolean webhooksAllowPrivateTargets) {

	public Duration sessionTimeout() {
		return Duration.ofMinutes(this.sessionTimeoutMinutes);
	}

	public Duration lockout() {
		return Duration.ofMinutes(this.lockoutMinutes);
	}

}
