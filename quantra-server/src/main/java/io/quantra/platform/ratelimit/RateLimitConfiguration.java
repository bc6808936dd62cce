package io.quantra.platform.ratelimit;

import java.time.Duration;
import java.util.stream.Stream;

import io.quantra.platform.ProblemWriter;
import io.quantra.platform.SecurityChainContribution;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Rate limits in memory by default, in Redis when {@code QUANTRA_REDIS_URL} is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
@ConditionalOnProperty(name = "quantra.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

	@Bean(destroyMethod = "close")
	RateLimitBackend rateLimitBackend(RateLimitSettings settings, @Value("${quantra.redis.url:}") String redisUrl) {
		if (!redisUrl.isBlank()) {
			return new RedisRateLimitBackend(redisUrl, settings.keyPrefix());
		}
		Duration longest = Stream
			.concat(Stream.of(settings.defaultLimit()), settings.routes().stream().map(RateLimitSettings.Route::limit))
			.map((limit) -> RateLimit.parse(limit).period())
			.max(Duration::compareTo)
			.orElse(Duration.ofHours(1));
		return new LocalRateLimitBackend(longest);
	}

	@Bean
	SecurityChainContribution rateLimits(RateLimitBackend backend, RateLimitSettings settings, ProblemWriter problems) {
		RateLimitFilter filter = new RateLimitFilter(backend, settings, problems);
		return (http) -> http.addFilterAfter(filter, AnonymousAuthenticationFilter.class);
	}

}
