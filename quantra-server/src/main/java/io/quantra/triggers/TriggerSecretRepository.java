package io.quantra.triggers;

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
 * The SQL behind trigger secrets and the signatures already accepted with them.
 */
@Repository
class TriggerSecretRepository {

	private static final String COLUMNS = "id, project_id, name, secret_sealed, secret_hint, created_by, created_at, "
			+ "last_used_at";

	private final JdbcClient jdbc;

	TriggerSecretRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long projectId, String name, String sealed, String hint, long createdBy, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into trigger_secrets (project_id, name, secret_sealed, secret_hint, created_by, created_at) "
					+ "values (:project, :name, :sealed, :hint, :createdBy, :now)")
			.param("project", projectId)
			.param("name", name)
			.param("sealed", sealed)
			.param("hint", hint)
			.param("createdBy", createdBy)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
	}

	Optional<StoredSecret> find(long projectId, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from trigger_secrets where id = :id and project_id = :project")
			.param("id", id)
			.param("project", projectId)
			.query(TriggerSecretRepository::map)
			.optional();
	}

	List<StoredSecret> findAll(long projectId) {
		return this.jdbc.sql("select " + COLUMNS + " from trigger_secrets where project_id = :project order by id")
			.param("project", projectId)
			.query(TriggerSecretRepository::map)
			.list();
	}

	int count(long projectId) {
		return this.jdbc.sql("select count(*) from trigger_secrets where project_id = :project")
			.param("project", projectId)
			.query(Integer.class)
			.single();
	}

	boolean delete(long projectId, long id) {
		return this.jdbc.sql("delete from trigger_secrets where id = :id and project_id = :project")
			.param("id", id)
			.param("project", projectId)
			.update() > 0;
	}

	void deleteAll(long projectId) {
		this.jdbc.sql("delete from trigger_secrets where project_id = :project").param("project", projectId).update();
	}

	void touch(long id, Instant now) {
		this.jdbc.sql("update trigger_secrets set last_used_at = :now where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/**
	 * Remembers an accepted signature until its timestamp leaves the window.
	 * @return {@code false} when it was accepted before (a concurrent duplicate waits for
	 * the first to commit)
	 */
	boolean remember(String signature, Instant staleAfter) {
		return this.jdbc
			.sql("insert into trigger_signatures (signature, expires_at) values (:signature, :expires) "
					+ "on conflict do nothing")
			.param("signature", signature)
			.param("expires", Timestamp.from(staleAfter))
			.update() > 0;
	}

	/** Forgets signatures whose timestamps no request may carry any more. */
	void forgetStale(Instant now) {
		this.jdbc.sql("delete from trigger_signatures where expires_at < :now")
			.param("now", Timestamp.from(now))
			.update();
	}

	private static StoredSecret map(ResultSet rs, int row) throws SQLException {
		return new StoredSecret(rs.getLong("id"), rs.getLong("project_id"), rs.getString("name"),
				rs.getString("secret_sealed"), rs.getString("secret_hint"), rs.getLong("created_by"),
				instant(rs, "created_at"), instant(rs, "last_used_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** A trigger secret as stored: the secret itself only sealed. */
	record StoredSecret(long id, long projectId, String name, String sealed, String hint, long createdBy,
			Instant createdAt, Instant lastUsedAt) {
	}

}
