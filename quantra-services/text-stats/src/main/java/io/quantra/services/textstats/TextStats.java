package io.quantra.services.textstats;

import java.util.List;

import io.quantra.sdk.CallContext;
import io.quantra.sdk.Frame;
import io.quantra.sdk.FrameEmitter;
import io.quantra.sdk.ToolException;
import io.quantra.sdk.ToolHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plugin {@code text_stats}: for every input item whose content has a {@code text}, one
 * frame with that item's meta and {@code {"words":…,"characters":…,"lines":…}}; progress
 * after each item. Items without text are counted as done and produce nothing.
 */
final class TextStats implements ToolHandler {

	static final String PLUGIN_ID = "text_stats";

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public void handle(CallContext call, List<Frame> inputs, FrameEmitter out) throws ToolException {
		long total = inputs.stream().mapToLong((frame) -> frame.data().size()).sum();
		long done = 0;
		for (Frame frame : inputs) {
			for (Frame.Item item : frame.data()) {
				JsonNode text = content(item).get("text");
				if (text != null && text.isString()) {
					out.emit(new Frame(frame.oauth2Url(),
							List.of(new Frame.Item(item.metaJson(), counts(text.asString()))), frame.tod(), false));
				}
				out.progress(++done, total, "items");
			}
		}
	}

	private JsonNode content(Frame.Item item) throws ToolException {
		try {
			return this.json.readTree(item.contentJson());
		}
		catch (JacksonException ex) {
			throw new ToolException("INVALID_INPUT", "an item's content is not JSON: " + ex.getOriginalMessage(),
					false);
		}
	}

	private String counts(String text) {
		ObjectNode counts = this.json.createObjectNode();
		counts.put("words", words(text));
		counts.put("characters", text.codePointCount(0, text.length()));
		counts.put("lines", lines(text));
		return this.json.writeValueAsString(counts);
	}

	static long words(String text) {
		long words = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean space = Character.isWhitespace(text.charAt(i));
			if (!space && !inWord) {
				words++;
			}
			inWord = !space;
		}
		return words;
	}

	/** Lines as an editor shows them: a final line break does not start another line. */
	static long lines(String text) {
		if (text.isEmpty()) {
			return 0;
		}
		long breaks = text.chars().filter((c) -> c == '\n').count();
		return text.endsWith("\n") ? breaks : breaks + 1;
	}

}
