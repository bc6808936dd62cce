package io.quantra.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quantra.platform.ClientInfo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind console sessions.
 */
@Repository
class SessionRepository {

	private static final String COLUMNS = "id, user_id, token_hash, csrf_hash, mfa_verified, created_at, last_seen_at, "
			+ "expires_at, revoked_at, user_agent, ip_address";

	private final JdbcClient jdbc;

	SessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredSession session) {
		this.jdbc
			.sql("insert into user_sessions (" + COLUMNS + ") values (:id, :user, :token, :csrf, :mfa, :created, "
					+ ":seen, :expires, null, :agent, :ip)")
			.param("id", session.id())
			.param("user", session.userId().value())
			.param("token", session.tokenHash())
			.param("csrf", session.csrfHash())
			.param("mfa", session.mfaVerified())
			.param("created", Timestamp.from(session.createdAt()))
			.param("seen", Timestamp.from(session.lastSeenAt()))
			.param("expires", Timestamp.from(session.expiresAt()))
			.param("agent", session.client().userAgent())
			.param("ip", session.client().ipAddress())
			.update();
	}

	Optional<StoredSession> findByTokenHash(String tokenHash) {
		return this.jdbc.sql("select " + COLUMNS + " from user_sessions where token_hash = :token")
			.param("token", tokenHash)
			.query(SessionRepository::map)
			.optional();
	}

	List<StoredSession> findActive(UserId user, Instant now) {
		return this.jdbc
			.sql("select " + COLUMNS + " from user_sessions where user_id = :user and revoked_at is null and "
					+ "mfa_verified = true and expires_at > :now order by last_seen_at desc")
			.param("user", user.value())
			.param("now", Timestamp.from(now))
			.query(SessionRepository::map)
			.list();
	}

	void touch(String id, Instant now) {
		this.jdbc.sql("update user_sessions set last_seen_at = :now where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/**
	 * Replaces the token (and CSRF token) of a session, e.g. once MFA is verified, so a
	 * token seen before that step is worth nothing after it.
	 */
	void upgrade(String id, String tokenHash, String csrfHash, Instant now) {
		this.jdbc
			.sql("update user_sessions set token_hash = :token, csrf_hash = :csrf, mfa_verified = true, "
					+ "last_seen_at = :now where id = :id")
			.param("token", tokenHash)
			.param("csrf", csrfHash)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	boolean revoke(String id, Instant now) {
		return this.jdbc.sql("update user_sessions set revoked_at = :now where id = :id and revoked_at is null")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() > 0;
	}

	boolean revoke(UserId user, String id, Instant now) {
		return this.jdbc
			.sql("update user_sessions set revoked_at = :now where id = :id and user_id = :user and revoked_at is null")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("user", user.value())
			.update() > 0;
	}

	int revokeAll(UserId user, Instant now) {
		return this.jdbc.sql("update user_sessions set revoked_at = :now where user_id = :user and revoked_at is null")
			.param("now", Timestamp.from(now))
			.param("user", user.value())
			.update();
	}

	private static StoredSession map(ResultSet rs, int row) throws SQLException {
		return new StoredSession(rs.getString("id"), new UserId(rs.getLong("user_id")), rs.getString("token_hash"),
				rs.getString("csrf_hash"), rs.getBoolean("mfa_verified"), instant(rs, "created_at"),
				instant(rs, "last_seen_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
				new ClientInfo(rs.getString("ip_address"), rs.getString("user_agent")));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	record StoredSession(String id, UserId userId, String tokenHash, String csrfHash, boolean mfaVerified,
			Instant createdAt, Instant lastSeenAt, Instant expiresAt, Instant revokedAt, ClientInfo client) {
	}

}
