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

	private final PluginDescriptor descriptor;

	BuiltInPlugin(String id, NodeType type, String label, String description, List<String> inputs,
			List<String> outputs) {
		this(id, type, label, description, inputs, outputs, null);
	}

	/**
	 * @param missing what this server lacks to run the plugin, such as its OCR engine, or
	 * null when nothing is missing
	 */
	BuiltInPlugin(String id, NodeType type, String label, String description, List<String> inputs, List<String> outputs,
			String missing) {
		this.descriptor = new PluginDescriptor(id, type, label, description, VERSION, schema(id), inputs, outputs,
				(missing != null) ? PluginDescriptor.UNAVAILABLE : (this instanceof io.quantra.plugins.ExecutablePlugin)
						? PluginDescriptor.AVAILABLE
						: (type == NodeType.WORKBENCH) ? PluginDescriptor.HUMAN_STEP : PluginDescriptor.CANVAS_ONLY,
				missing);
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
