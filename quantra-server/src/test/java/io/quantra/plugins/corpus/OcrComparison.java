package io.quantra.plugins.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Character error rates of two OCR outputs of the same scanned pages against the corpus's
 * ground truth, pooled over all pages (errors / reference characters).
 * <p>
 * {@code java -cp <test classpath> io.quantra.plugins.corpus.OcrComparison <count> <seed>
 * <dir A> <dir B>}, each directory holding {@code <id>-p<n>.txt} per page; a page missing
 * from a directory counts as read empty.
 */
public final class OcrComparison {

	private OcrComparison() {
	}

	public static void main(String[] args) throws IOException {
		int count = Integer.parseInt(args[0]);
		long seed = Long.parseLong(args[1]);
		List<Path> outputs = Stream.of(args).skip(2).map(Path::of).toList();
		long[] errors = new long[outputs.size()];
		long characters = 0;
		int pages = 0;
		for (SyntheticDocument document : DocumentCorpus.generate(seed, count)) {
			for (PageText page : document.pages()) {
				String reference = Cer.normalize(page.text());
				String name = CorpusRenderer.pngName(document, page.number()).replaceFirst("\\.png$", ".txt");
				for (int i = 0; i < outputs.size(); i++) {
					Path file = outputs.get(i).resolve(name);
					String read = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
					errors[i] += Cer.distance(reference, Cer.normalize(read));
				}
				characters += reference.length();
				pages++;
			}
		}
		for (int i = 0; i < outputs.size(); i++) {
			System.out.printf("%s: CER %.4f over %d pages (%d errors in %d characters)%n", outputs.get(i).getFileName(),
					(double) errors[i] / characters, pages, errors[i], characters);
		}
	}

}
