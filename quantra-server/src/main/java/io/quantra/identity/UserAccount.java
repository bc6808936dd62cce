package io.quantra.identity;

import java.time.Instant;

/**
 * A user account as stored. The password hash never leaves the identity module.
 */
record UserAccount(UserId id, String email, String firstName, String lastName, String passwordHash, boolean staff,
		boolean superuser, boolean active, Instant createdAt, Instant updatedAt, int failedLogins, Instant lockedUntil,
		int tokenGeneration, boolean mfaEnabled, String mfaSecret, String mfaPendingSecret) {

	boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
