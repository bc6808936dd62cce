package io.quantra.plugins.corpus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scans every page of the corpus, reads it back with the {@code tesseract} CLI and prints
 * the character error rate per page and overall, to see how hard the scans are for OCR.
 * <p>
 * {@code java -cp <test classpath> io.quantra.plugins.corpus.OcrErrorRates [count] [seed]}
 */
public final class OcrErrorRates {

	private OcrErrorRates() {
	}

	public static void main(String[] args) throws IOException {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : DocumentCorpus.DEFAULT_COUNT;
		long seed = (args.length > 1) ? Long.parseLong(args[1]) : DocumentCorpus.DEFAULT_SEED;
		Path directory = Files.createTempDirectory("quantra-ocr-");
		double sum = 0;
		double worst = 0;
		String worstPage = "";
		long errors = 0;
		long characters = 0;
		int pages = 0;
		for (SyntheticDocument document : DocumentCorpus.generate(seed, count)) {
			ScanSettings settings = ScanSettings.of(document);
			List<BufferedImage> images = CorpusRenderer.scan(document);
			for (PageText page : document.pages()) {
				Path png = directory.resolve(CorpusRenderer.pngName(document, page.number()));
				try (OutputStream out = Files.newOutputStream(png)) {
					CorpusRenderer.writePng(images.get(page.number() - 1), settings.dpi(), out);
				}
				String recognised = TesseractCli.recognise(png, document.language(), settings.dpi());
				Files.delete(png);
				String reference = Cer.normalize(page.text());
				int distance = Cer.distance(reference, Cer.normalize(recognised));
				double cer = (double) distance / reference.length();
				System.out.printf("%s p%d %s %s %ddpi %.2fpt rot %+.2f blur=%s cer=%.4f%n", document.id(),
						page.number(), document.kind(), document.language(), settings.dpi(), settings.pointSize(),
						settings.rotationDegrees(), settings.blur(), cer);
				sum += cer;
				errors += distance;
				characters += reference.length();
				pages++;
				if (cer > worst) {
					worst = cer;
					worstPage = document.id() + " p" + page.number();
				}
			}
		}
		Files.delete(directory);
		System.out.printf("pages %d, mean CER %.4f, max CER %.4f (%s), pooled CER %.4f%n", pages, sum / pages, worst,
				worstPage, (double) errors / characters);
	}

}
