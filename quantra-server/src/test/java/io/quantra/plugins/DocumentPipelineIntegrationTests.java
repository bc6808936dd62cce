package io.quantra.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Part;
import io.quantra.HttpTestClient.Response;
import io.quantra.OnH2;
import io.quantra.TestCanvas;
import io.quantra.identity.TestAccounts;
import io.quantra.plugins.corpus.CorpusRenderer;
import io.quantra.plugins.corpus.DocumentCorpus;
import io.quantra.plugins.corpus.DocumentKind;
import io.quantra.plugins.corpus.Region;
import io.quantra.plugins.corpus.ScanSettings;
import io.quantra.plugins.corpus.Span;
import io.quantra.plugins.corpus.SyntheticDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000's own pipeline, end to end over HTTP: a scanned invoice is uploaded to
 * {@code file_upload}, read by {@code ocr_tool} with the real Tesseract and redacted by
 * {@code pii_redaction}. Every piece of personal data of the invoice's ground truth must
 * be gone from the result, and the rest of its text must still be there.
 */
@OnH2
class DocumentPipelineIntegrationTests {

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
		this.owner = TestAccounts.signIn(this.http, this.accounts.user("clerk"));
		this.canvas = new TestCanvas(this.http, this.owner);
	}

	@ParameterizedTest
	@EnumSource(Region.class)
	void aScannedInvoiceComesOutWithEveryPieceOfPersonalDataMasked(Region region) throws IOException {
		SyntheticDocument invoice = DocumentCorpus.generate()
			.stream()
			.filter((d) -> d.kind() == DocumentKind.INVOICE && d.pageCount() == 1 && d.region() == region)
			.findFirst()
			.orElseThrow();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		CorpusRenderer.writePng(CorpusRenderer.scan(invoice).get(0), ScanSettings.of(invoice).dpi(), png);

		long project = this.canvas.project("Invoices");
		long upload = this.canvas.node(project, "datasource", "file_upload",
				"{\"accepted_types\": [\".png\", \".pdf\"]}");
		long ocr = this.canvas.node(project, "tool", "ocr_tool",
				"{\"engine\": \"tesseract\", \"language\": \"" + invoice.language() + "\"}");
		long redact = this.canvas.node(project, "tool", "pii_redaction",
				"{\"entities\": [\"name\", \"email\", \"phone\", "
						+ "\"address\", \"credit_card\", \"iban\", \"ssn\", \"ip_address\", \"date_of_birth\"]}");
		this.canvas.flow(project, upload, ocr);
		this.canvas.flow(project, ocr, redact);
		Response uploaded = this.http.multipart("/projects/" + project + "/nodes/" + upload + "/files", this.owner,
				new Part("file", invoice.id() + ".png", png.toByteArray()));
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);

		Response finished = this.http.postJson("/projects/" + project + "/run?wait=60", "{}", this.owner);
		assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
		assertThat(finished.json().get("status").asString()).as(finished.toString()).isEqualTo("completed");
		JsonNode results = finished.json().get("results");
		String recognised = text(results.get("node_" + ocr).get("output"));
		String redacted = text(results.get("node_" + redact).get("output"));
		assertThat(recognised.toUpperCase(Locale.ROOT)).as("OCR read the page").containsAnyOf("INVOICE", "RECHNUNG");

		String others = nonPersonalText(invoice);
		for (Span span : invoice.spans()) {
			for (String word : words(span.value())) {
				if (!others.contains(word)) {
					assertThat(redacted.toLowerCase(Locale.ROOT))
						.as("%s '%s' of the ground truth is masked", span.entity(), span.value())
						.doesNotContain(word);
				}
			}
		}
		List<String> kept = words(others).stream().filter((w) -> w.length() >= 4).toList();
		long intact = kept.stream().filter(redacted.toLowerCase(Locale.ROOT)::contains).count();
		assertThat((double) intact / kept.size()).as("the words that are not personal data are still there")
			.isGreaterThan(0.9);
		for (Span span : invoice.spans()) {
			assertThat(redacted).contains("[" + span.entity().toUpperCase(Locale.ROOT) + "]");
		}

		JsonNode table = last(results.get("node_" + redact).get("output"));
		assertThat(table.get("tod").asString()).isEqualTo("table");
		assertThat(table.get("data").size()).isGreaterThanOrEqualTo(invoice.spans().size() / 2);
		assertThat(table.get("data").get(0).get("content").get("page").asInt()).isEqualTo(1);
	}

	/** The texts of an output's object frames, page after page. */
	private static String text(JsonNode output) {
		StringBuilder text = new StringBuilder();
		for (JsonNode frame : output.isArray() ? output : List.of(output)) {
			if (frame.get("tod").asString().equals("object")) {
				frame.get("data").forEach((item) -> text.append(item.get("content").path("text").asString("")));
			}
		}
		return text.toString();
	}

	private static JsonNode last(JsonNode output) {
		return output.isArray() ? output.get(output.size() - 1) : output;
	}

	/** The document's text with its personal data cut out, lower case. */
	private static String nonPersonalText(SyntheticDocument document) {
		StringBuilder rest = new StringBuilder();
		int at = 0;
		for (Span span : document.spans()) {
			rest.append(document.text(), at, span.start()).append(' ');
			at = span.end();
		}
		return rest.append(document.text().substring(at)).toString().toLowerCase(Locale.ROOT);
	}

	/** The words of at least three letters or digits, lower case. */
	private static List<String> words(String text) {
		Set<String> words = new LinkedHashSet<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.length() >= 3) {
				words.add(word);
			}
		}
		return new ArrayList<>(words);
	}

}
