package io.quantra.plugins.corpus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered corpus is readable: the text PDF says exactly what the ground truth says,
 * and Tesseract reads the degraded scans with a low character error rate.
 */
class ScannedRenderingTests {

	private final List<SyntheticDocument> corpus = DocumentCorpus.generate();

	@TempDir
	Path directory;

	@Test
	void tesseractReadsTheScannedPagesAlmostPerfectly() throws IOException {
		for (SyntheticDocument document : sample()) {
			ScanSettings settings = ScanSettings.of(document);
			List<BufferedImage> images = CorpusRenderer.scan(document);
			List<PageText> pages = document.pages();
			assertThat(images).hasSameSizeAs(pages);
			for (int i = 0; i < images.size(); i++) {
				Path png = this.directory.resolve(CorpusRenderer.pngName(document, i + 1));
				try (OutputStream out = Files.newOutputStream(png)) {
					CorpusRenderer.writePng(images.get(i), settings.dpi(), out);
				}
				String recognised = TesseractCli.recognise(png, document.language(), settings.dpi());
				double cer = Cer.of(pages.get(i).text(), recognised);
				assertThat(cer).as("%s page %d at %d dpi, %s", document.id(), i + 1, settings.dpi(), settings)
					.isLessThan(0.10);
			}
		}
	}

	@Test
	void textPdfHoldsExactlyTheGroundTruth() throws IOException {
		for (SyntheticDocument document : sample()) {
			try (PDDocument pdf = Loader.loadPDF(CorpusRenderer.textPdf(document))) {
				assertThat(pdf.getNumberOfPages()).isEqualTo(document.pageCount());
				for (PageText page : document.pages()) {
					PDFTextStripper stripper = new PDFTextStripper();
					stripper.setStartPage(page.number());
					stripper.setEndPage(page.number());
					assertThat(Cer.normalize(stripper.getText(pdf))).as(document.id())
						.isEqualTo(Cer.normalize(page.text()));
				}
			}
		}
	}

	@Test
	void writesEveryFileOfADocumentAndItsGroundTruth() throws IOException {
		List<SyntheticDocument> documents = List.of(multiPage());
		List<Path> files = CorpusRenderer.writeAll(this.directory, documents,
				EnumSet.allOf(CorpusRenderer.Output.class));
		SyntheticDocument document = documents.get(0);
		List<String> names = new ArrayList<>(files.stream().map((file) -> file.getFileName().toString()).toList());
		assertThat(names).contains(document.id() + ".pdf", document.id() + ".scan.pdf", document.id() + ".tif",
				document.id() + ".json", document.id() + "-p1.png", document.id() + "-p2.png", "index.json");
		try (PDDocument scanned = Loader.loadPDF(this.directory.resolve(document.id() + ".scan.pdf").toFile())) {
			assertThat(scanned.getNumberOfPages()).isEqualTo(document.pageCount());
			assertThat(new PDFTextStripper().getText(scanned)).isBlank();
		}
		JsonNode truth = JsonMapper.builder()
			.build()
			.readTree(this.directory.resolve(document.id() + ".json").toFile());
		assertThat(truth.get("text").asString()).isEqualTo(document.text());
		assertThat(truth.get("spans").size()).isEqualTo(document.spans().size());
		JsonNode firstSpan = truth.get("spans").get(0);
		Span span = document.spans().get(0);
		assertThat(firstSpan.get("entity").asString()).isEqualTo(span.entity());
		assertThat(firstSpan.get("start").asInt()).isEqualTo(span.start());
		assertThat(firstSpan.get("value").asString()).isEqualTo(span.value());
		assertThat(truth.get("pages").get(1).get("text").asString()).isEqualTo(document.pages().get(1).text());
		assertThat(truth.get("pages").get(1).get("documentStart").asInt())
			.isEqualTo(document.pages().get(1).documentStart());
	}

	/** An English invoice, a German document and a multi-page document. */
	private List<SyntheticDocument> sample() {
		SyntheticDocument invoice = this.corpus.stream()
			.filter((d) -> d.kind() == DocumentKind.INVOICE && d.language().equals("en") && d.pageCount() == 1)
			.findFirst()
			.orElseThrow();
		SyntheticDocument german = this.corpus.stream()
			.filter((d) -> d.language().equals("de") && d.pageCount() == 1)
			.findFirst()
			.orElseThrow();
		return List.of(invoice, german, multiPage());
	}

	private SyntheticDocument multiPage() {
		return this.corpus.stream().filter((d) -> d.pageCount() == 2).findFirst().orElseThrow();
	}

}
