package io.quantra.sdk;

/**
 * What a tool author implements to work on a call's input frames as they arrive: it
 * starts as soon as the call does, takes its inputs from a {@link FrameSource} and emits
 * output frames while the caller is still sending, so a long input flows through the tool
 * instead of being held whole in memory first.
 * <p>
 * As with a {@link ToolHandler}, the SDK marks the last emitted frame {@code eos} once
 * the handler returns (so the newest emitted frame goes out with the next emit or the
 * return), splits and reassembles large frames, and turns an exception into a
 * {@code Failure} message. When the caller cancels or its deadline passes, the handler's
 * thread is interrupted, and reading an input or emitting throws
 * {@link java.util.concurrent.CancellationException}. A handler may return before it has
 * read every input; the inputs it left are dropped.
 */
@FunctionalInterface
public interface StreamingToolHandler {

	/**
	 * Runs one node.
	 * @param call what the platform said about the call (plugin, node configuration, ids)
	 * @param inputs the input frames, in the order they were sent, as they arrive
	 * @param out where the output frames, progress and failures go
	 * @throws Exception when the tool fails; a {@link ToolException} chooses the
	 * failure's code and whether it is retryable, any other exception is
	 * {@code INTERNAL_ERROR}
	 */
	void handle(CallContext call, FrameSource inputs, FrameEmitter out) throws Exception;

}
