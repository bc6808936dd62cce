package io.quantra.runs;

import java.time.Duration;
import java.time.Instant;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs over real HTTP on each database: nodes execute in dependency order through the
 * durable scheduler, branches join, failures stop the run, and a run keeps the chain it
 * ran.
 */
abstract class RunContract {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	HttpTestClient http;

	String[] owner;

	long project;

	@BeforeEach
	void createProject() {
		this.http = HttpTestClient.local(this.port);
		this.owner = login(this.accounts.user("runner"));
		this.project = this.http.postJson("/projects", "{\"name\": \"Greetings\"}", this.owner)
			.json()
			.get("id")
			.asLong();
	}

	@Test
	void nodesRunInDependencyOrderAndPassTheirFramesOn() {
		long inputs = node("datasource", "inputs", "{}");
		long greet = node("tool", "text_template", "{\"template\": \"Hello {{name}}\"}");
		long shout = node("tool", "text_template", "{\"template\": \"{{text}}!\", \"output_field\": \"shout\"}");
		edge(inputs, greet, "flow");
		edge(greet, shout, "flow");

		Response started = this.http.postJson("/projects/" + this.project + "/run", "{\"inputs\": {\"name\": \"Ada\"}}",
				this.owner);
		assertThat(started.status()).isEqualTo(202);
		assertThat(started.json().get("status").asString()).isEqualTo("running");
		assertThat(started.json().get("message").asString()).isEqualTo("Pipeline execution started.");
		long execution = started.json().get("execution_id").asLong();

		JsonNode run = awaitEnd(execution);
		assertThat(run.get("status").asString()).isEqualTo("completed");
		assertThat(run.get("project_id").asLong()).isEqualTo(this.project);
		assertThat(run.get("run_id").asString()).matches("[0-9a-f-]{36}");
		assertThat(run.get("trigger").asString()).isEqualTo("api");
		assertThat(run.get("completed_at").isNull()).isFalse();

		JsonNode results = this.http.get("/executions/" + execution + "/results", this.owner).json().get("results");
		assertThat(results.propertyNames()).containsExactly("node_" + inputs, "node_" + greet, "node_" + shout);
		JsonNode last = results.get("node_" + shout);
		assertThat(last.get("status").asString()).isEqualTo("completed");
		assertThat(last.get("attempts").asInt()).isEqualTo(1);
		JsonNode frame = last.get("output");
		assertThat(frame.get("tod").asString()).isEqualTo("object");
		assertThat(frame.get("eos").asBoolean()).isTrue();
		assertThat(frame.get("oauth2").has("url")).isTrue();
		assertThat(frame.get("data").get(0).get("content").get("shout").asString()).isEqualTo("Hello Ada!");
	}

	@Test
	void parallelBranchesJoin() {
		long source = node("datasource", "inputs", "{\"field\": \"people\"}");
		long left = node("tool", "text_template", "{\"template\": \"L-{{name}}\"}");
		long right = node("tool", "text_template", "{\"template\": \"R-{{name}}\"}");
		long join = node("tool", "text_template", "{\"template\": \"{{text}}\", \"output_field\": \"joined\"}");
		edge(source, left, "flow");
		edge(source, right, "flow");
		edge(left, join, "flow");
		edge(right, join, "interactive");
		long execution = start("{\"inputs\": {\"people\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}}");
		assertThat(awaitEnd(execution).get("status").asString()).isEqualTo("completed");
		JsonNode joined = this.http.get("/executions/" + execution + "/results", this.owner)
			.json()
			.get("results")
			.get("node_" + join)
			.get("output")
			.get("data");
		assertThat(joined.size()).isEqualTo(4);
		assertThat(joined.valueStream().map((item) -> item.get("content").get("joined").asString()).toList())
			.containsExactlyInAnyOrder("L-a", "L-b", "R-a", "R-b");
	}

	@Test
	void aFailingNodeFailsTheRunAndSkipsTheRest() {
		long source = node("datasource", "inputs", "{}");
		long strict = node("tool", "text_template", "{\"template\": \"{{missing}}\", \"strict\": true}");
		long after = node("tool", "text_template", "{\"template\": \"never\"}");
		edge(source, strict, "flow");
		edge(strict, after, "flow");
		long execution = start("{}");
		JsonNode run = awaitEnd(execution);
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isEqualTo("NODE_FAILED");
		assertThat(run.get("error").get("message").asString()).contains("node_" + strict).contains("missing");
		JsonNode results = this.http.get("/executions/" + execution + "/results", this.owner).json().get("results");
		assertThat(results.get("node_" + strict).get("status").asString()).isEqualTo("failed");
		assertThat(results.get("node_" + after).get("status").asString()).isEqualTo("skipped");
	}

	@Test
	void aPluginThisServerCannotRunFailsTheRunClearly() {
		node("tool", "ocr_tool", "{}");
		JsonNode run = awaitEnd(start("{}"));
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isEqualTo("PLUGIN_UNAVAILABLE");
	}

	@Test
	void aRunKeepsTheChainItRan() {
		long source = node("datasource", "inputs", "{}");
		long execution = start("{\"x\": 1}");
		awaitEnd(execution);
		this.http.send("DELETE", "/nodes/" + source, "", this.owner);
		node("tool", "text_template", "{\"template\": \"new\"}");
		JsonNode results = this.http.get("/executions/" + execution + "/results", this.owner).json().get("results");
		assertThat(results.propertyNames()).containsExactly("node_" + source);
		JsonNode listed = this.http.get("/projects/" + this.project + "/executions?status=completed", this.owner)
			.json();
		assertThat(listed.get("total").asLong()).isEqualTo(1);
	}

	@Test
	void runningNeedsTheRunnerRole() {
		node("datasource", "inputs", "{}");
		String viewerEmail = this.accounts.user("watcher");
		this.http.postJson("/projects/" + this.project + "/share",
				"{\"email\": \"" + viewerEmail + "\", \"permission_level\": \"read\"}", this.owner);
		String[] viewer = login(viewerEmail);
		assertThat(this.http.postJson("/projects/" + this.project + "/run", "{}", viewer).status()).isEqualTo(403);
		long execution = start("{}");
		assertThat(this.http.get("/executions/" + execution, viewer).status()).isEqualTo(200);
		assertThat(this.http.get("/executions/" + execution, login(this.accounts.user("outsider"))).status())
			.isEqualTo(404);
		assertThat(this.http.postJson("/projects/" + this.project + "/run", "{\"inputs\": ", this.owner).status())
			.isEqualTo(400);
	}

	@Test
	void anEmptyCanvasCannotRun() {
		Response response = this.http.postJson("/projects/" + this.project + "/run", "{}", this.owner);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).contains("empty");
	}

	private long start(String body) {
		Response started = this.http.postJson("/projects/" + this.project + "/run", body, this.owner);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		return started.json().get("execution_id").asLong();
	}

	private JsonNode awaitEnd(long execution) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			JsonNode run = this.http.get("/executions/" + execution, this.owner).json();
			String status = run.get("status").asString();
			if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")) {
				return run;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("execution " + execution + " did not end within 30 s");
	}

	private long node(String type, String plugin, String config) {
		Response created = this.http.postJson("/projects/" + this.project + "/nodes",
				"{\"node_type\": \"" + type + "\", \"plugin_id\": \"" + plugin + "\", \"config\": " + config + "}",
				this.owner);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private void edge(long source, long target, String mode) {
		Response created = this.http.postJson("/projects/" + this.project + "/edges",
				"{\"source_node\": " + source + ", \"target_node\": " + target + ", \"edge_mode\": \"" + mode + "\"}",
				this.owner);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	private String[] login(String email) {
		String token = this.http
			.postJson("/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + TestAccounts.PASSWORD + "\"}")
			.json()
			.get("access_token")
			.asString();
		return new String[] { "Authorization", "Bearer " + token };
	}

}
