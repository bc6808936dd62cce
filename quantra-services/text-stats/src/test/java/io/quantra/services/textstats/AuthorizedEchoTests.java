package io.quantra.services.textstats;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.quantra.sdk.Frame;
import io.quantra.sdk.ToolClient;
import io.quantra.sdk.ToolClient.ToolFailure;
import io.quantra.sdk.ToolServer;
import io.quantra.sdk.proto.CallStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizedEchoTests {

	private final HttpClient browser = HttpClient.newHttpClient();

	private ConsentPage consent;

	private ToolServer server;

	private ManagedChannel channel;

	@BeforeEach
	void serve() throws Exception {
		this.consent = ConsentPage.start("127.0.0.1", 0);
		this.server = TextStatsService.server(Map.of("--port", "0"), this.consent).start();
		this.channel = Grpc
			.newChannelBuilderForAddress("localhost", this.server.port(), InsecureChannelCredentials.create())
			.build();
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		this.server.shutdown(Duration.ofSeconds(1));
		this.consent.close();
	}

	@Test
	void echoesOnlyOnceTheUserHasFollowedTheLink() throws Exception {
		List<Frame> seen = new ArrayList<>();
		List<Integer> pages = new ArrayList<>();

		Optional<ToolFailure> failure = ToolClient.of(this.channel)
			.stream(callStart(), List.of(Frame.of(new Frame.Item("{}", "{\"text\":\"hello\"}"))),
					Duration.ofSeconds(10), new ToolClient.CallListener() {
						@Override
						public void onFrame(Frame frame) {
							seen.add(frame);
							if (frame.oauth2Url() != null) {
								pages.add(open(frame.oauth2Url()));
							}
						}
					});

		assertThat(failure).isEmpty();
		assertThat(seen).hasSize(2);
		assertThat(seen.get(0).oauth2Url())
			.matches("http://127\\.0\\.0\\.1:\\d+/authorize\\?client_id=text-stats" + "&state=[0-9a-f-]{36}");
		assertThat(seen.get(0).data()).isEmpty();
		assertThat(pages).containsExactly(200);
		assertThat(seen.get(1).data().get(0).contentJson()).isEqualTo("{\"text\":\"hello\"}");
		assertThat(seen.get(1).eos()).isTrue();
	}

	@Test
	void withoutTheUserTheCallFailsAtItsDeadline() throws Exception {
		Optional<ToolFailure> failure = Optional.empty();
		try {
			failure = ToolClient.of(this.channel)
				.stream(callStart(), List.of(), Duration.ofMillis(800), new ToolClient.CallListener() {
				});
		}
		catch (io.grpc.StatusRuntimeException ex) {
			assertThat(ex.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.DEADLINE_EXCEEDED);
			return;
		}
		assertThat(failure).hasValueSatisfying((f) -> assertThat(f.code()).isEqualTo("AUTHORIZATION_MISSING"));
	}

	@Test
	void anUnknownRequestIsNotFound() {
		assertThat(open(
				"http://127.0.0.1:" + this.consent.port() + "/authorize?state=00000000-0000-0000-0000-000000000000"))
			.isEqualTo(404);
	}

	private int open(String url) {
		try {
			return this.browser
				.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
				.statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static CallStart callStart() {
		return CallStart.newBuilder().setPluginId(AuthorizedEcho.PLUGIN_ID).setNodeConfigJson("{}").build();
	}

}
