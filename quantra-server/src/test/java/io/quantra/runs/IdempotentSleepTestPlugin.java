package io.quantra.runs;

import java.util.List;

import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeType;
import io.quantra.plugins.PluginContext;
import io.quantra.plugins.PluginDescriptor;

import org.springframework.stereotype.Component;

/**
 * Test-only plugin like {@link SleepTestPlugin}, but safe to run twice: work it was doing
 * when its server died is simply run again.
 */
@Component
class IdempotentSleepTestPlugin implements ExecutablePlugin {

	@Override
	public PluginDescriptor descriptor() {
		return new PluginDescriptor("test_sleep_idempotent", NodeType.TOOL, "Idempotent sleep (tests)",
				"Waits, then passes its input on; may run twice.", "1.0.0",
				"{\"type\": \"object\", \"properties\": {\"millis\": {\"type\": \"integer\"}}}", List.of("object"),
				List.of("object"), "available");
	}

	@Override
	public Frame run(PluginContext context) throws InterruptedException {
		Thread.sleep(context.config().path("millis").asLong(1000));
		return context.inputs().isEmpty() ? Frame.of(List.of()) : context.inputs().get(0);
	}

	@Override
	public boolean idempotent() {
		return true;
	}

}
