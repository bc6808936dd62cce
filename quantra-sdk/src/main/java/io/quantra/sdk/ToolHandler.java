package io.quantra.sdk;

import java.util.List;

/**
 * What a tool author implements: read the node's input frames, emit output frames. It
 * runs once the caller has sent every input; a {@link StreamingToolHandler} takes them as
 * they arrive instead.
 * <p>
 * The SDK marks the last emitted frame {@code eos} once the handler returns, splits and
 * reassembles large frames, and turns an exception into a {@code Failure} message. When
 * the caller cancels or its deadline passes, the handler's thread is interrupted and
 * further emits throw {@link java.util.concurrent.CancellationException}.
 */
@FunctionalInterface
public interface ToolHandler extends StreamingToolHandler {

	/**
	 * Runs one node.
	 * @param call what the platform said about the call (plugin, node configuration, ids)
	 * @param inputs the input frames, in the order they were sent
	 * @param out where the output frames, progress and failures go
	 * @throws Exception when the tool fails; a {@link ToolException} chooses the
	 * failure's code and whether it is retryable, any other exception is
	 * {@code INTERNAL_ERROR}
	 */
	void handle(CallContext call, List<Frame> inputs, FrameEmitter out) throws Exception;

	/**
	 * Waits for every input frame, then runs
	 * {@link #handle(CallContext, List, FrameEmitter)}.
	 */
	@Override
	default void handle(CallContext call, FrameSource inputs, FrameEmitter out) throws Exception {
		handle(call, inputs.remaining(), out);
	}

}
