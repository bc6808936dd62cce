package io.quantra.plugins.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quantra.plugins.pii.PiiRedaction;

/**
 * Recall and precision of PII detection per entity on the synthetic corpus, as a user of
 * {@code pii_redaction} meets it: findings after overlaps are resolved.
 * <ul>
 * <li>A ground-truth span is <em>recalled</em> when findings of its own kind cover every
 * letter and digit of it: a partly masked name does not count.</li>
 * <li>A finding is <em>correct</em> when it overlaps a ground-truth span of its
 * kind.</li>
 * <li>A span is <em>masked</em> when findings of any kind cover every letter and digit of
 * it: what a reader of the redacted text can no longer see.</li>
 * </ul>
 * Run with {@code main [count] [seed]}; prints a table.
 */
public final class PiiAccuracy {

	private final Map<String, Score> scores = new LinkedHashMap<>();

	/** Scores every document of the corpus with every entity asked for. */
	public static PiiAccuracy measure(List<SyntheticDocument> documents) {
		PiiAccuracy accuracy = new PiiAccuracy();
		Span.ENTITIES.forEach((entity) -> accuracy.scores.put(entity, new Score()));
		PiiRedaction redaction = new PiiRedaction(Span.ENTITIES, "mask", null, null);
		for (SyntheticDocument document : documents) {
			accuracy.score(document.text(), document.spans(), redaction.redact(document.text()).findings());
		}
		return accuracy;
	}

	void score(String text, List<Span> truth, List<PiiRedaction.Finding> findings) {
		for (Span span : truth) {
			Score score = this.scores.get(span.entity());
			score.spans++;
			boolean recalled = true;
			boolean masked = true;
			for (int i = span.start(); i < span.end(); i++) {
				if (!Character.isLetterOrDigit(text.charAt(i))) {
					continue;
				}
				int at = i;
				recalled &= findings.stream()
					.anyMatch((f) -> f.entity().equals(span.entity()) && f.start() <= at && at < f.end());
				masked &= findings.stream().anyMatch((f) -> f.start() <= at && at < f.end());
			}
			score.recalled += recalled ? 1 : 0;
			score.masked += masked ? 1 : 0;
		}
		for (PiiRedaction.Finding finding : findings) {
			Score score = this.scores.get(finding.entity());
			score.findings++;
			boolean correct = truth.stream()
				.anyMatch((s) -> s.entity().equals(finding.entity()) && s.start() < finding.end()
						&& finding.start() < s.end());
			score.correct += correct ? 1 : 0;
		}
	}

	public double recall(String entity) {
		Score score = this.scores.get(entity);
		return (score.spans == 0) ? 1 : (double) score.recalled / score.spans;
	}

	public double precision(String entity) {
		Score score = this.scores.get(entity);
		return (score.findings == 0) ? 1 : (double) score.correct / score.findings;
	}

	public double masked(String entity) {
		Score score = this.scores.get(entity);
		return (score.spans == 0) ? 1 : (double) score.masked / score.spans;
	}

	/** One line per entity: spans, findings, recall, precision, masked. */
	public String table() {
		StringBuilder out = new StringBuilder(String.format("%-14s %6s %8s %7s %9s %7s%n", "entity", "spans",
				"findings", "recall", "precision", "masked"));
		this.scores.forEach((entity, score) -> out.append(String.format("%-14s %6d %8d %7.3f %9.3f %7.3f%n", entity,
				score.spans, score.findings, recall(entity), precision(entity), masked(entity))));
		return out.toString();
	}

	public static void main(String[] args) {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : DocumentCorpus.DEFAULT_COUNT;
		long seed = (args.length > 1) ? Long.parseLong(args[1]) : DocumentCorpus.DEFAULT_SEED;
		System.out.printf("PII detection on %d synthetic documents (seed %d)%n", count, seed);
		System.out.print(measure(DocumentCorpus.generate(seed, count)).table());
	}

	private static final class Score {

		int spans;

		int recalled;

		int masked;

		int findings;

		int correct;

	}

}
