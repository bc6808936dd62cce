package io.quantra.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the schedule Standard Webhooks suggests — 5 s, 5
 * min, 30 min, 2 h, 5 h, then every 10 h — scaled so that its first step is the
 * configured first retry, for as long as the delivery's retry window lasts.
 */
final class RetrySchedule {

	/** Each step as a multiple of the first (5 s): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h. */
	private static final List<Integer> STEPS = List.of(1, 60, 360, 1440, 3600, 7200);

	private final Duration firstRetry;

	RetrySchedule(Duration firstRetry) {
		if (firstRetry.isNegative() || firstRetry.isZero()) {
			throw new IllegalArgumentException("quantra.webhooks.first-retry must be positive");
		}
		this.firstRetry = firstRetry;
	}

	/** How long to wait after the {@code failed}-th failed attempt (1 for the first). */
	Duration delayAfter(int failed) {
		int step = STEPS.get(Math.min(Math.max(failed, 1), STEPS.size()) - 1);
		return this.firstRetry.multipliedBy(step);
	}

	/**
	 * When to try again after the {@code failed}-th failed attempt of the window, or
	 * empty when that would be after {@code retryUntil}: the delivery has failed for
	 * good.
	 */
	Optional<Instant> next(int failed, Instant now, Instant retryUntil) {
		Instant next = now.plus(delayAfter(failed));
		return next.isAfter(retryUntil) ? Optional.empty() : Optional.of(next);
	}

}
