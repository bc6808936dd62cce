package io.quantra.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind webhooks. Event types are stored comma-separated; none means all.
 */
@Repository
class WebhookRepository {

	private static final String COLUMNS = "id, project_id, url, event_types, description, created_at";

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long projectId, String url, List<String> eventTypes, String description, String sealedSecret,
			long createdBy, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into webhooks (project_id, url, event_types, description, secret, created_by, created_at) "
					+ "values (:project, :url, :types, :description, :secret, :by, :now)")
			.param("project", projectId)
			.param("url", url)
			.param("types", String.join(",", eventTypes))
			.param("description", description)
			.param("secret", sealedSecret)
			.param("by", createdBy)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
	}

	Optional<Webhook> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from webhooks where id = :id")
			.param("id", id)
			.query(WebhookRepository::webhook)
			.optional();
	}

	List<Webhook> ofProject(long projectId) {
		return this.jdbc.sql("select " + COLUMNS + " from webhooks where project_id = :project order by id")
			.param("project", projectId)
			.query(WebhookRepository::webhook)
			.list();
	}

	long count(long projectId) {
		return this.jdbc.sql("select count(*) from webhooks where project_id = :project")
			.param("project", projectId)
			.query(Long.class)
			.single();
	}

	/** What the outbox needs to know about a project's webhooks, and nothing more. */
	List<Subscription> subscriptions(long projectId) {
		return this.jdbc.sql("select id, event_types from webhooks where project_id = :project order by id")
			.param("project", projectId)
			.query((rs, row) -> new Subscription(rs.getLong(1), types(rs.getString(2))))
			.list();
	}

	/** Deletes the webhook; its deliveries go with it. */
	void delete(long id) {
		this.jdbc.sql("delete from webhooks where id = :id").param("id", id).update();
	}

	private static Webhook webhook(ResultSet rs, int row) throws SQLException {
		return new Webhook(rs.getLong("id"), rs.getLong("project_id"), rs.getString("url"),
				List.copyOf(types(rs.getString("event_types"))), rs.getString("description"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static Set<String> types(String stored) {
		if (stored == null || stored.isEmpty()) {
			return Set.of();
		}
		return new LinkedHashSet<>(Arrays.asList(stored.split(",")));
	}

	/**
	 * A webhook as its admins see it; the signing secret is never part of it.
	 *
	 * @param eventTypes the event types sent; empty for all
	 */
	record Webhook(long id, long projectId, String url, List<String> eventTypes, String description,
			Instant createdAt) {
	}

	/**
	 * A webhook as the outbox sees it.
	 *
	 * @param eventTypes the event types sent; empty for all
	 */
	record Subscription(long webhookId, Set<String> eventTypes) {

		boolean wants(String type) {
			return this.eventTypes.isEmpty() || this.eventTypes.contains(type);
		}

	}

}
