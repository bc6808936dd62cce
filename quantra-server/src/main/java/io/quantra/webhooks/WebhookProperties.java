package io.quantra.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks are delivered ({@code quantra.webhooks.*}).
 *
 * @param firstRetry the wait after a delivery's first failed attempt; later waits follow
 * the Standard Webhooks schedule scaled to it (5 s → 5 min, 30 min, 2 h, 5 h, 10 h)
 * @param retryWindow how long after its creation (or a redelivery) a delivery is retried
 * @param maxParallel attempts one server makes at the same time, so that slow receivers
 * cannot occupy the scheduler threads runs need
 * @param retention how long finished deliveries are kept
 * @param maxPerProject the most webhooks a project may have
 */
@ConfigurationProperties("quantra.webhooks")
record WebhookProperties(Duration firstRetry, Duration retryWindow, Integer maxParallel, Duration retention,
		Integer maxPerProject) {

	WebhookProperties {
		firstRetry = (firstRetry != null) ? firstRetry : Duration.ofSeconds(5);
		retryWindow = (retryWindow != null) ? retryWindow : Duration.ofHours(24);
		maxParallel = (maxParallel != null) ? maxParallel : 16;
		retention = (retention != null) ? retention : Duration.ofDays(30);
		maxPerProject = (maxPerProject != null) ? maxPerProject : 20;
		if (maxParallel < 1 || maxPerProject < 1 || retryWindow.isNegative() || retention.isNegative()) {
			throw new IllegalArgumentException(
					"quantra.webhooks.max-parallel and max-per-project must be positive, retry-window and retention "
							+ "not negative");
		}
	}

}
