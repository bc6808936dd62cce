package io.quantra.plugins;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.OnH2;
import io.quantra.TestCanvas;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pii_redaction} in a real run over HTTP: text comes out redacted by mask, keyed
 * hash or removal, and the findings table says where each item was without its value.
 */
@OnH2
class PiiRedactionIntegrationTests {

	private static final String TEXT = "Contact: mail jane.doe@example.com or call +1 (415) 555-0132. "
			+ "Card 4111 1111 1111 1111, invoice INV-2025-0042, total $1,250.00.";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	HttpTestClient http;

	TestCanvas canvas;

	String[] owner;

	@BeforeEach
	void signIn() {
		this.http = HttpTestClient.local(this.port);
		this.owner = TestAccounts.signIn(this.http, this.accounts.user("redactor"));
		this.canvas = new TestCanvas(this.http, this.owner);
	}

	@Test
	void masksEachKindAndListsWhereItWas() {
		long project = this.canvas.project("Masking");
		JsonNode output = run(project, "{\"entities\": [\"email\", \"phone\", \"credit_card\"]}", TEXT);
		String redacted = output.get(0).get("data").get(0).get("content").get("text").asString();
		assertThat(redacted).isEqualTo("Contact: mail [EMAIL] or call [PHONE]. "
				+ "Card [CREDIT_CARD], invoice INV-2025-0042, total $1,250.00.");
		assertThat(output.get(0).get("eos").asBoolean()).isFalse();

		JsonNode table = output.get(1);
		assertThat(table.get("tod").asString()).isEqualTo("table");
		assertThat(table.get("eos").asBoolean()).isTrue();
		assertThat(table.get("data")).hasSize(3);
		for (JsonNode row : table.get("data")) {
			JsonNode finding = row.get("content");
			String found = TEXT.substring(finding.get("start").asInt(), finding.get("end").asInt());
			switch (finding.get("entity").asString()) {
				case "email" -> assertThat(found).isEqualTo("jane.doe@example.com");
				case "phone" -> assertThat(found).isEqualTo("+1 (415) 555-0132");
				case "credit_card" -> assertThat(found).isEqualTo("4111 1111 1111 1111");
				default -> throw new AssertionError("unexpected finding " + finding);
			}
			assertThat(finding.get("confidence").asDouble()).isBetween(0.0, 1.0);
			assertThat(row.toString()).as("a finding never carries the value")
				.doesNotContain("jane.doe")
				.doesNotContain("555-0132")
				.doesNotContain("4111");
		}
	}

	@Test
	void onlyTheConfiguredKindsAreRedactedAndTheReplacementIsUsed() {
		long project = this.canvas.project("Selective");
		JsonNode output = run(project, "{\"entities\": [\"email\"], \"replacement\": \"***\"}", TEXT);
		String redacted = output.get(0).get("data").get(0).get("content").get("text").asString();
		assertThat(redacted).contains("mail *** or").contains("+1 (415) 555-0132").contains("4111 1111 1111 1111");
	}

	@Test
	void hashesAreStableWithinAProjectAndDifferAcrossProjects() {
		String config = "{\"entities\": [\"email\"], \"mode\": \"hash\"}";
		long first = this.canvas.project("Hashing one");
		String once = text(run(first, config, "a jane.doe@example.com b"));
		String twice = text(run(first, config, "x jane.doe@example.com y"));
		String elsewhere = text(run(this.canvas.project("Hashing two"), config, "a jane.doe@example.com b"));
		assertThat(once).matches("a \\[EMAIL:[0-9a-f]{16}] b").doesNotContain("jane");
		assertThat(twice.substring(2, twice.length() - 2)).isEqualTo(once.substring(2, once.length() - 2));
		assertThat(elsewhere).isNotEqualTo(once);
	}

	@Test
	void removeLeavesNoTrace() {
		long project = this.canvas.project("Removing");
		assertThat(text(run(project, "{\"entities\": [\"email\"], \"mode\": \"remove\"}", "write to a@b.example now")))
			.isEqualTo("write to now");
	}

	@Test
	void anUnknownModeOrEntityIsRefusedOnTheCanvas() {
		long project = this.canvas.project("Refusing");
		Response mode = this.http.postJson("/projects/" + project + "/nodes",
				"{\"node_type\": \"tool\", \"plugin_id\": \"pii_redaction\", \"config\": {\"mode\": \"shred\"}}",
				this.owner);
		assertThat(mode.status()).isEqualTo(400);
		Response entity = this.http.postJson("/projects/" + project + "/nodes",
				"{\"node_type\": \"tool\", \"plugin_id\": \"pii_redaction\", \"config\": {\"entities\": [\"shoe_size\"]}}",
				this.owner);
		assertThat(entity.status()).isEqualTo(400);
	}

	private static String text(JsonNode output) {
		return output.get(0).get("data").get(0).get("content").get("text").asString();
	}

	/**
	 * Adds inputs → pii_redaction to the canvas, runs it on one text and returns the
	 * redaction node's frames.
	 */
	private JsonNode run(long project, String config, String text) {
		long inputs = this.canvas.node(project, "datasource", "inputs", "{}");
		long redact = this.canvas.node(project, "tool", "pii_redaction", config);
		this.canvas.flow(project, inputs, redact);
		Response finished = this.http.postJson("/projects/" + project + "/run?wait=30", "{\"inputs\": {\"text\": "
				+ tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(text) + "}}", this.owner);
		assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
		assertThat(finished.json().get("status").asString()).isEqualTo("completed");
		return finished.json().get("results").get("node_" + redact).get("output");
	}

}
