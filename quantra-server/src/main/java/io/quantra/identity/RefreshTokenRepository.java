package io.quantra.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quantra.platform.ClientInfo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind refresh tokens and their families (one family per login).
 */
@Repository
class RefreshTokenRepository {

	private final JdbcClient jdbc;

	RefreshTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String jti, String familyId, UserId user, Instant createdAt, Instant expiresAt, ClientInfo client) {
		this.jdbc
			.sql("insert into refresh_tokens (id, family_id, user_id, created_at, expires_at, user_agent, ip_address) "
					+ "values (:id, :family, :user, :created, :expires, :agent, :ip)")
			.param("id", jti)
			.param("family", familyId)
			.param("user", user.value())
			.param("created", Timestamp.from(createdAt))
			.param("expires", Timestamp.from(expiresAt))
			.param("agent", client.userAgent())
			.param("ip", client.ipAddress())
			.update();
	}

	Optional<StoredRefreshToken> find(String jti) {
		return this.jdbc.sql("select id, family_id, user_id, used_at, revoked_at from refresh_tokens where id = :id")
			.param("id", jti)
			.query((rs, row) -> new StoredRefreshToken(rs.getString("id"), rs.getString("family_id"),
					new UserId(rs.getLong("user_id")), SessionRepository.instant(rs, "used_at"),
					SessionRepository.instant(rs, "revoked_at")))
			.optional();
	}

	/**
	 * Marks the token used, unless it already was: exactly one of two concurrent
	 * refreshes wins.
	 */
	boolean markUsed(String jti, Instant now) {
		return this.jdbc
			.sql("update refresh_tokens set used_at = :now where id = :id and used_at is null and revoked_at is null")
			.param("now", Timestamp.from(now))
			.param("id", jti)
			.update() > 0;
	}

	int revokeFamily(String familyId, Instant now) {
		return this.jdbc
			.sql("update refresh_tokens set revoked_at = :now where family_id = :family and revoked_at is null")
			.param("now", Timestamp.from(now))
			.param("family", familyId)
			.update();
	}

	boolean revokeFamily(UserId user, String familyId, Instant now) {
		return this.jdbc
			.sql("update refresh_tokens set revoked_at = :now where family_id = :family and user_id = :user "
					+ "and revoked_at is null")
			.param("now", Timestamp.from(now))
			.param("family", familyId)
			.param("user", user.value())
			.update() > 0;
	}

	int revokeAll(UserId user, Instant now) {
		return this.jdbc.sql("update refresh_tokens set revoked_at = :now where user_id = :user and revoked_at is null")
			.param("now", Timestamp.from(now))
			.param("user", user.value())
			.update();
	}

	/**
	 * The live families of a user: each is one login, represented by its newest token.
	 */
	List<Family> findActiveFamilies(UserId user, Instant now) {
		return this.jdbc
			.sql("select family_id, min(created_at) as created_at, max(created_at) as last_seen_at, "
					+ "max(user_agent) as user_agent, max(ip_address) as ip_address from refresh_tokens "
					+ "where user_id = :user and revoked_at is null and expires_at > :now and used_at is null "
					+ "group by family_id order by max(created_at) desc")
			.param("user", user.value())
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Family(rs.getString("family_id"), SessionRepository.instant(rs, "created_at"),
					SessionRepository.instant(rs, "last_seen_at"),
					new ClientInfo(rs.getString("ip_address"), rs.getString("user_agent"))))
			.list();
	}

	record StoredRefreshToken(String id, String familyId, UserId userId, Instant usedAt, Instant revokedAt) {
	}

	record Family(String id, Instant createdAt, Instant lastSeenAt, ClientInfo client) {
	}

}
