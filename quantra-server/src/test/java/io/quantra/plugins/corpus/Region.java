package io.quantra.plugins.corpus;

/**
 * Where a synthetic document comes from: decides its language, number formats, postal
 * addresses and phone numbers.
 */
public enum Region {

	US("en"), UK("en"), DE("de");

	private final String language;

	Region(String language) {
		this.language = language;
	}

	public String language() {
		return this.language;
	}

	boolean german() {
		return this == DE;
	}

}
