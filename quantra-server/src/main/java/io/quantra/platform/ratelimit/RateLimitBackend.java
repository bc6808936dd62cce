package io.quantra.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;

/**
 * Where the counters live: in this node's memory, or in Redis so that every node of a
 * cluster draws on one budget.
 */
interface RateLimitBackend extends AutoCloseable {

	/**
	 * Takes one request from the budget under {@code key}.
	 */
	Decision consume(String key, BucketConfiguration configuration);

	@Override
	default void close() {
	}

	record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
	}

}
