package io.quantra.plugins.pii;

import java.util.EnumSet;
import java.util.List;

import io.quantra.plugins.pii.PiiRedactor.Mode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PiiDetectorTests {

	private static final String LETTER = """
			Bill to: Xochitl Quispe, xq@example.org
			18 Larkspur Lane
			Boulder, CO 80302
			Phone: (555) 123-4567
			""";

	private final PiiDetector detector = new PiiDetector();

	@Test
	void findsEveryKindInOneCallInTextOrder() {
		List<PiiFinding> findings = this.detector.find(LETTER, EnumSet.allOf(PiiEntity.class));
		assertThat(findings).extracting(PiiFinding::entity)
			.containsExactly(PiiEntity.NAME, PiiEntity.EMAIL, PiiEntity.ADDRESS, PiiEntity.PHONE);
		assertThat(findings).isSortedAccordingTo((a, b) -> Integer.compare(a.start(), b.start()));
	}

	@Test
	void looksForNamesAndAddressesOnlyWhenAsked() {
		assertThat(this.detector.find(LETTER, EnumSet.of(PiiEntity.EMAIL, PiiEntity.PHONE)))
			.extracting(PiiFinding::entity)
			.containsExactly(PiiEntity.EMAIL, PiiEntity.PHONE);
		assertThat(this.detector.find(LETTER, EnumSet.of(PiiEntity.NAME))).extracting(PiiFinding::entity)
			.containsExactly(PiiEntity.NAME);
	}

	@Test
	void feedsTheRedactor() {
		String redacted = new PiiRedactor(Mode.MASK, null, null)
			.redact(LETTER, this.detector.find(LETTER, EnumSet.allOf(PiiEntity.class)))
			.text();
		assertThat(redacted).isEqualTo("""
				Bill to: [NAME], [EMAIL]
				[ADDRESS]
				Phone: [PHONE]
				""");
	}

}
