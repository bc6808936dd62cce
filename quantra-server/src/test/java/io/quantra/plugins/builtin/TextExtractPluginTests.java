package io.quantra.plugins.builtin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.PluginFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;

import static io.quantra.plugins.builtin.DocumentRuns.PROJECT;
import static io.quantra.plugins.builtin.DocumentRuns.meta;
import static io.quantra.plugins.builtin.DocumentRuns.text;
import static io.quantra.plugins.builtin.DocumentRuns.uploaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TextExtractPluginTests {

	@TempDir
	Path work;

	final InMemoryNodeFiles files = new InMemoryNodeFiles();

	final DocumentRuns run = DocumentRuns.recording();

	TextExtractPlugin plugin() {
		return new TextExtractPlugin(() -> this.files, DocumentLimits.DEFAULTS, this.work);
	}

	@Test
	void aPdfOfThreePagesBecomesThreeFramesAndOnlyTheLastEndsTheStream() throws Exception {
		StoredFile invoice = this.files.add(PROJECT, "invoice_001.pdf", TestDocuments.PDF,
				TestDocuments.textPdf(List.of("Invoice number 4711", "Line items follow", "Total due 99 EUR")));
		List<Frame> frames = plugin().frames(this.run.context("{}", uploaded(invoice)));
		assertThat(frames).hasSize(3);
		assertThat(frames).extracting(Frame::eos).containsExactly(false, false, true);
		assertThat(frames).extracting(DocumentRuns::text)
			.containsExactly("Invoice number 4711", "Line items follow", "Total due 99 EUR");
		assertThat(meta(frames.get(1)).get("filename").asString()).isEqualTo("invoice_001.pdf");
		assertThat(meta(frames.get(1)).get("page").asInt()).isEqualTo(2);
		assertThat(meta(frames.get(1)).get("total_pages").asInt()).isEqualTo(3);
		assertThat(meta(frames.get(1)).get("file_id").asString()).isEqualTo(invoice.fileId());
		assertThat(meta(frames.get(1)).get("source").asString()).isEqualTo("text_layer");
		assertThat(frames.get(0).tod()).isEqualTo("object");
		assertThat(frames.get(0).oauth2().url()).isNull();
		assertThat(this.run.progress).containsExactly("1/3 pages", "2/3 pages", "3/3 pages");
		assertThat(Files.list(this.work)).as("the node's workspace is gone").isEmpty();
	}

	@Test
	void eosIsSetOnlyOnTheLastFrameAcrossAllFiles() throws Exception {
		StoredFile first = this.files.add(PROJECT, "a.pdf", TestDocuments.PDF,
				TestDocuments.textPdf(List.of("first page", "second page")));
		StoredFile second = this.files.add(PROJECT, "b.txt", "text/plain", "plain".getBytes(StandardCharsets.UTF_8));
		List<Frame> frames = plugin().frames(this.run.context("{}", uploaded(first, second)));
		assertThat(frames).extracting(Frame::eos).containsExactly(false, false, true);
		assertThat(this.run.progress).containsExactly("1/3 pages", "2/3 pages", "3/3 pages");
	}

	@Test
	void aWordDocumentIsOnePageWithItsParagraphs() throws Exception {
		StoredFile letter = this.files.add(PROJECT, "letter.docx", TestDocuments.DOCX,
				TestDocuments.docx(List.of("Dear customer,", "your order has shipped.")));
		List<Frame> frames = plugin().frames(this.run.context("{}", uploaded(letter)));
		assertThat(frames).hasSize(1);
		assertThat(text(frames.get(0))).isEqualTo("Dear customer,\nyour order has shipped.");
		assertThat(meta(frames.get(0)).get("page").asInt()).isEqualTo(1);
		assertThat(meta(frames.get(0)).get("total_pages").asInt()).isEqualTo(1);
		assertThat(frames.get(0).eos()).isTrue();
	}

	@Test
	void textFilesAreDecodedAsUtf8WithoutTheirByteOrderMark() throws Exception {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = "name;city\nZoë;Köln\n".getBytes(StandardCharsets.UTF_8);
		byte[] csv = new byte[bom.length + body.length + 1];
		System.arraycopy(bom, 0, csv, 0, bom.length);
		System.arraycopy(body, 0, csv, bom.length, body.length);
		csv[csv.length - 1] = (byte) 0xFF;
		StoredFile table = this.files.add(PROJECT, "people.csv", "text/csv", csv);
		StoredFile notes = this.files.add(PROJECT, "notes.md", "text/markdown",
				"# Notes\n\n- one".getBytes(StandardCharsets.UTF_8));
		StoredFile plain = this.files.add(PROJECT, "readme.txt", "application/octet-stream",
				"just text".getBytes(StandardCharsets.UTF_8));
		List<Frame> frames = plugin().frames(this.run.context("{}", uploaded(table, notes, plain)));
		assertThat(frames).extracting(DocumentRuns::text)
			.containsExactly("name;city\nZoë;Köln\n\uFFFD", "# Notes\n\n- one", "just text");
		assertThat(frames).extracting((frame) -> meta(frame).get("total_pages").asInt()).containsExactly(1, 1, 1);
	}

	@Test
	void itemsThatAreAlreadyTextPassThrough() throws Exception {
		Frame.Item item = new Frame.Item(JsonNodeFactory.instance.objectNode().put("filename", "x.pdf").put("page", 4),
				JsonNodeFactory.instance.objectNode().put("text", "already extracted"));
		List<Frame> frames = plugin().frames(this.run.context("{}", Frame.of(List.of(item))));
		assertThat(frames).hasSize(1);
		assertThat(frames.get(0).data()).containsExactly(item);
		assertThat(frames.get(0).eos()).isTrue();
	}

	@Test
	void withoutInputTheNodeEndsItsStreamWithAnEmptyFrame() throws Exception {
		List<Frame> frames = plugin().frames(this.run.context("{}"));
		assertThat(frames).hasSize(1);
		assertThat(frames.get(0).data()).isEmpty();
		assertThat(frames.get(0).eos()).isTrue();
	}

	@Test
	void aFileOfAnotherProjectIsNotFound() throws Exception {
		StoredFile elsewhere = this.files.add(PROJECT + 1, "a.txt", "text/plain", new byte[] { 'a' });
		assertThatExceptionOfType(PluginFailure.class)
			.isThrownBy(() -> plugin().frames(this.run.context("{}", uploaded(elsewhere))))
			.satisfies((failure) -> {
				assertThat(failure.code()).isEqualTo(PluginFailure.FILE_NOT_FOUND);
				assertThat(failure.retryable()).isFalse();
				assertThat(failure.getMessage()).contains(elsewhere.fileId());
			});
	}

	@Test
	void anImageHasNoTextToExtractAndPointsAtOcr() throws Exception {
		StoredFile scan = this.files.add(PROJECT, "scan.png", "image/png",
				TestDocuments.png(TestDocuments.textImage("x", 50, 50, 10)));
		assertThatExceptionOfType(PluginFailure.class)
			.isThrownBy(() -> plugin().frames(this.run.context("{}", uploaded(scan))))
			.satisfies((failure) -> {
				assertThat(failure.code()).isEqualTo(PluginFailure.DOCUMENT_REJECTED);
				assertThat(failure.getMessage()).contains("OCR");
			});
	}

	@Test
	void withoutADocumentStoreFilesAreUnavailable() {
		TextExtractPlugin plugin = new TextExtractPlugin(() -> null, DocumentLimits.DEFAULTS, this.work);
		StoredFile file = this.files.add(PROJECT, "a.txt", "text/plain", new byte[] { 'a' });
		assertThatExceptionOfType(PluginFailure.class)
			.isThrownBy(() -> plugin.frames(this.run.context("{}", uploaded(file))))
			.satisfies((failure) -> assertThat(failure.code()).isEqualTo(PluginFailure.PLUGIN_UNAVAILABLE));
	}

	@Test
	void declaresItselfAvailableAndIdempotent() {
		assertThat(plugin().descriptor().availability()).isEqualTo("available");
		assertThat(plugin().descriptor().available()).isTrue();
		assertThat(plugin().idempotent()).isTrue();
	}

}
