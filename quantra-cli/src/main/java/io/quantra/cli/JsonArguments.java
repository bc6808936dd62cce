package io.quantra.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON given on the command line, inline or as {@code @file}. */
final class JsonArguments {

	private JsonArguments() {
	}

	static JsonNode parse(JsonMapper json, String value, String option) {
		String text = value;
		if (value.startsWith("@")) {
			Path file = Path.of(value.substring(1));
			try {
				text = Files.readString(file, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw CliException
					.usage(option + ": cannot read " + file + " (" + ex.getClass().getSimpleName() + ").");
			}
		}
		try {
			return json.readTree(text);
		}
		catch (JacksonException ex) {
			throw CliException.usage(
					option + " must be JSON, such as {\"template\": \"Hello {{name}}\"}: " + ex.getOriginalMessage());
		}
	}

	/**
	 * The value of a {@code key=value} pair as JSON: numbers, booleans, null, objects and
	 * arrays as written, anything else as a string.
	 */
	static JsonNode value(JsonMapper json, String text) {
		try {
			JsonNode parsed = json.readTree(text);
			if (parsed != null && !parsed.isMissingNode()) {
				return parsed;
			}
		}
		catch (JacksonException ex) {
			// not JSON: a string
		}
		return json.getNodeFactory().stringNode(text);
	}

}
