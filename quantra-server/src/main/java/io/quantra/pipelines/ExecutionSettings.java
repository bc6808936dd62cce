package io.quantra.pipelines;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * How the engine treats a node, read from keys every node's {@code config} may carry next
 * to its plugin's own: {@code timeout_seconds} (1–86,400), {@code retries} (0–10, with
 * exponential backoff) and {@code continue_on_error} (the run goes on past a failure of
 * this node).
 */
public record ExecutionSettings(int timeoutSeconds, int retries, boolean continueOnError) {

	/** The engine's keys, reserved in every plugin's configuration. */
	public static final List<String> KEYS = List.of("timeout_seconds", "retries", "continue_on_error");

	public static final int DEFAULT_TIMEOUT_SECONDS = 3600;

	public static ExecutionSettings of(JsonNode config) {
		return new ExecutionSettings(config.path("timeout_seconds").asInt(DEFAULT_TIMEOUT_SECONDS),
				config.path("retries").asInt(0), config.path("continue_on_error").asBoolean(false));
	}

	static List<String> violations(JsonNode config) {
		List<String> violations = new ArrayList<>();
		JsonNode timeout = config.get("timeout_seconds");
		if (timeout != null && (!timeout.isIntegralNumber() || timeout.asLong() < 1 || timeout.asLong() > 86_400)) {
			violations.add("/timeout_seconds: must be a whole number of seconds from 1 to 86400");
		}
		JsonNode retries = config.get("retries");
		if (retries != null && (!retries.isIntegralNumber() || retries.asLong() < 0 || retries.asLong() > 10)) {
			violations.add("/retries: must be a whole number from 0 to 10");
		}
		JsonNode continueOnError = config.get("continue_on_error");
		if (continueOnError != null && !continueOnError.isBoolean()) {
			violations.add("/continue_on_error: must be true or false");
		}
		return violations;
	}

}
