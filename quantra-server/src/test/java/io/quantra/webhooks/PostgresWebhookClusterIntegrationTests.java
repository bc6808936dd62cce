package io.quantra.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.TestDatabases;
import io.quantra.TestServers;
import io.quantra.identity.TestAccounts;
import io.quantra.webhooks.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.quantra.Pause.pause;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers on one PostgreSQL database, as a cluster runs: runs started on either are
 * delivered once each, signed with a secret created on one server and opened on the
 * other, whichever server's scheduler picks the attempt.
 */
class PostgresWebhookClusterIntegrationTests {

	private static final int RUNS = 6;

	/** run_started, node_started, node_completed, run_completed of a one-node run. */
	private static final int EVENTS_PER_RUN = 4;

	@Test
	void eachEventIsDeliveredOnceWhicheverServerSendsIt() {
		Map<String, Object> properties = new HashMap<>(TestDatabases.postgres());
		properties.put("quantra.secret-key", "cluster-" + UUID.randomUUID() + "-shared-by-every-node");
		properties.put("quantra.rate-limits.enabled", "false");
		try (WebhookReceiver receiver = WebhookReceiver.start();
				ConfigurableApplicationContext first = TestServers.start(properties)) {
			HttpTestClient one = HttpTestClient.local(TestServers.port(first));
			TestAccounts accounts = first.getBean(TestAccounts.class);
			String[] staff = TestAccounts.signIn(one, accounts.staff("staff"));
			// before the second server starts, so that it reads the setting fresh
			assertThat(one.send("PUT", "/settings", "{\"webhooks_allow_private_targets\": true}", staff).status())
				.isEqualTo(200);
			try (ConfigurableApplicationContext second = TestServers.start(properties)) {
				HttpTestClient two = HttpTestClient.local(TestServers.port(second));
				String email = accounts.user("owner");
				String[] onOne = TestAccounts.signIn(one, email);
				String[] onTwo = TestAccounts.signIn(two, email);
				long project = one.postJson("/projects", "{\"name\": \"Cluster\"}", onOne).json().get("id").asLong();
				Response hook = one.postJson("/projects/" + project + "/webhooks",
						"{\"url\": \"" + receiver.url("/cluster") + "\"}", onOne);
				assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
				String secret = hook.json().get("secret").asString();
				assertThat(one
					.postJson("/projects/" + project + "/nodes",
							"{\"node_type\": \"datasource\", \"plugin_id\": \"inputs\", \"config\": {}}", onOne)
					.status()).isEqualTo(201);

				for (int i = 0; i < RUNS; i++) {
					HttpTestClient server = (i % 2 == 0) ? one : two;
					Response started = server.postJson("/projects/" + project + "/run", "{}",
							(i % 2 == 0) ? onOne : onTwo);
					assertThat(started.status()).as(started.toString()).isEqualTo(202);
				}

				List<Received> received = awaitReceived(receiver, RUNS * EVENTS_PER_RUN);
				assertThat(received).extracting((r) -> r.header("webhook-id")).doesNotHaveDuplicates();
				assertThat(received).allSatisfy((r) -> assertThat(r.signedWith(secret)).isTrue());
				long succeeded = one
					.get("/webhooks/" + hook.json().get("id").asLong() + "/deliveries?status=succeeded", onTwo)
					.json()
					.get("total")
					.asLong();
				assertThat(succeeded).isEqualTo(RUNS * EVENTS_PER_RUN);
			}
		}
	}

	private static List<Received> awaitReceived(WebhookReceiver receiver, int count) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			List<Received> received = receiver.received("/cluster");
			if (received.size() >= count) {
				// a duplicate, if there were one, would arrive right behind
				pause(500);
				return receiver.received("/cluster");
			}
			pause(50);
		}
		throw new AssertionError("Only " + receiver.received("/cluster").size() + " of " + count + " events arrived");
	}

}
