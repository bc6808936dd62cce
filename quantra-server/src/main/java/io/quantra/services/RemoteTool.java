package io.quantra.services;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quantra.platform.PiiScrubber;
import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeType;
import io.quantra.plugins.PluginContext;
import io.quantra.plugins.PluginDescriptor;
import io.quantra.plugins.PluginFailure;
import io.quantra.sdk.ToolClient.CallListener;
import io.quantra.sdk.ToolClient.ProgressReport;
import io.quantra.sdk.ToolClient.ToolFailure;
import io.quantra.sdk.proto.CallStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

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
		// each input frame is converted as gRPC's flow control lets it out
		List<io.quantra.sdk.Frame> inputs = new AbstractList<>() {
			@Override
			public io.quantra.sdk.Frame get(int index) {
				return toSdk(context.inputs().get(index));
			}

			@Override
			public int size() {
				return context.inputs().size();
			}
		};
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
				throw timedOut(endpoint, false);
			}
			Answer answer = new Answer(endpoint, context.progress());
			try {
				Optional<ToolFailure> failure = this.channels.client(endpoint).stream(start, inputs, left, answer);
				if (failure.isPresent()) {
					throw new PluginFailure(failure.get().code(), failure.get().message(), failure.get().retryable());
				}
				return answer.output();
			}
			catch (StatusRuntimeException ex) {
				Optional<PluginFailure> refused = pluginFailure(ex);
				if (refused.isPresent()) {
					throw refused.get();
				}
				Status.Code code = ex.getStatus().getCode();
				if (code == Status.Code.UNAVAILABLE && attempt < BACKOFF.size()) {
					log.info("Service endpoint {} is unavailable for {}; trying again in {} ms", endpoint.id(),
							this.pluginId, BACKOFF.get(attempt).toMillis());
					Thread.sleep(BACKOFF.get(attempt).toMillis());
					continue;
				}
				throw failure(endpoint, ex, attempt + 1, answer.awaitingAuthorization);
			}
		}
	}

	/**
	 * The answer of one call, converted frame by frame as it arrives. A frame with an
	 * OAuth2 URL asks the run's members to authorise the tool: the node waits until the
	 * tool sends anything more.
	 */
	private final class Answer implements CallListener {

		private final Endpoint endpoint;

		private final PluginContext.Progress progress;

		private final List<Frame> frames = new ArrayList<>();

		private boolean awaitingAuthorization;

		Answer(Endpoint endpoint, PluginContext.Progress progress) {
			this.endpoint = endpoint;
			this.progress = progress;
		}

		@Override
		public void onFrame(io.quantra.sdk.Frame frame) {
			wentOn();
			if (frame.oauth2Url() == null) {
				this.frames.add(converted(frame));
				return;
			}
			String url;
			try {
				url = AuthorizationUrls.shown(frame.oauth2Url(), this.endpoint.name());
			}
			catch (PluginFailure ex) {
				throw new IllegalArgumentException(ex.getMessage(), ex);
			}
			this.awaitingAuthorization = true;
			this.progress.authorizationRequested(url);
			if (!frame.data().isEmpty()) {
				Frame converted = converted(frame);
				this.frames.add(new Frame(new Frame.OAuth2(url), converted.data(), converted.tod(), converted.eos()));
			}
		}

		@Override
		public void onProgress(ProgressReport report) {
			wentOn();
			this.progress.report(saturated(report.done()), saturated(report.total()), report.unit());
		}

		private Frame converted(io.quantra.sdk.Frame frame) {
			try {
				return fromSdk(frame);
			}
			catch (IllegalArgumentException ex) {
				PluginFailure broken = new PluginFailure(SERVICE_FAILED, "service endpoint '" + this.endpoint.name()
						+ "' sent a frame the platform cannot take: " + ex.getMessage() + ".", false);
				throw new IllegalArgumentException(broken.getMessage(), broken);
			}
		}

		private void wentOn() {
			if (this.awaitingAuthorization) {
				this.awaitingAuthorization = false;
				this.progress.authorizationCompleted();
			}
		}

		List<Frame> output() {
			if (this.frames.isEmpty()) {
				return List.of(Frame.of(List.of()));
			}
			Frame last = this.frames.get(this.frames.size() - 1);
			if (!last.eos()) {
				this.frames.set(this.frames.size() - 1, new Frame(last.oauth2(), last.data(), last.tod(), true));
			}
			return List.copyOf(this.frames);
		}

	}

	/**
	 * The failure this side raised while taking the service's answer, if that ended the
	 * call.
	 */
	private static Optional<PluginFailure> pluginFailure(StatusRuntimeException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof PluginFailure failure) {
				return Optional.of(failure);
			}
		}
		return Optional.empty();
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

	private PluginFailure failure(Endpoint endpoint, StatusRuntimeException ex, int attempts,
			boolean awaitingAuthorization) {
		return switch (ex.getStatus().getCode()) {
			case UNAVAILABLE -> new PluginFailure(SERVICE_UNAVAILABLE, "service endpoint '" + endpoint.name()
					+ "' could not be reached after " + attempts + " attempts; check that it runs.", true);
			case DEADLINE_EXCEEDED -> timedOut(endpoint, awaitingAuthorization);
			case UNAUTHENTICATED,
					PERMISSION_DENIED ->
				new PluginFailure(SERVICE_FAILED, "service endpoint '" + endpoint.name()
						+ "' refused the shared secret; set the endpoint's secret to the service's.", false);
			case CANCELLED -> new PluginFailure(SERVICE_FAILED,
					"the call to service endpoint '" + endpoint.name() + "' was cancelled.", true);
			default -> new PluginFailure(SERVICE_FAILED,
					"the call to service endpoint '" + endpoint.name() + "' failed with " + ex.getStatus().getCode()
							+ ((ex.getStatus().getDescription() != null)
									? ": " + PiiScrubber.scrub(ex.getStatus().getDescription()) : "."),
					false);
		};
	}

	private PluginFailure timedOut(Endpoint endpoint, boolean awaitingAuthorization) {
		if (awaitingAuthorization) {
			// another attempt would only ask again
			return new PluginFailure(SERVICE_TIMEOUT, "no one authorised service endpoint '" + endpoint.name()
					+ "' at the URL it asked for within the node's timeout_seconds; run it again and follow the link"
					+ " shown on the run, or raise timeout_seconds.", false);
		}
		return new PluginFailure(SERVICE_TIMEOUT,
				"service endpoint '" + endpoint.name()
						+ "' did not finish within the node's timeout_seconds; raise it or make the input smaller.",
				true);
	}

	/**
	 * The node's limit: the engine stops a node only some time after it, so the call ends
	 * first, with a clear failure.
	 */
	static Duration callBudget(JsonNode config) {
		return Duration.ofSeconds(Math.max(1, config.path("timeout_seconds").asLong(DEFAULT_TIMEOUT_SECONDS)));
	}

	io.quantra.sdk.Frame toSdk(Frame frame) {
		List<io.quantra.sdk.Frame.Item> items = new ArrayList<>(frame.data().size());
		for (Frame.Item item : frame.data()) {
			items.add(new io.quantra.sdk.Frame.Item(text(item.meta()), text(item.content())));
		}
		String url = (frame.oauth2() != null) ? frame.oauth2().url() : null;
		return new io.quantra.sdk.Frame(url, items, frame.tod(), frame.eos());
	}

	/**
	 * A frame from a service. Its items' meta and content are checked to be JSON objects
	 * but not parsed into trees: they are kept as text that the engine writes out as it
	 * came when it stores the node's output, which is all it does with them. Building
	 * trees of large documents only to write them again cost more than the call itself.
	 * @throws IllegalArgumentException when an item is not a JSON object
	 */
	Frame fromSdk(io.quantra.sdk.Frame frame) {
		List<Frame.Item> items = new ArrayList<>(frame.data().size());
		for (io.quantra.sdk.Frame.Item item : frame.data()) {
			items.add(new Frame.Item(verbatim(item.metaJson(), "meta"), verbatim(item.contentJson(), "content")));
		}
		return new Frame(new Frame.OAuth2(frame.oauth2Url()), items, frame.tod(), frame.eos());
	}

	private JsonNode verbatim(String text, String field) {
		try (JsonParser parser = this.json.createParser(text)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException("an item's " + field + " is not a JSON object");
			}
			parser.skipChildren();
			if (parser.nextToken() != null) {
				throw new IllegalArgumentException("an item's " + field + " has more after its JSON object");
			}
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"an item's " + field + " is not valid JSON (" + ex.getOriginalMessage() + ")");
		}
		return this.json.getNodeFactory().rawValueNode(new RawValue(text));
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
