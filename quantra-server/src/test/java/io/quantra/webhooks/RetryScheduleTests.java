package io.quantra.webhooks;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry schedule of Standard Webhooks, scaled by the first retry and cut off by the
 * retry window.
 */
class RetryScheduleTests {

	private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

	@Test
	void followsTheStandardWebhooksSchedule() {
		RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5));
		assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofMinutes(5));
		assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofMinutes(30));
		assertThat(schedule.delayAfter(4)).isEqualTo(Duration.ofHours(2));
		assertThat(schedule.delayAfter(5)).isEqualTo(Duration.ofHours(5));
		assertThat(schedule.delayAfter(6)).isEqualTo(Duration.ofHours(10));
		assertThat(schedule.delayAfter(7)).isEqualTo(Duration.ofHours(10));
		assertThat(schedule.delayAfter(40)).isEqualTo(Duration.ofHours(10));
	}

	@Test
	void aShorterFirstRetryScalesEveryStep() {
		RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(200));
		assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofMillis(200));
		assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(12));
	}

	@Test
	void givesUpOnceTheNextAttemptWouldFallAfterTheWindow() {
		RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5));
		Instant created = NOW;
		Instant until = created.plus(Duration.ofHours(24));
		Instant at = created;
		int attempts = 0;
		while (true) {
			attempts++;
			var next = schedule.next(attempts, at, until);
			if (next.isEmpty()) {
				break;
			}
			at = next.get();
		}
		// 0 s, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h: the next, 10 h later, is past 24 h
		assertThat(attempts).isEqualTo(7);
		assertThat(Duration.between(created, at)).isLessThan(Duration.ofHours(24));
	}

}
