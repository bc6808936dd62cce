package io.quantra.plugins.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the synthetic corpus to a directory for benchmarks and manual inspection.
 * <p>
 * {@code java -cp <test classpath> io.quantra.plugins.corpus.WriteCorpus
 *
<dir>
 *  [count] [seed]}
 */
public final class WriteCorpus {

	private WriteCorpus() {
	}

	public static void main(String[] args) {
		if (args.length < 1 || args.length > 3) {
			System.err.println("usage: WriteCorpus <directory> [count=" + DocumentCorpus.DEFAULT_COUNT + "] [seed="
					+ DocumentCorpus.DEFAULT_SEED + "]");
			System.exit(2);
		}
		Path directory = Path.of(args[0]);
		int count = (args.length > 1) ? Integer.parseInt(args[1]) : DocumentCorpus.DEFAULT_COUNT;
		long seed = (args.length > 2) ? Long.parseLong(args[2]) : DocumentCorpus.DEFAULT_SEED;
		List<SyntheticDocument> documents = DocumentCorpus.generate(seed, count);
		List<Path> files = CorpusRenderer.writeAll(directory, documents);
		Map<String, Integer> spans = new TreeMap<>();
		int pages = 0;
		for (SyntheticDocument document : documents) {
			pages += document.pageCount();
			document.spans().forEach((span) -> spans.merge(span.entity(), 1, Integer::sum));
		}
		System.out.printf("%d documents, %d pages, %d files in %s%nspans: %s%n", documents.size(), pages, files.size(),
				directory.toAbsolutePath(), spans);
	}

}
