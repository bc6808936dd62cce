package io.quantra.plugins;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Data passed between nodes, in seed 000's frame format: items of {@code meta} and
 * {@code content}, the type of data ({@code object} or {@code table}), and the
 * end-of-stream flag.
 */
public record Frame(OAuth2 oauth2, List<Item> data, String tod, boolean eos) {

	public Frame {
		data = List.copyOf(data);
	}

	/** A complete frame of {@code object} data. */
	public static Frame of(List<Item> data) {
		return new Frame(new OAuth2(null), data, "object", true);
	}

	/**
	 * One data item: two JSON objects. The output of a remote tool holds them as verbatim
	 * JSON (a node that is written out as it came, not a tree) until the engine stores
	 * it; its successors read them back as trees.
	 */
	public record Item(JsonNode meta, JsonNode content) {
	}

	/**
	 * OAuth2 context of the frame; {@code url} is null for internal plugins.
	 */
	public record OAuth2(String url) {
	}

}
