package io.quantra.plugins.pii;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds personal data in text and replaces it: the one entry point of this package. An
 * instance serves one node run and is not shared between threads.
 */
public final class PiiRedaction {

	/** The entities of seed 000, redacted when a node names none. */
	public static final List<String> DEFAULT_ENTITIES = List.of("name", "email", "phone", "address");

	private final Set<PiiEntity> entities;

	private final PiiDetector detector = new PiiDetector();

	private final PiiRedactor redactor;

	/**
	 * @param entities the kinds to redact, by their configuration names ({@code email})
	 * @param mode {@code mask}, {@code hash} or {@code remove}
	 * @param replacement what {@code mask} puts in place of each finding, or null for its
	 * kind ({@code [EMAIL]})
	 * @param key the project's key for {@code hash}, at least 16 bytes; null otherwise
	 * @throws IllegalArgumentException for an unknown entity or mode
	 */
	public PiiRedaction(List<String> entities, String mode, String replacement, byte[] key) {
		this.entities = EnumSet.noneOf(PiiEntity.class);
		entities.forEach((entity) -> this.entities.add(PiiEntity.of(entity)));
		this.redactor = new PiiRedactor(PiiRedactor.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), replacement, key);
	}

	/** The text with every finding replaced, and where they were in the original. */
	public Result redact(String text) {
		PiiRedactor.Redacted redacted = this.redactor.redact(text, this.detector.find(text, this.entities));
		return new Result(redacted.text(),
				redacted.findings()
					.stream()
					.map((f) -> new Finding(f.entity().configName(), f.start(), f.end(), f.confidence()))
					.toList());
	}

	/** Redacted text and what was replaced. */
	public record Result(String text, List<Finding> findings) {
	}

	/**
	 * Where a piece of personal data was, never its value.
	 *
	 * @param entity its kind by configuration name
	 * @param start offset of its first character in the original text
	 * @param end offset just past its last character
	 * @param confidence how sure the detector was, from 0 to 1
	 */
	public record Finding(String entity, int start, int end, double confidence) {
	}

}
