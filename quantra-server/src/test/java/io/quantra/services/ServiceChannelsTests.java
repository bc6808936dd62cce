package io.quantra.services;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.grpc.ConnectivityState;
import io.quantra.sdk.ToolServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceChannelsTests {

	@Test
	void closedChannelsOpenNoNewOne() throws Exception {
		ServiceChannels channels = new ServiceChannels(new ServiceProperties(null, null));
		Endpoint endpoint = new Endpoint(7, "tool", "127.0.0.1", 50051, Endpoint.GRPC, List.of("tool"), false, null,
				null, true, EndpointStatus.SERVING, null, "1.0.0", "1", null, 1);
		assertThat(channels.channel(endpoint)).isNotNull();
		assertThat(channels.holds(7)).isTrue();

		channels.destroy();

		assertThat(channels.holds(7)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> channels.channel(endpoint))
			.withMessageContaining("shutting down");
	}

	@Test
	void aChannelWithoutCallsLetsItsConnectionGo() throws Exception {
		ToolServer service = ToolServer.builder().port(0).handler("tool", (call, inputs, out) -> {
		}).build().start();
		ServiceChannels channels = new ServiceChannels(new ServiceProperties(null, Duration.ofSeconds(1)));
		try {
			Endpoint endpoint = new Endpoint(8, "tool", "127.0.0.1", service.port(), Endpoint.GRPC, List.of("tool"),
					false, null, null, true, EndpointStatus.SERVING, null, "1.0.0", "1", null, 1);
			assertThat(channels.client(endpoint).version(Duration.ofSeconds(5)).getPluginIdsList())
				.containsExactly("tool");
			assertThat(channels.channel(endpoint).getState(false)).isEqualTo(ConnectivityState.READY);

			Instant deadline = Instant.now().plusSeconds(10);
			while (channels.channel(endpoint).getState(false) != ConnectivityState.IDLE
					&& Instant.now().isBefore(deadline)) {
				Thread.sleep(100);
			}

			assertThat(channels.channel(endpoint).getState(false)).isEqualTo(ConnectivityState.IDLE);
			assertThat(channels.client(endpoint).version(Duration.ofSeconds(5)).getPluginIdsList())
				.as("a later call connects again")
				.containsExactly("tool");
		}
		finally {
			channels.destroy();
			service.shutdown(Duration.ofSeconds(1));
		}
	}

}
