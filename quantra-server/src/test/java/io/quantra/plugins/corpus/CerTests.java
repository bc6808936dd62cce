package io.quantra.plugins.corpus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CerTests {

	@Test
	void countsEditsAgainstTheReferenceLength() {
		assertThat(Cer.distance("kitten", "sitting")).isEqualTo(3);
		assertThat(Cer.distance("sitting", "kitten")).isEqualTo(3);
		assertThat(Cer.distance("", "abc")).isEqualTo(3);
		assertThat(Cer.of("abcd", "abxd")).isCloseTo(0.25, within(1e-9));
		assertThat(Cer.of("abcd", "abcd")).isZero();
	}

	@Test
	void ignoresHowWhitespaceIsLaidOut() {
		assertThat(Cer.of("Invoice  No.:\n\nINV-2025-0042 \n", " Invoice No.: INV-2025-0042")).isZero();
		assertThat(Cer.normalize("\ta \n\n b  ")).isEqualTo("a b");
	}

	@Test
	void emptyReferenceIsPerfectOnlyForEmptyOutput() {
		assertThat(Cer.of(" \n", "")).isZero();
		assertThat(Cer.of("", "noise")).isEqualTo(1.0);
	}

}
