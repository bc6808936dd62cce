package io.quantra.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind API tokens.
 */
@Repository
class ApiTokenRepository {

	private static final String COLUMNS = "id, user_id, name, token_hint, created_at, expires_at, last_used_at, "
			+ "revoked_at";

	private final JdbcClient jdbc;

	ApiTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(UserId user, String name, String tokenHash, String hint, Instant createdAt, Instant expiresAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into api_tokens (user_id, name, token_hash, token_hint, created_at, expires_at) "
					+ "values (:user, :name, :hash, :hint, :created, :expires)")
			.param("user", user.value())
			.param("name", name)
			.param("hash", tokenHash)
			.param("hint", hint)
			.param("created", Timestamp.from(createdAt))
			.param("expires", (expiresAt != null) ? Timestamp.from(expiresAt) : null)
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
	}

	Optional<StoredApiToken> findByHash(String tokenHash) {
		return this.jdbc.sql("select " + COLUMNS + " from api_tokens where token_hash = :hash")
			.param("hash", tokenHash)
			.query(ApiTokenRepository::map)
			.optional();
	}

	Optional<StoredApiToken> find(UserId user, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from api_tokens where id = :id and user_id = :user")
			.param("id", id)
			.param("user", user.value())
			.query(ApiTokenRepository::map)
			.optional();
	}

	List<StoredApiToken> findActive(UserId user) {
		return this.jdbc
			.sql("select " + COLUMNS + " from api_tokens where user_id = :user and revoked_at is null order by id")
			.param("user", user.value())
			.query(ApiTokenRepository::map)
			.list();
	}

	void touch(long id, Instant now) {
		this.jdbc.sql("update api_tokens set last_used_at = :now where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	boolean revoke(UserId user, long id, Instant now) {
		return this.jdbc
			.sql("update api_tokens set revoked_at = :now where id = :id and user_id = :user and revoked_at is null")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("user", user.value())
			.update() > 0;
	}

	private static StoredApiToken map(ResultSet rs, int row) throws SQLException {
		return new StoredApiToken(rs.getLong("id"), new UserId(rs.getLong("user_id")), rs.getString("name"),
				rs.getString("token_hint"), SessionRepository.instant(rs, "created_at"),
				SessionRepository.instant(rs, "expires_at"), SessionRepository.instant(rs, "last_used_at"),
				SessionRepository.instant(rs, "revoked_at"));
	}

	record StoredApiToken(long id, UserId userId, String name, String hint, Instant createdAt, Instant expiresAt,
			Instant lastUsedAt, Instant revokedAt) {

		boolean usableAt(Instant now) {
			return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(now));
		}

	}

}
