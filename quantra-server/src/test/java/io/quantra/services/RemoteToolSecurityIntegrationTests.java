package io.quantra.services;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.OnH2;
import io.quantra.TestCanvas;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * The server's own channels to a tool microservice over TLS and with a shared secret,
 * against text-stats processes: a self-signed certificate trusted through the endpoint's
 * {@code ca_certificate}, plain text or no trust against the TLS port, the right secret,
 * a wrong one, and one the service changed under a registered endpoint. The secret never
 * shows in an API response (nor, see {@code LogHygieneTests}, in the log).
 */
@OnH2
class RemoteToolSecurityIntegrationTests {

	static final String SECRET = "tool-s3cret-4711";

	static final String WRONG_SECRET = "tool-s3cret-wrong-0815";

	static final String CHANGED_SECRET = "tool-s3cret-changed-1234";

	static TextStatsService tls;

	static TextStatsService secured;

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	EndpointHealthCheck healthCheck;

	@Autowired
	ServiceEndpoints serviceEndpoints;

	@Autowired
	JsonMapper json;

	HttpTestClient http;

	TestCanvas canvas;

	String[] staff;

	String[] owner;

	long project;

	/**
	 * This test's endpoints, removed after it so the next test's plugins go to its own.
	 */
	final List<Long> endpoints = new ArrayList<>();

	@BeforeAll
	static void startServices() throws Exception {
		tls = TextStatsService.start(0, "9.9.9", "--tls-cert", resource("tls/cert.pem"), "--tls-key",
				resource("tls/key.pem"));
		secured = TextStatsService.start(0, "9.9.9", "--secret", SECRET);
	}

	@AfterAll
	static void stopServices() throws Exception {
		if (tls != null) {
			tls.close();
		}
		if (secured != null) {
			secured.close();
		}
	}

	@BeforeEach
	void signIn() {
		this.http = HttpTestClient.local(this.port);
		this.staff = TestAccounts.signIn(this.http, this.accounts.staff("staff"));
		this.owner = TestAccounts.signIn(this.http, this.accounts.user("remote-guard"));
		this.canvas = new TestCanvas(this.http, this.owner);
		this.project = this.canvas.project("Remote security");
	}

	@AfterEach
	void removeEndpoints() {
		for (long id : this.endpoints) {
			this.http.send("DELETE", "/service-endpoints/" + id, "", this.staff);
		}
	}

	@Test
	void aServiceOverTlsTrustedThroughItsCertificateTurnsActiveAndRunsAPipeline() throws Exception {
		String certificate = Files.readString(new File(resource("tls/cert.pem")).toPath());
		long id = register("text-stats-tls", tls.port(), "grpcs", "text_stats", Map.of("ca_certificate", certificate))
			.json()
			.get("id")
			.asLong();
		this.healthCheck.checkAll();

		JsonNode endpoint = this.http.get("/service-endpoints/" + id, this.staff).json();
		assertThat(endpoint.get("status").asString()).as(endpoint.toString()).isEqualTo("serving");
		assertThat(endpoint.get("active").asBoolean()).isTrue();
		assertThat(this.serviceEndpoints.forPlugin("text_stats")).as("the run goes to the TLS endpoint")
			.map(Endpoint::id)
			.contains(id);
		JsonNode run = run("text_stats", "{\"inputs\": {\"text\": \"over TLS only\"}}");
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("completed");
	}

	@Test
	void plainTextOrAnUntrustedCertificateAgainstTheTlsPortIsNotActive() {
		long plain = register("text-stats-plain", tls.port(), "grpc", "text_stats", Map.of()).json().get("id").asLong();
		long untrusted = register("text-stats-untrusted", tls.port(), "grpcs", "text_stats", Map.of()).json()
			.get("id")
			.asLong();
		this.healthCheck.checkAll();

		JsonNode asPlain = this.http.get("/service-endpoints/" + plain, this.staff).json();
		assertThat(asPlain.get("active").asBoolean()).isFalse();
		assertThat(asPlain.get("status").asString()).isEqualTo("unreachable");
		assertThat(asPlain.get("status_message").asString()).contains("protocol (grpc or grpcs)");
		JsonNode notTrusted = this.http.get("/service-endpoints/" + untrusted, this.staff).json();
		assertThat(notTrusted.get("active").asBoolean()).isFalse();
		assertThat(notTrusted.get("status").asString()).isEqualTo("unreachable");
		assertThat(notTrusted.get("status_message").asString()).contains("TLS handshake", "ca_certificate");
	}

	@Test
	void theRightSecretMakesTheServiceActiveAndNeverShows() {
		Response created = register("text-stats-secret", secured.port(), "grpc", "echo", Map.of("secret", SECRET));
		assertThat(created.body()).doesNotContain(SECRET);
		long id = created.json().get("id").asLong();
		this.healthCheck.checkAll();

		Response one = this.http.get("/service-endpoints/" + id, this.staff);
		assertThat(one.body()).doesNotContain(SECRET);
		assertThat(one.json().get("status").asString()).as(one.toString()).isEqualTo("serving");
		assertThat(one.json().get("active").asBoolean()).isTrue();
		assertThat(one.json().get("has_secret").asBoolean()).isTrue();
		assertThat(this.http.get("/service-endpoints", this.staff).body()).doesNotContain(SECRET);
		assertThat(this.serviceEndpoints.forPlugin("echo")).map(Endpoint::id).contains(id);
		JsonNode run = run("echo", "{\"inputs\": {\"text\": \"with the secret\"}}");
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("completed");
	}

	@Test
	void aWrongSecretIsUnauthorizedAndSaysToSetTheSecret() {
		Response created = register("text-stats-wrong-secret", secured.port(), "grpc", "echo",
				Map.of("secret", WRONG_SECRET));
		long id = created.json().get("id").asLong();
		this.healthCheck.checkAll();

		Response one = this.http.get("/service-endpoints/" + id, this.staff);
		assertThat(one.body()).doesNotContain(WRONG_SECRET).doesNotContain(SECRET);
		assertThat(one.json().get("status").asString()).isEqualTo("unauthorized");
		assertThat(one.json().get("active").asBoolean()).isFalse();
		assertThat(one.json().get("status_message").asString()).contains("set the endpoint's secret");
		assertThat(this.serviceEndpoints.forPlugin("echo")).isEmpty();
		JsonNode run = run("echo", "{\"inputs\": {\"text\": \"no way in\"}}");
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(run.get("error").get("message").asString()).contains("GET /service-endpoints");
	}

	/**
	 * The service's secret changes while its endpoint is active: the next call is refused
	 * and says what to do, and the next check marks the endpoint unauthorized.
	 */
	@Test
	void aSecretTheServiceChangedFailsTheCallAndSaysToSetTheSecret() throws Exception {
		TextStatsService service = TextStatsService.start(0, "9.9.9", "--secret", SECRET);
		int port = service.port();
		try {
			long id = register("text-stats-changing", port, "grpc", "echo", Map.of("secret", SECRET)).json()
				.get("id")
				.asLong();
			this.healthCheck.checkAll();
			assertThat(this.serviceEndpoints.forPlugin("echo")).map(Endpoint::id).contains(id);
			// the change falls between two checks: the recurring one is held off
			// meanwhile
			this.healthCheck.stop();
			try {
				service.kill();
				service = TextStatsService.start(port, "9.9.9", "--secret", CHANGED_SECRET);

				JsonNode run = run("echo", "{\"inputs\": {\"text\": \"refused\"}}");
				assertThat(run.get("status").asString()).isEqualTo("failed");
				assertThat(run.get("error").get("code").asString()).isEqualTo("SERVICE_FAILED");
				assertThat(run.get("error").get("message").asString())
					.contains("refused the shared secret; set the endpoint's secret");
			}
			finally {
				this.healthCheck.start();
			}

			this.healthCheck.checkAll();
			Response one = this.http.get("/service-endpoints/" + id, this.staff);
			assertThat(one.json().get("status").asString()).isEqualTo("unauthorized");
			assertThat(one.json().get("active").asBoolean()).isFalse();
			assertThat(one.body()).doesNotContain(SECRET).doesNotContain(CHANGED_SECRET);
		}
		finally {
			service.close();
		}
	}

	private Response register(String name, int port, String protocol, String plugin, Map<String, String> more) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name + "-" + UUID.randomUUID().toString().substring(0, 8));
		body.put("host", "127.0.0.1");
		body.put("port", port);
		body.put("protocol", protocol);
		body.put("plugin_ids", List.of(plugin));
		body.putAll(more);
		Response created = this.http.postJson("/service-endpoints", this.json.writeValueAsString(body), this.staff);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		this.endpoints.add(created.json().get("id").asLong());
		return created;
	}

	/** Runs inputs → {@code plugin} and waits for the run to end. */
	private JsonNode run(String plugin, String body) {
		long inputs = this.canvas.node(this.project, "datasource", "inputs", "{}");
		long tool = this.canvas.node(this.project, "tool", plugin, "{}");
		this.canvas.flow(this.project, inputs, tool);
		Response started = this.http.postJson("/projects/" + this.project + "/run", body, this.owner);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		long execution = started.json().get("execution_id").asLong();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			JsonNode run = this.http.get("/executions/" + execution, this.owner).json();
			String status = run.get("status").asString();
			if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")) {
				return run;
			}
			pause(50);
		}
		throw new AssertionError("execution " + execution + " did not end within 60 s");
	}

	private static String resource(String name) throws Exception {
		return new File(RemoteToolSecurityIntegrationTests.class.getResource("/" + name).toURI()).getPath();
	}

}
