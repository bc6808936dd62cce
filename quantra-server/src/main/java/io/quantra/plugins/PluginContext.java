package io.quantra.plugins;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Everything a plugin sees of the run it works in.
 *
 * @param runId the run's UUID
 * @param projectId the project the run belongs to; a plugin touches no other project's
 * data
 * @param nodeKey the node being run ({@code node_12})
 * @param config the node's configuration, valid against the plugin's schema
 * @param runInputs the {@code inputs} the run was started with
 * @param inputs the output frames of the node's flow and interactive predecessors, in
 * order
 * @param references the output frames of nodes this node points at by reference edges, by
 * node key
 * @param progress where a long-running plugin reports how far it got
 */
public record PluginContext(String runId, long projectId, String nodeKey, JsonNode config, JsonNode runInputs,
		List<Frame> inputs, Map<String, List<Frame>> references, Progress progress) {

	public PluginContext {
		inputs = List.copyOf(inputs);
		references = Map.copyOf(references);
	}

	/** The node's id on the canvas, from its key. */
	public long nodeId() {
		return Long.parseLong(this.nodeKey.substring(this.nodeKey.indexOf('_') + 1));
	}

	/**
	 * Progress of a node, shown live on the run's stream as {@code node_progress} events.
	 * Reports carry counts only, never content. A node whose tool needs a user to
	 * authorise it with an external provider says so here too: the run's members see the
	 * URL on the run's stream and in its results until the tool goes on.
	 */
	@FunctionalInterface
	public interface Progress {

		/** No one is listening. */
		Progress NONE = (done, total, unit) -> {
		};

		/**
		 * @param done units finished so far
		 * @param total units in all, or 0 when unknown
		 * @param unit what is counted, such as {@code pages}
		 */
		void report(int done, int total, String unit);

		/**
		 * The node waits for a user of the run to authorise its tool at {@code url}, an
		 * absolute http(s) URL free of personal data.
		 */
		default void authorizationRequested(String url) {
		}

		/** The tool went on after asking for authorization. */
		default void authorizationCompleted() {
		}

	}

}
