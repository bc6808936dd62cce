package io.quantra.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quantra.admin.Settings;
import io.quantra.identity.SessionRepository.StoredSession;
import io.quantra.platform.ClientInfo;

import org.springframework.stereotype.Service;

/**
 * Console sessions (seed 000's cookie login): an opaque random token in an HttpOnly
 * cookie, stored only as a hash, ended by logout, by the idle timeout of the settings,
 * after {@link #MAX_LIFETIME} at the latest, or when the account's credentials change.
 */
@Service
class SessionService {

	static final Duration MAX_LIFETIME = Duration.ofHours(24);

	/** Last-seen times are written at most this often, not on every request. */
	static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);

	private final SessionRepository sessions;

	private final Settings settings;

	private final Clock clock;

	SessionService(SessionRepository sessions, Settings settings, Clock clock) {
		this.sessions = sessions;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Starts a session; it authenticates requests only once {@code mfaVerified} (at once
	 * for accounts without MFA).
	 */
	NewSession start(UserId user, boolean mfaVerified, ClientInfo client) {
		Instant now = this.clock.instant();
		String token = SecretTokens.random(32);
		String csrf = SecretTokens.random(32);
		String id = UUID.randomUUID().toString();
		this.sessions.insert(new StoredSession(id, user, SecretTokens.sha256(token), SecretTokens.sha256(csrf),
				mfaVerified, now, now, now.plus(MAX_LIFETIME), null, client));
		return new NewSession(id, token, csrf);
	}

	/**
	 * The live session behind a cookie value, whether or not MFA is done; touched when
	 * used.
	 */
	Optional<StoredSession> find(String token) {
		if (token == null || token.isEmpty() || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.sessions.findByTokenHash(SecretTokens.sha256(token))
			.filter((session) -> live(session, now))
			.map((session) -> {
				if (session.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
					this.sessions.touch(session.id(), now);
				}
				return session;
			});
	}

	/**
	 * Marks MFA done and replaces the session's token and CSRF token.
	 */
	NewSession completeMfa(StoredSession session) {
		String token = SecretTokens.random(32);
		String csrf = SecretTokens.random(32);
		this.sessions.upgrade(session.id(), SecretTokens.sha256(token), SecretTokens.sha256(csrf),
				this.clock.instant());
		return new NewSession(session.id(), token, csrf);
	}

	void end(StoredSession session) {
		this.sessions.revoke(session.id(), this.clock.instant());
	}

	private boolean live(StoredSession session, Instant now) {
		Duration idle = this.settings.security().sessionTimeout();
		boolean live = session.revokedAt() == null && session.expiresAt().isAfter(now)
				&& session.lastSeenAt().plus(idle).isAfter(now);
		if (!live && session.revokedAt() == null) {
			this.sessions.revoke(session.id(), now);
		}
		return live;
	}

	record NewSession(String id, String token, String csrfToken) {
	}

}
