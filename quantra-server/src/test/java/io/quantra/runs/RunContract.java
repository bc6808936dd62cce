package io.quantra.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.TestCanvas;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.quantra.Pause.pause;
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

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RunRetention retention;

	@Autowired
	io.quantra.plugins.NodeFiles nodeFiles;

	@Autowired
	io.quantra.platform.DataDirectory dataDirectory;

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
		edge(right, join, "flow");
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
		node("tool", "test_canvas_only", "{}");
		JsonNode run = awaitEnd(start("{}"));
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isEqualTo("PLUGIN_UNAVAILABLE");
	}

	@Test
	void anOcrEngineNoServiceServesFailsTheNodeAsUnavailable() {
		long source = node("datasource", "inputs", "{}");
		long ocr = node("tool", "ocr_tool", "{\"engine\": \"trocr\", \"retries\": 2}");
		edge(source, ocr, "flow");
		JsonNode run = awaitEnd(start("{}"));
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isEqualTo("PLUGIN_UNAVAILABLE");
		assertThat(run.get("error").get("message").asString())
			.contains("no service endpoint serves OCR engine 'trocr'");
		JsonNode plugins = this.http.get("/plugins", this.owner).json().get("plugins");
		JsonNode listed = null;
		for (JsonNode plugin : plugins) {
			if (plugin.get("id").asString().equals("ocr_tool")) {
				listed = plugin;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.get("available").asBoolean()).isTrue();
		assertThat(listed.get("availability").asString()).isEqualTo("available");
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

	@Test
	void waitAnswersWithTheFinishedRunAndItsResults() {
		long source = node("datasource", "inputs", "{}");
		Response finished = this.http.postJson("/projects/" + this.project + "/run?wait=10", "{\"inputs\": {\"a\": 1}}",
				this.owner);
		assertThat(finished.status()).isEqualTo(200);
		assertThat(finished.json().get("status").asString()).isEqualTo("completed");
		assertThat(finished.json().get("results").get("node_" + source).get("status").asString())
			.isEqualTo("completed");
		assertThat(this.http.postJson("/projects/" + this.project + "/run?wait=61", "{}", this.owner).status())
			.isEqualTo(400);
	}

	@Test
	void eventsStreamInOrderAndResumeFromLastEventId() throws Exception {
		long source = node("datasource", "inputs", "{}");
		long template = node("tool", "text_template", "{\"template\": \"x\"}");
		edge(source, template, "flow");
		long execution = start("{}");
		List<String[]> events = stream("/stream/execution/" + execution, null);
		assertThat(events).extracting((e) -> e[1])
			.containsExactly("run_started", "node_started", "node_completed", "node_started", "node_completed",
					"run_completed");
		for (int i = 0; i < events.size(); i++) {
			assertThat(events.get(i)[0]).isEqualTo(Integer.toString(i + 1));
		}
		assertThat(events.get(0)[2]).contains("\"correlation_id\"").doesNotContain("@");
		String correlation = events.get(0)[2].replaceAll(".*\"correlation_id\":\"([^\"]+)\".*", "$1");
		assertThat(events).as("every event carries the run's correlation id")
			.allSatisfy((e) -> assertThat(e[2]).contains("\"correlation_id\":\"" + correlation + "\""));

		List<String[]> resumed = stream("/runs/" + execution + "/log/stream", "3");
		assertThat(resumed).extracting((e) -> e[0]).containsExactly("4", "5", "6");
	}

	@Test
	void aPluginStreamsFramesWithProgressAndTheNextNodeGetsThemAll() throws Exception {
		long source = node("datasource", "inputs", "{}");
		long pages = node("tool", "test_pages", "{\"pages\": 3, \"millis\": 400}");
		long template = node("tool", "text_template", "{\"template\": \"[{{text}}]\"}");
		edge(source, pages, "flow");
		edge(pages, template, "flow");
		long execution = start("{}");
		List<String[]> events = stream("/stream/execution/" + execution, null);
		List<String[]> progress = events.stream().filter((e) -> e[1].equals("node_progress")).toList();
		assertThat(progress).as("progress is shown while the node works").isNotEmpty();
		assertThat(progress.get(0)[2]).contains("\"node\":\"node_" + pages + "\"")
			.contains("\"total\":3")
			.contains("\"unit\":\"pages\"");
		assertThat(events.get(events.size() - 1)[1]).isEqualTo("run_completed");

		JsonNode results = this.http.get("/executions/" + execution + "/results", this.owner).json().get("results");
		JsonNode streamed = results.get("node_" + pages).get("output");
		assertThat(streamed.isArray()).isTrue();
		assertThat(streamed).hasSize(3);
		assertThat(streamed.get(0).get("eos").asBoolean()).isFalse();
		assertThat(streamed.get(2).get("eos").asBoolean()).isTrue();
		assertThat(streamed.get(1).get("data").get(0).get("meta").get("page").asInt()).isEqualTo(2);
		JsonNode joined = results.get("node_" + template).get("output").get("data");
		assertThat(joined).extracting((item) -> item.get("content").get("text").asString())
			.containsExactly("[page 1]", "[page 2]", "[page 3]");
	}

	@Test
	void aPluginFailureKeepsItsCodeAndIsNotRetriedWhenFinal() {
		long source = node("datasource", "inputs", "{}");
		long pages = node("tool", "test_pages", "{\"reject\": true, \"retries\": 2}");
		edge(source, pages, "flow");
		JsonNode run = awaitEnd(start("{}"));
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isEqualTo("DOCUMENT_REJECTED");
		assertThat(run.get("error").get("message").asString()).contains("encrypted");
		JsonNode node = this.http.get("/executions/" + run.get("id").asLong() + "/results", this.owner)
			.json()
			.get("results")
			.get("node_" + pages);
		assertThat(node.get("attempts").asInt()).as("a rejected document is not tried again").isEqualTo(1);
	}

	@Test
	void cancellingStopsNodesThatHaveNotStarted() {
		long source = node("datasource", "inputs", "{}");
		long slow = node("tool", "test_sleep", "{\"millis\": 1500}");
		long after = node("tool", "text_template", "{\"template\": \"late\"}");
		edge(source, slow, "flow");
		edge(slow, after, "flow");
		long execution = start("{}");
		awaitNode(execution, "node_" + slow, "running");
		Response cancelled = this.http.postJson("/executions/" + execution + "/cancel", "", this.owner);
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
		assertThat(this.http.postJson("/executions/" + execution + "/cancel", "", this.owner).status()).isEqualTo(409);
		pause(2000);
		JsonNode results = this.http.get("/executions/" + execution + "/results", this.owner).json();
		assertThat(results.get("status").asString()).isEqualTo("cancelled");
		assertThat(results.get("results").get("node_" + after).get("status").asString()).isEqualTo("skipped");
	}

	@Test
	void rerunStartsANewExecutionOfTheSameChain() {
		long source = node("datasource", "inputs", "{}");
		long first = start("{\"inputs\": {\"n\": 7}}");
		awaitEnd(first);
		node("tool", "text_template", "{\"template\": \"added later\"}");
		Response rerun = this.http.postJson("/executions/" + first + "/rerun", "", this.owner);
		assertThat(rerun.status()).isEqualTo(202);
		long second = rerun.json().get("execution_id").asLong();
		assertThat(second).isNotEqualTo(first);
		assertThat(awaitEnd(second).get("status").asString()).isEqualTo("completed");
		JsonNode results = this.http.get("/executions/" + second + "/results", this.owner).json().get("results");
		assertThat(results.propertyNames()).containsExactly("node_" + source);
		assertThat(results.get("node_" + source).get("output").get("data").get(0).get("content").get("n").asInt())
			.isEqualTo(7);
	}

	/**
	 * Reads a whole event stream: {id, event, data} per event, until the server ends it.
	 */
	private List<String[]> stream(String path, String lastEventId) throws Exception {
		return this.http.events(path, lastEventId, this.owner);
	}

	@Test
	void aPausedRunStartsNoNewNodeUntilResumed() {
		long source = node("datasource", "inputs", "{}");
		long slow = node("tool", "test_sleep", "{\"millis\": 800}");
		long after = node("tool", "text_template", "{\"template\": \"done\"}");
		edge(source, slow, "flow");
		edge(slow, after, "flow");
		long execution = start("{}");
		awaitNode(execution, "node_" + slow, "running");
		assertThat(this.http.postJson("/executions/" + execution + "/pause", "", this.owner)
			.json()
			.get("status")
			.asString()).isEqualTo("paused");
		awaitNode(execution, "node_" + slow, "completed");
		pause(500);
		assertThat(nodeStatus(execution, "node_" + after)).isEqualTo("pending");
		assertThat(this.http.postJson("/executions/" + execution + "/resume", "", this.owner).status()).isEqualTo(200);
		assertThat(awaitEnd(execution).get("status").asString()).isEqualTo("completed");
		assertThat(this.http.postJson("/executions/" + execution + "/resume", "", this.owner).status()).isEqualTo(409);
	}

	@Test
	void aWorkbenchGateWaitsForADecision() {
		long source = node("datasource", "inputs", "{}");
		long review = node("workbench", "manual_review", "{}");
		long after = node("tool", "text_template", "{\"template\": \"approved {{name}}\"}");
		edge(source, review, "flow");
		edge(review, after, "flow");
		long execution = start("{\"inputs\": {\"name\": \"Ada\"}}");
		awaitNode(execution, "node_" + review, "waiting");
		assertThat(this.http.get("/executions/" + execution, this.owner).json().get("status").asString())
			.isEqualTo("waiting");
		Response approved = this.http.postJson("/executions/" + execution + "/gates/" + review,
				"{\"approved\": true, \"reason\": \"looks right\"}", this.owner);
		assertThat(approved.status()).isEqualTo(200);
		assertThat(awaitEnd(execution).get("status").asString()).isEqualTo("completed");
		JsonNode out = this.http.get("/executions/" + execution + "/results", this.owner)
			.json()
			.get("results")
			.get("node_" + after)
			.get("output");
		assertThat(out.get("data").get(0).get("content").get("text").asString()).isEqualTo("approved Ada");
		assertThat(
				this.http.postJson("/executions/" + execution + "/gates/" + review, "{\"approved\": true}", this.owner)
					.status())
			.isEqualTo(409);
	}

	@Test
	void aRefusedGateFailsTheRun() {
		long source = node("datasource", "inputs", "{}");
		long check = node("tool", "text_template", "{\"template\": \"checked\"}");
		edge(source, check, "interactive");
		long execution = start("{}");
		awaitNode(execution, "node_" + check, "waiting");
		this.http.postJson("/executions/" + execution + "/gates/" + check, "{\"approved\": false}", this.owner);
		JsonNode run = awaitEnd(execution);
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isEqualTo("GATE_REJECTED");
	}

	@Test
	void retriesBackOffAndCanSucceed() {
		long source = node("datasource", "inputs", "{}");
		long flaky = node("tool", "test_flaky", "{\"fail_times\": 2, \"retries\": 2}");
		edge(source, flaky, "flow");
		long execution = start("{}");
		assertThat(awaitEnd(execution).get("status").asString()).isEqualTo("completed");
		JsonNode result = this.http.get("/executions/" + execution + "/results", this.owner)
			.json()
			.get("results")
			.get("node_" + flaky);
		assertThat(result.get("attempts").asInt()).isEqualTo(3);

		long once = node("tool", "test_flaky", "{\"fail_times\": 2, \"retries\": 1}");
		edge(source, once, "flow");
		JsonNode failed = awaitEnd(start("{}"));
		assertThat(failed.get("status").asString()).isEqualTo("failed");
	}

	@Test
	void aNodeOverItsTimeoutFailsTheRun() {
		long source = node("datasource", "inputs", "{}");
		long slow = node("tool", "test_sleep", "{\"millis\": 5000, \"timeout_seconds\": 1}");
		edge(source, slow, "flow");
		JsonNode run = awaitEnd(start("{}"));
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isEqualTo("NODE_TIMEOUT");
	}

	@Test
	void continueOnErrorPassesOverAFailedNode() {
		long source = node("datasource", "inputs", "{}");
		long strict = node("tool", "text_template",
				"{\"template\": \"{{missing}}\", \"strict\": true, \"continue_on_error\": true}");
		long after = node("tool", "text_template", "{\"template\": \"still here\"}");
		edge(source, strict, "flow");
		edge(strict, after, "flow");
		long execution = start("{}");
		assertThat(awaitEnd(execution).get("status").asString()).isEqualTo("completed");
		JsonNode results = this.http.get("/executions/" + execution + "/results", this.owner).json().get("results");
		assertThat(results.get("node_" + strict).get("status").asString()).isEqualTo("failed");
		assertThat(results.get("node_" + strict).get("error").asString()).contains("missing");
		assertThat(results.get("node_" + after).get("status").asString()).isEqualTo("completed");
	}

	@Test
	void engineSettingsAreValidatedWithTheNode() {
		Response invalid = this.http.postJson("/projects/" + this.project + "/nodes",
				"{\"node_type\": \"tool\", \"plugin_id\": \"ocr_tool\", \"config\": {\"retries\": 11}}", this.owner);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("error").asString()).contains("/retries");
	}

	@Test
	void largeOutputsGoToTheBlobStoreAndComeBackWhole() {
		long source = node("datasource", "inputs", "{}");
		long twice = node("tool", "text_template", "{\"template\": \"{{s}}{{s}}\"}");
		edge(source, twice, "flow");
		String big = "q".repeat(700_000);
		long execution = start("{\"inputs\": {\"s\": \"" + big + "\"}}");
		assertThat(awaitEnd(execution).get("status").asString()).isEqualTo("completed");
		String stored = this.jdbc.sql("select output from run_nodes where run_pk = :run and node_key = :key")
			.param("run", execution)
			.param("key", "node_" + twice)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("{\"$blob\"").hasSizeLessThan(500);
		JsonNode output = this.http.get("/executions/" + execution + "/results", this.owner)
			.json()
			.get("results")
			.get("node_" + twice)
			.get("output");
		assertThat(output.get("data").get(0).get("content").get("text").asString()).hasSize(1_400_000);
	}

	@Test
	void randomDagsRunEveryNodeOnceAfterItsPredecessors() throws Exception {
		java.util.Random random = new java.util.Random(20261202);
		for (int dag = 0; dag < 4; dag++) {
			this.project = this.http.postJson("/projects", "{\"name\": \"DAG " + dag + "\"}", this.owner)
				.json()
				.get("id")
				.asLong();
			int size = 8 + random.nextInt(7);
			List<Long> ids = new ArrayList<>();
			ids.add(node("datasource", "inputs", "{}"));
			for (int i = 1; i < size; i++) {
				ids.add(node("tool", "test_sleep", "{\"millis\": " + random.nextInt(40) + "}"));
			}
			List<long[]> flows = new ArrayList<>();
			for (int target = 1; target < size; target++) {
				int parents = 1 + random.nextInt(Math.min(3, target));
				java.util.Set<Integer> chosen = new java.util.HashSet<>();
				while (chosen.size() < parents) {
					chosen.add(random.nextInt(target));
				}
				for (int source : chosen) {
					boolean reference = random.nextInt(5) == 0;
					edge(ids.get(source), ids.get(target), reference ? "reference" : "flow");
					if (!reference) {
						flows.add(new long[] { ids.get(source), ids.get(target) });
					}
				}
			}
			long execution = start("{}");
			assertThat(awaitEnd(execution).get("status").asString()).as("DAG %d", dag).isEqualTo("completed");
			java.util.Map<String, Integer> started = new java.util.HashMap<>();
			java.util.Map<String, Integer> completed = new java.util.HashMap<>();
			for (String[] event : stream("/stream/execution/" + execution, null)) {
				String node = event[2].replaceAll(".*\"node\":\"(node_\\d+)\".*", "$1");
				if (event[1].equals("node_started")) {
					assertThat(started.put(node, Integer.parseInt(event[0]))).as("%s starts once", node).isNull();
				}
				if (event[1].equals("node_completed")) {
					assertThat(completed.put(node, Integer.parseInt(event[0]))).as("%s completes once", node).isNull();
				}
			}
			assertThat(completed).hasSize(size);
			for (long[] flow : flows) {
				String source = "node_" + flow[0];
				String target = "node_" + flow[1];
				assertThat(started.get(target)).as("DAG %d: %s starts after %s completed", dag, target, source)
					.isGreaterThan(completed.get(source));
			}
		}
	}

	@Test
	void liftingTheConcurrencyLimitStartsTheQueuedRunsAtOnce() {
		node("tool", "test_sleep", "{\"millis\": 3000}");
		String settings = "/projects/" + this.project + "/run-settings";
		assertThat(this.http.send("PUT", settings, "{\"max_concurrent_runs\": 1}", this.owner).status()).isEqualTo(200);
		List<Long> executions = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			executions.add(this.http.postJson("/projects/" + this.project + "/run", "{}", this.owner)
				.json()
				.get("execution_id")
				.asLong());
		}
		assertThat(this.http.get("/executions/" + executions.get(2), this.owner).json().get("status").asString())
			.isEqualTo("queued");

		assertThat(this.http.send("PUT", settings, "{\"max_concurrent_runs\": null}", this.owner).status())
			.isEqualTo(200);
		// the first run still sleeps: the others did not wait for it
		assertThat(executions).allSatisfy(
				(id) -> assertThat(this.http.get("/executions/" + id, this.owner).json().get("status").asString())
					.isEqualTo("running"));
		assertThat(executions.stream().map(this::awaitEnd).toList())
			.allSatisfy((run) -> assertThat(run.get("status").asString()).isEqualTo("completed"));
	}

	@Test
	void aProjectConcurrencyLimitQueuesRunsBeyondIt() {
		long slow = node("tool", "test_sleep", "{\"millis\": 300}");
		assertThat(slow).isPositive();
		String settings = "/projects/" + this.project + "/run-settings";
		assertThat(this.http.get(settings, this.owner).json().get("max_concurrent_runs").isNull()).isTrue();
		assertThat(this.http.send("PUT", settings, "{\"max_concurrent_runs\": 0}", this.owner).status()).isEqualTo(400);
		Response limited = this.http.send("PUT", settings, "{\"max_concurrent_runs\": 1}", this.owner);
		assertThat(limited.status()).as(limited.toString()).isEqualTo(200);
		assertThat(limited.json().get("max_concurrent_runs").asInt()).isEqualTo(1);

		List<Long> executions = new ArrayList<>();
		List<String> statuses = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Response started = this.http.postJson("/projects/" + this.project + "/run", "{}", this.owner);
			assertThat(started.status()).isEqualTo(202);
			executions.add(started.json().get("execution_id").asLong());
			statuses.add(started.json().get("status").asString());
		}
		assertThat(statuses).containsExactly("running", "queued", "queued");
		assertThat(this.http.get("/projects/" + this.project + "/executions?status=queued", this.owner)
			.json()
			.get("total")
			.asInt()).isEqualTo(2);
		List<JsonNode> ended = executions.stream().map(this::awaitEnd).toList();
		assertThat(ended).allSatisfy((run) -> assertThat(run.get("status").asString()).isEqualTo("completed"));
		for (int i = 1; i < ended.size(); i++) {
			assertThat(Instant.parse(ended.get(i).get("started_at").asString()))
				.as("one run at a time: run %d starts after run %d ended", i, i - 1)
				.isAfterOrEqualTo(Instant.parse(ended.get(i - 1).get("completed_at").asString()));
		}

		assertThat(this.http.send("PUT", settings, "{\"max_concurrent_runs\": null}", this.owner).status())
			.isEqualTo(200);
		String viewer = this.accounts.user("viewer-of-limits");
		this.http.postJson("/projects/" + this.project + "/share",
				"{\"email\": \"" + viewer + "\", \"permission_level\": \"read\"}", this.owner);
		String[] asViewer = login(viewer);
		assertThat(this.http.get(settings, asViewer).status()).isEqualTo(200);
		assertThat(this.http.send("PUT", settings, "{\"max_concurrent_runs\": 5}", asViewer).status()).isEqualTo(403);
	}

	@Test
	void runsPastTheRetentionPeriodArePurgedWithTheirOutputs() {
		long source = node("datasource", "inputs", "{}");
		long twice = node("tool", "text_template", "{\"template\": \"{{text}}{{text}}\"}");
		edge(source, twice, "flow");
		long old = start("{\"inputs\": {\"text\": \"" + "y".repeat(700_000) + "\"}}");
		long recent = start("{}");
		awaitEnd(old);
		awaitEnd(recent);
		this.jdbc.sql("update runs set completed_at = :long_ago where id = :id")
			.param("long_ago", java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(31))))
			.param("id", old)
			.update();
		java.nio.file.Path blobs = this.dataDirectory.resolve("blobs");
		assertThat(this.retention.purge()).isGreaterThanOrEqualTo(1);
		assertThat(this.http.get("/executions/" + old, this.owner).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from run_events where run_pk = :id")
			.param("id", old)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.http.get("/executions/" + recent, this.owner).status()).isEqualTo(200);
		assertThat(blobs.resolve("projects/" + this.project + "/runs/" + old)).doesNotExist();
	}

	@Test
	void thePurgeIsScheduledToRepeat() {
		assertThat(this.jdbc.sql("select count(*) from scheduled_tasks where task_name = 'purge-runs'")
			.query(Long.class)
			.single()).as("the purge runs on its own, without anyone calling it").isEqualTo(1);
	}

	@Test
	void purgedRunsTakeTheDocumentsGivenToThemAlong() throws java.io.IOException {
		long upload = node("datasource", "file_upload", "{\"accepted_types\": [\".txt\"]}");
		long execution = start("{}");
		JsonNode run = awaitEnd(execution);
		assertThat(run.get("status").asString()).isEqualTo("completed");
		JsonNode frame = this.http.get("/executions/" + execution + "/results", this.owner)
			.json()
			.get("results")
			.get("node_" + upload)
			.get("output");
		assertThat(frame.get("data").isEmpty()).as("a node without documents emits an empty frame").isTrue();
		io.quantra.plugins.NodeFiles.StoredFile given = this.nodeFiles.store(this.project, upload,
				run.get("run_id").asString(), "notes.txt",
				new java.io.ByteArrayInputStream("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				List.of(".txt"), 1024);
		this.jdbc.sql("update runs set completed_at = :long_ago where id = :id")
			.param("long_ago", java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(31))))
			.param("id", execution)
			.update();
		assertThat(this.retention.purge()).isGreaterThanOrEqualTo(1);
		assertThat(this.nodeFiles.find(this.project, given.fileId())).isEmpty();
		assertThat(this.dataDirectory.resolve("blobs")
			.resolve("projects/" + this.project + "/nodes/" + upload + "/" + given.fileId())).doesNotExist();
	}

	private String nodeStatus(long execution, String node) {
		return this.http.get("/executions/" + execution + "/results", this.owner)
			.json()
			.get("results")
			.get(node)
			.get("status")
			.asString();
	}

	private void awaitNode(long execution, String node, String status) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (Instant.now().isBefore(deadline)) {
			JsonNode results = this.http.get("/executions/" + execution + "/results", this.owner).json().get("results");
			if (status.equals(results.get(node).get("status").asString())) {
				return;
			}
			pause(20);
		}
		throw new AssertionError(node + " never reached " + status);
	}

	private long start(String body) {
		Response started = this.http.postJson("/projects/" + this.project + "/run", body, this.owner);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		return started.json().get("execution_id").asLong();
	}

	private JsonNode awaitEnd(long execution) {
		return new TestCanvas(this.http, this.owner).awaitEnd(execution, Duration.ofSeconds(30));
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
		return TestAccounts.signIn(this.http, email);
	}

}
