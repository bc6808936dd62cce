package io.quantra.triggers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Cron expressions as schedules read them: Unix's 5 fields or 6 with seconds, macros,
 * time zones, Unix's either-day rule, and the shortest interval between fires.
 */
class CronScheduleTests {

	private static final ZoneId UTC = ZoneOffset.UTC;

	// a Wednesday
	private static final Instant NOON = Instant.parse("2026-01-07T12:00:00Z");

	@Test
	void fiveFieldsAreMinuteHourDayMonthWeekday() {
		CronSchedule weekdays = CronSchedule.parse("30 6 * * 1-5", UTC);
		assertThat(weekdays.next(NOON)).isEqualTo(Instant.parse("2026-01-08T06:30:00Z"));
		assertThat(CronSchedule.parse("*/15 * * * *", UTC).next(NOON)).isEqualTo(Instant.parse("2026-01-07T12:15:00Z"));
	}

	@Test
	void sixFieldsStartWithSeconds() {
		CronSchedule everyTwoSeconds = CronSchedule.parse("*/2 * * * * *", UTC);
		assertThat(everyTwoSeconds.next(NOON)).isEqualTo(Instant.parse("2026-01-07T12:00:02Z"));
		assertThat(everyTwoSeconds.next(NOON.plusMillis(2500))).isEqualTo(Instant.parse("2026-01-07T12:00:04Z"));
	}

	@Test
	void macrosAndNamesWork() {
		assertThat(CronSchedule.parse("@daily", UTC).next(NOON)).isEqualTo(Instant.parse("2026-01-08T00:00:00Z"));
		assertThat(CronSchedule.parse("0 9 * JAN MON", UTC).next(NOON))
			.isEqualTo(Instant.parse("2026-01-12T09:00:00Z"));
	}

	@Test
	void timesAreReadInTheScheduleTimeZone() {
		CronSchedule berlin = CronSchedule.parse("0 9 * * *", ZoneId.of("Europe/Berlin"));
		assertThat(berlin.next(NOON)).isEqualTo(Instant.parse("2026-01-08T08:00:00Z"));
		// summer time
		assertThat(berlin.next(Instant.parse("2026-07-01T12:00:00Z"))).isEqualTo(Instant.parse("2026-07-02T07:00:00Z"));
	}

	@Test
	void aDayMatchingEitherRestrictedDayFieldFiresAsInUnixCron() {
		// the 15th, or any Monday
		CronSchedule either = CronSchedule.parse("0 0 15 * MON", UTC);
		assertThat(either.next(NOON)).isEqualTo(Instant.parse("2026-01-12T00:00:00Z"));
		assertThat(either.next(Instant.parse("2026-01-12T00:00:00Z"))).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
		// a field starting with * does not count as restricted: every other day that is a
		// Monday
		assertThat(CronSchedule.parse("0 0 */2 * MON", UTC).next(NOON))
			.isEqualTo(Instant.parse("2026-01-19T00:00:00Z"));
	}

	@Test
	void invalidExpressionsSayWhy() {
		assertThatIllegalArgumentException().isThrownBy(() -> CronSchedule.parse("* * * *", UTC))
			.withMessageContaining("4 fields");
		assertThatIllegalArgumentException().isThrownBy(() -> CronSchedule.parse("61 * * * *", UTC))
			.withMessageStartingWith("is not valid: ")
			.withMessageContaining("61");
		assertThatIllegalArgumentException().isThrownBy(() -> CronSchedule.parse("@reboot", UTC));
	}

	@Test
	void rareDatesStillHaveANextFire() {
		assertThat(CronSchedule.parse("0 0 29 2 *", UTC).next(NOON)).isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
	}

	@Test
	void theShortestIntervalFindsTheClosestPair() {
		assertThat(CronSchedule.parse("*/5 * * * * *", UTC).shortestInterval(NOON, 200))
			.isEqualTo(Duration.ofSeconds(5));
		assertThat(CronSchedule.parse("0,55 * * * * *", UTC).shortestInterval(NOON, 200))
			.isEqualTo(Duration.ofSeconds(5));
		assertThat(CronSchedule.parse("0,3 0 0 1 1 *", UTC).shortestInterval(NOON, 200))
			.isEqualTo(Duration.ofSeconds(3));
		assertThat(CronSchedule.parse("* * * * *", UTC).shortestInterval(NOON, 200)).isEqualTo(Duration.ofMinutes(1));
	}

}
