package io.quantra.platform.ratelimit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.TestDatabases;
import io.quantra.TestServers;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits on servers of their own with the shipped defaults: in memory on one node,
 * and in the Redis server on 127.0.0.1:6379 shared by two nodes of one cluster.
 */
class RateLimitIntegrationTests {

	private static final String LOGIN = "{\"email\": \"nobody@example.com\", \"password\": \"Wrong-Passw0rd!\"}";

	@Test
	void theEleventhLoginInAMinuteIsRefused() {
		try (ConfigurableApplicationContext server = TestServers.start(TestDatabases.h2())) {
			HttpTestClient http = HttpTestClient.local(TestServers.port(server));
			for (int attempt = 1; attempt <= 10; attempt++) {
				Response response = http.postJson("/auth/login", LOGIN);
				assertThat(response.status()).as("attempt %d", attempt).isEqualTo(401);
				assertThat(response.header("X-RateLimit-Limit")).isEqualTo("10");
			}
			Response refused = http.postJson("/auth/login", LOGIN);
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.json().get("code").asString()).isEqualTo("RATE_LIMITED");
			assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
			// the console login has a budget of its own
			assertThat(http.postJson("/login", LOGIN).status()).isEqualTo(401);
		}
	}

	@Test
	void theDefaultBudgetCoversEveryRoute() {
		Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
		properties.put("quantra.rate-limits.default-limit", "5/1h");
		try (ConfigurableApplicationContext server = TestServers.start(properties)) {
			HttpTestClient http = HttpTestClient.local(TestServers.port(server));
			for (int i = 0; i < 5; i++) {
				assertThat(http.get("/version").status()).isEqualTo(200);
			}
			Response refused = http.get("/version");
			assertThat(refused.status()).isEqualTo(429);
			assertThat(Long.parseLong(refused.header("Retry-After"))).isGreaterThan(60L);
			assertThat(http.get("/health").status()).as("health checks are not counted").isEqualTo(200);
		}
	}

	@Test
	void twoNodesShareOneBudgetInRedis() {
		Map<String, Object> database = TestDatabases.postgres();
		String prefix = "quantra-test:" + UUID.randomUUID() + ":";
		List<ConfigurableApplicationContext> nodes = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				Map<String, Object> properties = new HashMap<>(database);
				properties.put("quantra.redis.url", "redis://127.0.0.1:6379");
				properties.put("quantra.rate-limits.key-prefix", prefix);
				properties.put("quantra.data-dir", TestDatabases.newDataDirectory().toString());
				nodes.add(TestServers.start(properties));
			}
			HttpTestClient first = HttpTestClient.local(TestServers.port(nodes.get(0)));
			HttpTestClient second = HttpTestClient.local(TestServers.port(nodes.get(1)));
			for (int attempt = 1; attempt <= 10; attempt++) {
				HttpTestClient node = (attempt % 2 == 0) ? second : first;
				assertThat(node.postJson("/auth/login", LOGIN).status()).as("attempt %d", attempt).isEqualTo(401);
			}
			assertThat(first.postJson("/auth/login", LOGIN).status()).isEqualTo(429);
			assertThat(second.postJson("/auth/login", LOGIN).status()).isEqualTo(429);
		}
		finally {
			nodes.forEach(ConfigurableApplicationContext::close);
		}
	}

}
