package io.quantra.services.textstats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.quantra.sdk.Frame;
import io.quantra.sdk.ToolClient;
import io.quantra.sdk.ToolClient.CallResult;
import io.quantra.sdk.ToolClient.ProgressReport;
import io.quantra.sdk.ToolServer;
import io.quantra.sdk.proto.CallStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextStatsServiceTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private ToolServer server;

	private ManagedChannel channel;

	private ToolClient client;

	@BeforeEach
	void start() {
		this.server = TextStatsService.server(Map.of("--port", "0", "--secret", "s3cret", "--version", "1.0.0"), null)
			.start();
		this.channel = Grpc
			.newChannelBuilderForAddress("localhost", this.server.port(), InsecureChannelCredentials.create())
			.build();
		this.client = ToolClient.of(this.channel).withSharedSecret("s3cret");
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		this.server.shutdown(Duration.ofSeconds(1));
	}

	@Test
	void versionListsEveryPlugin() {
		assertThat(this.client.version(TIMEOUT).getPluginIdsList()).containsExactly("echo", "sleep", "text_stats");
		assertThat(this.client.version(TIMEOUT).getServiceVersion()).isEqualTo("1.0.0");
	}

	@Test
	void versionReportsTheProtocolVersionAskedFor() throws InterruptedException {
		assertThat(this.client.version(TIMEOUT).getProtocolVersion()).isEqualTo(ToolServer.PROTOCOL_VERSION);
		ToolServer other = TextStatsService.server(Map.of("--port", "0", "--protocol-version", "2"), null).start();
		ManagedChannel channel = Grpc
			.newChannelBuilderForAddress("localhost", other.port(), InsecureChannelCredentials.create())
			.build();
		try {
			assertThat(ToolClient.of(channel).version(TIMEOUT).getProtocolVersion()).isEqualTo("2");
		}
		finally {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
			other.shutdown(Duration.ofSeconds(1));
		}
	}

	@Test
	void textStatsStreamsOneFramePerItemWithProgress() throws Exception {
		Frame pages = Frame.of(item("{\"page\":1}", "{\"text\":\"Invoice Number: INV-2025-0042\\nDate: 2025-06-15\"}"),
				item("{\"page\":2}", "{\"image\":\"no text here\"}"));
		Frame last = Frame.of(item("{\"page\":3}", "{\"text\":\"Amount: $1,250.00 €\\n\"}"));

		CallResult result = this.client.call(start("text_stats"), List.of(pages, last), TIMEOUT);

		assertThat(result.failure()).isEmpty();
		assertThat(result.frames()).extracting((frame) -> frame.data().get(0))
			.containsExactly(item("{\"page\":1}", "{\"words\":5,\"characters\":46,\"lines\":2}"),
					item("{\"page\":3}", "{\"words\":3,\"characters\":20,\"lines\":1}"));
		assertThat(result.frames()).extracting(Frame::eos).containsExactly(false, true);
		assertThat(result.progress()).containsExactly(new ProgressReport(1, 3, "items"),
				new ProgressReport(2, 3, "items"), new ProgressReport(3, 3, "items"));
	}

	@Test
	void contentThatIsNotJsonFailsTheCall() throws Exception {
		CallResult result = this.client.call(start("text_stats"), List.of(Frame.of(item("{}", "{\"text\":"))), TIMEOUT);

		assertThat(result.failure()).hasValueSatisfying((failure) -> {
			assertThat(failure.code()).isEqualTo("INVALID_INPUT");
			assertThat(failure.retryable()).isFalse();
		});
	}

	@Test
	void echoReturnsA50MegabyteDocumentByteExact() throws Exception {
		String text = text(50 * 1024 * 1024);
		Frame document = new Frame(null, List.of(item("{\"filename\":\"big.txt\"}", "{\"text\":\"" + text + "\"}")),
				Frame.OBJECT, false);
		byte[] sent = digest(document.data().get(0).contentJson());

		CallResult result = this.client.call(start("echo"), List.of(document), TIMEOUT);

		assertThat(result.failure()).isEmpty();
		assertThat(result.frames()).singleElement().satisfies((frame) -> {
			assertThat(frame.eos()).isTrue();
			assertThat(frame.data().get(0).metaJson()).isEqualTo("{\"filename\":\"big.txt\"}");
			assertThat(digest(frame.data().get(0).contentJson())).isEqualTo(sent);
		});
	}

	/**
	 * Text of about {@code size} UTF-8 bytes with multi-byte characters and JSON escapes.
	 */
	private static String text(int size) {
		String line = "Rechnung Nr. 42 — Betrag: 1.250,00 € 𝄞 \\\"zitiert\\\"\\n";
		StringBuilder text = new StringBuilder(size);
		while (text.length() < size - line.length()) {
			text.append(line);
		}
		return text.toString();
	}

	private static byte[] digest(String value) throws Exception {
		return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
	}

	private static CallStart start(String pluginId) {
		return CallStart.newBuilder().setPluginId(pluginId).setRunId("run-1").setNodeKey("stats").build();
	}

	private static Frame.Item item(String meta, String content) {
		return new Frame.Item(meta, content);
	}

}
