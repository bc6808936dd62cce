package io.quantra.platform.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Counters in this node's memory; a caller's bucket is forgotten once it has been idle
 * for the longest period in use, by which time it would be full again anyway.
 */
class LocalRateLimitBackend implements RateLimitBackend {

	private final Cache<String, Bucket> buckets;

	LocalRateLimitBackend(Duration longestPeriod) {
		this.buckets = Caffeine.newBuilder().expireAfterAccess(longestPeriod).maximumSize(1_000_000).build();
	}

	@Override
	public Decision consume(String key, BucketConfiguration configuration) {
		Bucket bucket = this.buckets.get(key,
				(k) -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return RedisRateLimitBackend.decision(probe);
	}

}
