package io.quantra.plugins.builtin;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.PluginFailure;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
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
	void recognisesThePagesOfAScanTwoAtATimeInDocumentOrder() throws Exception {
		List<String> words = List.of("harbour", "meadow", "lantern", "orchard");
		StoredFile scan = this.files.add(PROJECT, "scan.pdf", TestDocuments.PDF, TestDocuments
			.scannedPdf(words.stream().map((word) -> "Scanned page about the\n" + word + " and its keeper").toList()));
		List<Frame> frames;
		try (TesseractWatch watch = new TesseractWatch()) {
			frames = plugin().frames(this.run.context("{\"dpi\": 200}", uploaded(scan)));
			assertThat(watch.peak()).as("pages recognised at once, with max-parallel 2").isEqualTo(2);
		}
		assertThat(frames).hasSize(4);
		for (int i = 0; i < 4; i++) {
			assertThat(text(frames.get(i))).contains("Scanned", words.get(i));
			for (int other = 0; other < 4; other++) {
				if (other != i) {
					assertThat(text(frames.get(i))).doesNotContain(words.get(other));
				}
			}
		}
		assertThat(frames).extracting((frame) -> meta(frame).get("page").asInt()).containsExactly(1, 2, 3, 4);
		assertThat(frames).extracting((frame) -> meta(frame).get("total_pages").asInt()).containsOnly(4);
		assertThat(frames).extracting((frame) -> meta(frame).get("source").asString()).containsOnly("ocr");
		assertThat(frames).extracting(Frame::eos).containsExactly(false, false, false, true);
		assertThat(this.run.progress).containsExactly("1/4 pages", "2/4 pages", "3/4 pages", "4/4 pages");
		assertThat(ocrThreads()).as("the node's OCR threads end with it").isZero();
	}

	@Test
	void aPageThatFailsFailsTheNodeAndStopsThePagesBeingRecognised() throws Exception {
		byte[] scan = TestDocuments.scannedPdf(List.of("First scanned page", "Third scanned page"));
		byte[] withPoster;
		try (PDDocument document = Loader.loadPDF(scan)) {
			// 200 × 200 inches: far more pixels than allowed at 200 dpi
			document.getPages().insertBefore(new PDPage(new PDRectangle(14_400, 14_400)), document.getPage(1));
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			document.save(out);
			withPoster = out.toByteArray();
		}
		StoredFile file = this.files.add(PROJECT, "mixed.pdf", TestDocuments.PDF, withPoster);
		assertThatExceptionOfType(PluginFailure.class)
			.isThrownBy(() -> plugin().frames(this.run.context("{\"dpi\": 200}", uploaded(file))))
			.satisfies((failure) -> {
				assertThat(failure.code()).isEqualTo(PluginFailure.DOCUMENT_REJECTED);
				assertThat(failure.retryable()).isFalse();
				assertThat(failure.getMessage()).contains("has a page (2)").contains("lower dpi");
			});
		assertThat(tesseractChildren()).as("no tesseract process outlives its node").isZero();
		assertThat(ocrThreads()).as("the node's OCR threads end with it").isZero();
		try (var left = java.nio.file.Files.list(this.work)) {
			assertThat(left).as("the node's workspace is gone").isEmpty();
		}
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
		cancelOnceRecognising(scan, 1);
	}

	@Test
	void cancellingTheNodeKillsEveryOcrProcessOfItsPages() throws Exception {
		BufferedImage page = TestDocuments.textImage("many words ".repeat(12).strip(), 6000, 6000, 48);
		StoredFile scan = this.files.add(PROJECT, "big.tiff", "image/tiff",
				TestDocuments.multiPageTiff(List.of(page, page, page)));
		cancelOnceRecognising(scan, 2);
	}

	/**
	 * Runs a node the way the engine does, cancels it once {@code processes} pages are
	 * being recognised, and checks that no process or thread outlives it.
	 */
	private void cancelOnceRecognising(StoredFile scan, int processes) throws Exception {
		java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
		try {
			java.util.concurrent.Future<List<Frame>> work = executor
				.submit(() -> plugin().frames(this.run.context("{}", uploaded(scan))));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (tesseractChildren() < processes && !work.isDone() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(tesseractChildren()).as("pages being recognised").isEqualTo(processes);
			assertThat(work.isDone()).as("OCR of 36-megapixel pages is still running").isFalse();
			work.cancel(true);
			executor.shutdown();
			assertThat(executor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			assertThat(tesseractChildren()).as("no tesseract process outlives its node").isZero();
			assertThat(ocrThreads()).as("the node's OCR threads end with it").isZero();
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static long ocrThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("ocr-"))
			.count();
	}

	private static long tesseractChildren() {
		return ProcessHandle.current()
			.children()
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().orElse("").endsWith("tesseract"))
			.count();
	}

	/** Watches, while open, how many tesseract processes run at once. */
	private static final class TesseractWatch implements AutoCloseable {

		private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

		private final Thread watcher = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				this.peak.accumulateAndGet(tesseractChildren(), Math::max);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "tesseract-watch");

		TesseractWatch() {
			this.watcher.setDaemon(true);
			this.watcher.start();
		}

		long peak() {
			return this.peak.get();
		}

		@Override
		public void close() throws InterruptedException {
			this.watcher.interrupt();
			this.watcher.join();
		}

	}

}
