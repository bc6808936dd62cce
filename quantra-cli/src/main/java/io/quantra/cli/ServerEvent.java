package io.quantra.cli;

import tools.jackson.databind.JsonNode;

/**
 * One Server-Sent Event of a run's stream: its sequence number, type
 * ({@code node_started} …) and body ({@code seq}, {@code type}, {@code created_at},
 * {@code payload}).
 *
 * @param id the event id (the run's sequence number), or null
 * @param type the event name
 * @param data the event body as JSON
 * @param raw the body as the server sent it
 */
record ServerEvent(String id, String type, JsonNode data, String raw) {

	JsonNode payload() {
		return this.data.path("payload");
	}

	boolean endsRun() {
		return "run_completed".equals(this.type) || "run_failed".equals(this.type) || "run_cancelled".equals(this.type);
	}

}
