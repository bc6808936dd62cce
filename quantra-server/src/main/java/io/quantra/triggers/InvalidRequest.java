package io.quantra.triggers;

import java.util.List;
import java.util.Map;

import io.quantra.platform.ApiException;
import io.quantra.platform.ErrorCode;

import org.springframework.http.HttpStatus;

/**
 * A 400 {@code VALIDATION_ERROR} that names the offending field, in the same shape as the
 * platform's bean-validation answers: a message and an {@code errors} list.
 */
final class InvalidRequest {

	private InvalidRequest() {
	}

	static ApiException field(String field, String problem) {
		return new ApiException(ErrorCode.VALIDATION_ERROR, HttpStatus.BAD_REQUEST,
				"Invalid request: " + field + ": " + problem + ".",
				Map.of("errors", List.of(Map.of("field", field, "message", problem))));
	}

}
