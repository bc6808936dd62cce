package io.quantra.plugins.builtin;

import java.util.List;

import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeType;
import io.quantra.plugins.PluginContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;

/**
 * {@code inputs}: the {@code inputs} a run was started with, as the pipeline's first data
 * — or one field of them. An array yields one item per element.
 */
@Component
class InputsPlugin extends BuiltInPlugin implements ExecutablePlugin {

	InputsPlugin() {
		super("inputs", NodeType.DATASOURCE, "Run Inputs",
				"Emits the inputs the run was started with (the inputs field of POST /projects/{id}/run).", List.of(),
				List.of("object"));
	}

	@Override
	public Frame run(PluginContext context) {
		JsonNode inputs = context.runInputs();
		String field = context.config().path("field").asString("");
		JsonNode value = field.isEmpty() ? inputs : inputs.path(field);
		JsonNode meta = JsonNodeFactory.instance.objectNode().put("source", "inputs");
		if (value.isArray()) {
			return Frame.of(value.valueStream().map((item) -> new Frame.Item(meta, item)).toList());
		}
		return Frame.of(value.isMissingNode() ? List.of() : List.of(new Frame.Item(meta, value)));
	}

	@Override
	public boolean idempotent() {
		return true;
	}

}
