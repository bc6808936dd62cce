package io.quantra.services;

import java.time.Duration;

import io.quantra.sdk.FrameAssembler;
import io.quantra.sdk.FrameChunker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How tool microservices are watched ({@code quantra.services.*}).
 *
 * @param healthInterval the pause between two health checks of every endpoint; one server
 * of a cluster runs each check
 * @param channelIdleTimeout how long a server keeps the connection of an endpoint's
 * channel without a call or check on it; a server of a cluster that did not handle an
 * endpoint's deletion lets its connection go after this long
 * @param maxFrameSize input frames larger than this go to a service in chunks of this
 * size; frames from a service may be this large whole (or at least 4 MB)
 * @param maxAssembledSize the largest frame a service's chunks may add up to
 */
@ConfigurationProperties("quantra.services")
record ServiceProperties(Duration healthInterval, Duration channelIdleTimeout, DataSize maxFrameSize,
		DataSize maxAssembledSize) {

	ServiceProperties {
		healthInterval = (healthInterval != null) ? healthInterval : Duration.ofSeconds(15);
		channelIdleTimeout = (channelIdleTimeout != null) ? channelIdleTimeout : Duration.ofMinutes(5);
		maxFrameSize = (maxFrameSize != null) ? maxFrameSize : DataSize.ofBytes(FrameChunker.DEFAULT_MAX_FRAME_SIZE);
		maxAssembledSize = (maxAssembledSize != null) ? maxAssembledSize
				: DataSize.ofBytes(FrameAssembler.DEFAULT_MAX_ASSEMBLED_SIZE);
		if (maxFrameSize.toBytes() < 1024 || maxFrameSize.toBytes() > 64L * 1024 * 1024) {
			throw new IllegalArgumentException("quantra.services.max-frame-size must be between 1KB and 64MB");
		}
		if (maxAssembledSize.toBytes() < maxFrameSize.toBytes()) {
			throw new IllegalArgumentException(
					"quantra.services.max-assembled-size must be at least quantra.services.max-frame-size");
		}
		if (healthInterval.isNegative() || healthInterval.isZero()) {
			throw new IllegalArgumentException("quantra.services.health-interval must be positive");
		}
		if (channelIdleTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("quantra.services.channel-idle-timeout must be at least 1s");
		}
	}

}
