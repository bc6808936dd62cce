package io.quantra;

import io.quantra.HttpTestClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds projects and their canvases over HTTP for a test, as one signed-in user, and
 * fails the test at once when the server refuses a step.
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
		Response created = this.http.postJson("/projects", "{\"name\": \"" + name + "\"}", this.auth);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** A new node's id; {@code config} is JSON. */
	public long node(long project, String type, String plugin, String config) {
		Response created = this.http.postJson("/projects/" + project + "/nodes",
				"{\"node_type\": \"" + type + "\", \"plugin_id\": \"" + plugin + "\", \"config\": " + config + "}",
				this.auth);
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

}
