package io.quantra.cli;

import tools.jackson.databind.JsonNode;

/**
 * A problem-details answer of the server, reported with its message, code, status and
 * request id, so that an operator can find the request in the server's log.
 */
final class ApiError extends CliException {

	private final int status;

	private final String code;

	private ApiError(int status, String code, String message) {
		super(ExitCodes.forStatus(status), message);
		this.status = status;
		this.code = code;
	}

	static ApiError of(int status, JsonNode body, String headerRequestId) {
		String message = first(body, "detail", "error", "message");
		if (message == null) {
			message = body.isString() && !body.asString().isBlank() ? clip(body.asString()) : "HTTP " + status;
		}
		String code = first(body, "code");
		String requestId = first(body, "request_id");
		if (requestId == null) {
			requestId = headerRequestId;
		}
		StringBuilder text = new StringBuilder(message);
		for (JsonNode error : body.path("errors")) {
			String field = first(error, "field");
			String problem = first(error, "message");
			if (problem != null) {
				text.append("\n  ").append((field != null) ? field + ": " : "").append(problem);
			}
		}
		text.append((text.indexOf("\n") >= 0) ? "\n  " : " ").append('[');
		if (code != null) {
			text.append(code).append(", ");
		}
		text.append("HTTP ").append(status);
		if (requestId != null) {
			text.append(", request id ").append(requestId);
		}
		text.append(']');
		return new ApiError(status, code, text.toString());
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	private static String first(JsonNode body, String... fields) {
		for (String field : fields) {
			JsonNode value = body.path(field);
			if (value.isString() && !value.asString().isBlank()) {
				return value.asString();
			}
		}
		return null;
	}

	private static String clip(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
	}

}
