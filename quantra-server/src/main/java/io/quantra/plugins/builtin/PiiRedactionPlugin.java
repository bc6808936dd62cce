package io.quantra.plugins.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeType;
import io.quantra.plugins.PluginContext;
import io.quantra.plugins.pii.PiiRedaction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * {@code pii_redaction}: personal data replaced in every text of its input frames. Each
 * input frame comes out redacted, its items' metadata kept; a last frame of
 * {@code tod: "table"} lists the findings — kind, page, span in the original text and
 * confidence, never the value.
 */
@Component
class PiiRedactionPlugin extends BuiltInPlugin implements ExecutablePlugin {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final PiiKeys keys;

	PiiRedactionPlugin(PiiKeys keys) {
		super("pii_redaction", NodeType.TOOL, "Redact PII",
				"Masks names, e-mail addresses, phone numbers, addresses and other personal data in text.",
				List.of("object", "table"), List.of("object", "table"));
		this.keys = keys;
	}

	@Override
	public List<Frame> frames(PluginContext context) {
		JsonNode config = context.config();
		List<String> entities = new ArrayList<>();
		config.path("entities").forEach((entity) -> entities.add(entity.asString()));
		String mode = config.path("mode").asString("mask");
		String replacement = config.hasNonNull("replacement") ? config.get("replacement").asString() : null;
		PiiRedaction redaction = new PiiRedaction(entities.isEmpty() ? PiiRedaction.DEFAULT_ENTITIES : entities, mode,
				replacement, "hash".equals(mode) ? this.keys.of(context.projectId()) : null);
		List<Frame> frames = new ArrayList<>();
		List<Frame.Item> findings = new ArrayList<>();
		for (Frame input : context.inputs()) {
			List<Frame.Item> items = new ArrayList<>();
			for (Frame.Item item : input.data()) {
				items.add(new Frame.Item(item.meta(), redacted(item, redaction, findings)));
			}
			frames.add(new Frame(input.oauth2(), items, input.tod(), false));
		}
		frames.add(new Frame(new Frame.OAuth2(null), findings, "table", true));
		return frames;
	}

	/** The item's content with every string in it redacted; findings are added. */
	private static JsonNode redacted(Frame.Item item, PiiRedaction redaction, List<Frame.Item> findings) {
		JsonNode content = item.content();
		if (content == null || !content.isObject()) {
			return content;
		}
		ObjectNode out = NODES.objectNode();
		for (Map.Entry<String, JsonNode> field : content.properties()) {
			if (!field.getValue().isString()) {
				out.set(field.getKey(), field.getValue());
				continue;
			}
			PiiRedaction.Result result = redaction.redact(field.getValue().asString());
			out.put(field.getKey(), result.text());
			for (PiiRedaction.Finding finding : result.findings()) {
				findings.add(new Frame.Item(source(item.meta()), row(item.meta(), field.getKey(), finding)));
			}
		}
		return out;
	}

	private static ObjectNode row(JsonNode meta, String field, PiiRedaction.Finding finding) {
		ObjectNode row = NODES.objectNode();
		row.put("entity", finding.entity());
		if (meta != null && meta.has("page")) {
			row.set("page", meta.get("page"));
		}
		else {
			row.putNull("page");
		}
		if (!"text".equals(field)) {
			row.put("field", field);
		}
		row.put("start", finding.start());
		row.put("end", finding.end());
		row.put("confidence", Math.round(finding.confidence() * 100) / 100.0);
		return row;
	}

	/** Which document a finding is in, from the item's metadata. */
	private static ObjectNode source(JsonNode meta) {
		ObjectNode source = NODES.objectNode();
		if (meta != null) {
			for (String key : List.of("filename", "file_id", "page")) {
				if (meta.has(key)) {
					source.set(key, meta.get(key));
				}
			}
		}
		return source;
	}

	@Override
	public boolean idempotent() {
		return true;
	}

}
