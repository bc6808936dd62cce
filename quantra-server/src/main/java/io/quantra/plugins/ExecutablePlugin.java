package io.quantra.plugins;

import java.util.List;

/**
 * A plugin this server can run: it turns the frames of its predecessors into its own
 * output. A plugin implements {@link #run} when its output is one frame, or
 * {@link #frames} when it streams several (one per page, say), the last with
 * {@code eos: true}.
 */
public interface ExecutablePlugin extends Plugin {

	/**
	 * The node's output as one frame.
	 * @throws PluginFailure for a failure with its own error code
	 */
	default Frame run(PluginContext context) throws Exception {
		throw new UnsupportedOperationException(descriptor().id() + " produces a stream of frames");
	}

	/**
	 * The node's output as the frames it streamed, in order; the engine assembles them
	 * when the last one, with {@code eos: true}, is in.
	 * @throws PluginFailure for a failure with its own error code
	 */
	default List<Frame> frames(PluginContext context) throws Exception {
		return List.of(run(context));
	}

	/**
	 * Whether running it twice for the same input is harmless, so that work interrupted
	 * by a crash may simply be run again.
	 */
	default boolean idempotent() {
		return false;
	}

}
