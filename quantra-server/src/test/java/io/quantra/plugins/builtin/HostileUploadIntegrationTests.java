package io.quantra.plugins.builtin;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Part;
import io.quantra.HttpTestClient.Response;
import io.quantra.OnH2;
import io.quantra.TestCanvas;
import io.quantra.identity.TestAccounts;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile documents uploaded over HTTP into a real pipeline: each one fails its node with
 * {@code DOCUMENT_REJECTED} and a message that says why, the run fails cleanly, and the
 * server goes on serving — the next ordinary document is read as usual.
 */
@OnH2
class HostileUploadIntegrationTests {

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
		this.owner = TestAccounts.signIn(this.http, this.accounts.user("hostile"));
		this.canvas = new TestCanvas(this.http, this.owner);
	}

	@Test
	void aZipBombInAWordDocumentIsRejected() throws IOException {
		assertRejected("text_extract", "bomb.docx", TestDocuments.zipBombDocx(300), "zip bomb");
	}

	@Test
	void aPdfOfTenThousandPagesIsRejectedBeforeAnyPageIsRead() throws IOException {
		assertRejected("ocr_tool", "huge.pdf", TestDocuments.blankPdf(10_000, PDRectangle.A4), "10000 pages");
	}

	@Test
	void anImageOfFiftyThousandPixelsSquareIsRejectedFromItsHeader() {
		assertRejected("ocr_tool", "vast.png", TestDocuments.pngHeader(50_000, 50_000), "pixels");
	}

	@Test
	void anEncryptedPdfIsRejected() throws IOException {
		assertRejected("text_extract", "locked.pdf", TestDocuments.encryptedPdf(), "encrypted");
	}

	@Test
	void aTruncatedPdfIsRejected() throws IOException {
		byte[] whole = TestDocuments.textPdf(List.of("first page", "second page"));
		assertRejected("text_extract", "half.pdf", Arrays.copyOf(whole, whole.length / 2), "truncated");
	}

	/**
	 * Runs file_upload -> the tool on one document, expects the rejection, then the same
	 * pipeline on an ordinary document.
	 */
	private void assertRejected(String tool, String filename, byte[] document, String why) {
		long project = this.canvas.project("Hostile " + filename);
		long upload = this.canvas.node(project, "datasource", "file_upload",
				"{\"accepted_types\": [\".pdf\", \".docx\", \".png\"]}");
		long reader = this.canvas.node(project, "tool", tool, "{}");
		this.canvas.flow(project, upload, reader);

		JsonNode failed = run(project, upload, filename, document);
		assertThat(failed.get("status").asString()).isEqualTo("failed");
		assertThat(failed.get("error").get("code").asString()).isEqualTo("DOCUMENT_REJECTED");
		assertThat(failed.get("error").get("message").asString()).contains(why);
		JsonNode node = failed.get("results").get("node_" + reader);
		assertThat(node.get("attempts").asInt()).as("a rejected document is not tried again").isEqualTo(1);

		assertThat(this.http.get("/version").status()).isEqualTo(200);
		JsonNode ordinary = ordinaryRun(project, upload);
		assertThat(ordinary.get("status").asString()).as(ordinary.toString()).isEqualTo("completed");
	}

	private JsonNode ordinaryRun(long project, long upload) {
		try {
			return run(project, upload, "ordinary.pdf", TestDocuments.textPdf(List.of("An ordinary page of text.")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Starts a run given one document and waits for its end. */
	private JsonNode run(long project, long upload, String filename, byte[] document) {
		Response finished = this.http.multipart("/projects/" + project + "/run?wait=60", this.owner,
				new Part("node_" + upload, filename, document));
		assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
		return finished.json();
	}

}
