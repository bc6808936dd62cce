package io.quantra.plugins.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quantra.plugins.NodeType;
import io.quantra.plugins.Plugin;
import io.quantra.plugins.PluginDescriptor;

/**
 * A plugin shipped with Quantra, its config schema read from
 * {@code plugins/<id>.schema.json}.
 */
abstract class BuiltInPlugin implements Plugin {

	static final String VERSION = "1.0.0";

	/** Runs on this server. */
	static final String AVAILABLE = "available";

	/** Placed and configured on the canvas, but this server has no code to run it yet. */
	static final String CANVAS_ONLY = "canvas_only";

	/** A person's step: the run waits at it for a decision. */
	static final String HUMAN_STEP = "human_step";

	private final PluginDescriptor descriptor;

	BuiltInPlugin(String id, NodeType type, String label, String description, List<String> inputs,
			List<String> outputs) {
		this.descriptor = new PluginDescriptor(id, type, label, description, VERSION, schema(id), inputs, outputs,
				(this instanceof io.quantra.plugins.ExecutablePlugin) ? AVAILABLE
						: (type == NodeType.WORKBENCH) ? HUMAN_STEP : CANVAS_ONLY);
	}

	@Override
	public PluginDescriptor descriptor() {
		return this.descriptor;
	}

	private static String schema(String id) {
		String resource = "/plugins/" + id + ".schema.json";
		try (InputStream in = BuiltInPlugin.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing config schema " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
