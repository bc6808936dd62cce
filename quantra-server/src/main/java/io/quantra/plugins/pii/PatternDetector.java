package io.quantra.plugins.pii;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

	/** Top-level domains common enough to rejoin when OCR split them off. */
	private static final Set<String> COMMON_TLDS = Set.of("com", "net", "org", "edu", "gov", "io", "info", "biz", "de",
			"uk", "co", "fr", "nl", "eu", "at", "ch", "us", "ca", "es", "it", "be", "ie");

	/**
	 * Groups are separated by a space or, as OCR reads a speck between two, a hyphen; the
	 * country's length and the check digits keep other codes out.
	 */
	private static final Pattern IBAN = Pattern
		.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?[A-Za-z0-9]{1,4})?(?![A-Za-z0-9])");

	private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d])");

	private static final Pattern SSN = Pattern.compile("(?<![\\d-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\d-])");

	private static final Pattern SSN_CUED = Pattern
		.compile("(?i)\\b(?:ssn|social security(?: number| no\\.?)?)\\s*[:#]?\\s*(\\d{9})(?!\\d)");

	private static final Pattern IPV4 = Pattern.compile(
			"(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?!\\d|\\.\\d)");

	private static final String MONTHS = "(?:Januar|Februar|M[äa]rz|Mai|Juni|Juli|Oktober|Dezember"
			+ "|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
			+ "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Okt|Nov(?:ember)?|Dec(?:ember)?|Dez)";

	private static final Set<String> MONTH_STARTS = Set.of("jan", "feb", "mar", "mär", "apr", "may", "mai", "jun",
			"jul", "aug", "sep", "oct", "okt", "nov", "dec", "dez");

	private static final Pattern BIRTH_DATE = Pattern.compile("(?i)\\b(?:date of birth|birth ?date|d\\.?o\\.?b\\.?|born"
			+ "(?:\\s+on)?|geburtsdatum|geboren(?:\\s+am)?|n[ée]e? le)[\\s:.,-]{0,5}(\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}"
			+ "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.? " + MONTHS + "\\.? \\d{4}|" + MONTHS + "\\.? \\d{1,2},? \\d{4})");

	private static final Pattern PHONE = Pattern.compile(
			"(?<![\\w+@.-])(?:\\+|00)?\\(?\\d{1,15}\\)?(?:[ .\\-/]{1,2}(?:\\(0\\))?\\(?\\d{1,10}\\)?){0,6}(?![\\w@-]|\\.\\d)");

	private static final Pattern PHONE_CUE = Pattern
		.compile("(?i)(?:tel|phone|mobile|mob|cell|fax|call|telefon|t[ée]l[ée]phone|handy)\\b\\.?\\s*(?:no\\.?|"
				+ "number|nr\\.?)?\\s*[:.]?\\s*$");

	/** North American layout: (555) 123-4567, 555-123-4567, 555.123.4567. */
	private static final Pattern NANP = Pattern
		.compile("(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\) ?|\\d{3}[-.])\\d{3}[-.]\\d{4}");

	/** A national number with its trunk prefix, in groups: 030 1234567, 089/12345678. */
	private static final Pattern NATIONAL = Pattern.compile("0[\\d()]+(?:[ .\\-/]{1,2}[\\d()]+){1,5}");

	/**
	 * Numbers shaped like a phone number in groups that are something else: a US ZIP+4
	 * code (02907-6776), a US employer id (05-7119760).
	 */
	private static final Pattern NOT_PHONE = Pattern.compile("\\d{5}-\\d{4}|\\d{2}-\\d{7}");

	/** Stems of the cues below, lower case and without dots: no stem, no cue. */
	private static final String[] SSN_CUES = { "ssn", "social" };

	private static final String[] BIRTH_CUES = { "birth", "dob", "born", "geburt", "geboren", "e le", "é le" };

	private static final String[] PHONE_CUES = { "tel", "tél", "phone", "mob", "cell", "fax", "call", "handy" };

	private static final String[] OTHER_NUMBER_CUES = { "vat", "ust", "tax", "steuer", "ein", "reg", "hrb", "order",
			"invoice", "rechnung", "account", "konto" };

	/** A label of a number that is not a phone's: VAT Reg. No., Tax ID, Order no. */
	private static final Pattern OTHER_NUMBER_CUE = Pattern
		.compile("(?i)\\b(?:vat|ust|tax|steuer\\w*|ein|reg(?:istration)?|hrb|order|invoice|rechnung|account|konto)"
				+ "\\b[^\\n\\d]{0,16}$");

	private static final Pattern DATE_LIKE = Pattern
		.compile("\\d{1,4}([./-])\\d{1,2}\\1\\d{1,4}|\\d{1,3}(?:[.,]\\d{3})*[.,]\\d{2}");

	/**
	 * Everything this detector can find, in the text given. One pass picks the short
	 * windows where a piece could be — digits, an {@code @}, two capitals and two digits,
	 * hex digits before a colon — and the patterns run only there.
	 */
	List<PiiFinding> find(CharSequence text, Set<PiiEntity> wanted) {
		Scan scan = new Scan(text, wanted);
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			int ipv6End = (hex(c) && hexBeforeColon(text, i)) ? scan.ipv6(i) : -1;
			if (ipv6End > i) {
				i = ipv6End;
			}
			else if (c == '@') {
				i = scan.email(i);
			}
			else if (c >= 'A' && c <= 'Z' && ibanStart(text, i)) {
				i = scan.iban(i);
			}
			else if (c >= '0' && c <= '9' || c == '+' || c == '(') {
				i = scan.numbers(i);
			}
			else if (letter(c)) {
				// the rest of a word holds nothing but what an @ reaches back for
				i++;
				while (i < length && (letter(text.charAt(i)) || digit(text.charAt(i)))) {
					i++;
				}
			}
			else {
				i++;
			}
		}
		return scan.findings;
	}

	private static boolean ibanStart(CharSequence text, int i) {
		return i + 3 < text.length() && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
				&& text.charAt(i + 1) >= 'A' && text.charAt(i + 1) <= 'Z' && digit(text.charAt(i + 2))
				&& digit(text.charAt(i + 3));
	}

	private static boolean hexBeforeColon(CharSequence text, int i) {
		if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == ':')) {
			return false;
		}
		for (int j = i; j < Math.min(text.length(), i + 5); j++) {
			char c = text.charAt(j);
			if (c == ':') {
				return j + 1 < text.length() && (hex(text.charAt(j + 1)) || text.charAt(j + 1) == ':');
			}
			if (!hex(c)) {
				return false;
			}
		}
		return false;
	}

	/** ASCII first: most text is. */
	private static boolean letter(char c) {
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= 0x80 && Character.isLetter(c);
	}

	private static boolean digit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean hex(char c) {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
	}

	/** The findings of one text, and the windows where its patterns run. */
	private static final class Scan {

		/** How far a cue such as "born" or "SSN" may stand before its number. */
		private static final int CUE_REACH = 40;

		private final CharSequence text;

		private final Set<PiiEntity> wanted;

		private final List<PiiFinding> findings = new ArrayList<>();

		private final Map<Pattern, Matcher> matchers = new HashMap<>();

		/** The text before a number, lower case and without dots, for the cue checks. */
		private final StringBuilder before = new StringBuilder(CUE_REACH);

		private int beforeFrom = -1;

		private int beforeTo = -1;

		Scan(CharSequence text, Set<PiiEntity> wanted) {
			this.text = text;
			this.wanted = wanted;
		}

		int email(int at) {
			int start = at;
			while (start > 0 && at - start < 64 && localPart(this.text.charAt(start - 1))) {
				start--;
			}
			int stop = at + 1;
			while (stop < this.text.length() && stop - at < 256 && domain(this.text.charAt(stop))) {
				stop++;
			}
			if (!this.wanted.contains(PiiEntity.EMAIL)) {
				return stop;
			}
			int found = this.findings.size();
			each(EMAIL, start, stop, (m) -> add(PiiEntity.EMAIL, m.start(), m.end(), 0.99));
			return (this.findings.size() == found) ? spacedEmail(start, stop) : stop;
		}

		/**
		 * An address whose domain OCR split before its top-level domain
		 * ({@code name@example. com}); where the address ends, or {@code stop}.
		 */
		private int spacedEmail(int start, int stop) {
			if (stop + 1 >= this.text.length() || this.text.charAt(stop - 1) != '.' || this.text.charAt(stop) != ' ') {
				return stop;
			}
			int end = stop + 1;
			while (end < this.text.length() && end - stop <= 5 && Character.isLetter(this.text.charAt(end))) {
				end++;
			}
			String tld = this.text.subSequence(stop + 1, end).toString().toLowerCase(Locale.ROOT);
			boolean whole = end == this.text.length() || !Character.isLetterOrDigit(this.text.charAt(end));
			if (whole && COMMON_TLDS.contains(tld)
					&& EMAIL.matcher(this.text.subSequence(start, stop) + tld).matches()) {
				add(PiiEntity.EMAIL, start, end, 0.9);
				return end;
			}
			return stop;
		}

		int iban(int at) {
			int stop = at;
			while (stop < this.text.length() && stop - at < 42 && (Character.isLetterOrDigit(this.text.charAt(stop))
					|| this.text.charAt(stop) == ' ' || this.text.charAt(stop) == '-')) {
				stop++;
			}
			Matcher matcher = matcher(IBAN, at, stop);
			int end = matcher.lookingAt() ? ibanEnd(at, matcher.end()) : -1;
			if (end > 0
					&& Checksums.iban(compact(this.text.subSequence(at, end).toString()).toUpperCase(Locale.ROOT))) {
				if (this.wanted.contains(PiiEntity.IBAN)) {
					add(PiiEntity.IBAN, at, end, 0.99);
				}
				return end;
			}
			// not an account number: what follows the letters may be a number of another
			// kind
			return at + 2;
		}

		/**
		 * Where an IBAN of its country's length would end within the match, at a group's
		 * end: a word after the number ("AT48 … 0333 held") is not part of it. -1 if the
		 * match is too short or the country has no IBAN.
		 */
		private int ibanEnd(int at, int matchEnd) {
			int length = Checksums.ibanLength(this.text.charAt(at), this.text.charAt(at + 1));
			int characters = 0;
			for (int i = at; i < matchEnd; i++) {
				char c = this.text.charAt(i);
				if (c != ' ' && c != '-' && ++characters == length) {
					boolean boundary = i + 1 == matchEnd || this.text.charAt(i + 1) == ' '
							|| this.text.charAt(i + 1) == '-';
					return boundary ? i + 1 : -1;
				}
			}
			return -1;
		}

		/** Where the IPv6 address starting here ends, or -1 if none does. */
		int ipv6(int at) {
			int stop = at;
			while (stop < this.text.length() && stop - at < 39
					&& (hex(this.text.charAt(stop)) || this.text.charAt(stop) == ':')) {
				stop++;
			}
			String candidate = this.text.subSequence(at, stop).toString();
			if (stop < this.text.length() && Character.isLetterOrDigit(this.text.charAt(stop))
					|| !PatternDetector.ipv6(candidate)) {
				return -1;
			}
			if (this.wanted.contains(PiiEntity.IP_ADDRESS)) {
				add(PiiEntity.IP_ADDRESS, at, stop, 0.95);
			}
			return stop;
		}

		/** A run of digits and the separators numbers are written with. */
		int numbers(int at) {
			int stop = at;
			int last = at;
			int digits = 0;
			int dots = 0;
			int dateMarks = 0;
			while (stop < this.text.length() && stop - at < 48) {
				char c = this.text.charAt(stop);
				if (digit(c)) {
					last = stop + 1;
					digits++;
				}
				else if (c != ' ' && c != '-' && c != '.' && c != '/' && c != '(' && c != ')' && c != '+' && c != ','
						&& c != ':') {
					break;
				}
				dots += (c == '.') ? 1 : 0;
				dateMarks += (c == '.' || c == '/' || c == '-') ? 1 : 0;
				stop++;
			}
			if (last == at) {
				return at + 1;
			}
			// a closing parenthesis or a letter right after the last digit belongs to the
			// window too, so the patterns can see where the number ends
			int window = Math.min(this.text.length(), last + 1);
			if (digits >= 13 && this.wanted.contains(PiiEntity.CREDIT_CARD)) {
				each(CARD, at, window, (m) -> {
					String number = compact(m.group());
					if (number.length() >= 13 && number.length() <= 19 && Checksums.luhn(number) && !repeated(number)) {
						add(PiiEntity.CREDIT_CARD, m.start(), m.end(), 0.97);
					}
				});
			}
			if (digits >= 9 && this.wanted.contains(PiiEntity.SSN)) {
				each(SSN, at, window, (m) -> {
					if (validSsn(m.group(1), m.group(3), m.group(4))) {
						add(PiiEntity.SSN, m.start(), m.end(), 0.9);
					}
				});
				each(cue(at, CUE_REACH, SSN_CUES) ? SSN_CUED : null, Math.max(0, at - CUE_REACH), window, (m) -> {
					String number = m.group(1);
					if (m.start(1) >= at
							&& validSsn(number.substring(0, 3), number.substring(3, 5), number.substring(5))) {
						add(PiiEntity.SSN, m.start(1), m.end(1), 0.95);
					}
				});
			}
			if (dots >= 3 && this.wanted.contains(PiiEntity.IP_ADDRESS)) {
				each(IPV4, at, window, (m) -> add(PiiEntity.IP_ADDRESS, m.start(), m.end(), 0.95));
			}
			if (this.wanted.contains(PiiEntity.DATE_OF_BIRTH) && (dateMarks >= 2 || monthNear(at, last))) {
				each(cue(at, CUE_REACH, BIRTH_CUES) ? BIRTH_DATE : null, Math.max(0, at - CUE_REACH),
						Math.min(this.text.length(), window + 20), (m) -> {
							// the window with the date's first digit reports it: March 12
							// is
							// found
							// at 12, 12 March 1990 at 12 and not again at 1990
							if (firstDigit(m.start(1), m.end(1)) >= at) {
								add(PiiEntity.DATE_OF_BIRTH, m.start(1), m.end(1), 0.95);
							}
						});
			}
			if (digits >= 7 && this.wanted.contains(PiiEntity.PHONE)) {
				each(PHONE, at, window, this::phone);
			}
			return last;
		}

		/**
		 * A month's name right before or after a number: {@code 12 March},
		 * {@code March 12}.
		 */
		private boolean monthNear(int start, int end) {
			int next = (end < this.text.length() && this.text.charAt(end) == '.') ? end + 1 : end;
			if (next + 1 < this.text.length() && this.text.charAt(next) == ' ' && month(next + 1)) {
				return true;
			}
			int word = start - 1;
			if (word > 0 && this.text.charAt(word) == ' ') {
				word--;
			}
			if (word >= 0 && this.text.charAt(word) == '.') {
				word--;
			}
			int letters = 0;
			while (word >= 0 && letters < 10 && Character.isLetter(this.text.charAt(word))) {
				word--;
				letters++;
			}
			return letters >= 3 && month(word + 1);
		}

		private int firstDigit(int from, int to) {
			for (int i = from; i < to; i++) {
				if (digit(this.text.charAt(i))) {
					return i;
				}
			}
			return to;
		}

		/** Whether a month's name or its abbreviation starts here. */
		private boolean month(int at) {
			if (at + 3 > this.text.length()) {
				return false;
			}
			String start = this.text.subSequence(at, at + 3).toString().toLowerCase(Locale.ROOT);
			return MONTH_STARTS.contains(start);
		}

		private void phone(Matcher match) {
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
			boolean cued = cue(start, 24, PHONE_CUES)
					&& PHONE_CUE.matcher(this.text.subSequence(Math.max(0, start - 24), start)).find();
			boolean international = (candidate.startsWith("+") || candidate.startsWith("00")) && digits >= 9;
			boolean layout = NANP.matcher(candidate).matches()
					|| candidate.startsWith("0") && digits >= 9 && NATIONAL.matcher(candidate).matches();
			if (!cued && !international && !layout) {
				return;
			}
			if (!cued && (DATE_LIKE.matcher(candidate).matches() || NOT_PHONE.matcher(candidate).matches()
					|| cue(start, 24, OTHER_NUMBER_CUES)
							&& OTHER_NUMBER_CUE.matcher(this.text.subSequence(Math.max(0, start - 24), start))
								.find())) {
				return;
			}
			add(PiiEntity.PHONE, start, end, (cued || international) ? 0.95 : 0.85);
		}

		/**
		 * The pattern's matcher on this text, over {@code [from, to)}, seeing beyond it.
		 */
		private Matcher matcher(Pattern pattern, int from, int to) {
			return this.matchers
				.computeIfAbsent(pattern,
						(p) -> p.matcher(this.text).useTransparentBounds(true).useAnchoringBounds(false))
				.region(from, to);
		}

		/**
		 * Whether one of the stems stands in the {@code reach} characters before
		 * {@code at}, ignoring case and dots: a cheap test before a cue's pattern runs.
		 */
		private boolean cue(int at, int reach, String[] stems) {
			int from = Math.max(0, at - reach);
			if (from != this.beforeFrom || at != this.beforeTo) {
				this.before.setLength(0);
				for (int i = from; i < at; i++) {
					char c = this.text.charAt(i);
					if (c != '.') {
						this.before.append(Character.toLowerCase(c));
					}
				}
				this.beforeFrom = from;
				this.beforeTo = at;
			}
			for (String stem : stems) {
				if (this.before.indexOf(stem) >= 0) {
					return true;
				}
			}
			return false;
		}

		/** Runs the pattern over the window; a null pattern finds nothing. */
		private void each(Pattern pattern, int from, int to, java.util.function.Consumer<Matcher> action) {
			if (pattern == null) {
				return;
			}
			Matcher matcher = matcher(pattern, from, to);
			while (matcher.find()) {
				action.accept(matcher);
			}
		}

		private void add(PiiEntity entity, int start, int end, double confidence) {
			this.findings.add(new PiiFinding(entity, start, end, confidence));
		}

		private static boolean localPart(char c) {
			return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
		}

		private static boolean domain(char c) {
			return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-';
		}

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

}
