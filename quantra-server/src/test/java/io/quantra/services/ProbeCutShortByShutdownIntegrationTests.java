package io.quantra.services;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.quantra.HttpTestClient;
import io.quantra.OnH2;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression: when the server stopped, its channels to the services closed under a health
 * check still probing, which then recorded the healthy service as unreachable (and said
 * so in the log). A probe that ends after the check stopped records nothing.
 */
@OnH2
class ProbeCutShortByShutdownIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	EndpointHealthCheck healthCheck;

	@Test
	void aProbeThatEndsAfterTheCheckStoppedRecordsNothing() throws Exception {
		HttpTestClient http = HttpTestClient.local(this.port);
		String[] staff = TestAccounts.signIn(http, this.accounts.staff("staff"));
		// accepts the connection and never answers, so the probe is in flight until its
		// deadline
		try (ServerSocket silent = new ServerSocket(0)) {
			String plugin = "silent_" + UUID.randomUUID().toString().substring(0, 8);
			long id = http
				.postJson("/service-endpoints",
						"{\"name\": \"" + plugin + "\", \"host\": \"127.0.0.1\", \"port\": " + silent.getLocalPort()
								+ ", \"protocol\": \"grpc\", \"plugin_ids\": [\"" + plugin + "\"]}",
						staff)
				.json()
				.get("id")
				.asLong();
			try {
				CompletableFuture<List<EndpointStatus>> check = CompletableFuture
					.supplyAsync(this.healthCheck::checkAll);
				try (Socket probe = silent.accept()) {
					this.healthCheck.stop();
					check.get(GrpcEndpointProbe.DEADLINE.toSeconds() + 5, TimeUnit.SECONDS);

					JsonNode endpoint = http.get("/service-endpoints/" + id, staff).json();
					assertThat(endpoint.get("status").asString()).isEqualTo("unknown");
					assertThat(endpoint.get("last_health_check").isNull()).isTrue();
				}
				finally {
					this.healthCheck.start();
				}
				assertThat(this.healthCheck.checkAll()).as("checks again once started").isNotEmpty();
			}
			finally {
				http.send("DELETE", "/service-endpoints/" + id, "", staff);
			}
		}
	}

}
