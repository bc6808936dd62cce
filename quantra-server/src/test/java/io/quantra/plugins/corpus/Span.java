package io.quantra.plugins.corpus;

import java.util.List;

/**
 * One piece of personal data in a synthetic document: the entity kind, its character
 * offsets into the document text (end exclusive) and the exact text found there.
 *
 * @param entity one of {@link #ENTITIES}
 * @param start offset of the first character
 * @param end offset after the last character
 * @param value the text between start and end
 */
public record Span(String entity, int start, int end, String value) {

	public static final String NAME = "name";

	public static final String EMAIL = "email";

	public static final String PHONE = "phone";

	public static final String ADDRESS = "address";

	public static final String CREDIT_CARD = "credit_card";

	public static final String IBAN = "iban";

	public static final String SSN = "ssn";

	public static final String IP_ADDRESS = "ip_address";

	public static final String DATE_OF_BIRTH = "date_of_birth";

	/** Every entity name a span may carry. */
	public static final List<String> ENTITIES = List.of(NAME, EMAIL, PHONE, ADDRESS, CREDIT_CARD, IBAN, SSN, IP_ADDRESS,
			DATE_OF_BIRTH);

	public Span {
		if (!ENTITIES.contains(entity)) {
			throw new IllegalArgumentException("unknown entity '" + entity + "', expected one of " + ENTITIES);
		}
		if (start < 0 || end - start != value.length()) {
			throw new IllegalArgumentException(
					"span " + start + ".." + end + " does not fit its value of " + value.length() + " characters");
		}
	}

	public int length() {
		return this.end - this.start;
	}

	public boolean overlaps(Span other) {
		return this.start < other.end && other.start < this.end;
	}

}
