package io.quantra.services;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceChannelsTests {

	@Test
	void closedChannelsOpenNoNewOne() throws Exception {
		ServiceChannels channels = new ServiceChannels();
		Endpoint endpoint = new Endpoint(7, "tool", "127.0.0.1", 50051, Endpoint.GRPC, List.of("tool"), false, null,
				null, true, EndpointStatus.SERVING, null, "1.0.0", "1", null, 1);
		assertThat(channels.channel(endpoint)).isNotNull();
		assertThat(channels.holds(7)).isTrue();

		channels.destroy();

		assertThat(channels.holds(7)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> channels.channel(endpoint))
			.withMessageContaining("shutting down");
	}

}
