package io.quantra.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading fields of the server's JSON for tables, and printing it as it came. */
final class Json {

	private Json() {
	}

	static void print(JsonMapper json, PrintWriter out, JsonNode node) {
		out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(node));
		out.flush();
	}

	/** A field as text, or null when it is absent or null. */
	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	/** The time between two ISO-8601 instants, for people: 850 ms, 12.3 s, 4 min 5 s. */
	static String duration(String from, String to) {
		if (from == null || to == null) {
			return null;
		}
		try {
			return duration(Duration.between(Instant.parse(from), Instant.parse(to)));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static String duration(Duration duration) {
		long millis = duration.toMillis();
		if (millis < 1000) {
			return millis + " ms";
		}
		if (millis < 60_000) {
			return String.format("%.1f s", millis / 1000.0);
		}
		return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
	}

}
