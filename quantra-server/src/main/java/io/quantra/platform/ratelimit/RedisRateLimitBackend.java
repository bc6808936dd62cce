package io.quantra.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Counters in Redis ({@code QUANTRA_REDIS_URL}), updated with compare-and-swap so that
 * several nodes share one budget per caller. Keys expire once their bucket would be full
 * again.
 */
class RedisRateLimitBackend implements RateLimitBackend {

	private final RedisClient client;

	private final StatefulRedisConnection<String, byte[]> connection;

	private final ProxyManager<String> buckets;

	private final String keyPrefix;

	RedisRateLimitBackend(String url, String keyPrefix) {
		this.client = RedisClient.create(url);
		this.client.setDefaultTimeout(Duration.ofSeconds(2));
		this.connection = this.client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		this.buckets = Bucket4jLettuce.casBasedBuilder(this.connection)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
		this.keyPrefix = keyPrefix;
	}

	@Override
	public Decision consume(String key, BucketConfiguration configuration) {
		ConsumptionProbe probe = this.buckets.builder()
			.build(this.keyPrefix + key, () -> configuration)
			.tryConsumeAndReturnRemaining(1);
		return decision(probe);
	}

	static Decision decision(ConsumptionProbe probe) {
		long wait = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
		return new Decision(probe.isConsumed(), probe.getRemainingTokens(), probe.isConsumed() ? 0 : Math.max(1, wait));
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

}
