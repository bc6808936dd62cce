package io.quantra.services;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.OnH2;
import io.quantra.TestCanvas;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.quantra.Pause.pause;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A remote tool that needs a user to authorise it with an external provider, end to end:
 * text-stats' {@code authorized_echo} runs as its own process with its consent page, the
 * run shows the URL to its members, and the node goes on once someone follows it, or
 * fails at its timeout.
 */
@OnH2
class RemoteAuthorizationIntegrationTests {

	static TextStatsService service;

	static long registered;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	EndpointHealthCheck healthCheck;

	HttpTestClient http;

	TestCanvas canvas;

	String[] owner;

	long project;

	@BeforeAll
	static void startService() throws Exception {
		service = TextStatsService.start(0, "1.0.0", "--auth-port", "0", "--auth-host", "127.0.0.1");
	}

	@AfterAll
	static void stopService() throws Exception {
		service.close();
	}

	@BeforeEach
	void registerService() {
		this.http = HttpTestClient.local(this.port);
		this.owner = TestAccounts.signIn(this.http, this.accounts.user("authorizing-runner"));
		this.canvas = new TestCanvas(this.http, this.owner);
		this.project = this.canvas.project("Calendar");
		if (registered == 0) {
			String[] staff = TestAccounts.signIn(this.http, this.accounts.staff("authorizing-staff"));
			Response created = this.http.postJson(
					"/service-endpoints", "{\"name\": \"consenting\", \"host\": \"127.0.0.1\", \"port\": "
							+ service.port() + ", \"protocol\": \"grpc\", \"plugin_ids\": [\"authorized_echo\"]}",
					staff);
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			registered = created.json().get("id").asLong();
		}
		this.healthCheck.checkAll();
	}

	@Test
	void theRunShowsTheUrlAndGoesOnOnceAMemberFollowsIt() throws Exception {
		long node = pipeline("{}");
		long execution = start("{\"inputs\": {\"text\": \"meeting notes\"}}");

		JsonNode waiting = awaitAuthorizationRequest(execution);
		String url = waiting.get("url").asString();
		assertThat(waiting.get("node").asString()).isEqualTo("node_" + node);
		assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/authorize\\?client_id=text-stats&state=[0-9a-f-]{36}");
		JsonNode result = results(execution).get("node_" + node);
		assertThat(result.get("status").asString()).isEqualTo("running");
		assertThat(result.get("authorization").get("url").asString()).isEqualTo(url);
		assertThat(this.http.get("/executions/" + execution).status()).as("not for anonymous callers").isEqualTo(401);

		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);

		JsonNode run = awaitEnd(execution);
		assertThat(run.get("status").asString()).isEqualTo("completed");
		assertThat(run.get("awaiting_authorization")).isEmpty();
		JsonNode done = results(execution).get("node_" + node);
		assertThat(done.get("authorization").isNull()).isTrue();
		assertThat(done.get("output").get("data").get(0).get("content").get("text").asString())
			.isEqualTo("meeting notes");

		List<String[]> events = this.http.events("/stream/execution/" + execution, null, this.owner);
		List<String> types = events.stream().map((e) -> e[1]).toList();
		assertThat(types).containsSubsequence("node_started", "authorization_requested", "authorization_completed",
				"node_completed", "run_completed");
		String requested = events.stream()
			.filter((e) -> e[1].equals("authorization_requested"))
			.findFirst()
			.orElseThrow()[2];
		assertThat(requested).contains("\"url\":\"" + url + "\"").contains("\"node\":\"node_" + node + "\"");
	}

	@Test
	void withoutAuthorizationTheNodeFailsAtItsTimeoutWithoutRetrying() {
		pipeline("{\"timeout_seconds\": 2, \"retries\": 2}");
		long execution = start("{}");
		awaitAuthorizationRequest(execution);

		JsonNode run = awaitEnd(execution);

		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isEqualTo("SERVICE_TIMEOUT");
		assertThat(run.get("error").get("message").asString()).contains("no one authorised");
		assertThat(run.get("awaiting_authorization")).isEmpty();
		JsonNode node = results(execution).valueStream()
			.filter((n) -> n.get("status").asString().equals("failed"))
			.findFirst()
			.orElseThrow();
		assertThat(node.get("attempts").asInt()).as(() -> eventsOf(execution)).isEqualTo(1);
		assertThat(node.get("authorization").isNull()).isTrue();
	}

	private String eventsOf(long execution) {
		try {
			return this.http.events("/stream/execution/" + execution, null, this.owner)
				.stream()
				.map((e) -> e[1] + " " + e[2])
				.toList()
				.toString();
		}
		catch (Exception ex) {
			return ex.toString();
		}
	}

	private long pipeline(String config) {
		long inputs = this.canvas.node(this.project, "datasource", "inputs", "{}");
		long echo = this.canvas.node(this.project, "tool", "authorized_echo", config);
		this.canvas.flow(this.project, inputs, echo);
		return echo;
	}

	private long start(String body) {
		Response started = this.http.postJson("/projects/" + this.project + "/run", body, this.owner);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		return started.json().get("execution_id").asLong();
	}

	private JsonNode results(long execution) {
		return this.http.get("/executions/" + execution + "/results", this.owner).json().get("results");
	}

	private JsonNode awaitAuthorizationRequest(long execution) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			JsonNode waiting = this.http.get("/executions/" + execution, this.owner)
				.json()
				.get("awaiting_authorization");
			if (!waiting.isEmpty()) {
				assertThat(waiting).hasSize(1);
				return waiting.get(0);
			}
			pause(50);
		}
		throw new AssertionError("execution " + execution + " asked for no authorization within 30 s");
	}

	private JsonNode awaitEnd(long execution) {
		return new TestCanvas(this.http, this.owner).awaitEnd(execution, Duration.ofSeconds(60));
	}

}
