package io.quantra.plugins.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the personal data that has a shape of its own: e-mail addresses, card numbers
 * (Luhn), IBANs (mod 97), US social security numbers, IP addresses, phone numbers and
 * dates of birth. A shape alone is not always enough — an invoice number looks like a
 * phone number, an invoice date like a birth date — so phone numbers need an
 * international prefix, a known layout or a cue such as "Tel.", and dates count as dates
 * of birth only after a cue such as "born".
 */
final class PatternDetector {

	private static final Pattern EMAIL = Pattern
		.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
				+ "[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])");

	private static final Pattern IBAN = Pattern
		.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?(?![A-Za-z0-9])");

	private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d])");

	private static final Pattern SSN = Pattern.compile("(?<![\\d-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\d-])");

	private static final Pattern SSN_CUED = Pattern
		.compile("(?i)\\b(?:ssn|social security(?: number| no\\.?)?)\\s*[:#]?\\s*(\\d{9})(?!\\d)");

	private static final Pattern IPV4 = Pattern.compile(
			"(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?!\\d|\\.\\d)");

	private static final Pattern IPV6 = Pattern
		.compile("(?<![\\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,8}(?![\\w:])");

	private static final String MONTHS = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
			+ "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

	private static final Pattern BIRTH_DATE = Pattern.compile("(?i)\\b(?:date of birth|birth ?date|d\\.?o\\.?b\\.?|born"
			+ "(?: on)?|geburtsdatum|geboren(?: am)?|n[ée]e? le)[\\s:.,-]{0,5}(\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}"
			+ "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.? " + MONTHS + "\\.? \\d{4}|" + MONTHS + "\\.? \\d{1,2},? \\d{4})");

	private static final Pattern PHONE = Pattern
		.compile("(?<![\\w+@.-])(?:\\+|00)?\\(?\\d{1,15}\\)?(?:[ .\\-/]{1,2}\\(?\\d{1,10}\\)?){0,6}(?![\\w@-]|\\.\\d)");

	private static final Pattern PHONE_CUE = Pattern
		.compile("(?i)(?:tel|phone|mobile|mob|cell|fax|call|telefon|t[ée]l[ée]phone|handy)\\b\\.?\\s*(?:no\\.?|"
				+ "number|nr\\.?)?\\s*[:.]?\\s*$");

	/** North American layout: (555) 123-4567, 555-123-4567, 555.123.4567. */
	private static final Pattern NANP = Pattern
		.compile("(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\) ?|\\d{3}[-.])\\d{3}[-.]\\d{4}");

	private static final Pattern DATE_LIKE = Pattern
		.compile("\\d{1,4}([./-])\\d{1,2}\\1\\d{1,4}|\\d{1,3}(?:[.,]\\d{3})*[.,]\\d{2}");

	/** Everything this detector can find, in the text given. */
	List<PiiFinding> find(CharSequence text, Set<PiiEntity> wanted) {
		List<PiiFinding> findings = new ArrayList<>();
		if (wanted.contains(PiiEntity.EMAIL)) {
			all(EMAIL, text, (m) -> add(findings, PiiEntity.EMAIL, m.start(), m.end(), 0.99));
		}
		if (wanted.contains(PiiEntity.IBAN)) {
			all(IBAN, text, (m) -> {
				if (Checksums.iban(compact(m.group()).toUpperCase(Locale.ROOT))) {
					add(findings, PiiEntity.IBAN, m.start(), m.end(), 0.99);
				}
			});
		}
		if (wanted.contains(PiiEntity.CREDIT_CARD)) {
			all(CARD, text, (m) -> {
				String digits = compact(m.group());
				if (digits.length() >= 13 && digits.length() <= 19 && Checksums.luhn(digits) && !repeated(digits)) {
					add(findings, PiiEntity.CREDIT_CARD, m.start(), m.end(), 0.97);
				}
			});
		}
		if (wanted.contains(PiiEntity.SSN)) {
			all(SSN, text, (m) -> {
				if (validSsn(m.group(1), m.group(3), m.group(4))) {
					add(findings, PiiEntity.SSN, m.start(), m.end(), 0.9);
				}
			});
			all(SSN_CUED, text, (m) -> {
				String digits = m.group(1);
				if (validSsn(digits.substring(0, 3), digits.substring(3, 5), digits.substring(5))) {
					add(findings, PiiEntity.SSN, m.start(1), m.end(1), 0.95);
				}
			});
		}
		if (wanted.contains(PiiEntity.IP_ADDRESS)) {
			all(IPV4, text, (m) -> add(findings, PiiEntity.IP_ADDRESS, m.start(), m.end(), 0.95));
			all(IPV6, text, (m) -> {
				if (ipv6(m.group())) {
					add(findings, PiiEntity.IP_ADDRESS, m.start(), m.end(), 0.95);
				}
			});
		}
		if (wanted.contains(PiiEntity.DATE_OF_BIRTH)) {
			all(BIRTH_DATE, text, (m) -> add(findings, PiiEntity.DATE_OF_BIRTH, m.start(1), m.end(1), 0.95));
		}
		if (wanted.contains(PiiEntity.PHONE)) {
			all(PHONE, text, (m) -> phone(text, m, findings));
		}
		return findings;
	}

	private static void phone(CharSequence text, Matcher match, List<PiiFinding> findings) {
		String candidate = match.group();
		int start = match.start();
		int end = match.end();
		// a closing parenthesis that opens nothing belongs to the text around
		if (candidate.endsWith(")") && candidate.indexOf('(') < 0) {
			candidate = candidate.substring(0, candidate.length() - 1);
			end--;
		}
		int digits = 0;
		for (int i = 0; i < candidate.length(); i++) {
			if (Character.isDigit(candidate.charAt(i))) {
				digits++;
			}
		}
		if (digits < 7 || digits > 15) {
			return;
		}
		boolean cued = PHONE_CUE.matcher(text.subSequence(Math.max(0, start - 24), start)).find();
		boolean international = (candidate.startsWith("+") || candidate.startsWith("00")) && digits >= 9;
		boolean layout = NANP.matcher(candidate).matches() || candidate.startsWith("0") && digits >= 9
				&& candidate.matches("0[\\d()]+(?:[ .\\-/]{1,2}[\\d()]+){1,5}");
		if (!cued && !international && !layout) {
			return;
		}
		if (!cued && DATE_LIKE.matcher(candidate).matches()) {
			return;
		}
		add(findings, PiiEntity.PHONE, start, end, (cued || international) ? 0.95 : 0.85);
	}

	private static boolean validSsn(String area, String group, String serial) {
		return !area.equals("000") && !area.equals("666") && area.charAt(0) != '9' && !group.equals("00")
				&& !serial.equals("0000");
	}

	/** Eight groups of up to four hex digits, or fewer around one {@code ::}. */
	static boolean ipv6(String candidate) {
		int gap = candidate.indexOf("::");
		if (gap < 0) {
			return hexGroups(candidate) == 8;
		}
		if (candidate.indexOf("::", gap + 1) >= 0) {
			return false;
		}
		int left = gap == 0 ? 0 : hexGroups(candidate.substring(0, gap));
		int right = (gap + 2 == candidate.length()) ? 0 : hexGroups(candidate.substring(gap + 2));
		return left >= 0 && right >= 0 && left + right >= 1 && left + right < 8;
	}

	/** How many groups of one to four hex digits, separated by colons; -1 if not that. */
	private static int hexGroups(String groups) {
		String[] parts = groups.split(":", -1);
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 4) {
				return -1;
			}
		}
		return parts.length;
	}

	private static boolean repeated(String digits) {
		return digits.chars().allMatch((c) -> c == digits.charAt(0));
	}

	private static String compact(String value) {
		StringBuilder compact = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != ' ' && c != '-') {
				compact.append(c);
			}
		}
		return compact.toString();
	}

	private static void add(List<PiiFinding> findings, PiiEntity entity, int start, int end, double confidence) {
		findings.add(new PiiFinding(entity, start, end, confidence));
	}

	private static void all(Pattern pattern, CharSequence text, java.util.function.Consumer<Matcher> each) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			each.accept(matcher);
		}
	}

}
