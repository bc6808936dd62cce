package io.quantra.services;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tool microservices are watched ({@code quantra.services.*}).
 *
 * @param healthInterval the pause between two health checks of every endpoint; one server
 * of a cluster runs each check
 * @param channelIdleTimeout how long a server keeps the connection of an endpoint's
 * channel without a call or check on it; a server of a cluster that did not handle an
 * endpoint's deletion lets its connection go after this long
 */
@ConfigurationProperties("quantra.services")
record ServiceProperties(Duration healthInterval, Duration channelIdleTimeout) {

	ServiceProperties {
		healthInterval = (healthInterval != null) ? healthInterval : Duration.ofSeconds(15);
		channelIdleTimeout = (channelIdleTimeout != null) ? channelIdleTimeout : Duration.ofMinutes(5);
		if (healthInterval.isNegative() || healthInterval.isZero()) {
			throw new IllegalArgumentException("quantra.services.health-interval must be positive");
		}
		if (channelIdleTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("quantra.services.channel-idle-timeout must be at least 1s");
		}
	}

}
