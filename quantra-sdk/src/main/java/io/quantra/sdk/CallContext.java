package io.quantra.sdk;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.grpc.Context;
import io.grpc.Deadline;
import io.quantra.sdk.proto.CallStart;

/**
 * What the platform said about one call: the plugin to run, the node's configuration (a
 * JSON object as text) and the ids that tie the call to a run and to the platform's logs.
 */
public final class CallContext {

	private final CallStart start;

	private final Context context;

	CallContext(CallStart start, Context context) {
		this.start = start;
		this.context = context;
	}

	/** A context for running a handler outside a server, e.g. in a tool's own tests. */
	public static CallContext of(String pluginId, String nodeConfigJson) {
		return new CallContext(CallStart.newBuilder()
			.setProtocolVersion(ToolServer.PROTOCOL_VERSION)
			.setPluginId(pluginId)
			.setNodeConfigJson(nodeConfigJson)
			.build(), Context.ROOT);
	}

	public String pluginId() {
		return this.start.getPluginId();
	}

	/** The node's configuration as JSON text, {@code {}} when the node has none. */
	public String nodeConfigJson() {
		String config = this.start.getNodeConfigJson();
		return config.isEmpty() ? "{}" : config;
	}

	public String correlationId() {
		return this.start.getCorrelationId();
	}

	public String runId() {
		return this.start.getRunId();
	}

	public String nodeKey() {
		return this.start.getNodeKey();
	}

	public String protocolVersion() {
		return this.start.getProtocolVersion();
	}

	/** The time left before the caller's deadline, if it set one. */
	public Optional<Duration> timeRemaining() {
		Deadline deadline = this.context.getDeadline();
		return (deadline != null) ? Optional.of(Duration.ofNanos(deadline.timeRemaining(TimeUnit.NANOSECONDS)))
				: Optional.empty();
	}

	/** Whether the caller cancelled the call or its deadline passed. */
	public boolean isCancelled() {
		return this.context.isCancelled();
	}

}
