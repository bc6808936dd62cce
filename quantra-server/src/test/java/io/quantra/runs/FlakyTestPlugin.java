package io.quantra.runs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeType;
import io.quantra.plugins.PluginContext;
import io.quantra.plugins.PluginDescriptor;

import org.springframework.stereotype.Component;

/**
 * Test-only plugin that fails its first {@code fail_times} attempts in each run, then
 * succeeds.
 */
@Component
class FlakyTestPlugin implements ExecutablePlugin {

	private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

	@Override
	public PluginDescriptor descriptor() {
		return new PluginDescriptor("test_flaky", NodeType.TOOL, "Flaky (tests)", "Fails a few times, then works.",
				"1.0.0", "{\"type\": \"object\", \"properties\": {\"fail_times\": {\"type\": \"integer\"}}}",
				List.of("object"), List.of("object"), "available");
	}

	@Override
	public Frame run(PluginContext context) {
		int attempt = this.attempts.merge(context.runId() + context.nodeKey(), 1, Integer::sum);
		if (attempt <= context.config().path("fail_times").asInt(1)) {
			throw new IllegalStateException("attempt " + attempt + " fails on purpose");
		}
		return Frame.of(List.of());
	}

}
