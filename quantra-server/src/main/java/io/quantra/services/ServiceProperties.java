package io.quantra.services;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tool microservices are watched ({@code quantra.services.*}).
 *
 * @param healthInterval the pause between two health checks of every endpoint; one server
 * of a cluster runs each check
 */
@ConfigurationProperties("quantra.services")
record ServiceProperties(Duration healthInterval) {

	ServiceProperties {
		healthInterval = (healthInterval != null) ? healthInterval : Duration.ofSeconds(15);
		if (healthInterval.isNegative() || healthInterval.isZero()) {
			throw new IllegalArgumentException("quantra.services.health-interval must be positive");
		}
	}

}
