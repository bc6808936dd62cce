package io.quantra.pipelines;

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
 * The canvas stays a valid graph whatever clients send, over real HTTP on each database.
 */
abstract class CanvasContract {

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
		this.owner = TestAccounts.signIn(this.http, this.accounts.user("canvas"));
		this.project = this.http.postJson("/projects", "{\"name\": \"Invoices\"}", this.owner)
			.json()
			.get("id")
			.asLong();
	}

	@Test
	void nodesNameARegisteredPluginOfTheirTypeWithAValidConfig() {
		Response created = addNode("{\"node_type\": \"datasource\", \"plugin_id\": \"file_upload\", \"label\": "
				+ "\"Upload Documents\", \"x_pos\": 100, \"y_pos\": 200, \"config\": {\"accepted_types\": [\".pdf\"]}}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		assertThat(created.json().get("x_pos").asInt()).isEqualTo(100);
		assertThat(created.json().get("config").get("accepted_types").get(0).asString()).isEqualTo(".pdf");

		assertInvalid(addNode("{\"node_type\": \"robot\", \"plugin_id\": \"ocr_tool\"}"), "node_type");
		assertInvalid(addNode("{\"node_type\": \"tool\", \"plugin_id\": \"no_such_plugin\"}"), "no_such_plugin");
		assertInvalid(addNode("{\"node_type\": \"datasource\", \"plugin_id\": \"ocr_tool\"}"), "is a tool");
		assertInvalid(addNode(
				"{\"node_type\": \"tool\", \"plugin_id\": \"ocr_tool\", \"label\": \"" + "x".repeat(201) + "\"}"),
				"label");
		Response badConfig = addNode("{\"node_type\": \"datasource\", \"plugin_id\": \"file_upload\", "
				+ "\"config\": {\"accepted_types\": [\".pdf\", \"pdf\"]}}");
		assertInvalid(badConfig, "/accepted_types/1");
		assertInvalid(addNode("{\"node_type\": \"tool\", \"plugin_id\": \"ocr_tool\", \"config\": {\"engine\": 5}}"),
				"/engine");
		assertInvalid(addNode("{\"node_type\": \"tool\", \"plugin_id\": \"ocr_tool\", \"config\": [1]}"), "object");
		assertThat(this.http.get("/projects/" + this.project + "/nodes", this.owner).json().get("nodes").size())
			.isEqualTo(1);
	}

	@Test
	void edgesJoinTwoNodesOfTheProjectOnceAndNeverCloseACycle() {
		long a = node("A");
		long b = node("B");
		long c = node("C");
		assertThat(addEdge(a, b, "flow").status()).isEqualTo(201);
		assertThat(addEdge(b, c, "interactive").status()).isEqualTo(201);

		Response cycle = addEdge(c, a, "flow");
		assertInvalid(cycle, "edge " + c + "→" + a + " would close the cycle " + a + "→" + b + "→" + c);
		assertThat(addEdge(c, a, "reference").status()).as("references order nothing").isEqualTo(201);
		assertInvalid(addEdge(a, a, "flow"), "to itself");
		assertThat(addEdge(a, b, "flow").status()).isEqualTo(409);
		assertInvalid(addEdge(a, b, "sideways"), "edge_mode");

		long elsewhere = this.http.postJson("/projects", "{\"name\": \"Other\"}", this.owner).json().get("id").asLong();
		long foreign = this.http
			.postJson("/projects/" + elsewhere + "/nodes", "{\"node_type\": \"tool\", \"plugin_id\": \"ocr_tool\"}",
					this.owner)
			.json()
			.get("id")
			.asLong();
		assertInvalid(addEdge(a, foreign, "flow"), "is not on the canvas");
	}

	@Test
	void deletingANodeDeletesItsEdges() {
		long a = node("A");
		long b = node("B");
		long c = node("C");
		addEdge(a, b, "flow");
		addEdge(b, c, "flow");
		assertThat(this.http.send("DELETE", "/nodes/" + b, "", this.owner).status()).isEqualTo(204);
		assertThat(this.http.get("/projects/" + this.project + "/edges", this.owner).json().get("edges").size())
			.isZero();
		assertThat(this.http.get("/nodes/" + b, this.owner).status()).isEqualTo(404);
	}

	@Test
	void aStaleEditIsRefusedInsteadOfOverwritingAnother() {
		long a = node("A");
		Response first = this.http.send("PUT", "/nodes/" + a, "{\"label\": \"Alice's\"}", this.owner(), "If-Match",
				"\"1\"");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("ETag")).isEqualTo("\"2\"");
		Response second = this.http.send("PUT", "/nodes/" + a, "{\"label\": \"Bob's\"}", this.owner(), "If-Match",
				"\"1\"");
		assertThat(second.status()).isEqualTo(412);
		assertThat(second.json().get("code").asString()).isEqualTo("PRECONDITION_FAILED");
		assertThat(this.http.get("/nodes/" + a, this.owner).json().get("label").asString()).isEqualTo("Alice's");
		assertThat(this.http.send("DELETE", "/nodes/" + a, "", this.owner(), "If-Match", "\"1\"").status())
			.isEqualTo(412);
	}

	@Test
	void theChainFollowsTheSeedFormatInExecutionOrder() {
		long upload = this.http
			.postJson("/projects/" + this.project + "/nodes", "{\"node_type\": \"datasource\", \"plugin_id\": "
					+ "\"file_upload\", \"label\": \"Upload Documents\", \"config\": {\"accepted_types\": [\".pdf\"]}}",
					this.owner)
			.json()
			.get("id")
			.asLong();
		long redact = this.http
			.postJson("/projects/" + this.project + "/nodes",
					"{\"node_type\": \"tool\", \"plugin_id\": "
							+ "\"pii_redaction\", \"label\": \"Redact PII\", \"config\": {\"entities\": [\"email\"]}}",
					this.owner)
			.json()
			.get("id")
			.asLong();
		long ocr = this.http
			.postJson("/projects/" + this.project + "/nodes", "{\"node_type\": \"tool\", \"plugin_id\": \"ocr_tool\", "
					+ "\"label\": \"OCR Extraction\", \"config\": {\"engine\": \"trocr\", \"language\": \"en\"}}",
					this.owner)
			.json()
			.get("id")
			.asLong();
		addEdge(upload, ocr, "flow");
		addEdge(ocr, redact, "flow");

		Response response = this.http.get("/projects/" + this.project + "/chain", this.owner);
		assertThat(response.status()).isEqualTo(200);
		JsonNode chain = response.json();
		assertThat(chain.get("contract").asString()).isEqualTo("quantra-cno-v1");
		assertThat(chain.has("http_stream")).isTrue();
		assertThat(chain.get("start").asString()).isEqualTo("node_" + upload);
		assertThat(chain.get("nodes").propertyNames()).containsExactly("node_" + upload, "node_" + ocr,
				"node_" + redact);
		JsonNode ocrNode = chain.get("nodes").get("node_" + ocr);
		assertThat(ocrNode.get("type").asString()).isEqualTo("tool");
		assertThat(ocrNode.get("plugin_id").asString()).isEqualTo("ocr_tool");
		assertThat(ocrNode.get("config").get("engine").asString()).isEqualTo("trocr");
		assertThat(ocrNode.get("next").get(0).asString()).isEqualTo("node_" + redact);
		assertThat(chain.get("edges").get(0).get("source").asString()).isEqualTo("node_" + upload);
		assertThat(chain.get("edges").get(0).get("mode").asString()).isEqualTo("flow");

		Response project = this.http.get("/projects/" + this.project, this.owner);
		assertThat(project.json().get("nodes").size()).isEqualTo(3);
		assertThat(project.json().get("edges").size()).isEqualTo(2);
		assertThat(project.json().get("role").asString()).isEqualTo("owner");
	}

	@Test
	void anEmptyCanvasHasNoChain() {
		Response response = this.http.get("/projects/" + this.project + "/chain", this.owner);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).contains("empty");
	}

	@Test
	void deletingTheProjectDeletesItsCanvas() {
		long a = node("A");
		long b = node("B");
		long edge = addEdge(a, b, "flow").json().get("id").asLong();
		assertThat(this.http.send("DELETE", "/projects/" + this.project, "", this.owner).status()).isEqualTo(204);
		assertThat(this.http.get("/projects/" + this.project, this.owner).status()).isEqualTo(404);
		assertThat(this.http.get("/nodes/" + a, this.owner).status()).isEqualTo(404);
		assertThat(this.http.send("DELETE", "/edges/" + edge, "", this.owner).status()).isEqualTo(404);
	}

	private String[] owner() {
		return this.owner;
	}

	private Response addNode(String body) {
		return this.http.postJson("/projects/" + this.project + "/nodes", body, this.owner);
	}

	private long node(String label) {
		return addNode("{\"node_type\": \"tool\", \"plugin_id\": \"ocr_tool\", \"label\": \"" + label + "\"}").json()
			.get("id")
			.asLong();
	}

	private Response addEdge(long source, long target, String mode) {
		return this.http.postJson("/projects/" + this.project + "/edges",
				"{\"source_node\": " + source + ", \"target_node\": " + target + ", \"edge_mode\": \"" + mode + "\"}",
				this.owner);
	}

	private static void assertInvalid(Response response, String mentioned) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(response.json().get("error").asString()).contains(mentioned);
	}

}
