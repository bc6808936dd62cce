package io.quantra.plugins.corpus;

import java.text.Normalizer;

/**
 * Keeps generated text inside the characters the standard PDF fonts can encode
 * (WinAnsiEncoding, which covers Latin-1), so the rendered page says exactly what the
 * ground truth says.
 */
final class Latin1 {

	private Latin1() {
	}

	/** Replaces every character outside Latin-1 by its closest ASCII spelling. */
	static String transliterate(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x100 && (c >= 0x20 || c == '\n') && (c < 0x7f || c >= 0xa0)) {
				out.append(c);
				continue;
			}
			switch (c) {
				case 'ł' -> out.append('l');
				case 'Ł' -> out.append('L');
				case 'đ' -> out.append('d');
				case 'Đ' -> out.append('D');
				case 'ı' -> out.append('i');
				case 'œ' -> out.append("oe");
				case 'Œ' -> out.append("OE");
				case '–', '—' -> out.append('-');
				case '‘', '’' -> out.append('\'');
				case '“', '”', '„' -> out.append('"');
				default -> {
					String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
					for (int j = 0; j < decomposed.length(); j++) {
						char d = decomposed.charAt(j);
						if (d >= 0x20 && d < 0x7f) {
							out.append(d);
						}
					}
				}
			}
		}
		return out.toString();
	}

	/** Lower-case ASCII letters and digits only, as used in e-mail local parts. */
	static String asciiLetters(String text) {
		String spelled = transliterate(text).replace("ä", "ae")
			.replace("ö", "oe")
			.replace("ü", "ue")
			.replace("Ä", "Ae")
			.replace("Ö", "Oe")
			.replace("Ü", "Ue")
			.replace("ß", "ss");
		String decomposed = Normalizer.normalize(spelled, Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < decomposed.length(); i++) {
			char c = Character.toLowerCase(decomposed.charAt(i));
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				out.append(c);
			}
		}
		return out.toString();
	}

	static boolean isLatin1(String text) {
		return text.equals(transliterate(text));
	}

}
