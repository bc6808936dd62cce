package io.quantra.plugins.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Every kind of personal data in one call: the pieces with a shape of their own from
 * {@link PatternDetector}, and names and postal addresses from
 * {@link NameAddressDetector}, which runs only when one of those is wanted.
 */
final class PiiDetector {

	private static final Comparator<PiiFinding> TEXT_ORDER = Comparator.comparingInt(PiiFinding::start)
		.thenComparingInt(PiiFinding::end);

	private final PatternDetector patterns = new PatternDetector();

	private final NameAddressDetector namesAndAddresses = new NameAddressDetector();

	/** What is wanted of the text, in text order; overlaps are left to the redactor. */
	List<PiiFinding> find(CharSequence text, Set<PiiEntity> wanted) {
		List<PiiFinding> findings = new ArrayList<>(this.patterns.find(text, wanted));
		if (wanted.contains(PiiEntity.NAME) || wanted.contains(PiiEntity.ADDRESS)) {
			findings.addAll(this.namesAndAddresses.find(text, wanted));
		}
		findings.sort(TEXT_ORDER);
		return findings;
	}

}
