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
 * @param availability {@code available} when this server can run it, {@code human_step}
 * for a person's step, otherwise why not: {@code canvas_only} (no code to run it) or
 * {@code unavailable} (a tool it needs is missing here)
 * @param unavailableReason what is missing and how to get it, when {@code unavailable};
 * null otherwise
 */
public record PluginDescriptor(String id, NodeType nodeType, String label, String description, String version,
		String configSchema, List<String> inputKinds, List<String> outputKinds, String availability,
		String unavailableReason) {

	/** Runs on this server. */
	public static final String AVAILABLE = "available";

	/** A person's step: the run waits at it for a decision. */
	public static final String HUMAN_STEP = "human_step";

	/** Placed and configured on the canvas, but this server has no code to run it yet. */
	public static final String CANVAS_ONLY = "canvas_only";

	/** This server has its code, but not a tool it needs, such as an OCR engine. */
	public static final String UNAVAILABLE = "unavailable";

	public PluginDescriptor {
		inputKinds = List.copyOf(inputKinds);
		outputKinds = List.copyOf(outputKinds);
	}

	public PluginDescriptor(String id, NodeType nodeType, String label, String description, String version,
			String configSchema, List<String> inputKinds, List<String> outputKinds, String availability) {
		this(id, nodeType, label, description, version, configSchema, inputKinds, outputKinds, availability, null);
	}

	/**
	 * Whether a node of this plugin can run on this server (a person's step included).
	 */
	public boolean available() {
		return AVAILABLE.equals(this.availability) || HUMAN_STEP.equals(this.availability);
	}

}
