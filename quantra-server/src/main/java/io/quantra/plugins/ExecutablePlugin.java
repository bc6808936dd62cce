package io.quantra.plugins;

/**
 * A plugin this server can run: it turns the frames of its predecessors into its own
 * output.
 */
public interface ExecutablePlugin extends Plugin {

	Frame run(PluginContext context) throws Exception;

	/**
	 * Whether running it twice for the same input is harmless, so that work interrupted
	 * by a crash may simply be run again.
	 */
	default boolean idempotent() {
		return false;
	}

}
