package io.quantra.plugins.corpus;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PII detection holds its accuracy targets on the synthetic corpus, scored as
 * {@link PiiAccuracy} does: recall of at least 0.98 for e-mail addresses, phone numbers,
 * card numbers and IBANs, and for names and postal addresses recall of at least 0.90 at a
 * precision of at least 0.85. {@code bench/pii.sh} prints the same table for a larger,
 * differently seeded corpus.
 */
class PiiAccuracyTests {

	static PiiAccuracy accuracy;

	@BeforeAll
	static void measure() {
		accuracy = PiiAccuracy.measure(DocumentCorpus.generate());
	}

	@Test
	void patternsAreFoundAlmostWithoutMiss() {
		for (String entity : List.of(Span.EMAIL, Span.PHONE, Span.CREDIT_CARD, Span.IBAN)) {
			assertThat(accuracy.recall(entity)).as(entity + "\n" + accuracy.table()).isGreaterThanOrEqualTo(0.98);
			assertThat(accuracy.precision(entity)).as(entity + "\n" + accuracy.table()).isGreaterThanOrEqualTo(0.95);
		}
	}

	@Test
	void namesAndAddressesAreFoundWithoutFlaggingTheRest() {
		for (String entity : List.of(Span.NAME, Span.ADDRESS)) {
			assertThat(accuracy.recall(entity)).as(entity + "\n" + accuracy.table()).isGreaterThanOrEqualTo(0.90);
			assertThat(accuracy.precision(entity)).as(entity + "\n" + accuracy.table()).isGreaterThanOrEqualTo(0.85);
		}
	}

	@Test
	void theOtherKindsAreFoundToo() {
		for (String entity : List.of(Span.SSN, Span.IP_ADDRESS, Span.DATE_OF_BIRTH)) {
			assertThat(accuracy.recall(entity)).as(entity + "\n" + accuracy.table()).isGreaterThanOrEqualTo(0.95);
		}
	}

}
