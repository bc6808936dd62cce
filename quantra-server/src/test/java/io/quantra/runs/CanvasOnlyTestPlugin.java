package io.quantra.runs;

import java.util.List;

import io.quantra.plugins.NodeType;
import io.quantra.plugins.Plugin;
import io.quantra.plugins.PluginDescriptor;

import org.springframework.stereotype.Component;

/**
 * Test-only plugin that can be placed on the canvas but has no code on this server, as a
 * plugin of a newer version or a missing service would be.
 */
@Component
class CanvasOnlyTestPlugin implements Plugin {

	@Override
	public PluginDescriptor descriptor() {
		return new PluginDescriptor("test_canvas_only", NodeType.TOOL, "Canvas only (tests)",
				"Has no code on this server.", "1.0.0", "{\"type\": \"object\"}", List.of("object"), List.of("object"),
				PluginDescriptor.CANVAS_ONLY);
	}

}
