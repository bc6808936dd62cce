package io.quantra.plugins;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Everything a plugin sees of the run it works in.
 *
 * @param runId the run's UUID
 * @param nodeKey the node being run ({@code node_12})
 * @param config the node's configuration, valid against the plugin's schema
 * @param runInputs the {@code inputs} the run was started with
 * @param inputs the output frames of the node's flow and interactive predecessors, in
 * order
 * @param references the outputs of nodes this node points at by reference edges, by node
 * key
 */
public record PluginContext(String runId, String nodeKey, JsonNode config, JsonNode runInputs, List<Frame> inputs,
		Map<String, Frame> references) {

	public PluginContext {
		inputs = List.copyOf(inputs);
		references = Map.copyOf(references);
	}

}
