package io.quantra.plugins.pii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Finds the names of people and postal addresses in document text — invoices, letters,
 * contracts, forms, in English and German mostly — without a language model: word lists
 * of given names and surnames, the words streets are named with, the shapes of postal
 * codes, and the cues documents put before a name ("Bill to:", "Dear", "Herr", "between …
 * and …").
 * <p>
 * The text is cut into tokens once; words are looked up in a {@link Lexicon} without
 * being copied. Addresses are found first (a street with its house number, a postal code
 * with its city, joined when they are at most two lines apart), then names, which never
 * overlap an address: "Washington Street" is part of an address, not a person.
 * <p>
 * A NAME covers the given names, initials, particles and surname, never the title: in
 * "Dr. Anna Berger" it is "Anna Berger". An ADDRESS runs from the street (or post-office
 * box) through the postal code and city, without the country.
 * <p>
 * Confidence follows the evidence: a cue with a listed name 0.95, a cue alone 0.85, a
 * listed given name and surname 0.88, a listed given name before another capitalised word
 * 0.75, a line of capitalised words right above an address 0.7; a street with its postal
 * code and city 0.95, a street alone 0.75.
 */
final class NameAddressDetector {

	// what a word may be; a word may be several things
	static final int GIVEN = 1;

	static final int SURNAME = 1 << 1;

	/** A word that, capitalised, is not a name on its own: Invoice, Total, May. */
	static final int COMMON = 1 << 2;

	static final int TITLE = 1 << 3;

	/** A word after which a name is expected: Customer, Dear, Attn, Contact. */
	static final int LABEL = 1 << 4;

	/** A label that says a name follows, even a single word: Name, Surname, Vorname. */
	static final int FIELD = 1 << 5;

	/** The first half of a two-word cue: Bill, Ship, Signed, Prepared. */
	static final int CUE_LEAD = 1 << 6;

	/** The second half of a two-word cue: to, by. */
	static final int CUE_LINK = 1 << 7;

	/** The end of a letter, after which comes the signature: Sincerely, Grüßen. */
	static final int CLOSING = 1 << 8;

	/** What follows the name of a company or an organisation: GmbH, Ltd, Bank. */
	static final int COMPANY = 1 << 9;

	/** A street type after the street's name: Street, Avenue, Straße, Weg. */
	static final int STREET = 1 << 10;

	/** A street type before the street's name: rue, via, calle. */
	static final int STREET_LEAD = 1 << 11;

	/** A word inside names: van, von, de, bin. */
	static final int PARTICLE = 1 << 12;

	/** A US state's two-letter code, when written in capitals. */
	static final int STATE = 1 << 13;

	static final int STATE_NAME = 1 << 14;

	/** A Canadian province's two-letter code. */
	static final int PROVINCE = 1 << 15;

	static final int ADDRESS_CUE = 1 << 16;

	/** Suite, Apt, Floor: a part of a building after the street. */
	static final int UNIT = 1 << 17;

	static final int BETWEEN = 1 << 18;

	static final int AND = 1 << 19;

	static final int DIRECTION = 1 << 20;

	static final int PO_BOX = 1 << 21;

	/** A word that makes the label after it about a thing: Company name, Product name. */
	static final int THING = 1 << 22;

	/** A small word inside the names of streets and towns: of, am, sur. */
	static final int CONNECTOR = 1 << 23;

	/** A word that starts the name of a place: New, Saint, Bad, Fort. */
	static final int PLACE = 1 << 24;

	/** The word "Postcode" or "PLZ" and the like. */
	static final int POSTCODE_CUE = 1 << 25;

	/** The word "Box" of a post-office box, which needs "PO" before it. */
	static final int BOX = 1 << 26;

	/** A legal form, which may follow a company's name after a comma: GmbH, Inc., Ltd. */
	static final int LEGAL = 1 << 27;

	/** A greeting, after which even one unlisted word is a name: Dear, Hello, Liebe. */
	static final int GREETING = 1 << 28;

	/** A named building before the street: Rose Cottage, Ivy House. */
	static final int BUILDING = 1 << 29;

	/** What may follow a person's name and no other: born, geb., née, residing. */
	static final int AFTER_NAME = 1 << 30;

	/** The writer speaking of themselves before their name: "I, Anna Berger, …". */
	static final int SELF = 1 << 31;

	/**
	 * What keeps a capitalised word from being part of a name, unless it is a listed one.
	 */
	private static final int NOT_A_NAME = COMMON | TITLE | LABEL | FIELD | CUE_LEAD | CUE_LINK | CLOSING | COMPANY
			| STREET | STREET_LEAD | STATE_NAME | ADDRESS_CUE | UNIT | BETWEEN | AND | DIRECTION | PO_BOX | THING
			| CONNECTOR | PLACE | POSTCODE_CUE | GREETING | BUILDING | AFTER_NAME;

	private static final Lexicon LEXICON = lexicon();

	/**
	 * Verbs whose object is usually a person, so two unlisted capitalised words after one
	 * are likely a name: "please contact Mateus Albuquerque".
	 */
	private static final Lexicon PERSON_VERBS = new Lexicon.Builder()
		.add(1, "contact", "contacted", "contacting", "call", "called", "ask", "asked", "met", "meet", "known", "knew",
				"thank", "thanked", "told", "tell", "inform", "informed", "email", "emailed", "phoned", "visited",
				"reach", "reached", "welcome", "welcomed", "hired", "introduced", "introduce", "recommend",
				"recommended", "congratulate", "congratulated", "spoke", "speak", "talked", "notify", "notified",
				"invited", "invite", "appointed", "appoint", "employed", "elected", "nominated", "named", "married",
				"replaces", "replacing", "succeeded", "succeeds", "supervised", "interviewed", "kontaktieren",
				"kontaktiert", "informiert", "angerufen", "gesprochen", "beauftragt", "ernannt", "eingestellt",
				"vertreten", "heißt", "heisst", "namens")
		.build();

	/** How many tokens after "between" an "and" still introduces the second party. */
	private static final int BETWEEN_REACH = 120;

	/** Shapes of tokens. */
	private static final int WORD = 1;

	private static final int NUMBER = 2;

	private static final int ALNUM = 3;

	private static final int MARK = 4;

	/**
	 * The names and addresses in the text, as far as they are wanted, in text order.
	 */
	List<PiiFinding> find(CharSequence text, Set<PiiEntity> wanted) {
		boolean names = wanted.contains(PiiEntity.NAME);
		boolean addresses = wanted.contains(PiiEntity.ADDRESS);
		if (!names && !addresses) {
			return new ArrayList<>();
		}
		Scan scan = new Scan(text);
		scan.tokenize();
		scan.addresses();
		List<PiiFinding> findings = new ArrayList<>();
		if (addresses) {
			for (int i = 0; i < scan.addressCount; i++) {
				int[] address = scan.addressList[i];
				findings.add(new PiiFinding(PiiEntity.ADDRESS, scan.start[address[0]], scan.end[address[1]],
						address[2] / 100.0));
			}
		}
		if (names) {
			scan.names(findings);
		}
		findings.sort((a, b) -> Integer.compare(a.start(), b.start()));
		return findings;
	}

	/** The tokens of one text and what was found among them. */
	private static final class Scan {

		/** The text, copied once: reading an array is faster than a CharSequence. */
		private final char[] chars;

		private int count;

		private int[] start;

		private int[] end;

		private int[] line;

		/** Shape in the low 3 bits, then {@link #CAPITAL}, {@link #UPPER}. */
		private int[] shape;

		/** A word's lexicon flags; a mark's character. */
		private int[] flags;

		private static final int CAPITAL = 8;

		private static final int UPPER = 16;

		/** Per token: 1 where an address covers it, 2 where an address starts. */
		private byte[] inAddress;

		private int[][] addressList = new int[8][];

		private int addressCount;

		Scan(CharSequence text) {
			this.chars = chars(text);
			int capacity = Math.max(16, text.length() / 5);
			this.start = new int[capacity];
			this.end = new int[capacity];
			this.line = new int[capacity];
			this.shape = new int[capacity];
			this.flags = new int[capacity];
		}

		// ---------------------------------------------------------------- tokens

		private static char[] chars(CharSequence text) {
			char[] chars = new char[text.length()];
			if (text instanceof String string) {
				string.getChars(0, chars.length, chars, 0);
			}
			else {
				for (int i = 0; i < chars.length; i++) {
					chars[i] = text.charAt(i);
				}
			}
			return chars;
		}

		void tokenize() {
			char[] text = this.chars;
			int length = text.length;
			int lineNo = 0;
			int i = 0;
			while (i < length) {
				char c = text[i];
				if (c == '\n' || c == '\f' || c == '\u2028') {
					lineNo++;
					i++;
				}
				else if (c == ' ' || c == '\t' || c == '\r') {
					i++;
				}
				else if (letter(c) || digit(c)) {
					int from = i;
					int letters = 0;
					int digits = 0;
					int uppers = 0;
					boolean joined = false;
					int hash = 0;
					while (i < length) {
						c = text[i];
						if (c >= 'a' && c <= 'z') {
							letters++;
							hash = Lexicon.hash(c, hash);
							i++;
							continue;
						}
						else if (c >= 'A' && c <= 'Z') {
							letters++;
							uppers++;
							hash = Lexicon.hash((char) (c | 0x20), hash);
							i++;
							continue;
						}
						else if (digit(c)) {
							digits++;
						}
						else if (c >= 0x80 && Character.isLetter(c)) {
							letters++;
							uppers += Character.isUpperCase(c) ? 1 : 0;
						}
						else if ((c == '-' || c == '\'' || c == '\u2019') && i + 1 < length && letter(text[i + 1])
								&& letter(text[i - 1])) {
							joined = true;
						}
						else {
							break;
						}
						hash = Lexicon.hash(Lexicon.fold(c), hash);
						i++;
					}
					int kind = (digits == 0) ? WORD : (letters == 0) ? NUMBER : ALNUM;
					int shape = kind;
					char first = text[from];
					if (Character.isUpperCase(first)) {
						shape |= CAPITAL;
						if (uppers == letters && letters >= 2) {
							shape |= UPPER;
						}
					}
					int word = (kind == WORD) ? lookUp(from, i, joined, hash) : 0;
					add(from, i, lineNo, shape, word);
				}
				else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
					i++;
				}
				else {
					add(i, i + 1, lineNo, MARK, c);
					i++;
				}
			}
		}

		private int lookUp(int from, int to, boolean joined, int hash) {
			int found = LEXICON.flags(this.chars, from, to, hash);
			if (found != 0 || !joined) {
				return found;
			}
			// Anna's, O'Neill's
			if (to - from > 2 && this.chars[to - 1] == 's' && Lexicon.fold(this.chars[to - 2]) == '\'') {
				return LEXICON.flags(this.chars, from, to - 2);
			}
			// Jean-Luc, Müller-Lüdenscheidt: a given name first, a surname last
			int dash = -1;
			for (int i = to - 1; i > from; i--) {
				if (this.chars[i] == '-') {
					dash = i;
					break;
				}
			}
			if (dash < 0) {
				return 0;
			}
			int firstDash = from;
			while (this.chars[firstDash] != '-') {
				firstDash++;
			}
			int head = LEXICON.flags(this.chars, from, firstDash);
			int tail = LEXICON.flags(this.chars, dash + 1, to);
			return (head | tail) & (GIVEN | SURNAME) | (head & tail & COMMON);
		}

		private void add(int from, int to, int lineNo, int shape, int flags) {
			if (this.count == this.start.length) {
				int capacity = this.count * 2;
				this.start = Arrays.copyOf(this.start, capacity);
				this.end = Arrays.copyOf(this.end, capacity);
				this.line = Arrays.copyOf(this.line, capacity);
				this.shape = Arrays.copyOf(this.shape, capacity);
				this.flags = Arrays.copyOf(this.flags, capacity);
			}
			this.start[this.count] = from;
			this.end[this.count] = to;
			this.line[this.count] = lineNo;
			this.shape[this.count] = shape;
			this.flags[this.count] = flags;
			this.count++;
		}

		private int kind(int t) {
			return this.shape[t] & 7;
		}

		private boolean word(int t) {
			return t >= 0 && t < this.count && kind(t) == WORD;
		}

		private boolean capital(int t) {
			return (this.shape[t] & CAPITAL) != 0;
		}

		private boolean upper(int t) {
			return (this.shape[t] & UPPER) != 0;
		}

		private boolean is(int t, int flag) {
			return t >= 0 && t < this.count && kind(t) == WORD && (this.flags[t] & flag) != 0;
		}

		private boolean mark(int t, char c) {
			return t >= 0 && t < this.count && kind(t) == MARK && this.flags[t] == c;
		}

		private boolean sameLine(int a, int b) {
			return a >= 0 && b >= 0 && a < this.count && b < this.count && this.line[a] == this.line[b];
		}

		private int length(int t) {
			return this.end[t] - this.start[t];
		}

		private boolean firstOnLine(int t) {
			return t == 0 || this.line[t - 1] != this.line[t];
		}

		private boolean lastOnLine(int t) {
			return t == this.count - 1 || this.line[t + 1] != this.line[t];
		}

		private int digits(int t) {
			return (kind(t) == NUMBER) ? length(t) : 0;
		}

		// ---------------------------------------------------------------- addresses

		/** Streets and postal codes, joined into addresses. */
		void addresses() {
			this.inAddress = new byte[this.count];
			int[][] streets = new int[8][];
			int streetCount = 0;
			int[][] postals = new int[8][];
			int postalCount = 0;
			for (int t = 0; t < this.count; t++) {
				int shape = this.shape[t];
				if (shape == MARK || shape == WORD && (this.flags[t] & (STREET_LEAD | PO_BOX | BOX)) == 0) {
					// marks and lower-case words start neither a street nor a postal code
					continue;
				}
				int[] street = street(t);
				if (street != null) {
					if (streetCount == streets.length) {
						streets = Arrays.copyOf(streets, streetCount * 2);
					}
					streets[streetCount++] = street;
					t = street[1];
					continue;
				}
				int[] postal = postal(t);
				if (postal != null) {
					if (postalCount == postals.length) {
						postals = Arrays.copyOf(postals, postalCount * 2);
					}
					postals[postalCount++] = postal;
					t = postal[1];
				}
			}
			int p = 0;
			for (int s = 0; s < streetCount; s++) {
				int[] street = streets[s];
				int nextStreet = (s + 1 < streetCount) ? streets[s + 1][0] : Integer.MAX_VALUE;
				while (p < postalCount && postals[p][0] <= street[1]) {
					unattached(postals[p++]);
				}
				int[] postal = (p < postalCount) ? postals[p] : null;
				if (postal != null && postal[0] < nextStreet && this.line[postal[0]] - this.line[street[1]] <= 2
						&& postal[0] - street[1] <= 16) {
					address(street[0], postal[1], cued(street[0]) ? 98 : 95);
					p++;
				}
				else if (endsAlone(street[1])) {
					// alone, a street must end where it ends: not "3 Main Street Hoses",
					// not
					// "Docking Station 18 x $232.50"
					address(street[0], street[1], cued(street[0]) ? 85 : 75);
				}
			}
			while (p < postalCount) {
				unattached(postals[p++]);
			}
		}

		/**
		 * A postal code and town with no known street before it: the line above is its
		 * street if it has a house number, and a strong shape (US, UK, Canada) stands on
		 * its own.
		 */
		private void unattached(int[] postal) {
			int from = postal[0];
			int lineStart = from;
			while (lineStart > 0 && this.line[lineStart - 1] == this.line[from]) {
				lineStart--;
			}
			if (lineStart == from && lineStart > 0) {
				int above = lineStart - 1;
				int aboveStart = above;
				while (aboveStart > 0 && this.line[aboveStart - 1] == this.line[above]) {
					aboveStart--;
				}
				if (this.line[from] - this.line[above] == 1 && this.inAddress[above] == 0
						&& streetLine(aboveStart, above)) {
					address(aboveStart, postal[1], 90);
					return;
				}
				if (postal[2] >= 2) {
					int street = namedStreetAbove(lineStart);
					if (street >= 0) {
						address(street, postal[1], 85);
						return;
					}
				}
			}
			if (lineStart < from) {
				// Am Weinberg 3a, 55116 Mainz
				int number = separator(from - 1) ? from - 2 : from - 1;
				int street = streetBefore(number);
				if (street >= lineStart) {
					address(street, postal[1], 90);
					return;
				}
			}
			int strength = postal[2];
			if (strength >= 2 || strength == 1 && (lineStart == from || cued(from))) {
				address(from, postal[1], (strength >= 2) ? 75 : (cued(from) ? 75 : 60));
			}
		}

		/**
		 * Whether nothing that would continue a name follows this token on its line: a
		 * capitalised word ("3 Main Street Hoses"), a number, a single letter or a
		 * currency sign ("Docking Station 18 x $232.50").
		 */
		private boolean endsAlone(int t) {
			int next = t + 1;
			if (next >= this.count || !sameLine(t, next)) {
				return true;
			}
			if (kind(next) == MARK) {
				return separator(next) || mark(next, '.') || mark(next, ')') || mark(next, '(') || mark(next, ':');
			}
			return !(word(next) && (capital(next) || length(next) == 1) || kind(next) == NUMBER || kind(next) == ALNUM);
		}

		private boolean separator(int t) {
			return mark(t, ',') || mark(t, '|') || mark(t, '\u00B7') || mark(t, '\u2022') || mark(t, ';');
		}

		/**
		 * Where the street that ends with this house number starts, or -1: a few
		 * capitalised words and small words before it, on its line.
		 */
		private int streetBefore(int number) {
			if (!houseNumber(number)) {
				return -1;
			}
			int from = -1;
			int k = number - 1;
			while (k >= 0 && number - k <= 4 && sameLine(k, number) && word(k)
					&& (capital(k) || (this.flags[k] & (CONNECTOR | PARTICLE)) != 0)
					&& (this.flags[k] & (COMPANY | TITLE | LABEL | ADDRESS_CUE)) == 0) {
				if (capital(k)) {
					from = k;
				}
				k--;
			}
			return from;
		}

		/**
		 * Where a street without a number ("Smith Road") starts, on one of the two lines
		 * above a postcode line, with a flat or unit line above it; -1 if there is none.
		 */
		private int namedStreetAbove(int postalLine) {
			int t = postalLine - 1;
			for (int lines = 0; lines < 2 && t >= 0; lines++) {
				int lineEnd = t;
				int lineStart = t;
				while (lineStart > 0 && this.line[lineStart - 1] == this.line[t]) {
					lineStart--;
				}
				if (this.line[postalLine] - this.line[t] > 2 || this.inAddress[lineEnd] != 0) {
					return -1;
				}
				int type = mark(lineEnd, ',') ? lineEnd - 1 : lineEnd;
				if (is(type, STREET) && capital(type) && type > lineStart && type - lineStart <= 4 && word(type - 1)
						&& capital(type - 1)) {
					int from = lineStart;
					int above = lineStart - 1;
					if (above >= 0 && this.line[lineStart] - this.line[above] == 1) {
						int aboveStart = above;
						while (aboveStart > 0 && this.line[aboveStart - 1] == this.line[above]) {
							aboveStart--;
						}
						if (is(aboveStart, UNIT | BUILDING) && above - aboveStart <= 2 && this.inAddress[above] == 0) {
							from = aboveStart;
						}
					}
					return from;
				}
				t = lineStart - 1;
			}
			return -1;
		}

		/**
		 * A short line that starts or ends with a house number next to a capitalised
		 * word.
		 */
		private boolean streetLine(int from, int to) {
			if (to - from > 7 || to - from < 1) {
				return false;
			}
			for (int t = from; t <= to; t++) {
				if (mark(t, ':') || mark(t, '@') || is(t, COMPANY) || is(t, TITLE)) {
					return false;
				}
			}
			int last = mark(to, ',') ? to - 1 : to;
			if (houseNumber(last) && word(last - 1) && capital(last - 1)) {
				return true;
			}
			if (houseNumber(from) && word(from + 1) && capital(from + 1)) {
				return true;
			}
			return word(last) && length(last) == 1 && houseNumber(last - 1) && word(last - 2) && capital(last - 2);
		}

		/**
		 * Whether an address cue stands before this token, on its line or the one above.
		 */
		private boolean cued(int t) {
			for (int k = t - 1; k >= 0 && k >= t - 6 && this.line[t] - this.line[k] <= 1; k--) {
				if (is(k, ADDRESS_CUE)) {
					return true;
				}
			}
			return false;
		}

		private void address(int from, int to, int confidence) {
			if (this.addressCount == this.addressList.length) {
				this.addressList = Arrays.copyOf(this.addressList, this.addressCount * 2);
			}
			this.addressList[this.addressCount++] = new int[] { from, to, confidence };
			for (int t = from; t <= to; t++) {
				this.inAddress[t] = 1;
			}
			this.inAddress[from] = 2;
		}

		/**
		 * The street starting at this token, {from, to}, or null: "221B Baker Street",
		 * "12 rue de la Paix", "Hauptstraße 5", "Via Roma 10", "P.O. Box 12".
		 */
		private int[] street(int t) {
			int kind = kind(t);
			if (kind == NUMBER || kind == ALNUM) {
				int[] street = houseNumber(t) ? numberFirst(t) : null;
				if (street != null && mark(t - 1, ',') && t >= 3 && (kind(t - 2) == NUMBER || kind(t - 2) == ALNUM)
						&& is(t - 3, UNIT) && sameLine(t - 3, t)) {
					// Flat 4B, 17 Rosemount Terrace
					street[0] = t - 3;
				}
				if (street != null && mark(street[0] - 1, ',') && is(street[0] - 2, BUILDING)
						&& sameLine(street[0] - 2, street[0])) {
					// Rose Cottage, 3 Mill Lane
					int k = street[0] - 2;
					while (word(k - 1) && capital(k - 1) && sameLine(k - 1, k) && street[0] - k < 5) {
						k--;
					}
					street[0] = k;
				}
				return street;
			}
			if (kind != WORD) {
				return null;
			}
			int flags = this.flags[t];
			if ((flags & PO_BOX) != 0) {
				return poBox(t);
			}
			if ((flags & BOX) != 0) {
				return postOfficeBox(t);
			}
			if ((flags & STREET_LEAD) != 0) {
				int[] street = leadFirst(t, t);
				if (street != null || (flags & STREET) == 0) {
					return street;
				}
			}
			if (capital(t) && ((flags & STREET) != 0 || streetSuffix(t))) {
				return numberLast(t);
			}
			return null;
		}

		/** 221B Baker Street, 1600 Pennsylvania Avenue NW, Suite 400. */
		private int[] numberFirst(int number) {
			int t = number + 1;
			if ((mark(t, '-') || mark(t, '/')) && sameLine(t, t + 1) && kind(t + 1) == NUMBER) {
				t += 2;
			}
			if (!sameLine(number, t)) {
				return null;
			}
			if (is(t, STREET_LEAD)) {
				return leadFirst(number, t);
			}
			int words = 0;
			int type = -1;
			int lineBreaks = 0;
			while (t < this.count && words < 6) {
				if (this.line[t] != this.line[t - 1]) {
					// OCR may break a street in two, but not twice
					if (++lineBreaks > 1 || words == 0) {
						break;
					}
				}
				if (words > 0 && is(t, STREET) && (capital(t) || upper(t))) {
					type = t;
					break;
				}
				if (streetWord(t)) {
					words++;
					t++;
				}
				else {
					break;
				}
			}
			if (type < 0) {
				return null;
			}
			int to = type;
			if (mark(to + 1, '.') && sameLine(to, to + 1)) {
				to++;
			}
			return new int[] { number, afterStreet(to) };
		}

		/** A direction and a unit after the street: NW, Suite 400, Apt. 4B, #12. */
		private int afterStreet(int to) {
			int t = to + 1;
			if (is(t, DIRECTION) && sameLine(to, t) && (upper(t) || length(t) == 1)) {
				to = t;
				t++;
				while (mark(t, '.') && sameLine(to, t) || length(t) == 1 && is(t, DIRECTION) && sameLine(to, t)) {
					to = t;
					t++;
				}
			}
			int comma = mark(t, ',') ? t + 1 : t;
			if (is(comma, UNIT) && sameLine(to, comma)) {
				int n = comma + 1;
				if (mark(n, '.')) {
					n++;
				}
				if (mark(n, '#')) {
					n++;
				}
				if (n < this.count && sameLine(comma, n) && (kind(n) == NUMBER || kind(n) == ALNUM)) {
					return n;
				}
			}
			if (mark(comma, '#') && sameLine(to, comma) && comma + 1 < this.count
					&& (kind(comma + 1) == NUMBER || kind(comma + 1) == ALNUM)) {
				return comma + 1;
			}
			return to;
		}

		private boolean streetWord(int t) {
			int kind = kind(t);
			if (kind == ALNUM) {
				return ordinal(t);
			}
			if (kind != WORD) {
				return false;
			}
			int flags = this.flags[t];
			if ((flags & (UNIT | PO_BOX | COMPANY | TITLE)) != 0 && (flags & STREET) == 0) {
				return false;
			}
			if (upper(t) && length(t) == 2 && (flags & STATE) != 0) {
				return false;
			}
			return capital(t) || (flags & (CONNECTOR | PARTICLE)) != 0;
		}

		/** 5th, 42nd, 1st, 3rd. */
		private boolean ordinal(int t) {
			int to = this.end[t];
			if (length(t) < 3) {
				return false;
			}
			char a = Lexicon.fold(this.chars[to - 2]);
			char b = Lexicon.fold(this.chars[to - 1]);
			return digit(this.chars[to - 3])
					&& (a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h');
		}

		/** 12 rue de la Paix, Via Roma 10, Calle de Alcalá 45. */
		private int[] leadFirst(int from, int lead) {
			int t = lead + 1;
			int last = -1;
			int capitals = 0;
			while (t < this.count && sameLine(lead, t) && t - lead <= 6) {
				if (word(t) && capital(t) && (this.flags[t] & (COMPANY | UNIT)) == 0) {
					last = t;
					capitals++;
				}
				else if (!(word(t) && (this.flags[t] & (CONNECTOR | PARTICLE)) != 0) && !mark(t, '\'')) {
					break;
				}
				t++;
			}
			if (capitals == 0) {
				return null;
			}
			if (from < lead) {
				return new int[] { from, afterStreet(last) };
			}
			// the number comes after the name
			int number = last + 1;
			if (mark(number, ',')) {
				number++;
			}
			if (!sameLine(last, number) || !houseNumber(number)) {
				return null;
			}
			return new int[] { from, houseNumberEnd(number) };
		}

		/** Hauptstraße 5, Berliner Straße 12a, Am Alten Markt 3, Lindenweg 4-6. */
		private int[] numberLast(int type) {
			int from = type;
			boolean compound = (this.flags[type] & STREET) == 0;
			if (compound) {
				// Pirnaer Landstraße, Berliner Allee
				int k = type - 1;
				if (word(k) && capital(k) && sameLine(k, type) && endsWith(this.start[k], this.end[k], "er")
						&& (this.flags[k] & (COMPANY | TITLE | LABEL | ADDRESS_CUE)) == 0) {
					from = k;
				}
			}
			else {
				// the name before the type: Berliner Straße, Am Alten Markt
				int k = type - 1;
				if (!(word(k) && sameLine(k, type) && capital(k) && (this.flags[k] & (COMPANY | TITLE)) == 0)) {
					return null;
				}
				from = k;
				for (int steps = 0; steps < 2; steps++) {
					int before = from - 1;
					if (word(before) && sameLine(before, type) && ((this.flags[before] & (CONNECTOR | PARTICLE)) != 0
							|| capital(before) && (this.flags[before] & PLACE) != 0)) {
						from = before;
					}
					else {
						break;
					}
				}
			}
			int number = type + 1;
			if (mark(number, '.')) {
				number++;
			}
			if (!sameLine(type, number) || !houseNumber(number) || kind(number) == NUMBER && length(number) > 4) {
				return null;
			}
			return new int[] { from, houseNumberEnd(number) };
		}

		/** 12, 12a, 12 a, 12-14, 12/3. */
		private int houseNumberEnd(int number) {
			int to = number;
			if (kind(to) == NUMBER) {
				int next = to + 1;
				if (word(next) && length(next) == 1 && sameLine(to, next) && !capital(next)) {
					to = next;
				}
				else if ((mark(next, '-') || mark(next, '/')) && sameLine(to, next + 1)
						&& (kind(next + 1) == NUMBER || kind(next + 1) == ALNUM) && length(next + 1) <= 4) {
					to = next + 1;
				}
			}
			return to;
		}

		/** Postfach 10 20 30, Apartado 123. */
		private int[] poBox(int box) {
			return boxNumber(box, box);
		}

		/** P.O. Box 1234, PO Box 12, Post Office Box 5. */
		private int[] postOfficeBox(int box) {
			int from = -1;
			if (word(box - 1) && sameLine(box - 1, box) && (is(box - 1, PO_BOX) || is(box - 1, COMPANY))) {
				// PO Box, Post Office Box
				from = box - 1;
				if (is(from, COMPANY) && word(from - 1) && sameLine(from - 1, box)) {
					from--;
				}
			}
			else if (mark(box - 1, '.') && word(box - 2) && length(box - 2) == 1 && mark(box - 3, '.') && word(box - 4)
					&& length(box - 4) == 1 && sameLine(box - 4, box)) {
				// P.O. Box
				from = box - 4;
			}
			return (from < 0) ? null : boxNumber(from, box);
		}

		private int[] boxNumber(int from, int box) {
			int t = box + 1;
			if (mark(t, '.')) {
				t++;
			}
			int to = -1;
			while (t < this.count && sameLine(box, t) && kind(t) == NUMBER && t - box < 6) {
				to = t++;
			}
			return (to < 0) ? null : new int[] { from, to };
		}

		private boolean houseNumber(int t) {
			if (t < 0 || t >= this.count) {
				return false;
			}
			int kind = kind(t);
			if (kind == NUMBER) {
				int length = length(t);
				if (length > 5 || length == 1 && this.chars[this.start[t]] == '0') {
					return false;
				}
			}
			else if (kind == ALNUM) {
				// 221B, 12a: digits then one or two letters
				int letters = 0;
				int i = this.start[t];
				while (i < this.end[t] && digit(this.chars[i])) {
					i++;
				}
				letters = this.end[t] - i;
				if (i == this.start[t] || letters > 1 || ordinal(t)) {
					return false;
				}
				for (; i < this.end[t]; i++) {
					if (!letter(this.chars[i])) {
						return false;
					}
				}
			}
			else {
				return false;
			}
			// not a price, a time, a percentage or a part of a longer number
			int before = t - 1;
			if (before >= 0 && kind(before) == MARK && this.end[before] == this.start[t]) {
				int c = this.flags[before];
				if (c == '.' || c == ',' || c == ':' || c == '$' || c == '€' || c == '£' || c == '#' || c == '-'
						|| c == '/') {
					return false;
				}
			}
			int after = t + 1;
			if (after < this.count && kind(after) == MARK && this.start[after] == this.end[t]) {
				int c = this.flags[after];
				if (c == '%' || c == ':' || c == '€' || (c == '.' || c == ',') && after + 1 < this.count
						&& kind(after + 1) == NUMBER && this.start[after + 1] == this.end[after]) {
					return false;
				}
			}
			return true;
		}

		/**
		 * German and Dutch street names written as one word: Bahnhofstraße, Lindenweg.
		 */
		private boolean streetSuffix(int t) {
			int from = this.start[t];
			int to = this.end[t];
			if (to - from < 6) {
				return false;
			}
			if (endsWith(from, to, "str") && mark(t + 1, '.')) {
				return true;
			}
			char last = Lexicon.fold(this.chars[to - 1]);
			String[] suffixes = (last < SUFFIXES_BY_LAST.length) ? SUFFIXES_BY_LAST[last] : null;
			if (suffixes == null) {
				return false;
			}
			for (String suffix : suffixes) {
				if (to - from >= suffix.length() + 3 && endsWith(from, to, suffix)) {
					// Offering, Catering are not rings
					return !suffix.equals("ring") || !vowel(Lexicon.fold(this.chars[to - 5]));
				}
			}
			return false;
		}

		private boolean endsWith(int from, int to, String suffix) {
			int n = suffix.length();
			if (to - from < n) {
				return false;
			}
			for (int i = 0; i < n; i++) {
				if (Lexicon.fold(this.chars[to - n + i]) != suffix.charAt(i)) {
					return false;
				}
			}
			return true;
		}

		/**
		 * The postal code (and the town that goes with it) around this token, {from, to,
		 * strength} with strength 2 for a shape of its own (US, UK, Canada), 1 for five
		 * digits and a town where an address line would start, 0 otherwise.
		 */
		private int[] postal(int t) {
			int kind = kind(t);
			if (kind == NUMBER) {
				int digits = length(t);
				if (digits == 5 && (is(t - 1, STATE) && upper(t - 1) && length(t - 1) == 2 || is(t - 1, STATE_NAME))
						&& sameLine(t - 1, t)) {
					int to = t;
					if (mark(t + 1, '-') && kind(t + 2) == NUMBER && length(t + 2) == 4 && sameLine(t, t + 2)) {
						to = t + 2;
					}
					return new int[] { townBefore(t - 1), to, 2 };
				}
				if ((digits == 5 || digits == 4 && this.chars[this.start[t]] != '0') && town(t + 1)
						&& sameLine(t, t + 1)) {
					int from = t;
					boolean prefixed = false;
					// D-10115, CH-8001
					if (mark(t - 1, '-') && word(t - 2) && upper(t - 2)
							|| mark(t - 1, '-') && word(t - 2) && length(t - 2) == 1 && capital(t - 2)) {
						from = t - 2;
						prefixed = true;
					}
					int to = townEnd(t + 1);
					boolean lineStart = firstOnLine(from) || mark(from - 1, ',') || is(from - 1, POSTCODE_CUE);
					int strength = (digits == 5 && (lineStart || prefixed)) ? 1 : 0;
					return new int[] { from, to, strength };
				}
				if (digits == 4 && word(t + 1) && upper(t + 1) && length(t + 1) == 2 && town(t + 2)
						&& sameLine(t, t + 2)) {
					// 1012 AB Amsterdam
					return new int[] { t, townEnd(t + 2), 0 };
				}
				return null;
			}
			if ((kind == ALNUM || kind == WORD) && upper(t) || kind == ALNUM && capital(t)) {
				int next = t + 1;
				if (next < this.count && sameLine(t, next) && kind(next) == ALNUM) {
					if (ukOutward(t) && ukInward(next)) {
						return new int[] { townBefore(t), next, 2 };
					}
					if (canadian(t, true) && canadian(next, false)) {
						int from = t;
						if (is(t - 1, PROVINCE) && upper(t - 1) && sameLine(t - 1, t)) {
							from = townBefore(t - 1);
						}
						return new int[] { from, next, 2 };
					}
				}
			}
			return null;
		}

		/** Where the town before this token starts: Springfield, IL; London NW1. */
		private int townBefore(int t) {
			int from = t;
			int k = t - 1;
			if (mark(k, ',') && sameLine(k, t)) {
				k--;
			}
			int words = 0;
			while (k >= 0 && sameLine(k, t) && words < 3) {
				if (word(k) && (capital(k) || (this.flags[k] & CONNECTOR) != 0 && words > 0)
						&& (this.flags[k] & (STREET | UNIT | COMPANY | ADDRESS_CUE | LABEL | FIELD)) == 0) {
					from = k;
					words++;
					k--;
				}
				else {
					break;
				}
			}
			return from;
		}

		/** Whether a town's name starts here. */
		private boolean town(int t) {
			if (!word(t) || !capital(t) || length(t) < 2) {
				return false;
			}
			int flags = this.flags[t];
			return ((flags & COMMON) == 0 || (flags & PLACE) != 0) && (flags & UNIT) == 0;
		}

		/** Frankfurt am Main, Heidenheim an der Brenz, Kingston upon Thames. */
		private int townEnd(int first) {
			int to = first;
			int t = first + 1;
			while (t < this.count && sameLine(first, t) && t - first < 6) {
				if (town(t)) {
					to = t;
					t++;
					continue;
				}
				int k = t;
				while (k - t < 2 && is(k, CONNECTOR | PARTICLE) && !capital(k) && sameLine(t, k + 1)) {
					k++;
				}
				if (k > t && word(k) && capital(k)) {
					to = k;
					t = k + 1;
				}
				else {
					break;
				}
			}
			return to;
		}

		private boolean ukOutward(int t) {
			// A9, A9A, A99, AA9, AA9A, AA99
			int from = this.start[t];
			int n = length(t);
			if (n < 2 || n > 4 || !upperAscii(this.chars[from])) {
				return false;
			}
			int i = from + 1;
			if (upperAscii(this.chars[i])) {
				i++;
			}
			if (i >= from + n || !digit(this.chars[i])) {
				return false;
			}
			i++;
			if (i < from + n) {
				char c = this.chars[i];
				if (!digit(c) && !upperAscii(c)) {
					return false;
				}
				i++;
			}
			return i == from + n;
		}

		private boolean ukInward(int t) {
			int from = this.start[t];
			return length(t) == 3 && digit(this.chars[from]) && upperAscii(this.chars[from + 1])
					&& upperAscii(this.chars[from + 2]);
		}

		/** K1A 0B1: letter-digit-letter, then digit-letter-digit. */
		private boolean canadian(int t, boolean first) {
			if (length(t) != 3) {
				return false;
			}
			int from = this.start[t];
			for (int i = 0; i < 3; i++) {
				char c = this.chars[from + i];
				boolean wantLetter = (i % 2 == 0) == first;
				if (wantLetter ? !upperAscii(c) : !digit(c)) {
					return false;
				}
			}
			return true;
		}

		// ---------------------------------------------------------------- names

		/**
		 * Names, in two passes: runs of capitalised words weighed on their own, then the
		 * runs that had no evidence but share a word with a name found elsewhere in the
		 * text ("Grace Whitfield … Grace to book the venue").
		 */
		void names(List<PiiFinding> findings) {
			int lastBetween = -BETWEEN_REACH - 1;
			for (int t = 0; t < this.count; t++) {
				if (this.shape[t] != (WORD | CAPITAL) && this.shape[t] != (WORD | CAPITAL | UPPER)) {
					// most tokens: lower-case words, numbers, marks
					if ((this.flags[t] & BETWEEN) != 0 && kind(t) == WORD) {
						lastBetween = t;
					}
					continue;
				}
				if (is(t, BETWEEN)) {
					lastBetween = t;
					continue;
				}
				if (this.inAddress[t] != 0 || !runStart(t)) {
					continue;
				}
				int to = runEnd(t);
				if (to <= -2) {
					// five or more capitalised words: a heading, not a name
					t = -3 - to;
					continue;
				}
				if (to < t) {
					continue;
				}
				int last = name(t, to, t - lastBetween <= BETWEEN_REACH, findings);
				t = Math.max(t, last);
			}
			if (this.known != null && this.doubtfulCount > 0) {
				Lexicon known = this.known.build();
				for (int i = 0; i < this.doubtfulCount; i += 2) {
					int from = this.doubtful[i];
					int to = this.doubtful[i + 1];
					for (int t = from; t <= to; t++) {
						if (nameWord(t) && known.flags(this.chars, this.start[t], this.end[t]) != 0) {
							findings.add(new PiiFinding(PiiEntity.NAME, this.start[from], this.end[to], 0.75));
							break;
						}
					}
				}
			}
		}

		/** The words of the names found, for the second pass; null until one is. */
		private Lexicon.Builder known;

		/** Runs without evidence, as pairs of first and last token. */
		private int[] doubtful = new int[16];

		private int doubtfulCount;

		private void found(int from, int to, int confidence, List<PiiFinding> findings) {
			findings.add(new PiiFinding(PiiEntity.NAME, this.start[from], this.end[to], confidence / 100.0));
			for (int t = from; t <= to; t++) {
				boolean listed = (this.flags[t] & (GIVEN | SURNAME)) != 0;
				if (nameWord(t) && length(t) >= 3 && (this.flags[t] & NOT_A_NAME) == 0
						&& (listed || confidence >= 85)) {
					if (this.known == null) {
						this.known = new Lexicon.Builder();
					}
					this.known.add(GIVEN, new String(this.chars, this.start[t], length(t)));
				}
			}
		}

		private void doubt(int from, int to) {
			if (this.doubtfulCount == this.doubtful.length) {
				this.doubtful = Arrays.copyOf(this.doubtful, this.doubtfulCount * 2);
			}
			this.doubtful[this.doubtfulCount++] = from;
			this.doubtful[this.doubtfulCount++] = to;
		}

		private boolean runStart(int t) {
			return nameWord(t) || initial(t) || word(t) && capital(t) && is(t, PARTICLE) && nameWord(t + 1);
		}

		/** A capitalised word that may be part of a name. */
		private boolean nameWord(int t) {
			if (!word(t) || !capital(t) || this.inAddress[t] != 0) {
				return false;
			}
			int flags = this.flags[t];
			if (upper(t) && length(t) <= 2) {
				return false;
			}
			if ((flags & (GIVEN | SURNAME)) != 0) {
				return (flags & (TITLE | LABEL | FIELD | CUE_LEAD | STREET_LEAD | COMPANY | CLOSING)) == 0
						|| (flags & COMMON) == 0 && (flags & (TITLE | COMPANY | STREET_LEAD)) == 0;
			}
			return length(t) >= 2 && (flags & NOT_A_NAME) == 0;
		}

		/** J. or J (between two names). */
		private boolean initial(int t) {
			return word(t) && length(t) == 1 && capital(t) && this.inAddress[t] == 0
					&& (mark(t + 1, '.') && sameLine(t, t + 1)
							|| nameWord(t + 1) && sameLine(t, t + 1) && t > 0 && nameWord(t - 1) && sameLine(t - 1, t));
		}

		/** The last name word of the run starting here, or -1. */
		private int runEnd(int from) {
			int t = from;
			int last = -1;
			int words = 0;
			while (t < this.count && sameLine(from, t) && t - from < 10) {
				if (upper(t) && last >= 0 && !upper(last)) {
					// Jane Doe DDS, Anna Berger MBA: letters after a name are not part of
					// it
					break;
				}
				if (nameWord(t)) {
					last = t;
					words++;
					t++;
				}
				else if (initial(t)) {
					t += mark(t + 1, '.') ? 2 : 1;
				}
				else if (is(t, PARTICLE) && !upper(t)) {
					t++;
				}
				else {
					break;
				}
			}
			return (words > 4) ? -2 - t : last;
		}

		/**
		 * Weighs the run of name words {@code [from, last]} and adds it if it is a name.
		 * Returns the last token looked at.
		 */
		private int name(int from, int last, boolean afterBetween, List<PiiFinding> findings) {
			int words = 0;
			int initials = 0;
			int strong = 0;
			int unknown = 0;
			int firstWord = -1;
			boolean nameLike = true;
			for (int t = from; t <= last; t++) {
				if (nameWord(t)) {
					words++;
					if (firstWord < 0) {
						firstWord = t;
					}
					int flags = this.flags[t];
					if ((flags & (GIVEN | SURNAME)) != 0 && (flags & NOT_A_NAME) == 0) {
						strong++;
					}
					else if ((flags & (GIVEN | SURNAME)) == 0) {
						unknown++;
						nameLike &= unknownLooksLikeName(t);
					}
				}
				else if (initial(t)) {
					initials++;
				}
			}
			// Smith, John
			int inverted = -1;
			if (words == 1 && initials == 0 && mark(last + 1, ',') && sameLine(last, last + 2)
					&& strongGiven(last + 2)) {
				int second = runEnd(last + 2);
				boolean list = strongGiven(last) && !is(last, SURNAME);
				if (second >= 0 && second - last <= 4 && !list && !company(second)) {
					inverted = second;
				}
			}
			int end = (inverted >= 0) ? inverted : last;
			if (company(end) || is(end + 1, STREET) && sameLine(end, end + 1) || is(from - 1, STREET_LEAD)
					|| mark(end + 1, '&') && sameLine(end, end + 1)) {
				return end;
			}
			int cue = cue(from, afterBetween);
			if (cue == NO_CUE && (mark(end + 1, ',') || mark(end + 1, '(')) && is(end + 2, AFTER_NAME)
					&& sameLine(end, end + 2)) {
				// Anna Berger, born 1980; Anna Berger (geb. Sandmann)
				cue = LABEL_CUE;
			}
			boolean givenFirst = strongGiven(firstWord);
			boolean weakGiven = is(firstWord, GIVEN);
			boolean surnameLast = is(last, SURNAME) && (this.flags[last] & NOT_A_NAME) == 0;
			boolean weakSurname = is(last, SURNAME);
			int confidence = 0;
			if (cue == TITLE_CUE) {
				confidence = (strong > 0) ? 95 : (nameLike || words > 1) ? 88 : 0;
			}
			else if (cue == FIELD_CUE) {
				confidence = (strong > 0) ? 95 : nameLike ? 85 : 0;
			}
			else if (cue == GREETING_CUE) {
				confidence = (strong > 0) ? 95 : nameLike ? 85 : 0;
			}
			else if (cue == CLOSING_CUE && words + initials == 1) {
				// a signature alone on its line: Viele Grüße\nAnnika
				confidence = (strong > 0) ? 85 : (nameLike && firstOnLine(from) && lastOnLine(end)) ? 75 : 0;
			}
			else if (cue == LABEL_CUE || cue == CLOSING_CUE) {
				if (words + initials >= 2) {
					confidence = (strong > 0) ? 95 : nameLike ? 85 : 0;
				}
				else {
					confidence = (strong > 0) ? 80 : 0;
				}
			}
			if (inverted >= 0) {
				confidence = Math.max(confidence,
						surnameLast || is(last, SURNAME) && givenFirst ? 85 : (nameLike && cue != NO_CUE) ? 80 : 65);
			}
			else if (words >= 2) {
				if (givenFirst && weakSurname) {
					confidence = Math.max(confidence, 88);
				}
				else if (givenFirst && (nameLike || strong >= 2) && (words == 2 || weakSurname)) {
					confidence = Math.max(confidence, 75);
				}
				else if (strongSurname(firstWord) && upper(firstWord) && strongGiven(firstWord + 1)) {
					// DUPONT Jean
					confidence = Math.max(confidence, 80);
				}
				else if (weakGiven && surnameLast) {
					confidence = Math.max(confidence, 72);
				}
				else if (initials > 0 && surnameLast) {
					confidence = Math.max(confidence, 78);
				}
				else if (surnameLast && unknown == words - 1 && nameLike && words == 2 && !upper(firstWord)) {
					confidence = Math.max(confidence, 60);
				}
			}
			else if (words == 1 && initials > 0 && !initial(last) && from < last) {
				confidence = Math.max(confidence, surnameLast ? 78 : (nameLike && !upper(last)) ? 60 : 0);
			}
			if (cue == VERB_CUE && words >= 2 && words <= 3 && nameLike && !upper(firstWord)) {
				// known Mateus Albuquerque for five years
				confidence = Math.max(confidence, 70);
			}
			if (aboveAddress(from, end) && (words + initials >= 2) && (strong > 0 || nameLike)) {
				confidence = Math.max(confidence, (strong > 0) ? 90 : 70);
			}
			if (confidence > 0) {
				found(from, end, confidence, findings);
			}
			else {
				doubt(from, end);
			}
			return end;
		}

		private static final int NO_CUE = 0;

		private static final int LABEL_CUE = 1;

		private static final int FIELD_CUE = 2;

		private static final int TITLE_CUE = 3;

		private static final int CLOSING_CUE = 4;

		private static final int GREETING_CUE = 5;

		/** A verb done to people: "contact", "met", "named". */
		private static final int VERB_CUE = 6;

		/** What stands before a name: a title, a label, a closing, "between … and". */
		private int cue(int from, boolean afterBetween) {
			int k = from - 1;
			boolean titled = false;
			while (k >= 0 && from - k < 8) {
				if (kind(k) == MARK && (this.flags[k] == ':' || this.flags[k] == '-' || this.flags[k] == '.'
						|| this.flags[k] == ',' || this.flags[k] == '(' || this.flags[k] == '\u2013')) {
					k--;
				}
				else if (is(k, TITLE) && (capital(k) || length(k) > 2)) {
					titled = true;
					k--;
				}
				else {
					break;
				}
			}
			if (titled) {
				return TITLE_CUE;
			}
			if (k < 0 || kind(k) != WORD) {
				return NO_CUE;
			}
			int lines = this.line[from] - this.line[k];
			if (is(k, CLOSING)) {
				return (lines >= 1 && lines <= 4) ? CLOSING_CUE : NO_CUE;
			}
			if (lines > 1) {
				return NO_CUE;
			}
			if (is(k, GREETING) && capital(k)) {
				return GREETING_CUE;
			}
			if (length(k) <= 3 && (is(k, SELF)) && mark(k + 1, ',') && lines == 0) {
				// I, Anna Berger, hereby …
				return LABEL_CUE;
			}
			if (is(k, FIELD) && !is(k - 1, THING)) {
				return FIELD_CUE;
			}
			if (is(k, LABEL) && !is(k - 1, THING) && (capital(k) || mark(k + 1, ':'))) {
				return LABEL_CUE;
			}
			if (is(k, CUE_LINK) && is(k - 1, CUE_LEAD)) {
				return LABEL_CUE;
			}
			if (is(k, BETWEEN) || is(k, AND) && afterBetween) {
				return LABEL_CUE;
			}
			if (lines == 0 && !capital(k) && PERSON_VERBS.flags(this.chars, this.start[k], this.end[k]) != 0) {
				return VERB_CUE;
			}
			return NO_CUE;
		}

		/**
		 * A run that is the whole of the line above an address, or ends with a comma
		 * before one.
		 */
		private boolean aboveAddress(int from, int to) {
			int after = to + 1;
			if (mark(after, ',')) {
				if (after + 1 < this.count && this.inAddress[after + 1] == 2) {
					return true;
				}
				after++;
			}
			if (after >= this.count || this.inAddress[after] != 2 || this.line[after] - this.line[to] != 1) {
				return false;
			}
			int first = from;
			while (first > 0 && sameLine(first - 1, from) && is(first - 1, TITLE)
					|| mark(first - 1, '.') && sameLine(first - 1, from)) {
				first--;
			}
			return firstOnLine(first);
		}

		/** Whether a company's legal form or a kind of organisation follows the run. */
		private boolean company(int last) {
			int t = last + 1;
			if (is(t, COMPANY) && sameLine(last, t)) {
				return true;
			}
			return mark(t, ',') && is(t + 1, LEGAL) && sameLine(last, t + 1);
		}

		private boolean strongGiven(int t) {
			return nameWord(t) && (this.flags[t] & GIVEN) != 0 && (this.flags[t] & NOT_A_NAME) == 0;
		}

		private boolean strongSurname(int t) {
			return nameWord(t) && (this.flags[t] & SURNAME) != 0 && (this.flags[t] & NOT_A_NAME) == 0;
		}

		/**
		 * An unlisted word that could still be a name: not short capitals (HR, IT), not
		 * ending like a noun (Billing, Settlement, Rechnung, Gesellschaft).
		 */
		private boolean unknownLooksLikeName(int t) {
			int from = this.start[t];
			int to = this.end[t];
			if (upper(t) && to - from <= 3) {
				return false;
			}
			for (String suffix : NOUN_SUFFIXES) {
				if (to - from >= suffix.length() + 3 && endsWith(from, to, suffix)) {
					return false;
				}
			}
			return true;
		}

	}

	private static final String[] STREET_SUFFIXES = { "strasse", "strase", "weg", "allee", "platz", "gasse", "ring",
			"damm", "ufer", "chaussee", "steig", "pfad", "markt", "graben", "straat", "laan", "plein", "gracht", "kade",
			"gatan", "vagen", "gata", "vej", "gade", "veien", "kamp", "stieg", "twiete" };

	/** The street suffixes by their last letter, so most words need one look. */
	private static final String[][] SUFFIXES_BY_LAST = new String[128][];

	static {
		for (String suffix : STREET_SUFFIXES) {
			char last = suffix.charAt(suffix.length() - 1);
			String[] list = SUFFIXES_BY_LAST[last];
			list = (list == null) ? new String[1] : Arrays.copyOf(list, list.length + 1);
			list[list.length - 1] = suffix;
			SUFFIXES_BY_LAST[last] = list;
		}
	}

	private static final String[] NOUN_SUFFIXES = { "ing", "ment", "tion", "sion", "ness", "ity", "ance", "ence",
			"ship", "ware", "ery", "ics", "ung", "heit", "keit", "schaft", "tät", "ismus", "ologie", "ology", "ium",
			"ments", "tions", "ings", "able", "ible", "ful", "less", "ous", "ary", "ory", "ized", "ised" };

	private static boolean letter(char c) {
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= 0x80 && Character.isLetter(c);
	}

	private static boolean digit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean upperAscii(char c) {
		return c >= 'A' && c <= 'Z';
	}

	private static boolean vowel(char c) {
		return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
	}

	private static Lexicon lexicon() {
		return new Lexicon.Builder().addResource(GIVEN, "/pii/given-names.txt")
			.addResource(SURNAME, "/pii/surnames.txt")
			.addResource(COMMON, "/pii/common-words.txt")
			.add(TITLE, "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "herr", "herrn", "frau", "hr", "fr",
					"sir", "dame", "lady", "lord", "madam", "madame", "mme", "mlle", "monsieur", "mister", "messrs",
					"señor", "senor", "señora", "senora", "sr", "sra", "srta", "sig", "signor", "signora", "dott",
					"ing", "dipl", "mag", "rev", "hon", "capt", "sgt", "fräulein", "frl")
			.add(LABEL, "customer", "client", "contact", "attn", "attention", "recipient", "patient", "employee",
					"applicant", "tenant", "landlord", "lessee", "lessor", "buyer", "seller", "purchaser", "owner",
					"holder", "cardholder", "policyholder", "insured", "beneficiary", "guarantor", "witness",
					"signatory", "signed", "signature", "representative", "from", "cc", "dear", "hello", "hi", "liebe",
					"lieber", "geehrte", "geehrter", "kunde", "kundin", "ansprechpartner", "ansprechpartnerin",
					"empfänger", "empfaenger", "absender", "inhaber", "kontoinhaber", "mieter", "mieterin", "vermieter",
					"vermieterin", "käufer", "kaeufer", "verkäufer", "auftraggeber", "bearbeiter", "sachbearbeiter",
					"sachbearbeiterin", "unterschrift", "vertreter", "vertreten", "geschäftsführer", "versicherter",
					"antragsteller", "arbeitnehmer", "zeuge", "bonjour", "estimado", "estimada", "gentile", "author",
					"assignee", "reporter", "requester", "driver", "passenger", "guest", "member", "student",
					"consignee", "shipper", "payee", "payer", "debtor", "creditor", "borrower", "lender", "employer",
					"contractor", "consultant", "agent", "manager", "director", "officer", "doctor", "physician",
					"arzt", "ärztin", "partner", "spouse", "ehegatte", "ehefrau", "ehemann", "mandant", "mandantin",
					"teilnehmer", "teilnehmerin", "bewohner", "user", "nutzer", "benutzer", "renter", "hirer",
					"occupant", "homeowner", "claimant", "defendant", "plaintiff", "respondent", "petitioner",
					"attendees", "attendee", "present", "participants", "anwesend", "chairperson", "chairman",
					"chairwoman", "chair", "treasurer", "secretary", "president", "ceo", "cfo", "cto", "coo",
					"vorsitzender", "vorsitzende", "versammlungsleiter", "versammlungsleiterin", "schriftführer",
					"schriftführerin", "protokollführer", "protokollführerin", "eigentümer", "eigentümerin",
					"eigentuemer", "verfasser", "verfasserin", "autor", "autorin", "erstellt", "geprüft", "freigegeben",
					"genehmigt", "teilnehmende", "gesellschafter", "gesellschafterin", "prokurist", "vorstand",
					"mitglied")
			.add(GREETING, "dear", "hello", "hi", "hey", "liebe", "lieber", "hallo", "servus", "moin", "bonjour",
					"estimado", "estimada", "querido", "querida", "gentile", "caro", "cara", "dearest")
			.add(SELF, "i", "ich", "je", "yo", "io")
			.add(BUILDING, "cottage", "house", "farm", "lodge", "hall", "manor", "barn", "villa", "farmhouse",
					"bungalow", "mansions", "court", "tower", "towers", "chambers", "buildings")
			.add(AFTER_NAME, "born", "geb", "geboren", "née", "nee", "residing", "wohnhaft", "aged", "age", "deceased",
					"verstorben", "dob", "hereinafter", "nachfolgend")
			.add(FIELD, "name", "names", "surname", "forename", "forenames", "firstname", "lastname", "fullname",
					"vorname", "nachname", "familienname", "geburtsname", "nom", "prénom", "prenom", "apellido",
					"apellidos", "nombre", "cognome", "nome")
			.add(CUE_LEAD, "bill", "billed", "ship", "shipped", "sold", "deliver", "delivered", "invoice", "invoiced",
					"signed", "prepared", "approved", "issued", "represented", "authorised", "authorized", "witnessed",
					"sent", "paid", "certified", "verified", "checked", "reviewed", "confirmed", "submitted",
					"requested", "ordered", "received", "accepted", "processed", "registered", "recorded", "drafted",
					"written", "presented", "chaired", "erstellt", "geprüft", "freigegeben", "genehmigt", "attention",
					"care", "vertreten", "ausgestellt", "unterzeichnet")
			.add(CUE_LINK, "to", "by", "of", "durch", "von")
			.add(CLOSING, "sincerely", "regards", "faithfully", "truly", "grüßen", "grüssen", "gruessen", "grüße",
					"gruesse", "grüsse", "cordialement", "saludos", "saluti", "salutations", "respectfully", "best",
					"thanks", "cheers")
			.add(COMPANY | LEGAL, "gmbh", "mbh", "ag", "kg", "ohg", "gbr", "ug", "ev", "inc", "incorporated", "ltd",
					"limited", "llc", "llp", "lp", "plc", "corp", "corporation", "co", "sa", "sas", "sarl", "srl",
					"spa", "bv", "nv", "ab", "oy", "kgaa", "pty", "pte", "pvt")
			.add(COMPANY, "company", "group", "gruppe", "holding", "holdings", "partners", "associates", "söhne",
					"soehne", "sons", "brothers", "bros", "international", "industries", "solutions", "services",
					"systems", "technologies", "consulting", "logistics", "bank", "university", "universität",
					"hospital", "klinik", "clinic", "institute", "institut", "foundation", "stiftung", "verlag", "bau",
					"studio", "agency", "agentur", "foods", "motors", "labs", "media", "hotel", "restaurant", "school",
					"college", "school", "airlines", "insurance", "versicherung", "kanzlei", "trust", "fund",
					"ventures", "enterprises", "store", "shop", "markt", "werke", "software", "pharma", "energy",
					"club", "verein", "council", "ministry", "department", "office", "center", "centre", "station",
					"airport", "church", "museum", "gallery", "academy", "association", "society", "post")
			.add(STREET, "street", "st", "avenue", "ave", "av", "road", "rd", "lane", "ln", "drive", "dr", "boulevard",
					"blvd", "way", "court", "ct", "place", "pl", "terrace", "ter", "close", "crescent", "cres",
					"square", "sq", "parkway", "pkwy", "highway", "hwy", "circle", "cir", "trail", "trl", "row", "mews",
					"gardens", "grove", "hill", "walk", "park", "green", "gate", "wharf", "quay", "rise", "view",
					"vale", "yard", "parade", "broadway", "expressway", "freeway", "turnpike", "pike", "loop", "alley",
					"path", "plaza", "point", "heights", "bridge", "brook", "bypass", "causeway", "cove", "creek",
					"crest", "crossing", "dale", "estate", "estates", "falls", "ferry", "glen", "harbor", "harbour",
					"haven", "hollow", "junction", "knoll", "landing", "manor", "meadow", "meadows", "mill", "mills",
					"orchard", "oval", "pass", "pines", "ridge", "ridges", "run", "shore", "shores", "springs",
					"summit", "trace", "valley", "vista", "ways", "commons", "corner", "crossroad", "spur", "lodge",
					"motorway", "drove", "end", "hills", "shoal", "shoals", "ports", "isle", "inlet", "cape", "canyon",
					"cliff", "cliffs", "fork", "forks", "forge", "fields", "flats", "harbors", "keys", "lakes",
					"lights", "locks", "neck", "plains", "prairie", "ranch", "rapids", "squares", "station",
					"stravenue", "streets", "throughway", "trafficway", "tunnel", "underpass", "union", "viaduct",
					"village", "ville", "villages", "wells", "burg", "camp", "center", "club", "common", "course",
					"curve", "divide", "extension", "extensions", "garden", "gateway", "island", "islands", "knolls",
					"land", "light", "loaf", "mall", "mission", "mount", "mountain", "mountains", "overpass", "parks",
					"passage", "plain", "radial", "ramp", "rest", "river", "route", "skyway", "spring", "spurs",
					"stream", "track", "valleys", "views", "walks", "well", "straße", "strasse", "str", "weg", "allee",
					"platz", "gasse", "ring", "damm", "ufer", "chaussee", "steig", "pfad", "markt", "graben", "wall",
					"hof", "berg", "feld", "kamp", "stieg", "twiete", "zeile", "promenade")
			.add(STREET_LEAD, "rue", "avenue", "boulevard", "bd", "place", "chemin", "allée", "allee", "impasse",
					"quai", "cours", "route", "via", "viale", "piazza", "piazzale", "corso", "largo", "vicolo", "calle",
					"avenida", "paseo", "plaza", "carrer", "carretera", "camino", "rua", "travessa", "praça", "praca",
					"ulica", "ul", "utca")
			.add(PARTICLE, "van", "von", "vom", "de", "der", "den", "da", "di", "del", "della", "dello", "la", "le",
					"du", "dos", "das", "do", "al", "el", "bin", "ibn", "ben", "ter", "ten", "zu", "y", "af")
			.add(CONNECTOR, "of", "the", "am", "an", "im", "in", "zum", "zur", "auf", "sur", "les", "des", "upon", "on",
					"bei", "en", "sul", "dei", "delle", "degli", "und", "and", "und")
			.add(STATE, "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il", "in", "ia",
					"ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm",
					"ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa",
					"wv", "wi", "wy", "pr", "gu", "vi")
			.add(STATE_NAME, "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
					"delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
					"kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
					"mississippi", "missouri", "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon",
					"pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia", "washington", "wisconsin",
					"wyoming", "hampshire", "jersey", "mexico", "york", "carolina", "dakota", "island")
			.add(PROVINCE, "on", "qc", "bc", "ab", "mb", "sk", "ns", "nb", "nl", "pe", "yt", "nt", "nu")
			.add(ADDRESS_CUE, "address", "addresses", "anschrift", "adresse", "wohnhaft", "wohnort", "residing",
					"resident", "located", "domicile", "domiciled", "lieferadresse", "rechnungsadresse",
					"lieferanschrift", "rechnungsanschrift", "postanschrift", "dirección", "direccion", "indirizzo",
					"ship", "deliver")
			.add(UNIT, "suite", "ste", "apt", "apartment", "unit", "floor", "fl", "room", "rm", "building", "bldg",
					"flat", "wohnung", "whg", "etage", "stock", "og", "eg", "dg", "haus", "aufgang", "zimmer", "dept",
					"mailstop", "ms", "no", "nr")
			.add(BETWEEN, "between", "zwischen", "entre", "tra")
			.add(AND, "and", "und", "et", "y", "e")
			.add(DIRECTION, "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west", "northeast",
					"northwest", "southeast", "southwest")
			.add(PO_BOX, "postfach", "postbus", "apartado", "casella", "po")
			.add(BOX, "box")
			.add(THING, "company", "firm", "firma", "firmen", "product", "produkt", "file", "datei", "project",
					"projekt", "bank", "street", "strasse", "straße", "city", "stadt", "account", "host", "domain",
					"server", "item", "artikel", "brand", "marke", "business", "organisation", "organization", "legal",
					"trade", "store", "shop", "event", "plan", "package", "model", "device", "document", "hotel",
					"venue", "vessel", "ship", "team", "group", "department", "abteilung", "program", "course",
					"software", "app", "application", "campaign", "service", "tariff", "tarif", "field", "column",
					"table", "job", "role", "position", "title", "site", "unit", "building", "town", "ort", "country",
					"land", "region", "state", "county")
			.add(PLACE, "new", "north", "south", "east", "west", "saint", "st", "sankt", "san", "santa", "los", "las",
					"fort", "port", "lake", "mount", "great", "upper", "lower", "old", "bad", "little", "palm", "grand",
					"salt", "el", "le", "la", "den", "am", "alt", "alte", "alten", "alter", "neue", "neuen", "neuer",
					"unter", "unteren", "oberen", "ober", "hinter", "vor", "auf", "an", "zum", "zur", "im", "in")
			.add(POSTCODE_CUE, "postcode", "plz", "zip", "postleitzahl", "postal")
			.build();
	}

}
