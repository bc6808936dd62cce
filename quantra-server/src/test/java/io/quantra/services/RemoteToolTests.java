package io.quantra.services;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quantra.plugins.Frame;
import io.quantra.plugins.PluginContext;
import io.quantra.plugins.PluginFailure;
import io.quantra.sdk.ToolServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A remote tool's node against a service in this process: what the engine stores is
 * exactly what the service sent, and a service that sends what is not JSON fails the node
 * clearly.
 */
class RemoteToolTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private ToolServer service;

	private ServiceChannels channels;

	private Endpoint endpoint;

	@BeforeEach
	void serve() {
		this.service = ToolServer.builder()
			.port(0)
			.handler("reply",
					(call, inputs,
							out) -> out.emit(io.quantra.sdk.Frame.of(new io.quantra.sdk.Frame.Item("{\"page\": 1}",
									"{\"text\":\"d\\u00e9j\\u00e0 vu \\\"quoted\\\"\"}"))))
			.handler("garbled",
					(call, inputs, out) -> out.emit(
							io.quantra.sdk.Frame.of(new io.quantra.sdk.Frame.Item("{}", "{\"text\": \"unterminated}"))))
			.handler("listy",
					(call, inputs, out) -> out
						.emit(io.quantra.sdk.Frame.of(new io.quantra.sdk.Frame.Item("{}", "[1, 2, 3]"))))
			.build()
			.start();
		this.channels = new ServiceChannels(new ServiceProperties(null, null, null, null));
		this.endpoint = FixedEndpoints.local(this.service.port(), List.of("reply", "garbled", "listy")).endpoint();
	}

	@AfterEach
	void stop() throws Exception {
		this.channels.destroy();
		this.service.shutdown(Duration.ofSeconds(1));
	}

	@Test
	void theStoredOutputIsWhatTheServiceSent() throws Exception {
		List<Frame> output = tool("reply").frames(context());

		assertThat(output).singleElement().satisfies((frame) -> assertThat(frame.eos()).isTrue());
		assertThat(this.json.writeValueAsString(output.get(0).data()))
			.isEqualTo("[{\"meta\":{\"page\": 1},\"content\":{\"text\":\"d\\u00e9j\\u00e0 vu \\\"quoted\\\"\"}}]");
		assertThat(
				this.json.readTree(this.json.writeValueAsString(output.get(0))).at("/data/0/content/text").asString())
			.isEqualTo("déjà vu \"quoted\"");
	}

	@Test
	void anItemThatIsNotAJsonObjectFailsTheNodeAndSaysWhy() {
		assertThatExceptionOfType(PluginFailure.class).isThrownBy(() -> tool("garbled").frames(context()))
			.satisfies((failure) -> {
				assertThat(failure.code()).isEqualTo("SERVICE_FAILED");
				assertThat(failure.retryable()).isFalse();
				assertThat(failure.getMessage()).contains("'in-process'").contains("content is not valid JSON");
			});
		assertThatExceptionOfType(PluginFailure.class).isThrownBy(() -> tool("listy").frames(context()))
			.satisfies((failure) -> assertThat(failure.getMessage()).contains("content is not a JSON object"));
	}

	private RemoteTool tool(String pluginId) {
		return new RemoteTool(pluginId, new FixedEndpoints(this.endpoint), this.channels, this.json);
	}

	private PluginContext context() {
		return new PluginContext("00000000-0000-0000-0000-000000000001", 1, "node_1", this.json.readTree("{}"),
				this.json.readTree("{}"), List.of(), Map.of(), PluginContext.Progress.NONE);
	}

}
