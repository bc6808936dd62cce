package io.quantra.identity;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quantra.admin.AuditEvent;
import io.quantra.admin.AuditLog;
import io.quantra.identity.JwtTokens.Issued;
import io.quantra.identity.JwtTokens.TokenType;
import io.quantra.identity.JwtTokens.Verified;
import io.quantra.identity.RefreshTokenRepository.StoredRefreshToken;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.ErrorCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access and refresh tokens (seeds 002, 003). A refresh token is used once and replaced
 * by a new one of the same family; presenting a used one means it was stolen or replayed,
 * so every refresh token and session of the account is revoked and its access tokens stop
 * working.
 */
@Service
class TokenService {

	private final JwtTokens jwt;

	private final RefreshTokenRepository refreshTokens;

	private final UserRepository users;

	private final CredentialRevocation revocation;

	private final AuditLog audit;

	private final Clock clock;

	TokenService(JwtTokens jwt, RefreshTokenRepository refreshTokens, UserRepository users,
			CredentialRevocation revocation, AuditLog audit, Clock clock) {
		this.jwt = jwt;
		this.refreshTokens = refreshTokens;
		this.users = users;
		this.revocation = revocation;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new login: a new refresh-token family. */
	TokenPair issue(UserAccount user, ClientInfo client) {
		return issue(user, UUID.randomUUID().toString(), client);
	}

	@Transactional(noRollbackFor = ApiException.class)
	TokenPair refresh(String refreshToken, ClientInfo client) {
		Verified claims = (refreshToken != null) ? this.jwt.verify(refreshToken, TokenType.REFRESH).orElse(null) : null;
		StoredRefreshToken stored = (claims != null) ? this.refreshTokens.find(claims.jti()).orElse(null) : null;
		if (stored == null) {
			throw invalid();
		}
		if (stored.usedAt() == null && stored.revokedAt() != null) {
			throw invalid();
		}
		if (stored.usedAt() != null || !this.refreshTokens.markUsed(stored.id(), this.clock.instant())) {
			this.revocation.revokeEverything(stored.userId());
			this.audit.record(new AuditEvent("refresh_token_reused", stored.userId().value(), null, "user",
					Long.toString(stored.userId().value()), client, Map.of("family", stored.familyId())));
			throw new ApiException(ErrorCode.UNAUTHORIZED,
					"This refresh token was already used; every session of the account has been ended. Sign in again.");
		}
		UserAccount user = this.users.findById(stored.userId())
			.filter(UserAccount::active)
			.orElseThrow(TokenService::invalid);
		return issue(user, stored.familyId(), client);
	}

	/** Ends the login the refresh token belongs to. */
	void logout(String refreshToken) {
		Optional<Verified> claims = (refreshToken != null) ? this.jwt.verify(refreshToken, TokenType.REFRESH)
				: Optional.empty();
		StoredRefreshToken stored = claims.flatMap((c) -> this.refreshTokens.find(c.jti()))
			.orElseThrow(TokenService::invalid);
		this.refreshTokens.revokeFamily(stored.familyId(), this.clock.instant());
	}

	private TokenPair issue(UserAccount user, String familyId, ClientInfo client) {
		Issued access = this.jwt.issue(user.id().value(), user.tokenGeneration(), TokenType.ACCESS);
		Issued refresh = this.jwt.issue(user.id().value(), user.tokenGeneration(), TokenType.REFRESH);
		this.refreshTokens.insert(refresh.jti(), familyId, user.id(), this.clock.instant(), refresh.expiresAt(),
				client);
		return new TokenPair(access.token(), refresh.token(), JwtTokens.ACCESS_TTL.toSeconds());
	}

	private static ApiException invalid() {
		return new ApiException(ErrorCode.UNAUTHORIZED, "The refresh token is invalid or has expired. Sign in again.");
	}

	record TokenPair(String accessToken, String refreshToken, long expiresIn) {
	}

}
