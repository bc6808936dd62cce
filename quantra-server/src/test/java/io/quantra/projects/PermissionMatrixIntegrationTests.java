package io.quantra.projects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.OnH2;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of projects, sharing and the canvas, and the project-wide routes of runs,
 * webhooks, schedules and triggers, called by every kind of caller, each on a fresh
 * project: the exact status each must get.
 */
@OnH2
class PermissionMatrixIntegrationTests {

	/** Callers, in the column order of the expectations below. */
	private static final List<String> CALLERS = List.of("anonymous", "outsider", "viewer", "runner", "editor", "admin",
			"owner", "staff");

	private static final String NODE = "{\"node_type\": \"tool\", \"plugin_id\": \"ocr_tool\", \"label\": \"OCR\", "
			+ "\"config\": {\"engine\": \"tesseract\"}}";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	HttpTestClient http;

	final Map<String, String> tokens = new LinkedHashMap<>();

	final Map<String, String> emails = new LinkedHashMap<>();

	@BeforeEach
	void signIn() {
		this.http = HttpTestClient.local(this.port);
		for (String caller : CALLERS.subList(1, CALLERS.size())) {
			String email = caller.equals("staff") ? this.accounts.staff(caller) : this.accounts.user(caller);
			this.emails.put(caller, email);
			this.tokens.put(caller,
					this.http
						.postJson("/auth/login",
								"{\"email\": \"" + email + "\", \"password\": \"" + TestAccounts.PASSWORD + "\"}")
						.json()
						.get("access_token")
						.asString());
		}
		this.emails.put("member", this.accounts.user("member"));
	}

	@TestFactory
	Stream<DynamicTest> everyRouteGivesEveryCallerTheExactStatus() {
		List<Case> cases = List.of(
				new Case("GET /projects", (p) -> get("/projects"), 401, 200, 200, 200, 200, 200, 200, 200),
				new Case("POST /projects", (p) -> post("/projects", "{\"name\": \"mine\"}"), 401, 201, 201, 201, 201,
						201, 201, 201),
				new Case("GET /projects/{id}", (p) -> get("/projects/" + p.id()), 401, 404, 200, 200, 200, 200, 200,
						200),
				new Case("PUT /projects/{id}", (p) -> put("/projects/" + p.id(), "{\"name\": \"renamed\"}"), 401, 404,
						403, 403, 200, 200, 200, 200),
				new Case("DELETE /projects/{id}", (p) -> delete("/projects/" + p.id()), 401, 404, 403, 403, 204, 204,
						204, 204),
				new Case("POST /projects/{id}/share",
						(p) -> post("/projects/" + p.id() + "/share",
								"{\"email\": \"" + this.emails.get("member") + "\", \"permission_level\": \"read\"}"),
						401, 404, 403, 403, 403, 201, 201, 201),
				new Case("GET /projects/{id}/members", (p) -> get("/projects/" + p.id() + "/members"), 401, 404, 200,
						200, 200, 200, 200, 200),
				new Case("PUT /projects/{id}/members/{userId}",
						(p) -> put("/projects/" + p.id() + "/members/" + p.memberId(), "{\"role\": \"runner\"}"), 401,
						404, 403, 403, 403, 200, 200, 200),
				new Case("DELETE /projects/{id}/members/{userId}",
						(p) -> delete("/projects/" + p.id() + "/members/" + p.memberId()), 401, 404, 403, 403, 403, 204,
						204, 204),
				new Case("GET /projects/{id}/nodes", (p) -> get("/projects/" + p.id() + "/nodes"), 401, 404, 200, 200,
						200, 200, 200, 200),
				new Case("POST /projects/{id}/nodes", (p) -> post("/projects/" + p.id() + "/nodes", NODE), 401, 404,
						403, 403, 201, 201, 201, 201),
				new Case("GET /nodes/{id}", (p) -> get("/nodes/" + p.nodeId()), 401, 404, 200, 200, 200, 200, 200, 200),
				new Case("PUT /nodes/{id}", (p) -> put("/nodes/" + p.nodeId(), "{\"label\": \"renamed\"}"), 401, 404,
						403, 403, 200, 200, 200, 200),
				new Case("DELETE /nodes/{id}", (p) -> delete("/nodes/" + p.nodeId()), 401, 404, 403, 403, 204, 204, 204,
						204),
				new Case("GET /projects/{id}/edges", (p) -> get("/projects/" + p.id() + "/edges"), 401, 404, 200, 200,
						200, 200, 200, 200),
				new Case("POST /projects/{id}/edges",
						(p) -> post("/projects/" + p.id() + "/edges",
								"{\"source_node\": " + p.secondNodeId() + ", \"target_node\": " + p.nodeId()
										+ ", \"edge_mode\": \"reference\"}"),
						401, 404, 403, 403, 201, 201, 201, 201),
				new Case("DELETE /edges/{id}", (p) -> delete("/edges/" + p.edgeId()), 401, 404, 403, 403, 204, 204, 204,
						204),
				new Case("GET /projects/{id}/chain", (p) -> get("/projects/" + p.id() + "/chain"), 401, 404, 200, 200,
						200, 200, 200, 200),
				new Case("GET /plugins", (p) -> get("/plugins"), 401, 200, 200, 200, 200, 200, 200, 200),
				new Case("POST /projects/{id}/run", (p) -> post("/projects/" + p.id() + "/run", "{}"), 401, 404, 403,
						202, 202, 202, 202, 202),
				new Case("POST /run", (p) -> post("/run", "{\"project_id\": " + p.id() + "}"), 401, 404, 403, 202, 202,
						202, 202, 202),
				new Case("GET /projects/{id}/executions", (p) -> get("/projects/" + p.id() + "/executions"), 401, 404,
						200, 200, 200, 200, 200, 200),
				new Case("GET /projects/{id}/run-settings", (p) -> get("/projects/" + p.id() + "/run-settings"), 401,
						404, 200, 200, 200, 200, 200, 200),
				new Case("PUT /projects/{id}/run-settings",
						(p) -> put("/projects/" + p.id() + "/run-settings", "{\"max_concurrent_runs\": 5}"), 401, 404,
						403, 403, 403, 200, 200, 200),
				new Case("GET /projects/{id}/webhooks", (p) -> get("/projects/" + p.id() + "/webhooks"), 401, 404, 403,
						403, 403, 200, 200, 200),
				new Case("GET /projects/{id}/schedules", (p) -> get("/projects/" + p.id() + "/schedules"), 401, 404,
						200, 200, 200, 200, 200, 200),
				new Case("POST /projects/{id}/schedules",
						(p) -> post("/projects/" + p.id() + "/schedules",
								"{\"cron\": \"0 3 * * *\", \"timezone\": \"UTC\", \"enabled\": false}"),
						401, 404, 403, 403, 201, 201, 201, 201),
				new Case("GET /projects/{id}/trigger-secrets", (p) -> get("/projects/" + p.id() + "/trigger-secrets"),
						401, 404, 403, 403, 403, 200, 200, 200),
				new Case("POST /projects/{id}/trigger-secrets",
						(p) -> post("/projects/" + p.id() + "/trigger-secrets", "{\"name\": \"ci\"}"), 401, 404, 403,
						403, 403, 201, 201, 201));
		List<DynamicTest> tests = new ArrayList<>();
		for (Case route : cases) {
			for (int i = 0; i < CALLERS.size(); i++) {
				String caller = CALLERS.get(i);
				int expected = route.expected()[i];
				tests.add(DynamicTest.dynamicTest(route.name() + " as " + caller + " → " + expected, () -> {
					Fixture project = freshProject();
					Response response = route.call().apply(project).as(caller);
					assertThat(response.status()).as(response.toString()).isEqualTo(expected);
					if (expected >= 400) {
						assertThat(response.json().get("code").asString()).isEqualTo(switch (expected) {
							case 401 -> "UNAUTHORIZED";
							case 403 -> "PERMISSION_DENIED";
							default -> "NOT_FOUND";
						});
					}
				}));
			}
		}
		return tests.stream();
	}

	/**
	 * A project owned by "owner", shared with each role, with two nodes joined by an
	 * edge.
	 */
	private Fixture freshProject() {
		String owner = this.tokens.get("owner");
		long id = this.http.postJson("/projects", "{\"name\": \"matrix\"}", bearer(owner)).json().get("id").asLong();
		for (String[] grant : new String[][] { { "viewer", "read" }, { "runner", "execute" }, { "editor", "write" },
				{ "admin", "write" }, { "member", "read" } }) {
			Response shared = this.http.postJson("/projects/" + id + "/share",
					"{\"email\": \"" + this.emails.get(grant[0]) + "\", \"permission_level\": \"" + grant[1] + "\"}",
					bearer(owner));
			assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
			if (grant[0].equals("admin")) {
				this.http.send("PUT", "/projects/" + id + "/members/" + shared.json().get("user_id").asLong(),
						"{\"role\": \"admin\"}", bearer(owner));
			}
		}
		long memberId = this.http.get("/projects/" + id + "/members", bearer(owner))
			.json()
			.get("members")
			.valueStream()
			.filter((m) -> m.get("email").asString().equals(this.emails.get("member")))
			.findFirst()
			.orElseThrow()
			.get("user_id")
			.asLong();
		long node = this.http.postJson("/projects/" + id + "/nodes", NODE, bearer(owner)).json().get("id").asLong();
		long second = this.http.postJson("/projects/" + id + "/nodes", NODE, bearer(owner)).json().get("id").asLong();
		long edge = this.http
			.postJson("/projects/" + id + "/edges",
					"{\"source_node\": " + node + ", \"target_node\": " + second + ", \"edge_mode\": \"flow\"}",
					bearer(owner))
			.json()
			.get("id")
			.asLong();
		return new Fixture(id, memberId, node, second, edge);
	}

	private Request get(String path) {
		return (caller) -> this.http.get(path, auth(caller));
	}

	private Request post(String path, String body) {
		return (caller) -> this.http.postJson(path, body, auth(caller));
	}

	private Request put(String path, String body) {
		return (caller) -> this.http.send("PUT", path, body, auth(caller));
	}

	private Request delete(String path) {
		return (caller) -> this.http.send("DELETE", path, "", auth(caller));
	}

	private String[] auth(String caller) {
		return caller.equals("anonymous") ? new String[0] : bearer(this.tokens.get(caller));
	}

	private static String[] bearer(String token) {
		return new String[] { "Authorization", "Bearer " + token };
	}

	@FunctionalInterface
	interface Request {

		Response as(String caller);

	}

	record Fixture(long id, long memberId, long nodeId, long secondNodeId, long edgeId) {
	}

	record Case(String name, java.util.function.Function<Fixture, Request> call, int... expected) {
	}

}
