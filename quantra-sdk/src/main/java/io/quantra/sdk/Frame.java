package io.quantra.sdk;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 000's standard frame, as a tool sees it: items of {@code meta} and {@code content}
 * (JSON objects kept as text, so they travel byte-exact and the SDK needs no JSON
 * library), the type of data ({@code object} or {@code table}) and the end-of-stream
 * flag.
 *
 * @param oauth2Url the OAuth2 redirect URL, null for internal services
 * @param data the items
 * @param tod the type of data, {@value #OBJECT} or {@value #TABLE}
 * @param eos true on the last frame of a response stream
 */
public record Frame(String oauth2Url, List<Item> data, String tod, boolean eos) {

	/** Unstructured or document data. */
	public static final String OBJECT = "object";

	/** Structured, tabular data. */
	public static final String TABLE = "table";

	public Frame {
		data = List.copyOf(data);
		tod = (tod == null || tod.isEmpty()) ? OBJECT : tod;
	}

	/**
	 * A frame of {@code object} data; the SDK sets {@code eos} when it sends the frame.
	 */
	public static Frame of(List<Item> data) {
		return new Frame(null, data, OBJECT, false);
	}

	/**
	 * A frame of {@code object} data; the SDK sets {@code eos} when it sends the frame.
	 */
	public static Frame of(Item... data) {
		return of(List.of(data));
	}

	/** This frame with the given end-of-stream flag. */
	public Frame withEos(boolean eos) {
		return (eos == this.eos) ? this : new Frame(this.oauth2Url, this.data, this.tod, eos);
	}

	/** The protocol message of this frame. */
	public io.quantra.sdk.proto.Frame toMessage() {
		io.quantra.sdk.proto.OAuth2.Builder oauth2 = io.quantra.sdk.proto.OAuth2.newBuilder();
		if (this.oauth2Url != null) {
			oauth2.setUrl(this.oauth2Url);
		}
		io.quantra.sdk.proto.Frame.Builder frame = io.quantra.sdk.proto.Frame.newBuilder()
			.setOauth2(oauth2)
			.setTod(this.tod)
			.setEos(this.eos);
		for (Item item : this.data) {
			frame.addData(io.quantra.sdk.proto.Item.newBuilder()
				.setMetaJson(item.metaJson())
				.setContentJson(item.contentJson()));
		}
		return frame.build();
	}

	/** The frame a protocol message carries. */
	public static Frame fromMessage(io.quantra.sdk.proto.Frame message) {
		String url = (message.hasOauth2() && message.getOauth2().hasUrl()) ? message.getOauth2().getUrl() : null;
		List<Item> items = new ArrayList<>(message.getDataCount());
		for (io.quantra.sdk.proto.Item item : message.getDataList()) {
			items.add(new Item(item.getMetaJson(), item.getContentJson()));
		}
		return new Frame(url, items, message.getTod(), message.getEos());
	}

	/**
	 * The frame in seed 000's JSON shape. Meta and content are inserted as they are, so
	 * they must hold JSON objects.
	 */
	public String toJson() {
		StringBuilder json = new StringBuilder(64);
		json.append("{\"oauth2\":{\"url\":");
		appendString(json, this.oauth2Url);
		json.append("},\"data\":[");
		for (int i = 0; i < this.data.size(); i++) {
			Item item = this.data.get(i);
			json.append((i > 0) ? "," : "")
				.append("{\"meta\":")
				.append(item.metaJson())
				.append(",\"content\":")
				.append(item.contentJson())
				.append('}');
		}
		json.append("],\"tod\":");
		appendString(json, this.tod);
		return json.append(",\"eos\":").append(this.eos).append('}').toString();
	}

	private static void appendString(StringBuilder json, String value) {
		if (value == null) {
			json.append("null");
			return;
		}
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	/**
	 * One data item: two JSON objects as text.
	 *
	 * @param metaJson arbitrary metadata, e.g. {@code {"filename":"a.pdf","page":1}}
	 * @param contentJson the payload, e.g. {@code {"text":"..."}}
	 */
	public record Item(String metaJson, String contentJson) {

		public Item {
			metaJson = (metaJson == null || metaJson.isEmpty()) ? "{}" : metaJson;
			contentJson = (contentJson == null || contentJson.isEmpty()) ? "{}" : contentJson;
		}

	}

}
