package io.quantra.services;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Part;
import io.quantra.HttpTestClient.Response;
import io.quantra.OnH2;
import io.quantra.TestCanvas;
import io.quantra.identity.TestAccounts;
import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.PluginContext;
import io.quantra.plugins.RemotePluginSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.quantra.Pause.pause;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote plugins end to end over real HTTP, against the reference service text-stats
 * running as its own process: registration and health, a streamed run with live progress,
 * a large document byte-exact, deadlines, cancellation, a service of another protocol
 * version, and a service that dies and comes back.
 */
@OnH2
class RemoteToolIntegrationTests {

	static TextStatsService service;

	/** The service's endpoint, registered once for the whole class. */
	static long registered;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	EndpointHealthCheck healthCheck;

	@Autowired
	RemotePluginSource remotePlugins;

	@Autowired
	JsonMapper json;

	@Autowired
	ServiceChannels channels;

	HttpTestClient http;

	TestCanvas canvas;

	String[] staff;

	String[] owner;

	long project;

	long endpoint;

	@BeforeAll
	static void startService() throws Exception {
		service = TextStatsService.start(0, "9.9.9");
	}

	@AfterAll
	static void stopService() throws Exception {
		service.close();
	}

	@BeforeEach
	void registerService() {
		this.http = HttpTestClient.local(this.port);
		this.staff = TestAccounts.signIn(this.http, this.accounts.staff("staff"));
		this.owner = TestAccounts.signIn(this.http, this.accounts.user("remote-runner"));
		this.canvas = new TestCanvas(this.http, this.owner);
		this.project = this.canvas.project("Remote");
		if (registered == 0) {
			Response created = this.http.postJson("/service-endpoints",
					"{\"name\": \"text-stats\", \"host\": \"127.0.0.1\", \"port\": " + service.port()
							+ ", \"protocol\": \"grpc\", \"plugin_ids\": [\"text_stats\", \"echo\", \"sleep\"]}",
					this.staff);
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			registered = created.json().get("id").asLong();
		}
		this.endpoint = registered;
		this.healthCheck.checkAll();
	}

	@Test
	void aRegisteredServiceTurnsActiveWithTheVersionItReports() {
		JsonNode endpoint = this.http.get("/service-endpoints/" + this.endpoint, this.staff).json();
		assertThat(endpoint.get("status").asString()).isEqualTo("serving");
		assertThat(endpoint.get("active").asBoolean()).isTrue();
		assertThat(endpoint.get("version").asString()).isEqualTo("9.9.9");
		assertThat(endpoint.get("protocol_version").asString()).startsWith("1");
		JsonNode textStats = this.http.get("/plugins", this.owner)
			.json()
			.get("plugins")
			.valueStream()
			.filter((p) -> p.get("id").asString().equals("text_stats"))
			.findFirst()
			.orElseThrow();
		assertThat(textStats.get("available").asBoolean()).isTrue();
	}

	@Test
	void deletingAnEndpointClosesTheConnectionToItsService() {
		Response created = this.http.postJson("/service-endpoints",
				"{\"name\": \"short-lived\", \"host\": " + "\"127.0.0.1\", \"port\": " + service.port()
						+ ", \"protocol\": \"grpc\", \"plugin_ids\": [\"echo\"]}",
				this.staff);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		this.healthCheck.checkAll();
		assertThat(this.channels.holds(id)).as("the health check connected").isTrue();
		assertThat(this.http.send("DELETE", "/service-endpoints/" + id, "", this.staff).status()).isEqualTo(204);
		assertThat(this.channels.holds(id)).isFalse();
	}

	@Test
	void aPipelineRunsTextStatsOnTheServiceWithLiveProgress() throws Exception {
		long inputs = this.canvas.node(this.project, "datasource", "inputs", "{\"field\": \"docs\"}");
		long stats = this.canvas.node(this.project, "tool", "text_stats", "{}");
		this.canvas.flow(this.project, inputs, stats);
		long execution = start(
				"{\"inputs\": {\"docs\": [{\"text\": \"one two three\"}, {\"text\": \"four\\nfive\"}]}}");
		List<String[]> events = stream("/stream/execution/" + execution);
		List<String[]> progress = events.stream().filter((e) -> e[1].equals("node_progress")).toList();
		assertThat(progress).isNotEmpty();
		assertThat(progress.get(0)[2]).contains("\"node\":\"node_" + stats + "\"").contains("\"unit\":\"items\"");
		assertThat(events.get(events.size() - 1)[1]).isEqualTo("run_completed");

		JsonNode output = this.http.get("/executions/" + execution + "/results", this.owner)
			.json()
			.get("results")
			.get("node_" + stats)
			.get("output");
		assertThat(output.isArray()).isTrue();
		assertThat(output).hasSize(2);
		assertThat(output.get(0).get("data").get(0).get("content").get("words").asInt()).isEqualTo(3);
		assertThat(output.get(1).get("data").get(0).get("content").get("words").asInt()).isEqualTo(2);
		assertThat(output.get(1).get("data").get(0).get("content").get("lines").asInt()).isEqualTo(2);
		assertThat(output.get(1).get("eos").asBoolean()).isTrue();
	}

	/**
	 * A 50 MB text file is uploaded into a run, read by text_extract and sent through the
	 * service's echo: what comes back is what went out, to the byte.
	 */
	@Test
	void aFiftyMegabyteDocumentCrossesTheServiceInARunByteExact() throws Exception {
		StringBuilder text = new StringBuilder(50 * 1024 * 1024);
		String line = "Invoice 2025-0042, total 1.234,56 EUR — naïve café ✓\n";
		while (text.length() < 50 * 1024 * 1024) {
			text.append(line);
		}
		byte[] document = text.toString().getBytes(StandardCharsets.UTF_8);
		long upload = this.canvas.node(this.project, "datasource", "file_upload", "{\"accepted_types\": [\".txt\"]}");
		long extract = this.canvas.node(this.project, "tool", "text_extract", "{}");
		long echo = this.canvas.node(this.project, "tool", "echo", "{\"timeout_seconds\": 600}");
		this.canvas.flow(this.project, upload, extract);
		this.canvas.flow(this.project, extract, echo);

		Response started = this.http.multipart("/projects/" + this.project + "/run", this.owner,
				new Part("node_" + upload, "big.txt", document));

		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		long execution = started.json().get("execution_id").asLong();
		JsonNode ended = awaitEnd(execution);
		assertThat(ended.get("status").asString()).as(ended::toString).isEqualTo("completed");
		JsonNode run = this.http.get("/executions/" + execution + "/results", this.owner).json();
		String extracted = text(run.get("results").get("node_" + extract).get("output"));
		String echoed = text(run.get("results").get("node_" + echo).get("output"));
		assertThat(extracted.length()).isGreaterThan(50 * 1000 * 1000);
		assertThat(extracted).startsWith(line);
		assertThat(echoed.length()).isEqualTo(extracted.length());
		assertThat(sha256(echoed)).isEqualTo(sha256(extracted));
	}

	/** The text of every item of a stored output, one frame or a stream of them. */
	private static String text(JsonNode output) {
		StringBuilder text = new StringBuilder();
		List<JsonNode> frames = output.isArray() ? output.valueStream().toList() : List.of(output);
		for (JsonNode frame : frames) {
			frame.get("data").forEach((item) -> text.append(item.get("content").get("text").asString()));
		}
		return text.toString();
	}

	@Test
	void aServiceSlowerThanTheNodesTimeoutFailsTheNodeClearly() {
		long inputs = this.canvas.node(this.project, "datasource", "inputs", "{}");
		long slow = this.canvas.node(this.project, "tool", "sleep", "{\"millis\": 10000, \"timeout_seconds\": 1}");
		this.canvas.flow(this.project, inputs, slow);
		Instant started = Instant.now();
		JsonNode run = awaitEnd(start("{}"));
		assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(8));
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isIn("SERVICE_TIMEOUT", "NODE_TIMEOUT");
	}

	@Test
	void aServiceKilledMidCallFailsTheRunAndTurnsInactiveUntilItComesBack() throws Exception {
		int port = service.port();
		long inputs = this.canvas.node(this.project, "datasource", "inputs", "{}");
		long slow = this.canvas.node(this.project, "tool", "sleep", "{\"millis\": 30000}");
		this.canvas.flow(this.project, inputs, slow);
		long execution = start("{\"inputs\": {\"text\": \"still there?\"}}");
		service.awaitLine("waiting 30000 ms for node node_" + slow + " ", Duration.ofSeconds(20));
		Instant killed = Instant.now();
		service.kill();
		try {
			JsonNode run = awaitEnd(execution);
			assertThat(run.get("status").asString()).isEqualTo("failed");
			assertThat(run.get("error").get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
			// retried after 0.5, 1 and 2 s, unless a health check turned the endpoint
			// inactive in the meantime, which ends the retries early
			String message = run.get("error").get("message").asString();
			assertThat(message).containsAnyOf("after 4 attempts", "that offers plugin 'sleep' is active");
			assertThat(Duration.between(killed, Instant.now()))
				.isGreaterThanOrEqualTo(Duration.ofMillis(message.contains("after 4 attempts") ? 3500 : 500));
			JsonNode node = this.http.get("/executions/" + execution + "/results", this.owner)
				.json()
				.get("results")
				.get("node_" + slow);
			assertThat(node.get("status").asString()).isEqualTo("failed");
			assertThat(node.get("output").isNull()).isTrue();

			this.healthCheck.checkAll();
			JsonNode down = this.http.get("/service-endpoints/" + this.endpoint, this.staff).json();
			assertThat(down.get("active").asBoolean()).isFalse();
			assertThat(down.get("status").asString()).isEqualTo("unreachable");
		}
		finally {
			service = TextStatsService.start(port, "9.9.9");
			awaitActive();
		}
		assertThat(this.http.get("/service-endpoints/" + this.endpoint, this.staff).json().get("active").asBoolean())
			.isTrue();
		long again = this.canvas.project("Remote again");
		long source = this.canvas.node(again, "datasource", "inputs", "{}");
		long stats = this.canvas.node(again, "tool", "text_stats", "{}");
		this.canvas.flow(again, source, stats);
		Response started = this.http.postJson("/projects/" + again + "/run", "{\"inputs\": {\"text\": \"back again\"}}",
				this.owner);
		assertThat(started.status()).isEqualTo(202);
		JsonNode run = awaitEnd(started.json().get("execution_id").asLong());
		assertThat(run.get("status").asString()).isEqualTo("completed");
	}

	/**
	 * Cancelling a run reaches the service: its handler is interrupted at once rather
	 * than sleeping on for half a minute.
	 */
	@Test
	void cancellingARunInterruptsTheCallOnTheService() {
		long inputs = this.canvas.node(this.project, "datasource", "inputs", "{}");
		long slow = this.canvas.node(this.project, "tool", "sleep", "{\"millis\": 30000}");
		this.canvas.flow(this.project, inputs, slow);
		long execution = start("{}");
		service.awaitLine("waiting 30000 ms for node node_" + slow + " ", Duration.ofSeconds(20));

		Instant cancelled = Instant.now();
		Response cancel = this.http.postJson("/executions/" + execution + "/cancel", "{}", this.owner);
		assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
		JsonNode run = awaitEnd(execution);
		assertThat(run.get("status").asString()).isEqualTo("cancelled");
		assertThat(service.awaitLine("ms, node node_" + slow + " of run", Duration.ofSeconds(5)))
			.contains("sleep: cancelled after");
		assertThat(Duration.between(cancelled, Instant.now())).isLessThan(Duration.ofSeconds(5));
	}

	/**
	 * A service built for another revision of the protocol answers its checks but is not
	 * used: its endpoint says which side to upgrade, its plugin is unavailable, and a
	 * node of it fails. The version is checked before the plugin list, so the endpoint
	 * can declare a plugin only it offers; text-stats' own are served by the main
	 * endpoint.
	 */
	@Test
	void aServiceOfAnotherProtocolVersionIsNotUsedAndSaysWhatToUpgrade() throws Exception {
		String plugin = "stats_next_" + UUID.randomUUID().toString().substring(0, 8);
		try (TextStatsService newer = TextStatsService.start(0, "10.0.0", "--protocol-version", "2")) {
			Response created = this.http.postJson(
					"/service-endpoints", "{\"name\": \"" + plugin + "\", \"host\": \"127.0.0.1\", \"port\": "
							+ newer.port() + ", \"protocol\": \"grpc\", \"plugin_ids\": [\"" + plugin + "\"]}",
					this.staff);
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			long id = created.json().get("id").asLong();
			try {
				this.healthCheck.checkAll();

				JsonNode endpoint = this.http.get("/service-endpoints/" + id, this.staff).json();
				assertThat(endpoint.get("status").asString()).isEqualTo("version_mismatch");
				assertThat(endpoint.get("active").asBoolean()).isFalse();
				assertThat(endpoint.get("version").asString()).isEqualTo("10.0.0");
				assertThat(endpoint.get("protocol_version").asString()).isEqualTo("2");
				assertThat(endpoint.get("status_message").asString()).contains("speaks protocol 2",
						"this platform speaks protocol 1.x", "Upgrade Quantra to a release that speaks protocol 2");
				JsonNode listed = this.http.get("/plugins", this.owner)
					.json()
					.get("plugins")
					.valueStream()
					.filter((p) -> p.get("id").asString().equals(plugin))
					.findFirst()
					.orElseThrow();
				assertThat(listed.get("available").asBoolean()).isFalse();
				assertThat(listed.get("unavailable_reason").asString()).contains("version_mismatch", "Upgrade Quantra");

				long inputs = this.canvas.node(this.project, "datasource", "inputs", "{}");
				long next = this.canvas.node(this.project, "tool", plugin, "{}");
				this.canvas.flow(this.project, inputs, next);
				JsonNode run = awaitEnd(start("{\"inputs\": {\"text\": \"too new\"}}"));
				assertThat(run.get("status").asString()).isEqualTo("failed");
				assertThat(run.get("error").get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
				assertThat(run.get("error").get("message").asString()).contains(plugin, "GET /service-endpoints");
			}
			finally {
				this.http.send("DELETE", "/service-endpoints/" + id, "", this.staff);
			}
		}
	}

	/**
	 * Checks until the endpoint is active again: the channel reconnects in the
	 * background, so a check or two may still miss a restarted service.
	 */
	private void awaitActive() {
		Instant deadline = Instant.now().plusSeconds(15);
		do {
			this.healthCheck.checkAll();
			pause(200);
		}
		while (!this.http.get("/service-endpoints/" + this.endpoint, this.staff).json().get("active").asBoolean()
				&& Instant.now().isBefore(deadline));
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private long start(String body) {
		Response started = this.http.postJson("/projects/" + this.project + "/run", body, this.owner);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		return started.json().get("execution_id").asLong();
	}

	private JsonNode awaitEnd(long execution) {
		return new TestCanvas(this.http, this.owner).awaitEnd(execution, Duration.ofSeconds(180));
	}

	/** A whole event stream: {id, event, data} per event, until the server ends it. */
	private List<String[]> stream(String path) throws Exception {
		return this.http.events(path, null, this.owner);
	}

}
