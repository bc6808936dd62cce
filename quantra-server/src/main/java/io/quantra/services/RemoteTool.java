package io.quantra.services;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeType;
import io.quantra.plugins.PluginContext;
import io.quantra.plugins.PluginDescriptor;
import io.quantra.plugins.PluginFailure;
import io.quantra.sdk.ToolClient.CallResult;
import io.quantra.sdk.proto.CallStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the nodes of one remote plugin on the microservice that serves it, chosen when the
 * node runs: the node's input frames go out, its progress is reported live, and the
 * frames that come back are its output. A service that cannot be reached is tried again
 * with backoff ({@link #BACKOFF}), on whichever endpoint is active by then, before the
 * node fails with {@value #SERVICE_UNAVAILABLE}, retryable, so the node's own
 * {@code retries} apply.
 */
final class RemoteTool implements ExecutablePlugin {

	/** No active service can run the node now; a later attempt may find one. */
	static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

	/** The service did not answer within the node's time limit. */
	static final String SERVICE_TIMEOUT = "SERVICE_TIMEOUT";

	/** The service broke the call (refused the secret, broke the protocol, crashed). */
	static final String SERVICE_FAILED = "SERVICE_FAILED";

	/** The pauses before each new attempt after the service could not be reached. */
	static final List<Duration> BACKOFF = List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));

	/** The node's limit when its config sets none: the engine's default. */
	static final int DEFAULT_TIMEOUT_SECONDS = 3600;

	private static final Logger log = LoggerFactory.getLogger(RemoteTool.class);

	private final String pluginId;

	private final ServiceEndpoints endpoints;

	private final ServiceChannels channels;

	private final JsonMapper json;

	private final PluginDescriptor descriptor;

	RemoteTool(String pluginId, ServiceEndpoints endpoints, ServiceChannels channels, JsonMapper json) {
		this.pluginId = pluginId;
		this.endpoints = endpoints;
		this.channels = channels;
		this.json = json;
		this.descriptor = new PluginDescriptor(pluginId, NodeType.TOOL, pluginId,
				"A tool served by a registered microservice.", "unknown", "{\"type\": \"object\"}",
				List.of("object", "table"), List.of("object", "table"), PluginDescriptor.AVAILABLE, null);
	}

	@Override
	public PluginDescriptor descriptor() {
		return this.descriptor;
	}

	@Override
	public List<Frame> frames(PluginContext context) throws Exception {
		long deadline = System.nanoTime() + callBudget(context.config()).toNanos();
		List<io.quantra.sdk.Frame> inputs = new ArrayList<>(context.inputs().size());
		for (Frame frame : context.inputs()) {
			inputs.add(toSdk(frame));
		}
		CallStart start = CallStart.newBuilder()
			.setPluginId(this.pluginId)
			.setNodeConfigJson(this.json.writeValueAsString(context.config()))
			.setRunId(nullToEmpty(context.runId()))
			.setNodeKey(nullToEmpty(context.nodeKey()))
			.build();
		for (int attempt = 0;; attempt++) {
			Endpoint endpoint = endpoint();
			Duration left = Duration.ofNanos(deadline - System.nanoTime());
			if (left.isNegative() || left.isZero()) {
				throw timedOut(endpoint);
			}
			try {
				CallResult result = this.channels.client(endpoint)
					.call(start, inputs, left, (report) -> context.progress()
						.report(saturated(report.done()), saturated(report.total()), report.unit()));
				if (result.failure().isPresent()) {
					throw new PluginFailure(result.failure().get().code(), result.failure().get().message(),
							result.failure().get().retryable());
				}
				return output(result);
			}
			catch (StatusRuntimeException ex) {
				Status.Code code = ex.getStatus().getCode();
				if (code == Status.Code.UNAVAILABLE && attempt < BACKOFF.size()) {
					log.info("Service endpoint {} is unavailable for {}; trying again in {} ms", endpoint.id(),
							this.pluginId, BACKOFF.get(attempt).toMillis());
					Thread.sleep(BACKOFF.get(attempt).toMillis());
					continue;
				}
				throw failure(endpoint, ex, attempt + 1);
			}
		}
	}

	/** The active endpoint that serves the plugin now. */
	private Endpoint endpoint() throws PluginFailure {
		Optional<Endpoint> active = this.endpoints.forPlugin(this.pluginId);
		if (active.isPresent()) {
			return active.get();
		}
		boolean declared = this.endpoints.all().stream().anyMatch((e) -> e.declares(this.pluginId));
		if (!declared) {
			throw new PluginFailure(PluginFailure.PLUGIN_UNAVAILABLE, "no service endpoint offers plugin '"
					+ this.pluginId + "' any more; register a service that offers it.", false);
		}
		throw new PluginFailure(SERVICE_UNAVAILABLE, "no service endpoint that offers plugin '" + this.pluginId
				+ "' is active; see GET /service-endpoints for why.", true);
	}

	private PluginFailure failure(Endpoint endpoint, StatusRuntimeException ex, int attempts) {
		return switch (ex.getStatus().getCode()) {
			case UNAVAILABLE -> new PluginFailure(SERVICE_UNAVAILABLE, "service endpoint '" + endpoint.name()
					+ "' could not be reached after " + attempts + " attempts; check that it runs.", true);
			case DEADLINE_EXCEEDED -> timedOut(endpoint);
			case UNAUTHENTICATED,
					PERMISSION_DENIED ->
				new PluginFailure(SERVICE_FAILED, "service endpoint '" + endpoint.name()
						+ "' refused the shared secret; set the endpoint's secret to the service's.", false);
			case CANCELLED -> new PluginFailure(SERVICE_FAILED,
					"the call to service endpoint '" + endpoint.name() + "' was cancelled.", true);
			default -> new PluginFailure(SERVICE_FAILED, "the call to service endpoint '" + endpoint.name()
					+ "' failed with " + ex.getStatus().getCode() + ".", false);
		};
	}

	private PluginFailure timedOut(Endpoint endpoint) {
		return new PluginFailure(SERVICE_TIMEOUT,
				"service endpoint '" + endpoint.name()
						+ "' did not finish within the node's timeout_seconds; raise it or make the input smaller.",
				true);
	}

	/**
	 * A little under the node's limit, so the call ends with a clear failure before the
	 * engine gives up on the node.
	 */
	static Duration callBudget(JsonNode config) {
		long limit = config.path("timeout_seconds").asLong(DEFAULT_TIMEOUT_SECONDS) * 1000;
		long margin = Math.max(100, Math.min(2000, limit / 20));
		return Duration.ofMillis(Math.max(1, limit - margin));
	}

	private List<Frame> output(CallResult result) {
		List<Frame> frames = new ArrayList<>(result.frames().size());
		for (io.quantra.sdk.Frame frame : result.frames()) {
			frames.add(fromSdk(frame));
		}
		if (frames.isEmpty()) {
			return List.of(Frame.of(List.of()));
		}
		Frame last = frames.get(frames.size() - 1);
		if (!last.eos()) {
			frames.set(frames.size() - 1, new Frame(last.oauth2(), last.data(), last.tod(), true));
		}
		return frames;
	}

	io.quantra.sdk.Frame toSdk(Frame frame) {
		List<io.quantra.sdk.Frame.Item> items = new ArrayList<>(frame.data().size());
		for (Frame.Item item : frame.data()) {
			items.add(new io.quantra.sdk.Frame.Item(text(item.meta()), text(item.content())));
		}
		String url = (frame.oauth2() != null) ? frame.oauth2().url() : null;
		return new io.quantra.sdk.Frame(url, items, frame.tod(), frame.eos());
	}

	Frame fromSdk(io.quantra.sdk.Frame frame) {
		List<Frame.Item> items = new ArrayList<>(frame.data().size());
		for (io.quantra.sdk.Frame.Item item : frame.data()) {
			items.add(new Frame.Item(this.json.readTree(item.metaJson()), this.json.readTree(item.contentJson())));
		}
		return new Frame(new Frame.OAuth2(frame.oauth2Url()), items, frame.tod(), frame.eos());
	}

	private String text(JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? "{}" : this.json.writeValueAsString(node);
	}

	private static int saturated(long value) {
		return (int) Math.min(Integer.MAX_VALUE, value);
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
