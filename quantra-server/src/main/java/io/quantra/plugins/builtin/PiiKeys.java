package io.quantra.plugins.builtin;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import io.quantra.platform.SecretBox;
import io.quantra.projects.ProjectDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-project keys of {@code pii_redaction}'s hash mode: 32 random bytes made on
 * first use and kept sealed, so a hash links records within one project and says nothing
 * across projects or to someone who only has the database.
 */
@Component
class PiiKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final Clock clock;

	PiiKeys(JdbcClient jdbc, SecretBox box, Clock clock) {
		this.jdbc = jdbc;
		this.box = box;
		this.clock = clock;
	}

	/** The project's key, made now if it has none. */
	byte[] of(long projectId) {
		Optional<String> sealed = find(projectId);
		if (sealed.isEmpty()) {
			byte[] key = new byte[32];
			RANDOM.nextBytes(key);
			try {
				this.jdbc
					.sql("insert into pii_keys (project_id, sealed_key, created_at) values (:project, :sealed, :at)")
					.param("project", projectId)
					.param("sealed", this.box.seal(Base64.getEncoder().encodeToString(key)))
					.param("at", Timestamp.from(this.clock.instant()))
					.update();
			}
			catch (DuplicateKeyException ex) {
				// another run made it first: both use that one
			}
			sealed = find(projectId);
		}
		return Base64.getDecoder().decode(this.box.open(sealed.orElseThrow()));
	}

	private Optional<String> find(long projectId) {
		return this.jdbc.sql("select sealed_key from pii_keys where project_id = :project")
			.param("project", projectId)
			.query(String.class)
			.optional();
	}

	/** A deleted project's key goes with it, in the same transaction. */
	@EventListener
	void on(ProjectDeleted event) {
		this.jdbc.sql("delete from pii_keys where project_id = :project").param("project", event.projectId()).update();
	}

}
