package io.quantra.plugins;

import java.util.List;

/**
 * What a plugin declares about itself, next to its code: identity, the node type it
 * serves, the JSON Schema its configuration must satisfy, the kinds of frames it consumes
 * and produces, and whether this server can run it.
 *
 * @param id unique plugin id, lower snake case ({@code ocr_tool})
 * @param nodeType the kind of node it backs
 * @param label short name for the canvas palette
 * @param description one or two sentences for people choosing a plugin
 * @param version the plugin's own version
 * @param configSchema JSON Schema (draft 2020-12) of the node configuration, as JSON text
 * @param inputKinds kinds of data accepted ({@code object}, {@code table}); empty for
 * sources
 * @param outputKinds kinds of data produced
 * @param availability {@code available} when this server can run it, or why not
 */
public record PluginDescriptor(String id, NodeType nodeType, String label, String description, String version,
		String configSchema, List<String> inputKinds, List<String> outputKinds, String availability) {

	public PluginDescriptor {
		inputKinds = List.copyOf(inputKinds);
		outputKinds = List.copyOf(outputKinds);
	}

}
