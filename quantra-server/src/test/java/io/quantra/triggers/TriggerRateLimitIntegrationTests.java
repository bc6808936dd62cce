package io.quantra.triggers;

import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.TestDatabases;
import io.quantra.TestServers;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.quantra.triggers.ProjectSetup.apiToken;
import static io.quantra.triggers.ProjectSetup.runnableProject;
import static io.quantra.triggers.ProjectSetup.signIn;
import static io.quantra.triggers.ProjectSetup.signature;
import static io.quantra.triggers.ProjectSetup.triggerSecret;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook trigger's budget (seed 003's 30 run starts a minute) on a server with the
 * shipped rate limits.
 */
class TriggerRateLimitIntegrationTests {

	@Test
	void aBurstBeyondThirtyTriggersAMinuteIsRefused() {
		try (ConfigurableApplicationContext server = TestServers.start(TestDatabases.h2())) {
			HttpTestClient http = HttpTestClient.local(TestServers.port(server));
			String email = server.getBean(TestAccounts.class).user("pipeline-bot");
			String[] owner = signIn(http, email);
			long project = runnableProject(http, owner);
			String[] token = apiToken(http, email);
			String body = "{\"project_id\": " + project + "}";

			// the whole budget at once, then one more at a time until refused
			Instant start = Instant.now();
			HttpClient client = HttpClient.newHttpClient();
			List<CompletableFuture<HttpResponse<String>>> burst = IntStream.range(0, 30)
				.mapToObj((i) -> client.sendAsync(http.request("/run", token)
					.header("Content-Type", "application/json")
					.POST(BodyPublishers.ofString(body))
					.build(), BodyHandlers.ofString()))
				.toList();
			for (CompletableFuture<HttpResponse<String>> response : burst) {
				assertThat(response.join().statusCode()).as(response.join().body()).isEqualTo(202);
			}
			int refilled = 0;
			Response refused = http.postJson("/run", body, token);
			while (refused.status() == 202 && refilled < 30) {
				refilled++;
				refused = http.postJson("/run", body, token);
			}
			// the budget refills one request every two seconds
			long seconds = Duration.between(start, Instant.now()).toSeconds();
			assertThat(refilled).isLessThanOrEqualTo((int) (seconds / 2) + 1);
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.json().get("code").asString()).isEqualTo("RATE_LIMITED");
			assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
			assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);

			// a signed request without a credential draws on the budget of its address
			String secret = triggerSecret(http, owner, project);
			assertThat(http.postJson("/run", body, signature(secret, body)).status()).isEqualTo(202);
		}
	}

}
