package io.quantra.platform.ratelimit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request budgets (seed 003): a default per caller (the user when signed in, else the
 * client IP) and tighter ones for chosen routes.
 *
 * @param enabled whether limits are enforced at all
 * @param defaultLimit the budget of every caller across all routes
 * @param routes per-route budgets, counted separately from the default
 * @param keyPrefix prefix of the counters' keys in Redis
 */
@ConfigurationProperties("quantra.rate-limits")
record RateLimitSettings(Boolean enabled, String defaultLimit, List<Route> routes, String keyPrefix) {

	RateLimitSettings {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		defaultLimit = (defaultLimit != null) ? defaultLimit : "1000/1h";
		routes = (routes != null) ? List.copyOf(routes) : List.of();
		keyPrefix = (keyPrefix != null) ? keyPrefix : "quantra:rate-limit:";
	}

	/**
	 * A budget for one route: {@code POST /auth/login} at {@code 10/1m}.
	 */
	record Route(String method, String path, String limit) {
	}

}
