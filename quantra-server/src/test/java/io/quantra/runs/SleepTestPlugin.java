package io.quantra.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeType;
import io.quantra.plugins.PluginContext;
import io.quantra.plugins.PluginDescriptor;

import org.springframework.stereotype.Component;

/**
 * Test-only plugin that takes its time, so a test can act on a run while a node is
 * running. With a {@code marker} file in its config, it adds a line to it as it starts,
 * so a test in another process can tell how often it ran. It does not declare itself
 * idempotent.
 */
@Component
class SleepTestPlugin implements ExecutablePlugin {

	@Override
	public PluginDescriptor descriptor() {
		return new PluginDescriptor("test_sleep", NodeType.TOOL, "Sleep (tests)", "Waits, then passes its input on.",
				"1.0.0", "{\"type\": \"object\", \"properties\": {\"millis\": {\"type\": \"integer\"}}}",
				List.of("object"), List.of("object"), "available");
	}

	@Override
	public Frame run(PluginContext context) throws InterruptedException, IOException {
		String marker = context.config().path("marker").asString("");
		if (!marker.isEmpty()) {
			Files.writeString(Path.of(marker), context.runId() + "\n", StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		Thread.sleep(context.config().path("millis").asLong(1000));
		return context.inputs().isEmpty() ? Frame.of(List.of()) : context.inputs().get(0);
	}

}
