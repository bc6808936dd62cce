package io.quantra.platform.ratelimit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A budget of requests per period, written {@code 10/1m}, {@code 1000/1h} or
 * {@code 5/30s}.
 */
record RateLimit(long requests, Duration period) {

	private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*/\\s*(\\d*)\\s*(s|m|h|d)");

	static RateLimit parse(String text) {
		Matcher matcher = FORMAT.matcher(text.trim().toLowerCase());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("A rate limit looks like 10/1m, 1000/1h or 5/30s, not '" + text + "'");
		}
		long amount = matcher.group(2).isEmpty() ? 1 : Long.parseLong(matcher.group(2));
		Duration period = switch (matcher.group(3)) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofDays(amount);
		};
		long requests = Long.parseLong(matcher.group(1));
		if (requests < 1 || period.isZero()) {
			throw new IllegalArgumentException("A rate limit must allow at least one request per period: " + text);
		}
		return new RateLimit(requests, period);
	}

	@Override
	public String toString() {
		return this.requests + "/" + this.period.toSeconds() + "s";
	}

}
