package io.quantra.platform.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.github.bucket4j.BucketConfiguration;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.ProblemWriter;
import io.quantra.platform.ratelimit.RateLimitBackend.Decision;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Draws every request from its caller's budgets — the route's own, if it has one, and the
 * default — and answers 429 with {@code Retry-After} once one is spent. Runs after
 * authentication, so a signed-in caller is counted as a user wherever they connect from.
 * If the shared counter store is unreachable, requests are let through and a warning is
 * logged.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	/** Load balancers poll health often; counting them would starve real callers. */
	private static final Set<String> EXEMPT = Set.of("/health");

	private final RateLimitBackend backend;

	private final RateLimit defaultLimit;

	private final BucketConfiguration defaultBucket;

	private final List<CompiledRoute> routes;

	private final ProblemWriter problems;

	private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.EPOCH);

	RateLimitFilter(RateLimitBackend backend, RateLimitSettings settings, ProblemWriter problems) {
		this.backend = backend;
		this.defaultLimit = RateLimit.parse(settings.defaultLimit());
		this.defaultBucket = bucket(this.defaultLimit);
		this.routes = settings.routes().stream().map(CompiledRoute::of).toList();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("OPTIONS".equals(request.getMethod()) || EXEMPT.contains(request.getRequestURI())) {
			chain.doFilter(request, response);
			return;
		}
		String caller = CurrentUser.current()
			.map((user) -> "user:" + user.userId())
			.orElseGet(() -> "ip:" + request.getRemoteAddr());
		try {
			CompiledRoute route = route(request);
			Decision tightest = null;
			RateLimit tightestLimit = this.defaultLimit;
			if (route != null) {
				tightest = this.backend.consume("route:" + route.id() + ":" + caller, route.bucket());
				tightestLimit = route.limit();
				if (!tightest.allowed()) {
					reject(request, response, tightest);
					return;
				}
			}
			Decision overall = this.backend.consume("all:" + caller, this.defaultBucket);
			if (!overall.allowed()) {
				reject(request, response, overall);
				return;
			}
			if (tightest == null) {
				tightest = overall;
			}
			response.setHeader("X-RateLimit-Limit", Long.toString(tightestLimit.requests()));
			response.setHeader("X-RateLimit-Remaining", Long.toString(tightest.remaining()));
		}
		catch (RuntimeException ex) {
			warnUnavailable(ex);
		}
		chain.doFilter(request, response);
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, Decision decision)
			throws IOException {
		response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
		response.setHeader("X-RateLimit-Remaining", "0");
		this.problems.write(request, response, ErrorCode.RATE_LIMITED,
				"Too many requests; retry in " + decision.retryAfterSeconds() + " seconds.");
	}

	private CompiledRoute route(HttpServletRequest request) {
		if (this.routes.isEmpty()) {
			return null;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		for (CompiledRoute route : this.routes) {
			if (route.method().equalsIgnoreCase(request.getMethod()) && route.pattern().matches(path)) {
				return route;
			}
		}
		return null;
	}

	private void warnUnavailable(RuntimeException ex) {
		Instant now = Instant.now();
		Instant last = this.lastWarning.get();
		if (last.plus(Duration.ofMinutes(1)).isBefore(now) && this.lastWarning.compareAndSet(last, now)) {
			log.warn("Rate limits are not enforced: the counter store is unavailable ({})",
					ex.getClass().getSimpleName());
		}
	}

	static BucketConfiguration bucket(RateLimit limit) {
		return BucketConfiguration.builder()
			.addLimit(
					(bandwidth) -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()))
			.build();
	}

	private record CompiledRoute(String id, String method, PathPattern pattern, RateLimit limit,
			BucketConfiguration bucket) {

		static CompiledRoute of(RateLimitSettings.Route route) {
			RateLimit limit = RateLimit.parse(route.limit());
			return new CompiledRoute(route.method().toUpperCase() + " " + route.path(), route.method(),
					PathPatternParser.defaultInstance.parse(route.path()), limit, RateLimitFilter.bucket(limit));
		}

	}

}
