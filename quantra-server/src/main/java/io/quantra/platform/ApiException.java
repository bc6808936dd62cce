package io.quantra.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure a caller caused or must know about; rendered as a problem-details response
 * with its {@link ErrorCode}, status and message. The message is shown to the caller, so
 * it names what was wrong and how to fix it, and never carries secrets.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final HttpStatus status;

	private final Map<String, Object> properties;

	public ApiException(ErrorCode code, String message) {
		this(code, code.status(), message, Map.of());
	}

	public ApiException(ErrorCode code, HttpStatus status, String message, Map<String, Object> properties) {
		super(message);
		this.code = code;
		this.status = status;
		this.properties = Map.copyOf(properties);
	}

	public static ApiException badRequest(String message) {
		return new ApiException(ErrorCode.BAD_REQUEST, message);
	}

	public static ApiException notFound(String message) {
		return new ApiException(ErrorCode.NOT_FOUND, message);
	}

	public static ApiException permissionDenied(String message) {
		return new ApiException(ErrorCode.PERMISSION_DENIED, message);
	}

	public static ApiException conflict(String message) {
		return new ApiException(ErrorCode.CONFLICT, message);
	}

	public ErrorCode code() {
		return this.code;
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * Extra members added to the problem-details body, such as the list of invalid
	 * fields.
	 */
	public Map<String, Object> properties() {
		return this.properties;
	}

}
