package io.quantra.triggers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.scheduling.support.CronExpression;

/**
 * When a schedule fires: a Unix cron expression of 5 fields (minute hour day-of-month
 * month day-of-week), or 6 with seconds first, or a macro such as {@code @daily}, read in
 * an IANA time zone. Spring's {@link CronExpression} does the calendar work. As in Unix
 * cron, when both day-of-month and day-of-week are restricted (neither starts with
 * {@code *} nor is {@code ?}), a day matching either one fires.
 */
final class CronSchedule {

	private final List<CronExpression> expressions;

	private final ZoneId zone;

	private CronSchedule(List<CronExpression> expressions, ZoneId zone) {
		this.expressions = expressions;
		this.zone = zone;
	}

	/**
	 * @throws IllegalArgumentException with a message for the caller when the expression
	 * is not valid
	 */
	static CronSchedule parse(String expression, ZoneId zone) {
		String trimmed = expression.trim();
		if (trimmed.startsWith("@")) {
			return new CronSchedule(List.of(expression(trimmed)), zone);
		}
		String[] fields = trimmed.split("\\s+");
		if (fields.length == 5) {
			String[] withSeconds = new String[6];
			withSeconds[0] = "0";
			System.arraycopy(fields, 0, withSeconds, 1, 5);
			fields = withSeconds;
		}
		else if (fields.length != 6) {
			throw new IllegalArgumentException("has " + fields.length + " fields; write 5 (minute hour day-of-month "
					+ "month day-of-week), 6 with seconds first, or a macro such as @daily");
		}
		String dayOfMonth = fields[3];
		String dayOfWeek = fields[5];
		if (restricted(dayOfMonth) && restricted(dayOfWeek)) {
			String[] onDaysOfMonth = fields.clone();
			onDaysOfMonth[5] = "*";
			String[] onDaysOfWeek = fields.clone();
			onDaysOfWeek[3] = "*";
			return new CronSchedule(
					List.of(expression(String.join(" ", onDaysOfMonth)), expression(String.join(" ", onDaysOfWeek))),
					zone);
		}
		return new CronSchedule(List.of(expression(String.join(" ", fields))), zone);
	}

	/** The first fire time strictly after {@code after}, or {@code null} if none. */
	Instant next(Instant after) {
		ZonedDateTime from = after.atZone(this.zone);
		Instant first = null;
		for (CronExpression expression : this.expressions) {
			ZonedDateTime next = expression.next(from);
			if (next != null && (first == null || next.toInstant().isBefore(first))) {
				first = next.toInstant();
			}
		}
		return first;
	}

	/**
	 * The shortest time between two consecutive fires among the next {@code fires} fires
	 * after {@code from}; {@code null} when it fires fewer than twice. The pattern of a
	 * cron expression repeats every minute, hour or day it fires in, so the closest pair
	 * shows within the first few fires.
	 */
	Duration shortestInterval(Instant from, int fires) {
		Instant previous = next(from);
		Duration shortest = null;
		for (int i = 1; i < fires && previous != null; i++) {
			Instant next = next(previous);
			if (next == null) {
				break;
			}
			Duration gap = Duration.between(previous, next);
			if (shortest == null || gap.compareTo(shortest) < 0) {
				shortest = gap;
			}
			previous = next;
		}
		return shortest;
	}

	private static boolean restricted(String field) {
		return !field.startsWith("*") && !field.equals("?");
	}

	private static CronExpression expression(String text) {
		try {
			return CronExpression.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("is not valid: " + reason(ex));
		}
	}

	private static String reason(IllegalArgumentException ex) {
		String message = ex.getMessage();
		// Spring names the 6-field form it parsed; keep only its reason
		int colon = (message != null) ? message.indexOf("\": ") : -1;
		return (colon >= 0) ? message.substring(colon + 3) : String.valueOf(message);
	}

}
