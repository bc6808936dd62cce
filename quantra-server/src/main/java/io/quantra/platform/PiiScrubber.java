package io.quantra.platform;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data and secrets in free text before it reaches a log line or an event:
 * e-mail addresses, phone numbers, IP addresses, bearer, {@code qapi_} and {@code qtrg_}
 * tokens, JWTs, credentials in URLs and the values of password-like fields.
 */
public final class PiiScrubber {

	private static final List<Rule> RULES = List.of(
			// JWTs first: their dots and base64 would otherwise be half-eaten by other
			// rules.
			new Rule("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*", "[JWT]"),
			new Rule("qapi_[A-Za-z0-9_-]+", "qapi_[REDACTED]"), new Rule("qtrg_[A-Za-z0-9_-]+", "qtrg_[REDACTED]"),
			new Rule("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]+", "$1[REDACTED]"),
			new Rule("(?i)(\\b(?:basic)\\s+)[A-Za-z0-9+/=]{8,}", "$1[REDACTED]"),
			// password=..., "secret": "...", api_key: ... (quoted values keep their
			// quotes)
			new Rule("(?i)(\"?\\b[a-z_-]*(?:password|passwd|pwd|secret|token|api[_-]?key)\"?\\s*[:=]\\s*)"
					+ "(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,;&}\\]]+)", "$1\"[REDACTED]\""),
			new Rule("(://)[^/\\s:@]+:[^/\\s@]+@", "$1[REDACTED]@"),
			new Rule("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", "[EMAIL]"),
			new Rule(
					"(?<![\\w.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
							+ "(?![\\w.])",
					"[IP]"),
			new Rule("(?i)(?<![\\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\\w:])", "[IP]"),
			new Rule(
					"(?i)(?<![\\w:])(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?"
							+ "(?![\\w:])",
					"[IP]"),
			// International numbers (+44 20 7946 0958) and North-American style
			// (555-867-5309).
			new Rule("(?<![\\w+])\\+\\d{1,3}(?:[\\s.-]?\\(?\\d{1,4}\\)?){2,5}(?!\\w)", "[PHONE]"),
			new Rule("(?<![\\w-])\\(?\\d{3}\\)?[\\s.-]\\d{3}[\\s.-]\\d{4}(?![\\w-])", "[PHONE]"));

	private PiiScrubber() {
	}

	/**
	 * Returns {@code text} with every recognised piece of personal data or secret
	 * replaced by a marker such as {@code [EMAIL]}; {@code null} stays {@code null}.
	 */
	public static String scrub(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String result = text;
		for (Rule rule : RULES) {
			result = rule.apply(result);
		}
		return result;
	}

	private record Rule(Pattern pattern, String replacement) {

		Rule(String regex, String replacement) {
			this(Pattern.compile(regex), replacement);
		}

		String apply(String text) {
			Matcher matcher = this.pattern.matcher(text);
			return matcher.find() ? matcher.replaceAll(this.replacement) : text;
		}

	}

}
