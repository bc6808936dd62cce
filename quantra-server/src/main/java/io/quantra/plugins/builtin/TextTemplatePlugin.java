package io.quantra.plugins.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeType;
import io.quantra.plugins.PluginContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * {@code text_template}: renders a template such as {@code Dear {{name}}} for every
 * incoming item, adding the text to the item's content under {@code output_field}. With
 * {@code strict: true} a placeholder without a value fails the node.
 */
@Component
class TextTemplatePlugin extends BuiltInPlugin implements ExecutablePlugin {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

	TextTemplatePlugin() {
		super("text_template", NodeType.TOOL, "Text Template",
				"Renders a text template with {{field}} placeholders filled from each incoming item.",
				List.of("object"), List.of("object"));
	}

	@Override
	public Frame run(PluginContext context) {
		String template = context.config().path("template").asString("");
		String field = context.config().path("output_field").asString("text");
		boolean strict = context.config().path("strict").asBoolean(false);
		List<Frame.Item> items = new ArrayList<>();
		for (Frame input : context.inputs()) {
			for (Frame.Item item : input.data()) {
				ObjectNode content = item.content().isObject() ? ((ObjectNode) item.content()).deepCopy()
						: tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
				content.put(field, render(template, item.content(), strict));
				items.add(new Frame.Item(item.meta(), content));
			}
		}
		return Frame.of(items);
	}

	static String render(String template, JsonNode values, boolean strict) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			JsonNode value = values.path(matcher.group(1));
			if (value.isMissingNode() || value.isNull()) {
				if (strict) {
					throw new IllegalArgumentException("No value for placeholder {{" + matcher.group(1) + "}}");
				}
				matcher.appendReplacement(out, "");
			}
			else {
				matcher.appendReplacement(out,
						Matcher.quoteReplacement(value.isString() ? value.asString() : value.toString()));
			}
		}
		matcher.appendTail(out);
		return out.toString();
	}

	@Override
	public boolean idempotent() {
		return true;
	}

}
