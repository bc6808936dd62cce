package io.quantra.services;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import io.quantra.HttpTestClient;
import io.quantra.OnH2;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An endpoint where nothing listens is checked over gRPC and found unreachable: it stays
 * inactive and says why, and its plugins are unavailable.
 */
@OnH2
class UnreachableServiceEndpointIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	EndpointHealthCheck healthCheck;

	@Autowired
	ServiceEndpoints serviceEndpoints;

	@Test
	void anEndpointNobodyListensOnIsUnreachableAndItsPluginsUnavailable() throws Exception {
		HttpTestClient http = HttpTestClient.local(this.port);
		String[] staff = TestAccounts.signIn(http, this.accounts.staff("staff"));
		String plugin = "remote_" + UUID.randomUUID().toString().substring(0, 8);
		long id = http
			.postJson("/service-endpoints",
					"{\"name\": \"" + plugin + "\", \"host\": \"127.0.0.1\", \"port\": " + closedPort() + ", "
							+ "\"protocol\": \"grpc\", \"plugin_ids\": [\"" + plugin + "\"]}",
					staff)
			.json()
			.get("id")
			.asLong();
		this.healthCheck.checkAll();

		JsonNode endpoint = http.get("/service-endpoints/" + id, staff).json();
		assertThat(endpoint.get("active").asBoolean()).isFalse();
		assertThat(endpoint.get("status").asString()).isEqualTo("unreachable");
		assertThat(endpoint.get("status_message").asString()).contains("cannot be reached");
		assertThat(endpoint.get("last_health_check").isNull()).isFalse();
		assertThat(this.serviceEndpoints.forPlugin(plugin)).isEmpty();
		JsonNode listed = http.get("/plugins", staff)
			.json()
			.get("plugins")
			.valueStream()
			.filter((p) -> p.get("id").asString().equals(plugin))
			.findFirst()
			.orElseThrow();
		assertThat(listed.get("available").asBoolean()).isFalse();
		assertThat(listed.get("unavailable_reason").asString()).contains("cannot be reached");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
