package io.quantra.triggers;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.UUID;

import io.quantra.HttpTestClient;
import io.quantra.TestClock;
import io.quantra.HttpTestClient.Response;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.quantra.triggers.ProjectSetup.apiToken;
import static io.quantra.triggers.ProjectSetup.runnableProject;
import static io.quantra.triggers.ProjectSetup.share;
import static io.quantra.triggers.ProjectSetup.signIn;
import static io.quantra.triggers.ProjectSetup.signature;
import static io.quantra.triggers.ProjectSetup.triggerSecret;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /run} over real HTTP on each database: with a credential of a runner, or
 * signed with a project's trigger secret; and the secrets themselves.
 */
abstract class TriggerContract {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	/**
	 * The server's clock, which other tests may have moved: signatures are dated by it.
	 */
	@Autowired
	TestClock clock;

	HttpTestClient http;

	String ownerEmail;

	String[] owner;

	long project;

	@BeforeEach
	void createProject() {
		this.http = HttpTestClient.local(this.port);
		this.ownerEmail = this.accounts.user("owner");
		this.owner = signIn(this.http, this.ownerEmail);
		this.project = runnableProject(this.http, this.owner);
	}

	@Test
	void aRunnerStartsARunWithAnApiToken() {
		String runner = this.accounts.user("runner");
		share(this.http, this.owner, this.project, runner, "execute");
		String[] token = apiToken(this.http, runner);

		Response started = this.http.postJson("/run",
				"{\"project_id\": " + this.project + ", \"inputs\": {\"greeting\": \"hi\"}}", token);

		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		JsonNode body = started.json();
		assertThat(body.propertyNames()).containsExactly("run_id", "execution_id", "correlation_id", "status");
		assertThat(UUID.fromString(body.get("run_id").asString())).isNotNull();
		assertThat(UUID.fromString(body.get("correlation_id").asString())).isNotNull();
		long execution = body.get("execution_id").asLong();
		assertThat(started.header("Location")).isEqualTo("/executions/" + execution);
		JsonNode run = this.http.get("/executions/" + execution, this.owner).json();
		assertThat(run.get("trigger").asString()).isEqualTo("webhook");
		assertThat(run.get("initiated_by").asString()).isEqualTo(runner);
		assertThat(run.get("run_id").asString()).isEqualTo(body.get("run_id").asString());
		// the API token in X-API-Key works as well, and so does a JWT login
		String tokenValue = token[1].substring("Bearer ".length());
		assertThat(
				this.http.postJson("/run", "{\"project_id\": " + this.project + "}", "X-API-Key", tokenValue).status())
			.isEqualTo(202);
		assertThat(this.http.postJson("/run", "{\"project_id\": " + this.project + "}", signIn(this.http, runner))
			.status()).isEqualTo(202);
	}

	@Test
	void viewersOutsidersAndStrangersCannotTrigger() {
		String viewer = this.accounts.user("viewer");
		share(this.http, this.owner, this.project, viewer, "read");
		String body = "{\"project_id\": " + this.project + "}";

		Response asViewer = this.http.postJson("/run", body, apiToken(this.http, viewer));
		assertThat(asViewer.status()).isEqualTo(403);
		assertThat(asViewer.json().get("code").asString()).isEqualTo("PERMISSION_DENIED");
		Response asOutsider = this.http.postJson("/run", body, apiToken(this.http, this.accounts.user("outsider")));
		assertThat(asOutsider.status()).isEqualTo(404);
		assertThat(asOutsider.json().get("code").asString()).isEqualTo("NOT_FOUND");
		Response anonymous = this.http.postJson("/run", body);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(this.http.postJson("/run", "{\"project_id\": 999999999}", this.owner).status()).isEqualTo(404);
		assertThat(this.http.get("/projects/" + this.project + "/executions", this.owner).json().get("total").asLong())
			.isZero();
	}

	@Test
	void theCorrelationIdIsCarriedIntoTheRun() {
		String correlation = UUID.randomUUID().toString();
		Response started = this.http.postJson("/run",
				"{\"project_id\": " + this.project + ", \"correlation_id\": \"" + correlation + "\"}", this.owner);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		assertThat(started.json().get("correlation_id").asString()).isEqualTo(correlation);
		long execution = started.json().get("execution_id").asLong();
		assertThat(this.http.get("/executions/" + execution, this.owner).json().get("correlation_id").asString())
			.isEqualTo(correlation);

		Response invalid = this.http.postJson("/run",
				"{\"project_id\": " + this.project + ", \"correlation_id\": \"order-42\"}", this.owner);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(invalid.json().get("error").asString()).contains("correlation_id");
	}

	@Test
	void aRepositoryTargetIsAnsweredWith501() {
		Response response = this.http.postJson("/run",
				"{\"repo_url\": \"https://github.com/org/project\", \"branch\": \"main\", "
						+ "\"quantapilot_yaml_path\": \"quantapilot.yml\"}",
				this.owner);
		assertThat(response.status()).isEqualTo(501);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo("NOT_IMPLEMENTED");
		assertThat(response.json().get("title").asString()).isEqualTo("Not Implemented");
		assertThat(response.json().get("error").asString()).contains("project_id");
	}

	@Test
	void theBodyMustNameExactlyOneTargetInTheRightShape() {
		assertInvalid("{}", "project_id");
		assertInvalid("{\"project_id\": " + this.project + ", \"repo_url\": \"https://github.com/org/p\"}",
				"project_id");
		assertInvalid("{\"project_id\": " + this.project + ", \"branch\": \"main\"}", "branch");
		assertInvalid("{\"project_id\": " + this.project + ", \"inputs\": [1, 2]}", "inputs");

		Response malformed = this.http.postJson("/run", "{\"project_id\": ", this.owner);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("code").asString()).isEqualTo("BAD_REQUEST");
		Response wrongType = this.http.postJson("/run", "{\"project_id\": \"seven\"}", this.owner);
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("error").asString()).contains("project_id");
		Response empty = this.http.postJson("/run", "", this.owner);
		assertThat(empty.status()).isEqualTo(400);
		Response text = this.http.send("POST", "/run",
				BodyPublishers.ofString("{\"project_id\": " + this.project + "}"), this.owner[0], this.owner[1],
				"Content-Type", "text/plain");
		assertThat(text.status()).isEqualTo(415);
	}

	@Test
	void theApiReferenceDescribesTheBody() {
		JsonNode run = this.http.get("/openapi.json").json().get("paths").get("/run").get("post");
		assertThat(run.get("requestBody").toString()).contains("TriggerRequest");
		JsonNode schema = this.http.get("/openapi.json").json().get("components").get("schemas").get("TriggerRequest");
		assertThat(schema.get("properties").propertyNames()).contains("project_id", "repo_url", "branch",
				"quantapilot_yaml_path", "correlation_id", "inputs");
	}

	@Test
	void aSignedRequestStartsARunWithoutACredential() {
		String secret = triggerSecret(this.http, this.owner, this.project);
		assertThat(secret).matches("qtrg_[0-9a-f]{64}");
		String body = "{\"project_id\": " + this.project + ", \"inputs\": {\"n\": 1}}";

		Response started = this.http.postJson("/run", body, signature(secret, body));

		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		JsonNode run = this.http.get("/executions/" + started.json().get("execution_id").asLong(), this.owner).json();
		assertThat(run.get("trigger").asString()).isEqualTo("webhook");
		assertThat(run.get("initiated_by").isNull()).isTrue();
		JsonNode listed = this.http.get("/projects/" + this.project + "/trigger-secrets", this.owner)
			.json()
			.get("trigger_secrets")
			.get(0);
		assertThat(listed.get("last_used_at").isNull()).isFalse();
	}

	@Test
	void aSecretIsShownOnlyWhenCreated() {
		Response created = this.http.postJson("/projects/" + this.project + "/trigger-secrets",
				"{\"name\": \"github\"}", this.owner);
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.propertyNames()).contains("id", "name", "created_at", "secret");
		String secret = body.get("secret").asString();

		Response listed = this.http.get("/projects/" + this.project + "/trigger-secrets", this.owner);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(secret.substring(9));
		JsonNode entry = listed.json().get("trigger_secrets").get(0);
		assertThat(entry.get("name").asString()).isEqualTo("github");
		assertThat(entry.has("secret")).isFalse();
		assertThat(entry.get("secret_hint").asString()).isEqualTo(secret.substring(0, 9) + "…");
		assertThat(entry.get("last_used_at").isNull()).isTrue();
		assertThat(this.http.postJson("/projects/" + this.project + "/trigger-secrets", "{}", this.owner).status())
			.isEqualTo(400);
	}

	@Test
	void staleWrongTamperedAndReplayedSignaturesAreRefused() {
		String secret = triggerSecret(this.http, this.owner, this.project);
		String body = "{\"project_id\": " + this.project + "}";
		long now = this.clock.instant().getEpochSecond();

		Response stale = this.http.postJson("/run", body, signature(secret, now - 301, body));
		assertThat(stale.status()).isEqualTo(401);
		assertThat(stale.json().get("error").asString()).contains("X-Quantra-Timestamp");
		assertThat(this.http.postJson("/run", body, signature(secret, now + 330, body)).status()).isEqualTo(401);

		String otherSecret = "qtrg_" + "0".repeat(64);
		Response wrongSecret = this.http.postJson("/run", body, signature(otherSecret, now, body));
		assertThat(wrongSecret.status()).isEqualTo(401);
		assertThat(wrongSecret.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
		Response tampered = this.http.postJson("/run", "{\"project_id\": " + this.project + ", \"inputs\": {}}",
				signature(secret, now, body));
		assertThat(tampered.status()).isEqualTo(401);
		// neither answer tells which part was wrong
		assertThat(tampered.json().get("error").asString()).isEqualTo(wrongSecret.json().get("error").asString());
		assertThat(tampered.json().get("error").asString()).doesNotContain("secret");

		String[] valid = signature(secret, now, body);
		assertThat(this.http.postJson("/run", body, valid).status()).isEqualTo(202);
		Response replayed = this.http.postJson("/run", body, valid);
		assertThat(replayed.status()).isEqualTo(409);
		assertThat(replayed.json().get("code").asString()).isEqualTo("CONFLICT");

		assertThat(this.http.postJson("/run", body, "X-Quantra-Signature", valid[3]).status()).isEqualTo(401);
		assertThat(this.http
			.postJson("/run", body, "X-Quantra-Timestamp", valid[1], "X-Quantra-Signature",
					"sha256=" + valid[3].substring(3))
			.status()).isEqualTo(401);
		assertThat(this.http.get("/projects/" + this.project + "/executions", this.owner).json().get("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void aSecretSignsForItsOwnProjectOnly() {
		String secret = triggerSecret(this.http, this.owner, this.project);
		long other = runnableProject(this.http, this.owner);
		String body = "{\"project_id\": " + other + "}";
		assertThat(this.http.postJson("/run", body, signature(secret, body)).status()).isEqualTo(401);
		String unknown = "{\"project_id\": 999999999}";
		assertThat(this.http.postJson("/run", unknown, signature(secret, unknown)).status()).isEqualTo(401);
	}

	@Test
	void aDeletedSecretStopsWorking() {
		String secret = triggerSecret(this.http, this.owner, this.project);
		long id = this.http.get("/projects/" + this.project + "/trigger-secrets", this.owner)
			.json()
			.get("trigger_secrets")
			.get(0)
			.get("id")
			.asLong();
		String body = "{\"project_id\": " + this.project + "}";
		assertThat(this.http.postJson("/run", body, signature(secret, body)).status()).isEqualTo(202);

		assertThat(this.http.send("DELETE", "/projects/" + this.project + "/trigger-secrets/" + id, "", this.owner)
			.status()).isEqualTo(204);

		String again = "{\"project_id\": " + this.project + ", \"inputs\": {\"again\": true}}";
		assertThat(this.http.postJson("/run", again, signature(secret, again)).status()).isEqualTo(401);
		assertThat(this.http.send("DELETE", "/projects/" + this.project + "/trigger-secrets/" + id, "", this.owner)
			.status()).isEqualTo(404);
		assertThat(this.http.get("/projects/" + this.project + "/trigger-secrets", this.owner)
			.json()
			.get("trigger_secrets")
			.size()).isZero();
	}

	@Test
	void aSignedRequestWhoseRunCannotStartCanBeSentAgain() {
		String[] owner = this.owner;
		long empty = this.http.postJson("/projects", "{\"name\": \"Empty\"}", owner).json().get("id").asLong();
		String secret = triggerSecret(this.http, owner, empty);
		String body = "{\"project_id\": " + empty + "}";
		String[] signed = signature(secret, body);
		assertThat(this.http.postJson("/run", body, signed).status()).as("an empty canvas cannot run").isEqualTo(400);
		this.http.postJson("/projects/" + empty + "/nodes",
				"{\"node_type\": \"datasource\", \"plugin_id\": \"inputs\", \"config\": {}}", owner);
		assertThat(this.http.postJson("/run", body, signed).status()).isEqualTo(202);
	}

	@Test
	void onlyProjectAdminsManageTriggerSecrets() {
		String editor = this.accounts.user("editor");
		share(this.http, this.owner, this.project, editor, "write");
		String admin = this.accounts.user("admin");
		ProjectSetup.setRole(this.http, this.owner, this.project,
				share(this.http, this.owner, this.project, admin, "write"), "admin");
		String path = "/projects/" + this.project + "/trigger-secrets";
		String[] asEditor = signIn(this.http, editor);
		String[] asAdmin = signIn(this.http, admin);
		String[] asOutsider = signIn(this.http, this.accounts.user("outsider"));

		assertThat(this.http.postJson(path, "{\"name\": \"x\"}", asEditor).status()).isEqualTo(403);
		assertThat(this.http.get(path, asEditor).status()).isEqualTo(403);
		assertThat(this.http.postJson(path, "{\"name\": \"x\"}", asOutsider).status()).isEqualTo(404);
		assertThat(this.http.get(path, asOutsider).status()).isEqualTo(404);
		assertThat(this.http.postJson(path, "{\"name\": \"x\"}").status()).isEqualTo(401);
		Response created = this.http.postJson(path, "{\"name\": \"x\"}", asAdmin);
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(this.http.send("DELETE", path + "/" + id, "", asEditor).status()).isEqualTo(403);
		assertThat(this.http.send("DELETE", path + "/" + id, "", asOutsider).status()).isEqualTo(404);
		assertThat(this.http.send("DELETE", path + "/" + id, "", asAdmin).status()).isEqualTo(204);
	}

	@Test
	void creatingAndDeletingSecretsIsAudited() {
		String secret = triggerSecret(this.http, this.owner, this.project);
		long id = this.http.get("/projects/" + this.project + "/trigger-secrets", this.owner)
			.json()
			.get("trigger_secrets")
			.get(0)
			.get("id")
			.asLong();
		this.http.send("DELETE", "/projects/" + this.project + "/trigger-secrets/" + id, "", this.owner);
		String[] staff = signIn(this.http, this.accounts.staff("auditor"));
		for (String type : new String[] { "trigger_secret_created", "trigger_secret_deleted" }) {
			JsonNode entries = this.http.get("/audit-logs?event_type=" + type + "&user=" + this.ownerEmail, staff)
				.json()
				.get("audit_logs");
			assertThat(entries.size()).as(type).isEqualTo(1);
			assertThat(entries.get(0).get("target_id").asString()).isEqualTo(Long.toString(id));
			assertThat(entries.get(0).get("details").toString()).doesNotContain(secret);
		}
	}

	private void assertInvalid(String body, String field) {
		Response response = this.http.postJson("/run", body, this.owner);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

}
