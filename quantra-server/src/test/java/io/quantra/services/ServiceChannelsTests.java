package io.quantra.services;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.quantra.sdk.Frame;
import io.quantra.sdk.ToolServer;
import io.quantra.sdk.proto.CallStart;
import io.quantra.sdk.proto.MicroServiceGrpc;
import io.quantra.sdk.proto.MicroserviceCallRequest;
import io.quantra.sdk.proto.MicroserviceCallResponse;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceChannelsTests {

	@Test
	void closedChannelsOpenNoNewOne() throws Exception {
		ServiceChannels channels = new ServiceChannels(new ServiceProperties(null, null, null, null));
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
		ServiceChannels channels = new ServiceChannels(new ServiceProperties(null, Duration.ofSeconds(1), null, null));
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

	@Test
	void largeInputFramesGoOutInChunksOfTheConfiguredSize() throws Exception {
		List<MicroserviceCallRequest.KindCase> received = new CopyOnWriteArrayList<>();
		Server service = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
			.addService(new MicroServiceGrpc.MicroServiceImplBase() {
				@Override
				public StreamObserver<MicroserviceCallRequest> call(
						StreamObserver<MicroserviceCallResponse> responses) {
					return new StreamObserver<>() {
						@Override
						public void onNext(MicroserviceCallRequest request) {
							received.add(request.getKindCase());
						}

						@Override
						public void onError(Throwable error) {
						}

						@Override
						public void onCompleted() {
							responses.onNext(MicroserviceCallResponse.newBuilder()
								.setFrame(io.quantra.sdk.proto.Frame.newBuilder().setEos(true))
								.build());
							responses.onCompleted();
						}
					};
				}
			})
			.build()
			.start();
		ServiceChannels channels = new ServiceChannels(
				new ServiceProperties(null, null, DataSize.ofKilobytes(64), DataSize.ofMegabytes(8)));
		try {
			Endpoint endpoint = new Endpoint(9, "tool", "127.0.0.1", service.getPort(), Endpoint.GRPC, List.of("tool"),
					false, null, null, true, EndpointStatus.SERVING, null, "1.0.0", "1", null, 1);
			String text = "x".repeat(1024 * 1024);
			Frame big = Frame.of(new Frame.Item("{}", "{\"text\":\"" + text + "\"}"));

			channels.client(endpoint)
				.call(CallStart.newBuilder().setPluginId("tool").build(), List.of(big), Duration.ofSeconds(10));

			assertThat(received).first().isEqualTo(MicroserviceCallRequest.KindCase.START);
			assertThat(received).filteredOn((kind) -> kind == MicroserviceCallRequest.KindCase.CHUNK)
				.hasSize((int) Math.ceil(big.toMessage().getSerializedSize() / (64.0 * 1024)));
			assertThat(received).doesNotContain(MicroserviceCallRequest.KindCase.FRAME);
		}
		finally {
			channels.destroy();
			service.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
	}

}
