package io.quantra.plugins.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Words and what they may be — a given name, a street type, a cue — looked up straight
 * from the text, ignoring case and accents ("Müller" finds "muller"), without making a
 * String of each word: an open-addressing table over one array of folded characters.
 */
final class Lexicon {

	/** Lower case without accents for the Latin letters Western names are written in. */
	private static final char[] FOLD = new char[0x250];

	static {
		for (char c = 0; c < FOLD.length; c++) {
			char folded = Character.toLowerCase(c);
			if (c >= 0xC0) {
				String base = Normalizer.normalize(String.valueOf(folded), Normalizer.Form.NFD);
				if (base.charAt(0) < 0x80) {
					folded = base.charAt(0);
				}
			}
			FOLD[c] = folded;
		}
		FOLD['ß'] = 's';
		FOLD['ø'] = 'o';
		FOLD['Ø'] = 'o';
		FOLD['ł'] = 'l';
		FOLD['Ł'] = 'l';
		FOLD['đ'] = 'd';
		FOLD['Đ'] = 'd';
		FOLD['ı'] = 'i';
		FOLD['æ'] = 'a';
		FOLD['Æ'] = 'a';
		FOLD['œ'] = 'o';
		FOLD['Œ'] = 'o';
	}

	private final char[] keys;

	private final int[] offsets;

	private final int[] flags;

	/** Entry + 1 per slot, 0 where the slot is free. */
	private final int[] slots;

	private final int mask;

	private Lexicon(Map<String, Integer> words) {
		int size = words.size();
		int capacity = Integer.highestOneBit(Math.max(4, size * 3)) << 1;
		this.slots = new int[capacity];
		this.mask = capacity - 1;
		this.offsets = new int[size + 1];
		this.flags = new int[size];
		StringBuilder keys = new StringBuilder();
		int entry = 0;
		for (Map.Entry<String, Integer> word : words.entrySet()) {
			String key = word.getKey();
			this.offsets[entry] = keys.length();
			keys.append(key);
			this.flags[entry] = word.getValue();
			int slot = spread(hash(key, 0, key.length())) & this.mask;
			while (this.slots[slot] != 0) {
				slot = (slot + 1) & this.mask;
			}
			this.slots[slot] = entry + 1;
			entry++;
		}
		this.offsets[size] = keys.length();
		this.keys = keys.toString().toCharArray();
	}

	static char fold(char c) {
		if (c < FOLD.length) {
			return FOLD[c];
		}
		return (c == '\u2019' || c == '\u2018') ? '\'' : Character.toLowerCase(c);
	}

	/** The flags of {@code text[start, end)}, 0 for a word the lexicon does not know. */
	int flags(CharSequence text, int start, int end) {
		int length = end - start;
		int slot = spread(hash(text, start, end)) & this.mask;
		int entry;
		while ((entry = this.slots[slot]) != 0) {
			entry--;
			int offset = this.offsets[entry];
			if (this.offsets[entry + 1] - offset == length && same(text, start, offset, length)) {
				return this.flags[entry];
			}
			slot = (slot + 1) & this.mask;
		}
		return 0;
	}

	/**
	 * The flags of {@code chars[start, end)}, whose {@link #hash(char, int) running hash}
	 * the caller computed while reading them.
	 */
	int flags(char[] chars, int start, int end, int hash) {
		int length = end - start;
		int slot = spread(hash) & this.mask;
		int entry;
		while ((entry = this.slots[slot]) != 0) {
			entry--;
			int offset = this.offsets[entry];
			if (this.offsets[entry + 1] - offset == length && same(chars, start, offset, length)) {
				return this.flags[entry];
			}
			slot = (slot + 1) & this.mask;
		}
		return 0;
	}

	int flags(char[] chars, int start, int end) {
		int hash = 0;
		for (int i = start; i < end; i++) {
			hash = hash(fold(chars[i]), hash);
		}
		return flags(chars, start, end, hash);
	}

	/** The hash of a word so far, after one more folded character. */
	static int hash(char folded, int hash) {
		return 31 * hash + folded;
	}

	private boolean same(char[] chars, int start, int offset, int length) {
		char[] keys = this.keys;
		for (int i = 0; i < length; i++) {
			if (fold(chars[start + i]) != keys[offset + i]) {
				return false;
			}
		}
		return true;
	}

	int flags(String word) {
		return flags(word, 0, word.length());
	}

	private boolean same(CharSequence text, int start, int offset, int length) {
		for (int i = 0; i < length; i++) {
			if (fold(text.charAt(start + i)) != this.keys[offset + i]) {
				return false;
			}
		}
		return true;
	}

	private static int hash(CharSequence text, int start, int end) {
		int hash = 0;
		for (int i = start; i < end; i++) {
			hash = 31 * hash + fold(text.charAt(i));
		}
		return hash;
	}

	private static int spread(int hash) {
		int h = hash * 0x9E3779B9;
		return h ^ (h >>> 15);
	}

	static final class Builder {

		private final Map<String, Integer> words = new HashMap<>();

		Builder add(int flag, String... words) {
			for (String word : words) {
				StringBuilder key = new StringBuilder(word.length());
				for (int i = 0; i < word.length(); i++) {
					key.append(fold(word.charAt(i)));
				}
				this.words.merge(key.toString(), flag, (a, b) -> a | b);
			}
			return this;
		}

		/** Every line of a resource on the class path, but blank lines and # comments. */
		Builder addResource(int flag, String path) {
			try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
				if (in == null) {
					throw new IllegalStateException("Word list " + path + " is missing from the class path");
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				String line;
				while ((line = reader.readLine()) != null) {
					line = line.strip();
					if (!line.isEmpty() && !line.startsWith("#")) {
						add(flag, line);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read word list " + path, ex);
			}
			return this;
		}

		Lexicon build() {
			return new Lexicon(this.words);
		}

	}

}
