package io.quantra.plugins.corpus;

/**
 * Character error rate of OCR output: the Levenshtein distance between reference and
 * recognised text divided by the reference length, after collapsing whitespace, since OCR
 * cannot know how many spaces or blank lines the original had.
 */
public final class Cer {

	private Cer() {
	}

	/** The error rate of {@code recognised} against {@code reference}; 0 is perfect. */
	public static double of(String reference, String recognised) {
		String expected = normalize(reference);
		String actual = normalize(recognised);
		if (expected.isEmpty()) {
			return actual.isEmpty() ? 0 : 1;
		}
		return (double) distance(expected, actual) / expected.length();
	}

	/** Runs of whitespace become one space; leading and trailing whitespace goes. */
	public static String normalize(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

	/** Levenshtein distance, keeping two rows as long as the shorter text. */
	public static int distance(String a, String b) {
		String longer = (a.length() >= b.length()) ? a : b;
		String shorter = (longer == a) ? b : a;
		int[] previous = new int[shorter.length() + 1];
		int[] current = new int[shorter.length() + 1];
		for (int j = 0; j <= shorter.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= longer.length(); i++) {
			current[0] = i;
			char c = longer.charAt(i - 1);
			for (int j = 1; j <= shorter.length(); j++) {
				int substitution = previous[j - 1] + ((c == shorter.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[shorter.length()];
	}

}
