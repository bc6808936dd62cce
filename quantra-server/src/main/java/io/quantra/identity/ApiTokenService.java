package io.quantra.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.quantra.admin.AuditEvent;
import io.quantra.admin.AuditLog;
import io.quantra.identity.ApiTokenRepository.StoredApiToken;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;

import org.springframework.stereotype.Service;

/**
 * API tokens (seed 001): {@code qapi_} and 32 random bytes in base 62, shown once at
 * creation and stored only as their SHA-256. Their owner lists and revokes them from a
 * console session or a JWT login, never with an API token.
 */
@Service
class ApiTokenService {

	static final String PREFIX = "qapi_";

	static final int MAX_NAME = 200;

	/**
	 * Last-used times are written at most once a minute per token, not on every request.
	 */
	private static final long TOUCH_INTERVAL_SECONDS = 60;

	private final ApiTokenRepository tokens;

	private final AuditLog audit;

	private final Clock clock;

	private final Map<Long, Instant> lastTouched = new ConcurrentHashMap<>();

	ApiTokenService(ApiTokenRepository tokens, AuditLog audit, Clock clock) {
		this.tokens = tokens;
		this.audit = audit;
		this.clock = clock;
	}

	CreatedToken create(CurrentUser owner, String name, Instant expiresAt, ClientInfo client) {
		requireInteractiveLogin(owner);
		if (name == null || name.isBlank() || name.length() > MAX_NAME) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR,
					"name is required and must be at most " + MAX_NAME + " characters.");
		}
		Instant now = this.clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "expires_at must be in the future.");
		}
		String token = PREFIX + SecretTokens.base62(32);
		String hint = token.substring(0, PREFIX.length() + 4);
		long id = this.tokens.insert(new UserId(owner.userId()), name.trim(), SecretTokens.sha256(token), hint, now,
				expiresAt);
		this.audit
			.record(AuditEvent.by(owner, "api_token_created", "api_token", id, client, Map.of("name", name.trim())));
		StoredApiToken stored = this.tokens.find(new UserId(owner.userId()), id).orElseThrow();
		return new CreatedToken(stored, token);
	}

	List<StoredApiToken> list(CurrentUser owner) {
		requireInteractiveLogin(owner);
		return this.tokens.findActive(new UserId(owner.userId()));
	}

	void revoke(CurrentUser owner, long id, ClientInfo client) {
		requireInteractiveLogin(owner);
		if (!this.tokens.revoke(new UserId(owner.userId()), id, this.clock.instant())) {
			throw ApiException.notFound("No API token " + id + " among yours.");
		}
		this.lastTouched.remove(id);
		this.audit.record(AuditEvent.by(owner, "api_token_revoked", "api_token", id, client, Map.of()));
	}

	/**
	 * The token's record when the token is live (not revoked, not expired).
	 */
	Optional<StoredApiToken> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.tokens.findByHash(SecretTokens.sha256(token))
			.filter((stored) -> stored.usableAt(now))
			.map((stored) -> {
				Instant touched = this.lastTouched.get(stored.id());
				if (touched == null || touched.plusSeconds(TOUCH_INTERVAL_SECONDS).isBefore(now)) {
					this.lastTouched.put(stored.id(), now);
					this.tokens.touch(stored.id(), now);
				}
				return stored;
			});
	}

	private static void requireInteractiveLogin(CurrentUser user) {
		if (user.method() == CurrentUser.AuthenticationMethod.API_TOKEN) {
			throw ApiException
				.permissionDenied("API tokens cannot manage API tokens; sign in to the console or use a JWT login.");
		}
	}

	record CreatedToken(StoredApiToken stored, String token) {
	}

}
