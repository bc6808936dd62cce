package io.quantra.plugins.pii;

import java.util.Map;

/**
 * The check digits that tell a card or account number from any other run of digits.
 */
final class Checksums {

	/** IBAN lengths by country (ISO 13616 registry). */
	private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(Map.entry("AD", 24), Map.entry("AE", 23),
			Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16),
			Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21),
			Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18),
			Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18),
			Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
			Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
			Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26), Map.entry("IT", 27),
			Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LC", 32),
			Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27),
			Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MR", 27), Map.entry("MT", 31),
			Map.entry("MU", 30), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PK", 24), Map.entry("PL", 28),
			Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
			Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
			Map.entry("SM", 27), Map.entry("ST", 25), Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24),
			Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20));

	/**
	 * The lengths above by country letters, {@code (first - 'A') * 26 + (second - 'A')}.
	 */
	private static final int[] IBAN_LENGTH_TABLE = new int[26 * 26];

	static {
		IBAN_LENGTHS.forEach((country,
				length) -> IBAN_LENGTH_TABLE[(country.charAt(0) - 'A') * 26 + (country.charAt(1) - 'A')] = length);
	}

	private Checksums() {
	}

	/** The Luhn check of card numbers, over the digits of {@code number}. */
	static boolean luhn(CharSequence number) {
		int sum = 0;
		int digits = 0;
		for (int i = number.length() - 1; i >= 0; i--) {
			char c = number.charAt(i);
			if (c < '0' || c > '9') {
				continue;
			}
			int digit = c - '0';
			if (digits % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			digits++;
		}
		return digits > 0 && sum % 10 == 0;
	}

	/** How many characters an IBAN of the country has, or 0 for a country without. */
	static int ibanLength(char first, char second) {
		int a = Character.toUpperCase(first) - 'A';
		int b = Character.toUpperCase(second) - 'A';
		return (a >= 0 && a < 26 && b >= 0 && b < 26) ? IBAN_LENGTH_TABLE[a * 26 + b] : 0;
	}

	/**
	 * An IBAN, without spaces, upper case: its country's length and the ISO 7064 mod-97
	 * check.
	 */
	static boolean iban(String compact) {
		if (compact.length() < 15 || compact.length() > 34) {
			return false;
		}
		Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
		if (length == null || length != compact.length()) {
			return false;
		}
		// mod 97 of the digits of the number with its first four characters moved to the
		// end, letters counting as 10 to 35
		int remainder = 0;
		for (int i = 0; i < compact.length(); i++) {
			char c = compact.charAt((i + 4) % compact.length());
			if (c >= '0' && c <= '9') {
				remainder = (remainder * 10 + (c - '0')) % 97;
			}
			else if (c >= 'A' && c <= 'Z') {
				remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
			}
			else {
				return false;
			}
		}
		return remainder == 1;
	}

}
