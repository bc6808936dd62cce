package io.quantra.plugins.pii;

import java.util.Locale;

/** The kinds of personal data the redaction finds, named as in a node's config. */
enum PiiEntity {

	NAME, EMAIL, PHONE, ADDRESS, IP_ADDRESS, CREDIT_CARD, IBAN, SSN, DATE_OF_BIRTH;

	/** As a node's config spells it: {@code credit_card}. */
	String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** What {@code mask} puts in place of a finding: {@code [CREDIT_CARD]}. */
	String mask() {
		return "[" + name() + "]";
	}

	static PiiEntity of(String configName) {
		return valueOf(configName.toUpperCase(Locale.ROOT));
	}

}
