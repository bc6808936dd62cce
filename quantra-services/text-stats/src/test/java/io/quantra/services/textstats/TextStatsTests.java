package io.quantra.services.textstats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextStatsTests {

	@Test
	void wordsAreRunsOfNonWhitespace() {
		assertThat(TextStats.words("")).isZero();
		assertThat(TextStats.words("  one\ttwo\n three  ")).isEqualTo(3);
	}

	@Test
	void aFinalLineBreakStartsNoLine() {
		assertThat(TextStats.lines("")).isZero();
		assertThat(TextStats.lines("one")).isEqualTo(1);
		assertThat(TextStats.lines("one\ntwo")).isEqualTo(2);
		assertThat(TextStats.lines("one\ntwo\n")).isEqualTo(2);
	}

}
