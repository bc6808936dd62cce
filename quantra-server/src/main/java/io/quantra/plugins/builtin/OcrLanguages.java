package io.quantra.plugins.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quantra.plugins.PluginFailure;

/**
 * Turns a node's {@code language} — ISO 639-1 codes ({@code en}, {@code de}) or
 * Tesseract's own ({@code eng}, {@code chi_sim}), several joined with {@code +} — into
 * the language argument of Tesseract, checking that each language's data is installed.
 */
final class OcrLanguages {

	/** ISO 639-1 to the name of Tesseract's language data. */
	static final Map<String, String> ISO_639_1 = Map.ofEntries(Map.entry("af", "afr"), Map.entry("am", "amh"),
			Map.entry("ar", "ara"), Map.entry("as", "asm"), Map.entry("az", "aze"), Map.entry("be", "bel"),
			Map.entry("bg", "bul"), Map.entry("bn", "ben"), Map.entry("bo", "bod"), Map.entry("bs", "bos"),
			Map.entry("br", "bre"), Map.entry("ca", "cat"), Map.entry("co", "cos"), Map.entry("cs", "ces"),
			Map.entry("cy", "cym"), Map.entry("da", "dan"), Map.entry("de", "deu"), Map.entry("dv", "div"),
			Map.entry("dz", "dzo"), Map.entry("el", "ell"), Map.entry("en", "eng"), Map.entry("eo", "epo"),
			Map.entry("es", "spa"), Map.entry("et", "est"), Map.entry("eu", "eus"), Map.entry("fa", "fas"),
			Map.entry("fi", "fin"), Map.entry("fo", "fao"), Map.entry("fr", "fra"), Map.entry("fy", "fry"),
			Map.entry("ga", "gle"), Map.entry("gd", "gla"), Map.entry("gl", "glg"), Map.entry("gu", "guj"),
			Map.entry("he", "heb"), Map.entry("hi", "hin"), Map.entry("hr", "hrv"), Map.entry("ht", "hat"),
			Map.entry("hu", "hun"), Map.entry("hy", "hye"), Map.entry("id", "ind"), Map.entry("is", "isl"),
			Map.entry("it", "ita"), Map.entry("iu", "iku"), Map.entry("ja", "jpn"), Map.entry("jv", "jav"),
			Map.entry("ka", "kat"), Map.entry("kk", "kaz"), Map.entry("km", "khm"), Map.entry("kn", "kan"),
			Map.entry("ko", "kor"), Map.entry("ku", "kmr"), Map.entry("ky", "kir"), Map.entry("la", "lat"),
			Map.entry("lb", "ltz"), Map.entry("lo", "lao"), Map.entry("lt", "lit"), Map.entry("lv", "lav"),
			Map.entry("mi", "mri"), Map.entry("mk", "mkd"), Map.entry("ml", "mal"), Map.entry("mn", "mon"),
			Map.entry("mr", "mar"), Map.entry("ms", "msa"), Map.entry("mt", "mlt"), Map.entry("my", "mya"),
			Map.entry("nb", "nor"), Map.entry("ne", "nep"), Map.entry("nl", "nld"), Map.entry("no", "nor"),
			Map.entry("oc", "oci"), Map.entry("or", "ori"), Map.entry("pa", "pan"), Map.entry("pl", "pol"),
			Map.entry("ps", "pus"), Map.entry("pt", "por"), Map.entry("qu", "que"), Map.entry("ro", "ron"),
			Map.entry("ru", "rus"), Map.entry("sa", "san"), Map.entry("sd", "snd"), Map.entry("si", "sin"),
			Map.entry("sk", "slk"), Map.entry("sl", "slv"), Map.entry("sq", "sqi"), Map.entry("sr", "srp"),
			Map.entry("su", "sun"), Map.entry("sv", "swe"), Map.entry("sw", "swa"), Map.entry("ta", "tam"),
			Map.entry("te", "tel"), Map.entry("tg", "tgk"), Map.entry("th", "tha"), Map.entry("ti", "tir"),
			Map.entry("tl", "tgl"), Map.entry("to", "ton"), Map.entry("tr", "tur"), Map.entry("tt", "tat"),
			Map.entry("ug", "uig"), Map.entry("uk", "ukr"), Map.entry("ur", "urd"), Map.entry("uz", "uzb"),
			Map.entry("vi", "vie"), Map.entry("yi", "yid"), Map.entry("yo", "yor"), Map.entry("zh", "chi_sim"));

	private OcrLanguages() {
	}

	/**
	 * Tesseract's names for {@code language}, in order, without checking what is
	 * installed.
	 */
	static List<String> tesseractCodes(String language) throws PluginFailure {
		List<String> codes = new ArrayList<>();
		for (String code : language.strip().split("\\+")) {
			String tesseract = (code.length() == 2) ? ISO_639_1.get(code) : code;
			if (tesseract == null || !tesseract.matches("[a-z]{3}(_[a-z]+)?")) {
				throw new PluginFailure(PluginFailure.PLUGIN_UNAVAILABLE, "No OCR language is known for '" + code
						+ "'; use an ISO 639-1 code such as 'en' or a Tesseract code such as 'eng'.", false);
			}
			if (!codes.contains(tesseract)) {
				codes.add(tesseract);
			}
		}
		return codes;
	}

	/**
	 * The {@code -l} argument of Tesseract for {@code language}.
	 * @throws PluginFailure {@code PLUGIN_UNAVAILABLE} naming the first language whose
	 * data is not in {@code installed}
	 */
	static String resolve(String language, Set<String> installed) throws PluginFailure {
		List<String> codes = tesseractCodes(language);
		for (String code : codes) {
			if (!installed.contains(code)) {
				throw new PluginFailure(PluginFailure.PLUGIN_UNAVAILABLE,
						"The OCR language pack '" + code + "' is not installed on this server "
								+ "(Debian/Ubuntu: apt-get install tesseract-ocr-" + code.replace('_', '-') + ").",
						false);
			}
		}
		return String.join("+", codes);
	}

}
