package io.quantra.plugins.builtin;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.PluginFailure;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.quantra.plugins.builtin.DocumentRuns.PROJECT;
import static io.quantra.plugins.builtin.DocumentRuns.uploaded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Documents made to hurt the server: each fails its node with {@code DOCUMENT_REJECTED}
 * (not retryable), quickly, without the heap growing by more than a page would need, and
 * without leaving files behind.
 */
class HostileDocumentTests {

	/** Growth of the old generation, where large buffers land, a rejection may cause. */
	private static final long HEAP_BUDGET = 64L * 1024 * 1024;

	static TesseractCli tesseract;

	@TempDir
	Path work;

	final InMemoryNodeFiles files = new InMemoryNodeFiles();

	final DocumentRuns run = DocumentRuns.recording();

	@BeforeAll
	static void probe() {
		tesseract = new TesseractCli("tesseract", Duration.ofMinutes(2), 2);
	}

	TextExtractPlugin extract() {
		return new TextExtractPlugin(() -> this.files, DocumentLimits.DEFAULTS, this.work);
	}

	OcrToolPlugin ocr() {
		return new OcrToolPlugin(() -> this.files, DocumentLimits.DEFAULTS, this.work, tesseract);
	}

	@Test
	void aZipBombInAWordDocumentIsRejected() throws Exception {
		byte[] bomb = TestDocuments.zipBombDocx(300);
		assertThat(bomb.length).as("a few hundred kilobytes on disk").isLessThan(2 * 1024 * 1024);
		StoredFile file = this.files.add(PROJECT, "bomb.docx", TestDocuments.DOCX, bomb);
		assertRejected(() -> extract().frames(this.run.context("{}", uploaded(file))), "zip bomb");
		assertRejected(() -> ocr().frames(this.run.context("{}", uploaded(file))), "zip bomb");
	}

	@Test
	void aPdfOfTenThousandPagesIsRejectedBeforeAnyPageIsRead() throws Exception {
		StoredFile file = this.files.add(PROJECT, "long.pdf", TestDocuments.PDF,
				TestDocuments.blankPdf(10_000, PDRectangle.A4));
		assertRejected(() -> extract().frames(this.run.context("{}", uploaded(file))), "10000 pages");
		assertRejected(() -> ocr().frames(this.run.context("{\"force_ocr\": true}", uploaded(file))), "10000 pages");
		assertThat(this.run.progress).as("no page was read").isEmpty();
	}

	@Test
	void aNodeMayLowerThePageLimit() throws Exception {
		StoredFile file = this.files.add(PROJECT, "three.pdf", TestDocuments.PDF,
				TestDocuments.textPdf(List.of("one", "two", "three")));
		assertRejected(() -> extract().frames(this.run.context("{\"max_pages\": 2}", uploaded(file))),
				"more than the 2 allowed");
		assertThat(extract().frames(this.run.context("{\"max_pages\": 100000}", uploaded(file)))).hasSize(3);
	}

	@Test
	void anImageOfFiftyThousandByFiftyThousandPixelsIsRejectedFromItsHeader() throws Exception {
		StoredFile file = this.files.add(PROJECT, "huge.png", "image/png", TestDocuments.pngHeader(50_000, 50_000));
		assertRejected(() -> ocr().frames(this.run.context("{}", uploaded(file))), "50000 × 50000 pixels");
	}

	@Test
	void aPageThatWouldRenderTooLargeIsRejectedBeforeRendering() throws Exception {
		// 200 × 200 inches: 60,000 × 60,000 pixels at 300 dpi
		StoredFile file = this.files.add(PROJECT, "poster.pdf", TestDocuments.PDF,
				TestDocuments.blankPdf(1, new PDRectangle(14_400, 14_400)));
		assertRejected(() -> ocr().frames(this.run.context("{}", uploaded(file))), "lower dpi");
		assertRejected(() -> ocr().frames(this.run.context("{\"dpi\": 72, \"max_pixels\": 1000000}", uploaded(file))),
				"14400 × 14400 pixels at 72 dpi");
	}

	@Test
	void anEncryptedPdfIsRejectedAsEncrypted() throws Exception {
		StoredFile file = this.files.add(PROJECT, "locked.pdf", TestDocuments.PDF, TestDocuments.encryptedPdf());
		assertRejected(() -> extract().frames(this.run.context("{}", uploaded(file))), "encrypted");
		assertRejected(() -> ocr().frames(this.run.context("{}", uploaded(file))), "encrypted");
	}

	@Test
	void aTruncatedPdfIsRejected() throws Exception {
		byte[] whole = TestDocuments.textPdf(List.of("first", "second", "third"));
		StoredFile file = this.files.add(PROJECT, "half.pdf", TestDocuments.PDF,
				Arrays.copyOf(whole, whole.length / 2));
		assertRejected(() -> extract().frames(this.run.context("{}", uploaded(file))), "truncated");
	}

	@Test
	void damagedFilesAreRejected() throws Exception {
		byte[] garbage = new byte[4096];
		new java.util.Random(7).nextBytes(garbage);
		StoredFile pdf = this.files.add(PROJECT, "noise.pdf", TestDocuments.PDF,
				("%PDF-1.7\n" + new String(garbage, java.nio.charset.StandardCharsets.ISO_8859_1) + "\n%%EOF\n")
					.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		StoredFile docx = this.files.add(PROJECT, "noise.docx", TestDocuments.DOCX, garbage);
		byte[] png = TestDocuments.png(TestDocuments.textImage("cut off", 800, 300, 48));
		StoredFile halfPng = this.files.add(PROJECT, "half.png", "image/png", Arrays.copyOf(png, png.length / 2));
		assertRejected(() -> extract().frames(this.run.context("{}", uploaded(pdf))), pdf.fileId());
		assertRejected(() -> extract().frames(this.run.context("{}", uploaded(docx))), "damaged");
		assertRejected(() -> ocr().frames(this.run.context("{}", uploaded(halfPng))), "damaged");
	}

	private void assertRejected(ThrowingRun node, String expected) throws Exception {
		System.gc();
		MemoryPoolMXBean oldGen = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old Gen"))
			.findFirst()
			.orElse(null);
		long before = 0;
		if (oldGen != null) {
			oldGen.resetPeakUsage();
			before = oldGen.getUsage().getUsed();
		}
		assertThatExceptionOfType(PluginFailure.class).isThrownBy(node::run).satisfies((failure) -> {
			assertThat(failure.code()).isEqualTo(PluginFailure.DOCUMENT_REJECTED);
			assertThat(failure.retryable()).isFalse();
			assertThat(failure.getMessage()).contains(expected);
		});
		if (oldGen != null) {
			long growth = oldGen.getPeakUsage().getUsed() - before;
			System.out.printf("hostile document (%s): old generation grew by at most %d KB%n", expected, growth / 1024);
			assertThat(growth).as("heap growth while rejecting").isLessThan(HEAP_BUDGET);
		}
		try (var left = Files.list(this.work)) {
			assertThat(left).as("the node's workspace is gone").isEmpty();
		}
	}

	@FunctionalInterface
	interface ThrowingRun {

		void run() throws Exception;

	}

}
