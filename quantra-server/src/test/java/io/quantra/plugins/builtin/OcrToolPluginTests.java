package io.quantra.plugins.builtin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.PluginFailure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.quantra.plugins.builtin.DocumentRuns.PROJECT;
import static io.quantra.plugins.builtin.DocumentRuns.meta;
import static io.quantra.plugins.builtin.DocumentRuns.text;
import static io.quantra.plugins.builtin.DocumentRuns.uploaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * OCR with the Tesseract program installed on this machine ({@code .ci/run} installs it),
 * on pages the tests draw themselves.
 */
class OcrToolPluginTests {

	static TesseractCli tesseract;

	@TempDir
	Path work;

	final InMemoryNodeFiles files = new InMemoryNodeFiles();

	final DocumentRuns run = DocumentRuns.recording();

	@BeforeAll
	static void probe() {
		tesseract = new TesseractCli("tesseract", Duration.ofMinutes(2), 2);
		assertThat(tesseract.missing()).as("tesseract and tesseract-ocr-eng must be installed").isNull();
	}

	OcrToolPlugin plugin() {
		return new OcrToolPlugin(() -> this.files, DocumentLimits.DEFAULTS, this.work, tesseract);
	}

	@Test
	void recognisesTheWordsOfAnImage() throws Exception {
		StoredFile scan = this.files.add(PROJECT, "receipt.png", "image/png", TestDocuments
			.png(TestDocuments.textImage("Quantra invoice total\nPayable within thirty days", 2000, 700, 64)));
		List<Frame> frames = plugin().frames(this.run.context("{\"language\": \"en\"}", uploaded(scan)));
		assertThat(frames).hasSize(1);
		assertThat(text(frames.get(0))).contains("Quantra", "invoice", "total", "Payable", "thirty", "days");
		assertThat(meta(frames.get(0)).get("source").asString()).isEqualTo("ocr");
		assertThat(meta(frames.get(0)).get("total_pages").asInt()).isEqualTo(1);
		assertThat(frames.get(0).eos()).isTrue();
		assertThat(this.run.progress).containsExactly("1/1 pages");
	}

	@Test
	void recognisesEachPageOfAMultiPageTiff() throws Exception {
		StoredFile fax = this.files.add(PROJECT, "fax.tiff", "image/tiff",
				TestDocuments.multiPageTiff(List.of(TestDocuments.textImage("First page of the fax", 1800, 400, 64),
						TestDocuments.textImage("Second page arrives", 1800, 400, 64))));
		List<Frame> frames = plugin().frames(this.run.context("{}", uploaded(fax)));
		assertThat(frames).hasSize(2);
		assertThat(text(frames.get(0))).contains("First", "fax");
		assertThat(text(frames.get(1))).contains("Second", "arrives");
		assertThat(frames).extracting(Frame::eos).containsExactly(false, true);
		assertThat(frames).extracting((frame) -> meta(frame).get("page").asInt()).containsExactly(1, 2);
	}

	@Test
	void recognisesAScannedPdfPage() throws Exception {
		StoredFile scan = this.files.add(PROJECT, "scan.pdf", TestDocuments.PDF,
				TestDocuments.scannedPdf("Delivery note\nReceived in good order"));
		List<Frame> frames = plugin().frames(this.run.context("{\"dpi\": 200}", uploaded(scan)));
		assertThat(frames).hasSize(1);
		assertThat(text(frames.get(0))).contains("Delivery", "note", "Received", "good", "order");
		assertThat(meta(frames.get(0)).get("source").asString()).isEqualTo("ocr");
	}

	@Test
	void aPdfWithATextLayerIsReadWithoutOcrUnlessForced() throws Exception {
		StoredFile report = this.files.add(PROJECT, "report.pdf", TestDocuments.PDF,
				TestDocuments.textPdf(List.of("Quarterly report of the Quantra project")));
		List<Frame> layer = plugin().frames(this.run.context("{}", uploaded(report)));
		assertThat(meta(layer.get(0)).get("source").asString()).isEqualTo("text_layer");
		assertThat(text(layer.get(0))).isEqualTo("Quarterly report of the Quantra project");
		List<Frame> forced = plugin().frames(this.run.context("{\"force_ocr\": true}", uploaded(report)));
		assertThat(meta(forced.get(0)).get("source").asString()).isEqualTo("ocr");
		assertThat(text(forced.get(0))).contains("Quarterly", "report", "Quantra");
	}

	@Test
	void otherEnginesAreUnavailableUntilAServiceOffersThem() {
		assertThatExceptionOfType(PluginFailure.class)
			.isThrownBy(() -> plugin().frames(this.run.context("{\"engine\": \"trocr\"}")))
			.satisfies((failure) -> {
				assertThat(failure.code()).isEqualTo(PluginFailure.PLUGIN_UNAVAILABLE);
				assertThat(failure.retryable()).isFalse();
				assertThat(failure.getMessage()).contains("no service endpoint serves OCR engine 'trocr'");
			});
	}

	@Test
	void aLanguageWithoutItsPackFailsNamingThePack() {
		assertThatExceptionOfType(PluginFailure.class)
			.isThrownBy(() -> plugin().frames(this.run.context("{\"language\": \"en+fr\"}")))
			.satisfies((failure) -> {
				assertThat(failure.code()).isEqualTo(PluginFailure.PLUGIN_UNAVAILABLE);
				assertThat(failure.getMessage()).contains("'fra'").contains("tesseract-ocr-fra");
			});
	}

	@Test
	void withoutTesseractThePluginIsListedUnavailableAndItsNodesFail() {
		TesseractCli absent = new TesseractCli(this.work.resolve("no/such/tesseract").toString(), Duration.ofMinutes(2),
				1);
		OcrToolPlugin plugin = new OcrToolPlugin(() -> this.files, DocumentLimits.DEFAULTS, this.work, absent);
		assertThat(plugin.descriptor().availability()).isEqualTo("unavailable");
		assertThat(plugin.descriptor().available()).isFalse();
		assertThat(plugin.descriptor().unavailableReason()).contains("Tesseract was not found")
			.contains("apt-get install tesseract-ocr tesseract-ocr-eng")
			.contains("quantra.ocr.tesseract-path");
		assertThatExceptionOfType(PluginFailure.class).isThrownBy(() -> plugin.frames(this.run.context("{}")))
			.satisfies((failure) -> {
				assertThat(failure.code()).isEqualTo(PluginFailure.PLUGIN_UNAVAILABLE);
				assertThat(failure.retryable()).isFalse();
			});
	}

	@Test
	void withTesseractThePluginIsAvailable() {
		assertThat(plugin().descriptor().availability()).isEqualTo("available");
		assertThat(tesseract.version()).startsWith("tesseract ");
		assertThat(tesseract.languages()).contains("eng", "deu");
	}

	@Test
	void cancellingTheNodeKillsTheOcrProcess() throws Exception {
		StoredFile scan = this.files.add(PROJECT, "big.png", "image/png", TestDocuments
			.png(TestDocuments.textImage("many words ".repeat(12).strip() + "\n".repeat(1), 6000, 6000, 48)));
		java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
		try {
			java.util.concurrent.Future<List<Frame>> work = executor
				.submit(() -> plugin().frames(this.run.context("{}", uploaded(scan))));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (tesseractChildren() == 0 && !work.isDone() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(work.isDone()).as("OCR of a 36-megapixel page is still running").isFalse();
			work.cancel(true);
			executor.shutdown();
			assertThat(executor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			assertThat(tesseractChildren()).as("no tesseract process outlives its node").isZero();
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static long tesseractChildren() {
		return ProcessHandle.current()
			.children()
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().orElse("").endsWith("tesseract"))
			.count();
	}

}
