package io.quantra.runs;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Starting runs from other modules: triggers, schedules, the CLI. The caller has already
 * decided that the run may start (a runner's API token, a valid trigger signature, an
 * enabled schedule).
 */
public interface Runs {

	/** Every type of event a run emits, each with a JSON Schema of its payload. */
	List<String> EVENT_TYPES = RunEvents.TYPES;

	/**
	 * Starts a run of the project's pipeline as it is now.
	 * @param projectId the project
	 * @param initiatedBy the account the run is started for, or {@code null}
	 * @param trigger how it was started: {@code api}, {@code webhook}, {@code schedule},
	 * {@code cli}, …
	 * @param inputs values for datasource nodes, or {@code null}
	 * @param correlationId a UUID carried into every event and log line, or {@code null}
	 * for a new one
	 * @return the run, {@code running} or {@code queued} behind the project's concurrency
	 * limit
	 * @throws io.quantra.platform.ApiException when the correlation id is not a UUID, the
	 * inputs are too large or the project does not exist
	 */
	StartedRun start(long projectId, Long initiatedBy, String trigger, JsonNode inputs, String correlationId);

	/** A run as started. */
	record StartedRun(long executionId, String runId, String status, String correlationId) {
	}

}
