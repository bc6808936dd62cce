package io.quantra.plugins.pii;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import io.quantra.plugins.pii.PiiRedactor.Mode;
import io.quantra.plugins.pii.PiiRedactor.Redacted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PiiRedactorTests {

	private static final byte[] KEY = "project-7-key-0123456789".getBytes(StandardCharsets.UTF_8);

	private static final String TEXT = "Mail ada@example.org or call +44 20 7946 0958, card 4111 1111 1111 1111.";

	private final PatternDetector detector = new PatternDetector();

	@Test
	void masksEachFindingWithItsKindAndLeavesTheRestAsItWas() {
		Redacted redacted = redact(new PiiRedactor(Mode.MASK, null, null), TEXT);
		assertThat(redacted.text()).isEqualTo("Mail [EMAIL] or call [PHONE], card [CREDIT_CARD].");
		assertThat(redacted.findings()).extracting(PiiFinding::entity)
			.containsExactly(PiiEntity.EMAIL, PiiEntity.PHONE, PiiEntity.CREDIT_CARD);
		PiiFinding email = redacted.findings().get(0);
		assertThat(TEXT.substring(email.start(), email.end())).as("spans point into the original text")
			.isEqualTo("ada@example.org");
	}

	@Test
	void masksWithAFixedReplacementWhenGiven() {
		assertThat(redact(new PiiRedactor(Mode.MASK, "***", null), TEXT).text())
			.isEqualTo("Mail *** or call ***, card ***.");
	}

	@Test
	void removesFindingsWithoutLeavingDoubleSpaces() {
		assertThat(redact(new PiiRedactor(Mode.REMOVE, null, null), "Write to ada@example.org today.").text())
			.isEqualTo("Write to today.");
	}

	@Test
	void hashesTheSameValueAlikeWithinAProjectAndUnlikeAcrossProjects() {
		String text = "From ada@example.org to bob@example.org, cc ada@example.org.";
		String first = redact(new PiiRedactor(Mode.HASH, null, KEY), text).text();
		assertThat(first).doesNotContain("example.org").matches(".*\\[EMAIL:[0-9a-f]{16}].*");
		String[] hashes = first.replaceAll("[^\\[]*\\[EMAIL:([0-9a-f]{16})][^\\[]*", "$1 ").trim().split(" ");
		assertThat(hashes).hasSize(3);
		assertThat(hashes[0]).isEqualTo(hashes[2]).isNotEqualTo(hashes[1]);

		byte[] otherKey = "project-8-key-0123456789".getBytes(StandardCharsets.UTF_8);
		String second = redact(new PiiRedactor(Mode.HASH, null, otherKey), text).text();
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void hashingNeedsAKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PiiRedactor(Mode.HASH, null, new byte[4]));
	}

	@Test
	void theMoreSpecificKindWinsWhereFindingsOverlap() {
		List<PiiFinding> findings = List.of(new PiiFinding(PiiEntity.NAME, 0, 12, 0.8),
				new PiiFinding(PiiEntity.EMAIL, 0, 24, 0.99), new PiiFinding(PiiEntity.PHONE, 30, 40, 0.9),
				new PiiFinding(PiiEntity.PHONE, 32, 45, 0.9), new PiiFinding(PiiEntity.NAME, 50, 55, 0.8));
		assertThat(PiiRedactor.resolve(findings)).containsExactly(findings.get(1), findings.get(3), findings.get(4));
	}

	private Redacted redact(PiiRedactor redactor, String text) {
		return redactor.redact(text, this.detector.find(text, EnumSet.allOf(PiiEntity.class)));
	}

}
