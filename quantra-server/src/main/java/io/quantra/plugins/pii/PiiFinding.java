package io.quantra.plugins.pii;

/**
 * Where one piece of personal data is in a text: {@code text.substring(start, end)}.
 * Never holds the value itself, so findings may be shown and stored.
 *
 * @param confidence how sure the detector is, from 0 to 1
 */
record PiiFinding(PiiEntity entity, int start, int end, double confidence) {

	PiiFinding {
		if (start < 0 || end <= start) {
			throw new IllegalArgumentException("Empty or negative span " + start + ".." + end);
		}
	}

	boolean overlaps(PiiFinding other) {
		return this.start < other.end && other.start < this.end;
	}

	int length() {
		return this.end - this.start;
	}

}
