package io.quantra.triggers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of run triggers.
 *
 * @param signatureTolerance how far a signed request's timestamp may be from the server's
 * clock, either way; signatures are remembered this long to refuse replays
 */
@ConfigurationProperties("quantra.triggers")
record TriggerSettings(Duration signatureTolerance) {

	TriggerSettings {
		signatureTolerance = (signatureTolerance != null) ? signatureTolerance : Duration.ofMinutes(5);
	}

}
