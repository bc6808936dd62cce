package io.quantra.runs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event store of runs. Each event type has a JSON Schema of the fields it may carry —
 * identifiers, technical data, aggregates, timestamps, statuses — and a payload outside
 * it is refused when emitted, so no personal data can slip into an event. Sequence
 * numbers are gap-free per run: events are emitted while the run's row is locked.
 */
@Component
class RunEvents {

	static final List<String> TYPES = List.of("run_started", "node_started", "node_progress", "authorization_requested",
			"authorization_completed", "node_completed", "node_failed", "gate_requested", "gate_decision", "run_paused",
			"run_resumed", "run_completed", "run_failed", "run_cancelled");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, Schema> schemas = new HashMap<>();

	private final ApplicationEventPublisher publisher;

	/** Binds each transaction's last sequence numbers. */
	private final Object transactionKey = new Object();

	RunEvents(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		for (String type : TYPES) {
			try (InputStream in = RunEvents.class.getResourceAsStream("/events/" + type + ".schema.json")) {
				this.schemas.put(type, registry.getSchema(json.readTree(in)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * Stores an event of a run the caller has locked and read.
	 * @throws IllegalArgumentException when the type is unknown or the payload breaks its
	 * schema
	 */
	long emit(RunRepository.Run run, String type, Map<String, Object> payload) {
		long runPk = run.id();
		ObjectNode body = validated(type, payload, run.correlationId());
		long seq = nextSeq(runPk);
		String text = this.json.writeValueAsString(body);
		Instant at = this.clock.instant();
		this.jdbc
			.sql("insert into run_events (run_pk, seq, event_type, payload, created_at) values (:run, :seq, :type, "
					+ ":payload, :at)")
			.param("run", runPk)
			.param("seq", seq)
			.param("type", type)
			.param("payload", text)
			.param("at", Timestamp.from(at))
			.update();
		this.publisher.publishEvent(new RunEventEmitted(run.projectId(), runPk, run.runId(), seq, type, text, at));
		return seq;
	}

	/**
	 * Tells the transaction that the run is new: its first event is number 1.
	 */
	void newRun(long runPk) {
		Map<Long, Long> last = lastSeqs();
		if (last != null) {
			last.put(runPk, 0L);
		}
	}

	/**
	 * The run's next sequence number. The run's lock is held until commit, so the number
	 * read once stays the last one for the rest of the transaction.
	 */
	private long nextSeq(long runPk) {
		Map<Long, Long> last = lastSeqs();
		Long known = (last != null) ? last.get(runPk) : null;
		long seq = (known != null) ? known + 1
				: this.jdbc.sql("select coalesce(max(seq), 0) + 1 from run_events where run_pk = :run")
					.param("run", runPk)
					.query(Long.class)
					.single();
		if (last != null) {
			last.put(runPk, seq);
		}
		return seq;
	}

	/**
	 * The last sequence number of each run this transaction emitted for; null outside a
	 * transaction.
	 */
	@SuppressWarnings("unchecked")
	private Map<Long, Long> lastSeqs() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Map<Long, Long> last = (Map<Long, Long>) TransactionSynchronizationManager.getResource(this.transactionKey);
		if (last == null) {
			Map<Long, Long> bound = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this.transactionKey, bound);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(RunEvents.this.transactionKey);
				}
			});
			last = bound;
		}
		return last;
	}

	/**
	 * The payload as stored: with the run's correlation id, checked against the type's
	 * schema.
	 * @throws IllegalArgumentException when the type is unknown or the payload breaks its
	 * schema
	 */
	ObjectNode validated(String type, Map<String, Object> payload, String correlationId) {
		Schema schema = this.schemas.get(type);
		if (schema == null) {
			throw new IllegalArgumentException("Unknown run event type " + type);
		}
		ObjectNode body = this.json.valueToTree(payload);
		if (!body.has("correlation_id")) {
			body.put("correlation_id", correlationId);
		}
		List<String> violations = schema.validate(body).stream().map(Object::toString).toList();
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException("Refused " + type + " event: " + String.join("; ", violations));
		}
		return body;
	}

	/** Events of the run after {@code afterSeq}, in order, at most {@code limit}. */
	List<StoredEvent> after(long runPk, long afterSeq, int limit) {
		return this.jdbc
			.sql("select seq, event_type, payload, created_at from run_events where run_pk = :run and seq > :after "
					+ "order by seq limit :limit")
			.param("run", runPk)
			.param("after", afterSeq)
			.param("limit", limit)
			.query((rs, row) -> new StoredEvent(rs.getLong("seq"), rs.getString("event_type"),
					this.json.readTree(rs.getString("payload")), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	record StoredEvent(long seq, String type, JsonNode payload, Instant createdAt) {
	}

}
