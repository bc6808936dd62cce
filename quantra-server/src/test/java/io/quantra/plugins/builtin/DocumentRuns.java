package io.quantra.plugins.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.PluginContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a document plugin the way the engine does, without a server: the output frame of a
 * {@code file_upload} node in, the plugin's frames out, progress recorded.
 */
final class DocumentRuns {

	static final long PROJECT = 7;

	static final JsonMapper JSON = JsonMapper.builder().build();

	final List<String> progress = new ArrayList<>();

	private DocumentRuns() {
	}

	static DocumentRuns recording() {
		return new DocumentRuns();
	}

	/** The frame a {@code file_upload} node outputs for {@code files}. */
	static Frame uploaded(StoredFile... files) {
		List<Frame.Item> items = new ArrayList<>();
		for (StoredFile file : files) {
			ObjectNode meta = JsonNodeFactory.instance.objectNode()
				.put("filename", file.filename())
				.put("file_id", file.fileId())
				.put("media_type", file.mediaType())
				.put("size", file.size())
				.put("sha256", file.sha256());
			ObjectNode content = JsonNodeFactory.instance.objectNode()
				.put("file_id", file.fileId())
				.put("media_type", file.mediaType());
			items.add(new Frame.Item(meta, content));
		}
		return Frame.of(items);
	}

	PluginContext context(String config, Frame... inputs) {
		JsonNode parsed = JSON.readTree(config);
		return new PluginContext("run-1", PROJECT, "node_5", parsed, JsonNodeFactory.instance.objectNode(),
				List.of(inputs), Map.of(), (done, total, unit) -> this.progress.add(done + "/" + total + " " + unit));
	}

	static String text(Frame frame) {
		return frame.data().get(0).content().get("text").asString();
	}

	static JsonNode meta(Frame frame) {
		return frame.data().get(0).meta();
	}

}
