package io.quantra.triggers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of run triggers and schedules.
 *
 * @param signatureTolerance how far a signed request's timestamp may be from the server's
 * clock, either way; signatures are remembered this long to refuse replays
 * @param minScheduleInterval the shortest time a schedule may leave between two fires
 */
@ConfigurationProperties("quantra.triggers")
record TriggerSettings(Duration signatureTolerance, Duration minScheduleInterval) {

	TriggerSettings {
		signatureTolerance = (signatureTolerance != null) ? signatureTolerance : Duration.ofMinutes(5);
		minScheduleInterval = (minScheduleInterval != null) ? minScheduleInterval : Duration.ofSeconds(10);
	}

}
