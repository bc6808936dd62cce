package io.quantra.runs;

import java.time.Instant;

/**
 * Published, within the transaction that stores it, for every event of a run: a listener
 * that writes in the same transaction (a webhook outbox) commits or rolls back with the
 * event.
 *
 * @param projectId the run's project
 * @param executionId the run's execution id
 * @param runId the run's UUID
 * @param seq the event's sequence number within the run
 * @param type the event type, such as {@code node_completed}
 * @param payload the event's JSON payload, valid against the type's schema
 * @param at when it happened
 */
public record RunEventEmitted(long projectId, long executionId, String runId, long seq, String type, String payload,
		Instant at) {
}
