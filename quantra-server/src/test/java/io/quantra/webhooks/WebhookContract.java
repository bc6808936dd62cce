package io.quantra.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.identity.TestAccounts;
import io.quantra.webhooks.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static io.quantra.Pause.pause;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks over real HTTP on each database, with a receiver on this machine that checks
 * signatures as the Standard Webhooks specification tells customers to: run events arrive
 * signed and filtered, failed attempts are retried until the receiver recovers,
 * deliveries can be sent again, and nothing goes to a private address unless staff allow
 * it (the tests allow it for their local receiver).
 */
@TestPropertySource(properties = "quantra.webhooks.first-retry=200ms")
abstract class WebhookContract {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	DeliveryCleanup cleanup;

	HttpTestClient http;

	String[] owner;

	String[] staff;

	long project;

	WebhookReceiver receiver;

	@BeforeEach
	void createProjectAndReceiver() {
		this.http = HttpTestClient.local(this.port);
		this.owner = TestAccounts.signIn(this.http, this.accounts.user("owner"));
		this.staff = TestAccounts.signIn(this.http, this.accounts.staff("staff"));
		this.project = this.http.postJson("/projects", "{\"name\": \"Hooked\"}", this.owner).json().get("id").asLong();
		this.receiver = WebhookReceiver.start();
		allowPrivateTargets(true);
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void subscribedEventsArriveSignedFilteredAndNumberedInOrder() {
		Response all = create("/all", null);
		assertThat(all.status()).as(all.toString()).isEqualTo(201);
		Response completedOnly = create("/completed", "[\"run_completed\"]");
		String allSecret = all.json().get("secret").asString();
		String completedSecret = completedOnly.json().get("secret").asString();
		long source = node("datasource", "inputs", "{}");
		long greet = node("tool", "text_template", "{\"template\": \"Hello {{name}}\"}");
		edge(source, greet);
		long execution = run("{\"inputs\": {\"name\": \"Ada\"}}");

		List<Received> received = await("six events at /all", () -> this.receiver.received("/all"),
				(r) -> r.size() >= 6);
		List<JsonNode> bodies = new ArrayList<>();
		for (Received request : received) {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.signedWith(allSecret)).as("signed with the webhook's secret").isTrue();
			assertThat(request.signedWith(completedSecret)).isFalse();
			assertThat(request.header("content-type")).isEqualTo("application/json");
			assertThat(request.header("user-agent")).contains("Quantra");
			assertThat(request.header("webhook-id")).matches("msg_\\d+");
			bodies.add(JSON.readTree(request.body()));
		}
		assertThat(received).extracting((r) -> r.header("webhook-id")).doesNotHaveDuplicates();
		bodies.sort(Comparator.comparingLong((b) -> b.get("data").get("seq").asLong()));
		assertThat(bodies).extracting((b) -> b.get("type").asString())
			.containsExactly("run_started", "node_started", "node_completed", "node_started", "node_completed",
					"run_completed");
		assertThat(bodies).extracting((b) -> b.get("data").get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		for (JsonNode body : bodies) {
			assertThat(Instant.parse(body.get("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
			assertThat(body.get("data").get("execution_id").asLong()).isEqualTo(execution);
			assertThat(body.get("data").get("project_id").asLong()).isEqualTo(this.project);
			assertThat(body.get("data").get("run_id").asString()).matches("[0-9a-f-]{36}");
			assertThat(body.get("data").has("correlation_id")).isTrue();
		}
		assertThat(bodies.get(2).get("data").get("node").asString()).isEqualTo("node_" + source);

		List<Received> completed = await("run_completed at /completed", () -> this.receiver.received("/completed"),
				(r) -> !r.isEmpty());
		assertThat(completed).hasSize(1);
		assertThat(completed.get(0).signedWith(completedSecret)).isTrue();
		assertThat(JSON.readTree(completed.get(0).body()).get("type").asString()).isEqualTo("run_completed");

		long hook = all.json().get("id").asLong();
		JsonNode deliveries = await("six deliveries succeeded", () -> deliveries(hook, ""),
				(d) -> d.get("deliveries").valueStream().allMatch((x) -> x.get("status").asString().equals("succeeded"))
						&& d.get("total").asLong() == 6);
		JsonNode newest = deliveries.get("deliveries").get(0);
		assertThat(newest.get("event_type").asString()).isEqualTo("run_completed");
		assertThat(newest.get("attempts").asInt()).isEqualTo(1);
		assertThat(newest.get("last_response_code").asInt()).isEqualTo(200);
		assertThat(newest.get("execution_id").asLong()).isEqualTo(execution);
		assertThat(newest.get("seq").asLong()).isEqualTo(6);
		assertThat(newest.get("delivered_at").isNull()).isFalse();
		assertThat(newest.get("message_id").asString()).isEqualTo("msg_" + newest.get("id").asLong());
		assertThat(deliveries.get("deliveries")).extracting((d) -> d.get("id").asLong())
			.isSortedAccordingTo(Comparator.reverseOrder());

		JsonNode page = deliveries(hook, "?limit=2&offset=1");
		assertThat(page.get("deliveries").size()).isEqualTo(2);
		assertThat(page.get("total").asLong()).isEqualTo(6);
		assertThat(page.get("deliveries").get(0).get("id").asLong())
			.isEqualTo(deliveries.get("deliveries").get(1).get("id").asLong());
		assertThat(deliveries(hook, "?status=failed").get("total").asLong()).isZero();
		assertThat(this.http.get("/webhooks/" + hook + "/deliveries?status=lost", this.owner).status()).isEqualTo(400);

		Response one = this.http.get("/webhooks/" + hook + "/deliveries/" + newest.get("id").asLong(), this.owner);
		assertThat(one.status()).isEqualTo(200);
		JsonNode sent = received.stream()
			.filter((r) -> r.header("webhook-id").equals(newest.get("message_id").asString()))
			.map((r) -> JSON.readTree(r.body()))
			.findFirst()
			.orElseThrow();
		assertThat(one.json().get("payload")).isEqualTo(sent);
	}

	@Test
	void aFailingReceiverIsRetriedUntilItRecovers() {
		this.receiver.answer(503, "down for maintenance " + "x".repeat(600));
		Response created = create("/flaky", "[\"run_completed\"]");
		String secret = created.json().get("secret").asString();
		long hook = created.json().get("id").asLong();
		node("datasource", "inputs", "{}");
		run("{}");

		JsonNode failing = await("a failed attempt", () -> onlyDelivery(hook), (d) -> d.get("attempts").asInt() >= 1);
		assertThat(failing.get("status").asString()).isEqualTo("pending");
		assertThat(failing.get("last_response_code").asInt()).isEqualTo(503);
		assertThat(failing.get("last_error").asString()).startsWith("HTTP 503: down for maintenance")
			.hasSizeLessThanOrEqualTo(220);
		assertThat(failing.get("next_attempt_at").isNull()).isFalse();
		assertThat(failing.get("delivered_at").isNull()).isTrue();

		this.receiver.answer(200, "ok");
		// sending it again moves its queued attempt to now (409 only while an attempt is
		// under way)
		Response again = await("a redelivery between attempts", () -> this.http
			.postJson("/webhooks/" + hook + "/deliveries/" + failing.get("id").asLong() + "/redeliver", "", this.owner),
				(r) -> r.status() != 409 || !r.json().get("error").asString().contains("under way"));
		assertThat(again.status()).as(again.toString()).isEqualTo(202);
		JsonNode delivered = await("the delivery to succeed", () -> onlyDelivery(hook),
				(d) -> d.get("status").asString().equals("succeeded"));
		assertThat(delivered.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(delivered.get("last_response_code").asInt()).isEqualTo(200);
		assertThat(delivered.get("last_error").isNull()).isTrue();
		assertThat(delivered.get("next_attempt_at").isNull()).isTrue();
		assertThat(delivered.get("delivered_at").isNull()).isFalse();

		List<Received> attempts = this.receiver.received("/flaky");
		assertThat(attempts).hasSize(delivered.get("attempts").asInt());
		assertThat(attempts).allSatisfy((r) -> assertThat(r.signedWith(secret)).isTrue());
		assertThat(attempts).extracting((r) -> r.header("webhook-id"))
			.containsOnly(delivered.get("message_id").asString());
		assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
	}

	@Test
	void anUnreachableReceiverIsAFailedAttemptWithAClearError() {
		int closed;
		try (WebhookReceiver gone = WebhookReceiver.start()) {
			closed = gone.port();
		}
		long hook = this.http.postJson("/projects/" + this.project + "/webhooks",
				"{\"url\": \"http://127.0.0.1:" + closed + "/gone\", \"event_types\": [\"run_started\"]}", this.owner)
			.json()
			.get("id")
			.asLong();
		node("datasource", "inputs", "{}");
		run("{}");
		JsonNode failing = await("a failed attempt", () -> onlyDelivery(hook), (d) -> d.get("attempts").asInt() >= 1);
		assertThat(failing.get("status").asString()).isEqualTo("pending");
		assertThat(failing.get("last_response_code").isNull()).isTrue();
		assertThat(failing.get("last_error").asString()).contains("Could not connect");
		this.http.send("DELETE", "/webhooks/" + hook, "", this.owner);
	}

	@Test
	void aDeliveryCanBeSentAgainWithTheSameId() {
		Response created = create("/again", "[\"run_completed\"]");
		long hook = created.json().get("id").asLong();
		node("datasource", "inputs", "{}");
		run("{}");
		JsonNode first = await("the delivery", () -> onlyDelivery(hook),
				(d) -> d.get("status").asString().equals("succeeded"));
		long id = first.get("id").asLong();

		Response again = this.http.postJson("/webhooks/" + hook + "/deliveries/" + id + "/redeliver", "", this.owner);
		assertThat(again.status()).as(again.toString()).isEqualTo(202);
		assertThat(again.json().get("status").asString()).isEqualTo("pending");
		await("the second delivery", () -> onlyDelivery(hook),
				(d) -> d.get("status").asString().equals("succeeded") && d.get("attempts").asInt() == 2);

		// a delivery that failed for good can be sent again too, with a new retry window
		this.jdbc
			.sql("update webhook_deliveries set status = 'failed', next_attempt_at = null, "
					+ "retry_until = created_at where id = :id")
			.param("id", id)
			.update();
		assertThat(onlyDelivery(hook).get("status").asString()).isEqualTo("failed");
		JsonNode revived = this.http.postJson("/webhooks/" + hook + "/deliveries/" + id + "/redeliver", "", this.owner)
			.json();
		assertThat(Instant.parse(revived.get("retry_until").asString()))
			.isAfter(Instant.now().plus(Duration.ofHours(23)));
		await("the third delivery", () -> onlyDelivery(hook),
				(d) -> d.get("status").asString().equals("succeeded") && d.get("attempts").asInt() == 3);

		List<Received> sent = this.receiver.received("/again");
		assertThat(sent).hasSize(3);
		assertThat(sent).extracting((r) -> r.header("webhook-id")).containsOnly("msg_" + id);
		assertThat(sent).extracting(Received::body).containsOnly(sent.get(0).body());
		assertThat(sent).allSatisfy((r) -> assertThat(r.signedWith(created.json().get("secret").asString())).isTrue());

		assertThat(
				this.http.postJson("/webhooks/" + hook + "/deliveries/" + (id + 100_000) + "/redeliver", "", this.owner)
					.status())
			.isEqualTo(404);
		long other = create("/other", null).json().get("id").asLong();
		assertThat(
				this.http.postJson("/webhooks/" + other + "/deliveries/" + id + "/redeliver", "", this.owner).status())
			.isEqualTo(404);
	}

	@Test
	void privateTargetsAreRefusedUnlessStaffAllowThem() {
		allowPrivateTargets(false);
		JsonNode settings = this.http.get("/settings", this.staff).json();
		assertThat(settings.get("webhooks_allow_private_targets").asBoolean()).isFalse();
		for (String url : List.of(this.receiver.url("/hook"), "http://169.254.169.254/latest/meta-data/",
				"http://[::1]:8080/hook", "http://10.1.2.3/hook", "http://localhost:" + this.receiver.port() + "/",
				"https://192.168.0.10/", "http://[::ffff:127.0.0.1]/", "http://100.64.0.1/")) {
			Response refused = this.http.postJson("/projects/" + this.project + "/webhooks",
					"{\"url\": \"" + url + "\"}", this.owner);
			assertThat(refused.status()).as(url + " → " + refused).isEqualTo(400);
			assertThat(refused.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
			assertThat(refused.json().get("error").asString()).contains("refused")
				.contains("webhooks_allow_private_targets");
		}
		assertThat(this.http
			.postJson("/projects/" + this.project + "/webhooks",
					"{\"url\": \"http://169.254.169.254/latest/meta-data/\"}", this.owner)
			.json()
			.get("error")
			.asString()).contains("link-local");

		allowPrivateTargets(true);
		Response allowed = create("/hook", "[\"run_started\"]");
		assertThat(allowed.status()).isEqualTo(201);
		long hook = allowed.json().get("id").asLong();

		// checked again before each attempt: the answer of DNS, or the setting, may
		// change
		allowPrivateTargets(false);
		node("datasource", "inputs", "{}");
		run("{}");
		JsonNode refused = await("a refused attempt", () -> onlyDelivery(hook), (d) -> d.get("attempts").asInt() >= 1);
		assertThat(refused.get("status").asString()).isEqualTo("pending");
		assertThat(refused.get("last_response_code").isNull()).isTrue();
		assertThat(refused.get("last_error").asString()).contains("Not sent").contains("loopback");
		assertThat(this.receiver.received("/hook")).isEmpty();
		this.http.send("DELETE", "/webhooks/" + hook, "", this.owner);
	}

	@Test
	void aHostNameIsReachedAtTheCheckedAddressUnderItsOwnName() {
		assertThat(this.dispatcher.pinsPlainHttp()).as("the JVM lets deliveries name the host they connect to")
			.isTrue();
		Response created = this.http.postJson("/projects/" + this.project + "/webhooks", "{\"url\": \"http://localhost:"
				+ this.receiver.port() + "/named?token=abc\", " + "\"event_types\": [\"run_completed\"]}", this.owner);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		node("datasource", "inputs", "{}");
		run("{}");
		Received request = await("the named delivery", () -> this.receiver.received("/named"), (r) -> !r.isEmpty())
			.get(0);
		assertThat(request.header("host")).isEqualTo("localhost:" + this.receiver.port());
		assertThat(request.signedWith(created.json().get("secret").asString())).isTrue();
	}

	@Test
	void theSigningSecretIsShownOnlyWhenCreated() {
		Response created = create("/secret", "[\"run_started\", \"run_failed\"]");
		JsonNode body = created.json();
		String secret = body.get("secret").asString();
		assertThat(secret).matches("whsec_[A-Za-z0-9+/]{32}");
		assertThat(body.get("url").asString()).isEqualTo(this.receiver.url("/secret"));
		assertThat(body.get("event_types")).extracting(JsonNode::asString).containsExactly("run_started", "run_failed");
		assertThat(body.get("description").asString()).isEqualTo("test receiver");
		assertThat(body.get("created_at").asString()).isNotBlank();
		long hook = body.get("id").asLong();

		Response listed = this.http.get("/projects/" + this.project + "/webhooks", this.owner);
		assertThat(listed.json().get("webhooks").get(0).has("secret")).isFalse();
		assertThat(listed.body()).doesNotContain(secret);
		Response one = this.http.get("/webhooks/" + hook, this.owner);
		assertThat(one.json().has("secret")).isFalse();
		assertThat(one.body()).doesNotContain(secret.substring(6));
		String stored = this.jdbc.sql("select secret from webhooks where id = :id")
			.param("id", hook)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("v1:").doesNotContain(secret.substring(6));
	}

	@Test
	void onlyProjectAdminsAndStaffManageWebhooks() {
		long hook = create("/roles", null).json().get("id").asLong();
		String[] viewer = member("read", null);
		String[] runner = member("execute", null);
		String[] editor = member("write", null);
		String[] admin = member("write", "admin");
		String[] outsider = TestAccounts.signIn(this.http, this.accounts.user("outsider"));
		String list = "/projects/" + this.project + "/webhooks";
		String body = "{\"url\": \"" + this.receiver.url("/x") + "\"}";
		for (String[] caller : List.of(viewer, runner, editor)) {
			assertThat(this.http.get(list, caller).status()).isEqualTo(403);
			assertThat(this.http.postJson(list, body, caller).json().get("code").asString())
				.isEqualTo("PERMISSION_DENIED");
			assertThat(this.http.get("/webhooks/" + hook, caller).status()).isEqualTo(403);
			assertThat(this.http.get("/webhooks/" + hook + "/deliveries", caller).status()).isEqualTo(403);
			assertThat(this.http.send("DELETE", "/webhooks/" + hook, "", caller).status()).isEqualTo(403);
		}
		assertThat(this.http.get(list, outsider).status()).isEqualTo(404);
		assertThat(this.http.postJson(list, body, outsider).status()).isEqualTo(404);
		assertThat(this.http.get("/webhooks/" + hook, outsider).status()).isEqualTo(404);
		assertThat(this.http.get("/webhooks/" + hook + "/deliveries", outsider).json().get("code").asString())
			.isEqualTo("NOT_FOUND");
		assertThat(this.http.send("DELETE", "/webhooks/" + hook, "", outsider).status()).isEqualTo(404);
		assertThat(this.http.get(list).status()).isEqualTo(401);
		assertThat(this.http.get("/webhooks/" + hook).status()).isEqualTo(401);

		assertThat(this.http.get(list, admin).json().get("total").asInt()).isEqualTo(1);
		assertThat(this.http.get("/webhooks/" + hook + "/deliveries", admin).status()).isEqualTo(200);
		assertThat(this.http.postJson(list, body, admin).status()).isEqualTo(201);
		assertThat(this.http.get(list, this.staff).json().get("total").asInt()).isEqualTo(2);
		assertThat(this.http.send("DELETE", "/webhooks/" + hook, "", admin).status()).isEqualTo(204);
		assertThat(this.http.get("/webhooks/" + hook, admin).status()).isEqualTo(404);
	}

	@Test
	void invalidWebhooksAreRefusedWithTheReason() {
		String list = "/projects/" + this.project + "/webhooks";
		String long2001 = "http://127.0.0.1/" + "a".repeat(1984);
		for (String[] invalid : new String[][] { { "{}", "url is required" },
				{ "{\"url\": \"not a url\"}", "not a valid URL" }, { "{\"url\": \"/relative\"}", "absolute" },
				{ "{\"url\": \"ftp://127.0.0.1/\"}", "http" },
				{ "{\"url\": \"http://user:pass@127.0.0.1/\"}", "user name or password" },
				{ "{\"url\": \"" + long2001 + "\"}", "2000" },
				{ "{\"url\": \"http://127.0.0.1/\", \"event_types\": [\"run_started\", \"run_exploded\"]}",
						"run_exploded" },
				{ "{\"url\": \"http://127.0.0.1/\", \"description\": \"" + "d".repeat(501) + "\"}", "500" },
				{ "{\"url\": \"http://no-such-host.invalid/\"}", "could not be resolved" } }) {
			Response refused = this.http.postJson(list, invalid[0], this.owner);
			assertThat(refused.status()).as(invalid[0] + " → " + refused).isEqualTo(400);
			assertThat(refused.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
			assertThat(refused.json().get("error").asString()).contains(invalid[1]);
		}
		assertThat(this.http
			.postJson(list, "{\"url\": \"http://127.0.0.1/\", \"event_types\": \"run_started\"}", this.owner)
			.status()).isEqualTo(400);
		assertThat(this.http.get("/webhooks/99999999", this.owner).status()).isEqualTo(404);

		for (int i = 0; i < 20; i++) {
			assertThat(create("/n" + i, null).status()).isEqualTo(201);
		}
		Response tooMany = create("/n20", null);
		assertThat(tooMany.status()).isEqualTo(409);
		assertThat(tooMany.json().get("error").asString()).contains("20");
	}

	@Test
	void deletingAWebhookStopsItsRetries() {
		this.receiver.answer(503, "");
		long hook = create("/dead", "[\"run_started\", \"run_completed\"]").json().get("id").asLong();
		node("datasource", "inputs", "{}");
		run("{}");
		JsonNode failing = await("both deliveries to fail once", () -> deliveries(hook, ""),
				(d) -> d.get("total").asInt() == 2
						&& d.get("deliveries").valueStream().allMatch((x) -> x.get("attempts").asInt() >= 1));
		List<String> instances = failing.get("deliveries")
			.valueStream()
			.map((d) -> Long.toString(d.get("id").asLong()))
			.toList();

		assertThat(this.http.send("DELETE", "/webhooks/" + hook, "", this.owner).status()).isEqualTo(204);
		assertThat(this.http.get("/webhooks/" + hook + "/deliveries", this.owner).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from webhook_deliveries where webhook_id = :hook")
			.param("hook", hook)
			.query(Long.class)
			.single()).isZero();
		await("no queued attempt left", () -> queued(instances), (n) -> n == 0);
		int seen = this.receiver.received("/dead").size();
		// longer than the first retry (200 ms) plus the scheduler's polling interval (2
		// s)
		pause(2500);
		assertThat(this.receiver.received("/dead")).hasSize(seen);
	}

	@Test
	void deletingTheProjectDeletesItsWebhooks() {
		long hook = create("/project", null).json().get("id").asLong();
		assertThat(this.http.send("DELETE", "/projects/" + this.project, "", this.owner).status()).isEqualTo(204);
		assertThat(this.jdbc.sql("select count(*) from webhooks where project_id = :project")
			.param("project", this.project)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.http.get("/webhooks/" + hook, this.staff).status()).isEqualTo(404);
	}

	@Test
	void finishedDeliveriesAreDeletedAfterTheRetentionPeriod() {
		long hook = create("/old", null).json().get("id").asLong();
		long oldSucceeded = insertDelivery(hook, "succeeded", Duration.ofDays(31));
		long oldFailed = insertDelivery(hook, "failed", Duration.ofDays(45));
		long oldPending = insertDelivery(hook, "pending", Duration.ofDays(31));
		long recent = insertDelivery(hook, "succeeded", Duration.ofDays(1));
		assertThat(this.cleanup.run()).isGreaterThanOrEqualTo(2);
		assertThat(this.jdbc.sql("select id from webhook_deliveries where webhook_id = :hook order by id")
			.param("hook", hook)
			.query(Long.class)
			.list()).containsExactly(oldPending, recent).doesNotContain(oldSucceeded, oldFailed);
	}

	private long insertDelivery(long hook, String status, Duration age) {
		java.sql.Timestamp created = java.sql.Timestamp.from(Instant.now().minus(age));
		this.jdbc
			.sql("insert into webhook_deliveries (webhook_id, execution_id, seq, event_type, body, status, attempts, "
					+ "window_attempts, created_at, retry_until) values (:hook, 1, 1, 'run_started', '{}', :status, "
					+ "1, 1, :created, :created)")
			.param("hook", hook)
			.param("status", status)
			.param("created", created)
			.update();
		return this.jdbc.sql("select max(id) from webhook_deliveries").query(Long.class).single();
	}

	private long queued(List<String> instances) {
		return this.jdbc
			.sql("select count(*) from scheduled_tasks where task_name = 'webhook-delivery' and task_instance in "
					+ "(:instances)")
			.param("instances", instances)
			.query(Long.class)
			.single();
	}

	private Response create(String path, String eventTypes) {
		String types = (eventTypes != null) ? ", \"event_types\": " + eventTypes : "";
		return this.http.postJson("/projects/" + this.project + "/webhooks",
				"{\"url\": \"" + this.receiver.url(path) + "\", \"description\": \"test receiver\"" + types + "}",
				this.owner);
	}

	private JsonNode deliveries(long hook, String query) {
		Response response = this.http.get("/webhooks/" + hook + "/deliveries" + query, this.owner);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private JsonNode onlyDelivery(long hook) {
		JsonNode list = deliveries(hook, "");
		assertThat(list.get("total").asLong()).as(list.toString()).isLessThanOrEqualTo(1);
		return (list.get("total").asLong() == 1) ? list.get("deliveries").get(0)
				: JSON.readTree("{\"attempts\": 0, " + "\"status\": \"none\"}");
	}

	private void allowPrivateTargets(boolean allowed) {
		Response changed = this.http.send("PUT", "/settings", "{\"webhooks_allow_private_targets\": " + allowed + "}",
				this.staff);
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("webhooks_allow_private_targets").asBoolean()).isEqualTo(allowed);
	}

	/**
	 * A new member of the project with a share level and, optionally, a role set after.
	 */
	private String[] member(String level, String role) {
		String email = this.accounts.user(level);
		Response shared = this.http.postJson("/projects/" + this.project + "/share",
				"{\"email\": \"" + email + "\", \"permission_level\": \"" + level + "\"}", this.owner);
		assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
		if (role != null) {
			this.http.send("PUT", "/projects/" + this.project + "/members/" + shared.json().get("user_id").asLong(),
					"{\"role\": \"" + role + "\"}", this.owner);
		}
		return TestAccounts.signIn(this.http, email);
	}

	private long run(String body) {
		Response started = this.http.postJson("/projects/" + this.project + "/run", body, this.owner);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		long execution = started.json().get("execution_id").asLong();
		await("the run to end", () -> this.http.get("/executions/" + execution, this.owner).json(),
				(run) -> List.of("completed", "failed", "cancelled").contains(run.get("status").asString()));
		return execution;
	}

	private long node(String type, String plugin, String config) {
		Response created = this.http.postJson("/projects/" + this.project + "/nodes",
				"{\"node_type\": \"" + type + "\", \"plugin_id\": \"" + plugin + "\", \"config\": " + config + "}",
				this.owner);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private void edge(long source, long target) {
		Response created = this.http.postJson("/projects/" + this.project + "/edges",
				"{\"source_node\": " + source + ", \"target_node\": " + target + ", \"edge_mode\": \"flow\"}",
				this.owner);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	/** Asks {@code probe} until its answer satisfies {@code done}, for at most 30 s. */
	private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
		Instant deadline = Instant.now().plus(PATIENCE);
		T last = null;
		while (Instant.now().isBefore(deadline)) {
			last = probe.get();
			if (done.test(last)) {
				return last;
			}
			pause(25);
		}
		throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what + "; last seen: " + last);
	}

}
