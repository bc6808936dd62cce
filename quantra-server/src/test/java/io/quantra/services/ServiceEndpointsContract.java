package io.quantra.services;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static io.quantra.Pause.pause;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service registry over real HTTP on each database: staff register, change and remove
 * tool microservices, everyone signed in sees them without their secrets, and the health
 * check (here with a scripted probe in place of the gRPC client) decides which are active
 * and which remote plugins the catalog offers.
 */
@Import(ServiceEndpointsContract.Probes.class)
@TestPropertySource(properties = "quantra.services.health-interval=1s")
abstract class ServiceEndpointsContract {

	static final String CA = """
			-----BEGIN CERTIFICATE-----
			MIIBiTCCAS+gAwIBAgIUBedL6HshmXrw0G8gsufUzpsO/2swCgYIKoZIzj0EAwIw
			GjEYMBYGA1UEAwwPUXVhbnRyYSBUZXN0IENBMB4XDTI2MTIwMjEyMjc1NFoXDTM2
			MTEyOTEyMjc1NFowGjEYMBYGA1UEAwwPUXVhbnRyYSBUZXN0IENBMFkwEwYHKoZI
			zj0CAQYIKoZIzj0DAQcDQgAEsAZB2U/euMreKqNvNEo1Kv+Se3zE4Q5wUKHR2z91
			b7/dLJLo6Xgo+6yjlR4s0pMqh/RFBEStxtT/wN6W2lN2S6NTMFEwHQYDVR0OBBYE
			FAnqT90JCZ6JD97zI1ftBr7LQOaUMB8GA1UdIwQYMBaAFAnqT90JCZ6JD97zI1ft
			Br7LQOaUMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgCk7ExyUN
			P4YBVyUhsUAfcgOt/CnZ4nmb2+ggkIWJmU8CIQCCodnAjl4DqtAdSdrw6nYZzyCg
			Tm9qpTB3Bfj9w8H5mQ==
			-----END CERTIFICATE-----
			""";

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final ProbeResult UNREACHABLE = ProbeResult.failed(EndpointStatus.UNREACHABLE, "Connection refused");

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ScriptedProbe probe;

	@Autowired
	EndpointHealthCheck healthCheck;

	@Autowired
	ServiceEndpoints serviceEndpoints;

	@Autowired
	JdbcClient jdbc;

	HttpTestClient http;

	String[] staff;

	String[] user;

	String tag;

	@BeforeEach
	void signIn() {
		this.http = HttpTestClient.local(this.port);
		this.staff = TestAccounts.signIn(this.http, this.accounts.staff("staff"));
		this.user = TestAccounts.signIn(this.http, this.accounts.user("user"));
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void staffRegisterChangeAndRemoveEndpointsThatEveryoneSeesWithoutSecrets() {
		String secret = "s3cret-" + this.tag;
		Response created = create("{\"name\": \"OCR " + this.tag + "\", \"host\": \"OCR-" + this.tag
				+ ".internal\", \"port\": 50051, \"protocol\": \"grpcs\", \"plugin_ids\": [\"trocr_" + this.tag
				+ "\"], \"secret\": \"" + secret + "\", \"ca_certificate\": " + json(CA) + "}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode endpoint = created.json();
		long id = endpoint.get("id").asLong();
		assertThat(endpoint.get("host").asString()).isEqualTo("ocr-" + this.tag + ".internal");
		assertThat(endpoint.get("port").asInt()).isEqualTo(50051);
		assertThat(endpoint.get("protocol").asString()).isEqualTo("grpcs");
		assertThat(endpoint.get("plugin_ids")).extracting(JsonNode::asString).containsExactly("trocr_" + this.tag);
		assertThat(endpoint.get("has_secret").asBoolean()).isTrue();
		assertThat(endpoint.get("active").asBoolean()).isFalse();
		assertThat(endpoint.get("status").asString()).isEqualTo("unknown");
		assertThat(endpoint.get("last_health_check").isNull()).isTrue();
		assertThat(endpoint.get("ca_certificate").asString()).startsWith("-----BEGIN CERTIFICATE-----");
		assertThat(created.body()).doesNotContain(secret).doesNotContain("v1:");

		Response listed = this.http.get("/service-endpoints", this.user);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(secret).doesNotContain("v1:");
		JsonNode mine = find(listed.json(), id);
		for (String field : List.of("id", "name", "host", "port", "protocol", "active", "version", "plugin_ids",
				"last_health_check", "status", "status_message", "protocol_version", "has_secret")) {
			assertThat(mine.has(field)).as(field).isTrue();
		}
		Response one = this.http.get("/service-endpoints/" + id, this.user);
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.header("ETag")).isEqualTo("\"1\"");
		String sealed = this.jdbc.sql("select secret from service_endpoints where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(sealed).startsWith("v1:").doesNotContain(secret);

		// absent fields keep their value, the secret included
		Response renamed = put(id, "{\"name\": \"OCR renamed " + this.tag + "\", \"port\": 50052}");
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
		assertThat(renamed.json().get("name").asString()).isEqualTo("OCR renamed " + this.tag);
		assertThat(renamed.json().get("port").asInt()).isEqualTo(50052);
		assertThat(renamed.json().get("has_secret").asBoolean()).isTrue();
		assertThat(renamed.json().get("revision").asLong()).isEqualTo(2);
		assertThat(this.serviceEndpoints.find(id).orElseThrow().sharedSecret()).isEqualTo(secret);

		Response replaced = put(id, "{\"secret\": \"other-" + this.tag + "\"}");
		assertThat(replaced.json().get("has_secret").asBoolean()).isTrue();
		assertThat(this.serviceEndpoints.find(id).orElseThrow().sharedSecret()).isEqualTo("other-" + this.tag);
		Response removed = put(id, "{\"secret\": null, \"protocol\": \"grpc\", \"ca_certificate\": null}");
		assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
		assertThat(removed.json().get("has_secret").asBoolean()).isFalse();
		assertThat(removed.json().get("ca_certificate").isNull()).isTrue();
		assertThat(this.serviceEndpoints.find(id).orElseThrow().hasSecret()).isFalse();

		Response stale = this.http.send("PUT", "/service-endpoints/" + id, "{\"port\": 1}", this.staff, "If-Match",
				"\"1\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().get("code").asString()).isEqualTo("PRECONDITION_FAILED");

		assertThat(this.http.send("DELETE", "/service-endpoints/" + id, "", this.staff).status()).isEqualTo(204);
		assertThat(this.http.get("/service-endpoints/" + id, this.user).status()).isEqualTo(404);
		assertThat(this.http.send("DELETE", "/service-endpoints/" + id, "", this.staff).status()).isEqualTo(404);

		JsonNode audit = this.http.get("/audit-logs?limit=200", this.staff).json();
		String entries = audit.get("audit_logs").toString();
		assertThat(entries).contains("service_endpoint_created", "service_endpoint_updated", "service_endpoint_deleted")
			.contains("\"secret\":\"replaced\"", "\"secret\":\"removed\"")
			.doesNotContain(secret)
			.doesNotContain("other-" + this.tag)
			.doesNotContain("v1:");
	}

	@Test
	void refusesInvalidEndpointsWithProblemDetails() {
		assertProblem(create(body("grpc://ocr.internal", 50051, "grpc")), 400, "without a scheme");
		assertProblem(create(body("ocr.internal/path", 50051, "grpc")), 400, "without a path");
		assertProblem(create(body("ocr internal", 50051, "grpc")), 400, "whitespace");
		assertProblem(create(body("ocr.internal", 0, "grpc")), 400, "port must be between 1 and 65535");
		assertProblem(create(body("ocr.internal", 70000, "grpc")), 400, "port must be between 1 and 65535");
		assertProblem(create(body("ocr.internal", 50051, "http")), 400, "protocol must be grpc");
		assertProblem(create("{\"name\": \"x" + this.tag + "\", \"host\": \"ocr.internal\", \"port\": 1, "
				+ "\"protocol\": \"grpc\", \"plugin_ids\": [\"Bad-Id\"]}"), 400, "Bad-Id");
		assertProblem(create("{\"name\": \"x" + this.tag + "\", \"host\": \"ocr.internal\", \"port\": 1, "
				+ "\"protocol\": \"grpcs\", \"ca_certificate\": \"junk\"}"), 400, "ca_certificate");
		assertProblem(create("{\"name\": \"x" + this.tag + "\", \"host\": \"ocr.internal\", \"port\": 1, "
				+ "\"protocol\": \"grpc\", \"ca_certificate\": " + json(CA) + "}"), 400, "grpcs only");
		assertProblem(create("{\"name\": \"x\", \"host\": "), 400, "JSON");
		assertProblem(create("{\"name\": \"\", \"host\": \"ocr.internal\", \"port\": 1, \"protocol\": \"grpc\"}"), 400,
				"name must be 1 to 100");

		assertThat(create(body("ocr.internal", 50051, "grpc")).status()).isEqualTo(201);
		assertProblem(create(body("other.internal", 50052, "grpc")), 409, "exists already");
		assertProblem(put(999_999_999, "{\"port\": 2}"), 404, "No service endpoint 999999999");
		assertProblem(this.http.get("/service-endpoints/999999999", this.user), 404, "No service endpoint");
	}

	@Test
	void onlyStaffChangeTheRegistry() {
		String body = body("ocr.internal", 50051, "grpc");
		assertProblem(this.http.postJson("/service-endpoints", body, this.user), 403, "");
		long id = create(body).json().get("id").asLong();
		assertProblem(this.http.send("PUT", "/service-endpoints/" + id, "{\"port\": 2}", this.user), 403, "");
		assertProblem(this.http.send("DELETE", "/service-endpoints/" + id, "", this.user), 403, "");
		assertThat(this.http.get("/service-endpoints").status()).isEqualTo(401);
		assertThat(this.http.get("/service-endpoints/" + id, this.user).json().get("port").asInt()).isEqualTo(50051);
	}

	@Test
	void theHealthCheckDecidesWhichEndpointsAreActive() {
		String plugin = "tool_" + this.tag;
		long serving = registered("serving", plugin);
		long down = registered("down", plugin);
		long newer = registered("newer", plugin);
		this.probe.script("serving-" + this.tag + ".test", ProbeResult.serving("2.4.1", "1.3", List.of(plugin)));
		this.probe.script("down-" + this.tag + ".test",
				ProbeResult.failed(EndpointStatus.UNREACHABLE, "Connection refused"));
		this.probe.script("newer-" + this.tag + ".test", ProbeResult.serving("3.0.0", "2.0", List.of(plugin)));

		// the recurring check runs by itself
		JsonNode checked = await("the three endpoints checked", () -> this.http.get("/service-endpoints", this.user),
				(r) -> List.of(serving, down, newer)
					.stream()
					.allMatch((id) -> !find(r.json(), id).get("last_health_check").isNull()))
			.json();
		JsonNode up = find(checked, serving);
		assertThat(up.get("active").asBoolean()).isTrue();
		assertThat(up.get("status").asString()).isEqualTo("serving");
		assertThat(up.get("version").asString()).isEqualTo("2.4.1");
		assertThat(up.get("protocol_version").asString()).isEqualTo("1.3");
		JsonNode unreachable = find(checked, down);
		assertThat(unreachable.get("active").asBoolean()).isFalse();
		assertThat(unreachable.get("status").asString()).isEqualTo("unreachable");
		assertThat(unreachable.get("status_message").asString()).isEqualTo("Connection refused");
		JsonNode mismatch = find(checked, newer);
		assertThat(mismatch.get("active").asBoolean()).isFalse();
		assertThat(mismatch.get("status").asString()).isEqualTo("version_mismatch");
		assertThat(mismatch.get("status_message").asString()).contains("protocol 2.0", "1.x");
		assertThat(this.serviceEndpoints.forPlugin(plugin)).map(Endpoint::id).contains(serving);
		assertThat(this.probe.secretSeen("serving-" + this.tag + ".test")).isEqualTo("secret-serving");

		// the service goes away; the next check notices and the plugin has no endpoint
		this.probe.script("serving-" + this.tag + ".test",
				ProbeResult.failed(EndpointStatus.UNREACHABLE, "Deadline exceeded"));
		this.healthCheck.checkAll();
		JsonNode gone = this.http.get("/service-endpoints/" + serving, this.user).json();
		assertThat(gone.get("active").asBoolean()).isFalse();
		assertThat(gone.get("status").asString()).isEqualTo("unreachable");
		assertThat(this.serviceEndpoints.forPlugin(plugin)).isEmpty();

		// one that lacks a plugin it is registered for does not serve it
		this.probe.script("down-" + this.tag + ".test", ProbeResult.serving("1.0.0", "1.0", List.of("other_tool")));
		this.healthCheck.checkAll();
		JsonNode lacking = this.http.get("/service-endpoints/" + down, this.user).json();
		assertThat(lacking.get("status").asString()).isEqualTo("not_serving");
		assertThat(lacking.get("status_message").asString()).contains(plugin, "other_tool");

		// a probe that throws counts as unreachable, without its message
		this.probe.script("newer-" + this.tag + ".test", null);
		this.healthCheck.checkAll();
		JsonNode failed = this.http.get("/service-endpoints/" + newer, this.user).json();
		assertThat(failed.get("status").asString()).isEqualTo("unreachable");
		assertThat(failed.get("status_message").asString()).isEqualTo("The health check failed: IllegalStateException.")
			.doesNotContain("secret-newer");
		this.probe.script("newer-" + this.tag + ".test", UNREACHABLE);
	}

	@Test
	void thePluginCatalogListsRemotePluginsWithTheirAvailability() {
		String up = "remote_up_" + this.tag;
		String down = "remote_down_" + this.tag;
		registered("catalog", up, down, "text_extract");
		this.probe.script("catalog-" + this.tag + ".test", ProbeResult.serving("1.2.0", "1.0", List.of(up)));
		this.healthCheck.checkAll();

		JsonNode plugins = this.http.get("/plugins", this.user).json().get("plugins");
		JsonNode served = plugin(plugins, up);
		assertThat(served.get("node_type").asString()).isEqualTo("tool");
		assertThat(served.get("label").asString()).isEqualTo(up);
		assertThat(served.get("version").asString()).isEqualTo("1.2.0");
		assertThat(served.get("available").asBoolean()).isFalse();
		// the service offers only one of the two: the endpoint is not serving, neither
		// plugin is available
		assertThat(served.get("availability").asString()).isEqualTo("unavailable");
		assertThat(served.get("unavailable_reason").asString()).contains("not_serving", down);

		this.probe.script("catalog-" + this.tag + ".test",
				ProbeResult.serving("1.2.0", "1.0", List.of(up, down, "text_extract")));
		this.healthCheck.checkAll();
		plugins = this.http.get("/plugins", this.user).json().get("plugins");
		assertThat(plugin(plugins, up).get("available").asBoolean()).isTrue();
		assertThat(plugin(plugins, up).get("availability").asString()).isEqualTo("available");
		assertThat(plugin(plugins, down).get("available").asBoolean()).isTrue();
		// a built-in plugin stays the built-in one
		assertThat(plugins.valueStream().filter((p) -> p.get("id").asString().equals("text_extract")).count())
			.isEqualTo(1);
		assertThat(plugin(plugins, "text_extract").get("version").asString()).isNotEqualTo("1.2.0");
	}

	private long registered(String name, String... pluginIds) {
		StringBuilder ids = new StringBuilder();
		for (String id : pluginIds) {
			ids.append((ids.length() > 0) ? ", " : "").append('"').append(id).append('"');
		}
		Response created = create("{\"name\": \"" + name + " " + this.tag + "\", \"host\": \"" + name + "-" + this.tag
				+ ".test\", \"port\": 50051, \"protocol\": \"grpc\", \"plugin_ids\": [" + ids
				+ "], \"secret\": \"secret-" + name + "\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private String body(String host, int port, String protocol) {
		return "{\"name\": \"Endpoint " + this.tag + "\", \"host\": \"" + host + "\", \"port\": " + port
				+ ", \"protocol\": \"" + protocol + "\", \"plugin_ids\": [\"ocr_tool\"]}";
	}

	private Response create(String body) {
		return this.http.postJson("/service-endpoints", body, this.staff);
	}

	private Response put(long id, String body) {
		return this.http.send("PUT", "/service-endpoints/" + id, body, this.staff);
	}

	private static void assertProblem(Response response, int status, String message) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("error").asString()).contains(message);
	}

	private static JsonNode find(JsonNode list, long id) {
		return list.get("service_endpoints")
			.valueStream()
			.filter((e) -> e.get("id").asLong() == id)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no endpoint " + id + " in " + list));
	}

	private static JsonNode plugin(JsonNode plugins, String id) {
		return plugins.valueStream()
			.filter((p) -> p.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no plugin " + id + " in " + plugins));
	}

	private static String json(String text) {
		return "\"" + text.replace("\n", "\\n") + "\"";
	}

	private static <T> T await(String what, Supplier<T> poll, Predicate<T> done) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		T value = poll.get();
		while (!done.test(value)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for " + what + "; last: " + value);
			}
			pause(100);
			value = poll.get();
		}
		return value;
	}

	/** The probe the gRPC client will be, answering as each test scripts it per host. */
	static class ScriptedProbe implements EndpointProbe {

		private static final ProbeResult THROW = ProbeResult.failed(EndpointStatus.UNKNOWN, "throw");

		private static final ProbeResult UNSCRIPTED = ProbeResult.failed(EndpointStatus.UNREACHABLE,
				"No answer scripted.");

		private final Map<String, ProbeResult> answers = new ConcurrentHashMap<>();

		private final Map<String, String> secrets = new ConcurrentHashMap<>();

		/**
		 * {@code null} makes the probe throw, with the secret in the exception text. A
		 * host nobody scripted answers unreachable, quietly, so the endpoints that tests
		 * of the registry leave behind do not fill the log with failed probes.
		 */
		void script(String host, ProbeResult answer) {
			this.answers.put(host, (answer != null) ? answer : THROW);
		}

		String secretSeen(String host) {
			return this.secrets.get(host);
		}

		@Override
		public ProbeResult probe(Endpoint endpoint) {
			if (endpoint.sharedSecret() != null) {
				this.secrets.put(endpoint.host(), endpoint.sharedSecret());
			}
			ProbeResult answer = this.answers.getOrDefault(endpoint.host(), UNSCRIPTED);
			if (answer == THROW) {
				throw new IllegalStateException("scripted to fail; sent " + endpoint.sharedSecret());
			}
			return answer;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probes {

		/** Takes the place of the gRPC probe, so the checks are scripted. */
		@Bean
		@Primary
		ScriptedProbe scriptedProbe() {
			return new ScriptedProbe();
		}

	}

}
