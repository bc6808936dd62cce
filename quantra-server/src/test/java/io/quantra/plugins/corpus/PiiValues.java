package io.quantra.plugins.corpus;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Makes values of personal data that are valid by their own rules (card numbers pass
 * Luhn, IBANs pass mod 97, social security numbers follow the SSA's rules), and checks
 * them.
 */
final class PiiValues {

	private static final String[] GERMAN_MONTHS = { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
			"August", "September", "Oktober", "November", "Dezember" };

	private final Random random;

	PiiValues(Random random) {
		this.random = random;
	}

	// ---- cards

	/** A Visa, Mastercard or American Express number, grouped as printed on the card. */
	String creditCard() {
		int brand = this.random.nextInt(10);
		String separator = this.random.nextInt(3) == 0 ? "-" : " ";
		if (brand < 2) {
			String prefix = this.random.nextBoolean() ? "34" : "37";
			String digits = withLuhnDigit(prefix + digits(12));
			return group(digits, separator, 4, 6, 5);
		}
		String prefix;
		if (brand < 6) {
			prefix = "4" + digits(1);
		}
		else if (this.random.nextInt(3) == 0) {
			prefix = String.valueOf(2221 + this.random.nextInt(500));
		}
		else {
			prefix = "5" + (1 + this.random.nextInt(5));
		}
		String digits = withLuhnDigit(prefix + digits(15 - prefix.length()));
		return group(digits, separator, 4, 4, 4, 4);
	}

	/**
	 * A number shaped like a card that fails the Luhn check, to tempt a careless
	 * detector.
	 */
	String nonCardNumber() {
		String valid = withLuhnDigit("4" + digits(14));
		char last = valid.charAt(15);
		char wrong = (char) ('0' + (last - '0' + 1 + this.random.nextInt(8)) % 10);
		return group(valid.substring(0, 15) + wrong, " ", 4, 4, 4, 4);
	}

	static String withLuhnDigit(String payload) {
		for (int check = 0; check < 10; check++) {
			if (luhnValid(payload + check)) {
				return payload + check;
			}
		}
		throw new IllegalStateException("no Luhn digit for " + payload);
	}

	static boolean luhnValid(String number) {
		String digits = number.replaceAll("[ -]", "");
		if (!digits.matches("\\d{12,19}")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	// ---- IBAN

	private record IbanFormat(String country, String bban) {
	}

	// bban: n = digit, a = upper-case letter, c = letter or digit
	private static final List<IbanFormat> IBAN_FORMATS = List.of(new IbanFormat("DE", "nnnnnnnnnnnnnnnnnn"),
			new IbanFormat("GB", "aaaannnnnnnnnnnnnn"), new IbanFormat("FR", "nnnnnnnnnncccccccccccnn"),
			new IbanFormat("NL", "aaaannnnnnnnnn"), new IbanFormat("ES", "nnnnnnnnnnnnnnnnnnnn"),
			new IbanFormat("IT", "annnnnnnnnncccccccccccc"), new IbanFormat("AT", "nnnnnnnnnnnnnnnn"),
			new IbanFormat("CH", "nnnnncccccccccccc"), new IbanFormat("BE", "nnnnnnnnnnnn"),
			new IbanFormat("IE", "aaaannnnnnnnnnnnnn"));

	/** An IBAN with correct check digits, printed in groups of four. */
	String iban(String preferredCountry) {
		IbanFormat format = IBAN_FORMATS.get(this.random.nextInt(IBAN_FORMATS.size()));
		if (preferredCountry != null && this.random.nextInt(4) != 0) {
			format = IBAN_FORMATS.stream()
				.filter((f) -> f.country().equals(preferredCountry))
				.findFirst()
				.orElse(format);
		}
		StringBuilder bban = new StringBuilder();
		for (char c : format.bban().toCharArray()) {
			switch (c) {
				case 'n' -> bban.append((char) ('0' + this.random.nextInt(10)));
				case 'a' -> bban.append((char) ('A' + this.random.nextInt(26)));
				default -> bban.append(this.random.nextInt(3) == 0 ? (char) ('A' + this.random.nextInt(26))
						: (char) ('0' + this.random.nextInt(10)));
			}
		}
		String country = format.country();
		int check = 98 - mod97(bban + country + "00");
		String iban = country + String.format("%02d", check) + bban;
		return group4(iban);
	}

	static boolean ibanValid(String iban) {
		String compact = iban.replace(" ", "");
		if (!compact.matches("[A-Z]{2}\\d{2}[A-Z0-9]{8,30}")) {
			return false;
		}
		return mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
	}

	private static int mod97(String alphanumeric) {
		StringBuilder numeric = new StringBuilder();
		for (char c : alphanumeric.toCharArray()) {
			numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
	}

	// ---- SSN

	/** A US social security number that the SSA could have issued. */
	String ssn() {
		int area;
		do {
			area = 1 + this.random.nextInt(899);
		}
		while (area == 666);
		int group = 1 + this.random.nextInt(99);
		int serial = 1 + this.random.nextInt(9999);
		return String.format("%03d-%02d-%04d", area, group, serial);
	}

	static boolean ssnValid(String ssn) {
		if (!ssn.matches("\\d{3}-\\d{2}-\\d{4}")) {
			return false;
		}
		int area = Integer.parseInt(ssn.substring(0, 3));
		int group = Integer.parseInt(ssn.substring(4, 6));
		int serial = Integer.parseInt(ssn.substring(7));
		return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
	}

	// ---- phones

	/** A US number in the 555-01xx range set aside for fiction. */
	String usPhone(String areaCode) {
		String line = String.format("555-01%02d", this.random.nextInt(100));
		return switch (this.random.nextInt(4)) {
			case 0 -> "+1 (" + areaCode + ") " + line;
			case 1 -> "(" + areaCode + ") " + line;
			case 2 -> areaCode + "-" + line;
			default -> "+1 " + areaCode + " " + line.replace('-', ' ');
		};
	}

	/** A UK number from the ranges Ofcom keeps for drama. */
	String ukPhone(String dialCode) {
		if (this.random.nextInt(4) == 0) {
			String mobile = "7700 900" + digits(3);
			return this.random.nextBoolean() ? "+44 " + mobile : "0" + mobile;
		}
		String local;
		if (dialCode.length() == 2) {
			local = switch (dialCode) {
				case "20" -> "7946 0" + digits(3);
				case "28" -> "9018 0" + digits(3);
				default -> "2018 0" + digits(3);
			};
		}
		else if (dialCode.length() == 3) {
			local = "496 0" + digits(3);
		}
		else {
			local = "960" + digits(3);
		}
		return this.random.nextBoolean() ? "+44 " + dialCode + " " + local : "0" + dialCode + " " + local;
	}

	String germanPhone(String areaCode) {
		int length = 8 - Math.max(0, areaCode.length() - 3);
		String subscriber = (1 + this.random.nextInt(9)) + digits(length - 1);
		return switch (this.random.nextInt(6)) {
			case 0 -> "+49 " + areaCode.substring(1) + " " + subscriber;
			case 1 -> areaCode + "/" + subscriber;
			case 2 -> "+49 (0)" + areaCode.substring(1) + " " + subscriber;
			case 3 -> "01" + (5 + this.random.nextInt(3)) + (this.random.nextInt(10)) + " "
					+ (1 + this.random.nextInt(9)) + digits(6);
			default -> areaCode + " " + subscriber;
		};
	}

	// ---- network

	/**
	 * An IPv4 address, mostly from the documentation ranges, some private, some
	 * public-looking.
	 */
	String ipv4() {
		return switch (this.random.nextInt(5)) {
			case 0 -> "192.0.2." + (1 + this.random.nextInt(254));
			case 1 -> "198.51.100." + (1 + this.random.nextInt(254));
			case 2 -> "203.0.113." + (1 + this.random.nextInt(254));
			case 3 -> "10." + this.random.nextInt(256) + "." + this.random.nextInt(256) + "."
					+ (1 + this.random.nextInt(254));
			default -> (20 + this.random.nextInt(180)) + "." + this.random.nextInt(256) + "." + this.random.nextInt(256)
					+ "." + (1 + this.random.nextInt(254));
		};
	}

	// ---- dates

	LocalDate birthDate() {
		return LocalDate.of(1940 + this.random.nextInt(66), 1 + this.random.nextInt(12), 1 + this.random.nextInt(28));
	}

	/** A date written the way the region writes it, in one of several styles. */
	String date(LocalDate date, Region region) {
		int style = this.random.nextInt(3);
		return switch (region) {
			case US -> switch (style) {
				case 0 -> date.format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
				case 1 -> date.format(DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH));
				default -> date.toString();
			};
			case UK -> switch (style) {
				case 0 -> date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
				case 1 -> date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
				default -> date.toString();
			};
			case DE -> switch (style) {
				case 0, 1 -> date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
				default -> date.getDayOfMonth() + ". " + GERMAN_MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
			};
		};
	}

	// ---- helpers

	String digits(int count) {
		StringBuilder out = new StringBuilder(count);
		for (int i = 0; i < count; i++) {
			out.append((char) ('0' + this.random.nextInt(10)));
		}
		return out.toString();
	}

	private static String group(String digits, String separator, int... sizes) {
		StringBuilder out = new StringBuilder();
		int at = 0;
		for (int size : sizes) {
			if (at > 0) {
				out.append(separator);
			}
			out.append(digits, at, at + size);
			at += size;
		}
		return out.toString();
	}

	private static String group4(String compact) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < compact.length(); i += 4) {
			if (i > 0) {
				out.append(' ');
			}
			out.append(compact, i, Math.min(i + 4, compact.length()));
		}
		return out.toString();
	}

}
