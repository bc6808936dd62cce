package io.quantra;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.quantra.HttpTestClient.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds projects and their canvases over HTTP for a test, as one signed-in user, runs
 * them, and fails the test at once when the server refuses a step.
 */
public final class TestCanvas {

	private final HttpTestClient http;

	private final String[] auth;

	public TestCanvas(HttpTestClient http, String[] auth) {
		this.http = http;
		this.auth = auth;
	}

	/** A new project's id. */
	public long project(String name) {
		return created(this.http.postJson("/projects", "{\"name\": \"" + name + "\"}", this.auth));
	}

	/** A new node's id; {@code config} is JSON. */
	public long node(long project, String type, String plugin, String config) {
		return created(this.http.postJson("/projects/" + project + "/nodes",
				"{\"node_type\": \"" + type + "\", \"plugin_id\": \"" + plugin + "\", \"config\": " + config + "}",
				this.auth));
	}

	/**
	 * A new node's id, with a label and a place on the canvas; {@code config} is JSON.
	 */
	public long node(long project, String type, String plugin, String label, int x, int y, String config) {
		return created(
				this.http.postJson("/projects/" + project + "/nodes",
						"{\"node_type\": \"" + type + "\", \"plugin_id\": \"" + plugin + "\", \"label\": \"" + label
								+ "\", \"x_pos\": " + x + ", \"y_pos\": " + y + ", \"config\": " + config + "}",
						this.auth));
	}

	private static long created(Response created) {
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** Connects two nodes by a {@code flow} edge. */
	public void flow(long project, long source, long target) {
		Response created = this.http.postJson("/projects/" + project + "/edges",
				"{\"source_node\": " + source + ", \"target_node\": " + target + ", \"edge_mode\": \"flow\"}",
				this.auth);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	/**
	 * Starts a run with a JSON body such as {@code {"inputs": {...}}}; its execution id.
	 */
	public long start(long project, String body) {
		Response started = this.http.postJson("/projects/" + project + "/run", body, this.auth);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		return started.json().get("execution_id").asLong();
	}

	/**
	 * The execution once it has ended (completed, failed or cancelled), within
	 * {@code max}.
	 */
	public JsonNode awaitEnd(long execution, Duration max) {
		return awaitStatus(execution, Set.of("completed", "failed", "cancelled"), max);
	}

	/** The execution once its status is one of {@code statuses}, within {@code max}. */
	public JsonNode awaitStatus(long execution, Set<String> statuses, Duration max) {
		Instant deadline = Instant.now().plus(max);
		String seen = null;
		while (Instant.now().isBefore(deadline)) {
			JsonNode run = this.http.get("/executions/" + execution, this.auth).json();
			seen = run.get("status").asString();
			if (statuses.contains(seen)) {
				return run;
			}
			Pause.pause(50);
		}
		throw new AssertionError("execution " + execution + " is " + seen + ", not " + statuses + " after " + max);
	}

}
