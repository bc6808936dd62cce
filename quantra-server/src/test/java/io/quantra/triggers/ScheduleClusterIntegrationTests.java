package io.quantra.triggers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quantra.HttpTestClient;
import io.quantra.TestDatabases;
import io.quantra.TestServers;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static io.quantra.triggers.ProjectSetup.await;
import static io.quantra.triggers.ProjectSetup.runnableProject;
import static io.quantra.triggers.ProjectSetup.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers of one cluster on the same PostgreSQL schema, both polling for due
 * schedules: every fire time starts exactly one run.
 */
class ScheduleClusterIntegrationTests {

	@Test
	void twoServersStartOneRunPerFireTime() {
		Map<String, Object> database = TestDatabases.postgres();
		String secretKey = "cluster-secret-key-" + UUID.randomUUID();
		List<ConfigurableApplicationContext> servers = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				Map<String, Object> properties = new HashMap<>(database);
				properties.put("quantra.data-dir", TestDatabases.newDataDirectory().toString());
				properties.put("quantra.secret-key", secretKey);
				properties.put("quantra.rate-limits.enabled", "false");
				properties.put("quantra.triggers.min-schedule-interval", "2s");
				servers.add(TestServers.start(properties));
			}
			HttpTestClient first = HttpTestClient.local(TestServers.port(servers.get(0)));
			HttpTestClient second = HttpTestClient.local(TestServers.port(servers.get(1)));
			String email = servers.get(0).getBean(TestAccounts.class).user("cluster");
			String[] onFirst = signIn(first, email);
			String[] onSecond = signIn(second, email);
			long project = runnableProject(first, onFirst);
			long schedule = second
				.postJson("/projects/" + project + "/schedules", "{\"cron\": \"*/2 * * * * *\"}", onSecond)
				.json()
				.get("id")
				.asLong();

			// about 8 s of fires, served by whichever server polls first
			await("four fires", Duration.ofSeconds(30),
					() -> (first.get("/schedules/" + schedule + "/fires", onFirst).json().get("total").asLong() >= 4)
							? Boolean.TRUE : null);
			first.send("PUT", "/schedules/" + schedule, "{\"cron\": \"*/2 * * * * *\", \"enabled\": false}", onFirst);

			JsonNode fires = second.get("/schedules/" + schedule + "/fires?limit=100", onSecond).json().get("fires");
			Set<String> fireTimes = new HashSet<>();
			Set<Long> firedRuns = new HashSet<>();
			fires.forEach((fire) -> {
				fireTimes.add(fire.get("fire_time").asString());
				firedRuns.add(fire.get("execution_id").asLong());
			});
			JsonNode runs = first.get("/projects/" + project + "/executions?trigger=schedule&limit=100", onFirst)
				.json();
			Set<Long> runIds = new HashSet<>();
			runs.get("executions").forEach((run) -> runIds.add(run.get("id").asLong()));

			assertThat(fireTimes).hasSizeGreaterThanOrEqualTo(4).hasSize(fires.size());
			assertThat(runs.get("total").asLong()).as("one run per fire time").isEqualTo(fireTimes.size());
			assertThat(runIds).isEqualTo(firedRuns);
		}
		finally {
			servers.forEach(ConfigurableApplicationContext::close);
		}
	}

}
