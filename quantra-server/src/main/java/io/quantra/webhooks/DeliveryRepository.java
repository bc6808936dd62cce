package io.quantra.webhooks;

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
 * The SQL behind the delivery outbox: one row per event and webhook, from its insertion
 * in the event's transaction to success or failure for good.
 */
@Repository
class DeliveryRepository {

	private static final String COLUMNS = "id, webhook_id, execution_id, seq, event_type, status, attempts, "
			+ "last_response_code, last_error, created_at, retry_until, next_attempt_at, last_attempt_at, delivered_at";

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long webhookId, long executionId, long seq, String eventType, String body, Instant now,
			Instant retryUntil) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into webhook_deliveries (webhook_id, execution_id, seq, event_type, body, status, attempts, "
					+ "window_attempts, created_at, retry_until, next_attempt_at) values (:webhook, :execution, :seq, "
					+ ":type, :body, 'pending', 0, 0, :now, :until, :now)")
			.param("webhook", webhookId)
			.param("execution", executionId)
			.param("seq", seq)
			.param("type", eventType)
			.param("body", body)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(retryUntil))
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
	}

	Optional<Delivery> find(long webhookId, long id) {
		return this.jdbc
			.sql("select " + COLUMNS + ", body from webhook_deliveries where id = :id and webhook_id = :webhook")
			.param("id", id)
			.param("webhook", webhookId)
			.query((rs, row) -> delivery(rs, rs.getString("body")))
			.optional();
	}

	/** Locks the delivery's row until the transaction ends. */
	void lock(long id) {
		this.jdbc.sql("select id from webhook_deliveries where id = :id for update")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	/** The webhook's deliveries, newest first, optionally of one status. */
	List<Delivery> list(long webhookId, String status, int limit, int offset) {
		var sql = this.jdbc.sql("select " + COLUMNS + " from webhook_deliveries where webhook_id = :webhook"
				+ ((status != null) ? " and status = :status" : "") + " order by id desc limit :limit offset :offset")
			.param("webhook", webhookId)
			.param("limit", limit)
			.param("offset", offset);
		if (status != null) {
			sql = sql.param("status", status);
		}
		return sql.query((rs, row) -> delivery(rs, null)).list();
	}

	long count(long webhookId, String status) {
		var sql = this.jdbc
			.sql("select count(*) from webhook_deliveries where webhook_id = :webhook"
					+ ((status != null) ? " and status = :status" : ""))
			.param("webhook", webhookId);
		if (status != null) {
			sql = sql.param("status", status);
		}
		return sql.query(Long.class).single();
	}

	/**
	 * The delivery with what an attempt needs, while it is pending; empty once it
	 * succeeded, failed for good or was deleted with its webhook.
	 */
	Optional<PendingDelivery> pending(long id) {
		return this.jdbc
			.sql("select d.id, d.body, d.window_attempts, d.retry_until, w.id as webhook_id, w.url, w.secret "
					+ "from webhook_deliveries d join webhooks w on w.id = d.webhook_id "
					+ "where d.id = :id and d.status = 'pending'")
			.param("id", id)
			.query((rs, row) -> new PendingDelivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("url"),
					rs.getString("secret"), rs.getString("body"), rs.getInt("window_attempts"),
					rs.getTimestamp("retry_until").toInstant()))
			.optional();
	}

	void succeeded(long id, int responseCode, Instant at) {
		this.jdbc
			.sql("update webhook_deliveries set status = 'succeeded', attempts = attempts + 1, "
					+ "window_attempts = window_attempts + 1, last_response_code = :code, last_error = null, "
					+ "last_attempt_at = :at, delivered_at = :at, next_attempt_at = null "
					+ "where id = :id and status = 'pending'")
			.param("code", responseCode)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	/**
	 * Records a failed attempt: the delivery stays pending until {@code next}, or has
	 * failed for good when there is none.
	 */
	void failed(long id, Integer responseCode, String error, Instant at, Instant next) {
		this.jdbc
			.sql("update webhook_deliveries set status = :status, attempts = attempts + 1, "
					+ "window_attempts = window_attempts + 1, last_response_code = :code, last_error = :error, "
					+ "last_attempt_at = :at, next_attempt_at = :next where id = :id and status = 'pending'")
			.param("status", (next != null) ? "pending" : "failed")
			.param("code", responseCode)
			.param("error", error)
			.param("at", Timestamp.from(at))
			.param("next", (next != null) ? Timestamp.from(next) : null)
			.param("id", id)
			.update();
	}

	/** Makes the delivery pending again, due now, with a new retry window. */
	void redeliver(long id, Instant now, Instant retryUntil) {
		this.jdbc
			.sql("update webhook_deliveries set status = 'pending', window_attempts = 0, next_attempt_at = :now, "
					+ "retry_until = :until where id = :id")
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(retryUntil))
			.param("id", id)
			.update();
	}

	List<Long> pendingIds(long webhookId, int limit) {
		return this.jdbc
			.sql("select id from webhook_deliveries where webhook_id = :webhook and status = 'pending' order by id "
					+ "limit :limit")
			.param("webhook", webhookId)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/** Deletes up to {@code batch} finished deliveries created before the cutoff. */
	int deleteFinished(Instant cutoff, int batch) {
		return this.jdbc
			.sql("delete from webhook_deliveries where id in (select id from webhook_deliveries where status <> "
					+ "'pending' and created_at < :cutoff order by id limit :batch)")
			.param("cutoff", Timestamp.from(cutoff))
			.param("batch", batch)
			.update();
	}

	private static Delivery delivery(ResultSet rs, String body) throws SQLException {
		int stored = rs.getInt("last_response_code");
		Integer code = rs.wasNull() ? null : stored;
		return new Delivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getLong("execution_id"), rs.getLong("seq"),
				rs.getString("event_type"), rs.getString("status"), rs.getInt("attempts"), code,
				rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "retry_until"),
				instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"), instant(rs, "delivered_at"), body);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * One event on its way to one webhook.
	 *
	 * @param body the JSON sent, when it was asked for
	 */
	record Delivery(long id, long webhookId, long executionId, long seq, String eventType, String status, int attempts,
			Integer lastResponseCode, String lastError, Instant createdAt, Instant retryUntil, Instant nextAttemptAt,
			Instant lastAttemptAt, Instant deliveredAt, String body) {
	}

	/**
	 * A pending delivery with what its next attempt needs.
	 *
	 * @param sealedSecret the webhook's signing secret as stored
	 * @param windowAttempts attempts made since the retry window began
	 */
	record PendingDelivery(long id, long webhookId, String url, String sealedSecret, String body, int windowAttempts,
			Instant retryUntil) {
	}

}
