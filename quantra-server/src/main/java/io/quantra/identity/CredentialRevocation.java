package io.quantra.identity;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends every way an account is signed in: console sessions, refresh-token families and
 * (through the token generation) access tokens. Used on refresh-token reuse, password
 * changes, MFA resets and deactivation. API tokens are kept: their owner manages them
 * explicitly.
 */
@Component
class CredentialRevocation {

	private final UserRepository users;

	private final SessionRepository sessions;

	private final RefreshTokenRepository refreshTokens;

	private final Clock clock;

	CredentialRevocation(UserRepository users, SessionRepository sessions, RefreshTokenRepository refreshTokens,
			Clock clock) {
		this.users = users;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.clock = clock;
	}

	@Transactional
	void revokeEverything(UserId user) {
		Instant now = this.clock.instant();
		this.sessions.revokeAll(user, now);
		this.refreshTokens.revokeAll(user, now);
		this.users.advanceTokenGeneration(user);
	}

}
