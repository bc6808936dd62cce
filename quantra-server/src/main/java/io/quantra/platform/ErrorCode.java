package io.quantra.platform;

import org.springframework.http.HttpStatus;

/**
 * The machine-readable {@code code} of a problem-details response, with the HTTP status
 * it normally travels with.
 */
public enum ErrorCode {

	BAD_REQUEST(HttpStatus.BAD_REQUEST),

	VALIDATION_ERROR(HttpStatus.BAD_REQUEST),

	UNAUTHORIZED(HttpStatus.UNAUTHORIZED),

	INSUFFICIENT_QUANTS(HttpStatus.PAYMENT_REQUIRED),

	PERMISSION_DENIED(HttpStatus.FORBIDDEN),

	NOT_FOUND(HttpStatus.NOT_FOUND),

	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),

	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),

	CONFLICT(HttpStatus.CONFLICT),

	ACCOUNT_LOCKED(HttpStatus.LOCKED),

	PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED),

	PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),

	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),

	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),

	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),

	/** A documented request form that this server does not support yet. */
	NOT_IMPLEMENTED(HttpStatus.NOT_IMPLEMENTED),

	UPSTREAM_FAILED(HttpStatus.BAD_GATEWAY),

	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),

	GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT);

	private final HttpStatus status;

	ErrorCode(HttpStatus status) {
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The code that best describes a bare HTTP status, for failures raised outside
	 * Quantra's own code (the servlet container, Spring MVC).
	 */
	public static ErrorCode forStatus(int status) {
		return switch (status) {
			case 400 -> BAD_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 402 -> INSUFFICIENT_QUANTS;
			case 403 -> PERMISSION_DENIED;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 412 -> PRECONDITION_FAILED;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 423 -> ACCOUNT_LOCKED;
			case 422 -> VALIDATION_ERROR;
			case 429 -> RATE_LIMITED;
			case 501 -> NOT_IMPLEMENTED;
			case 502 -> UPSTREAM_FAILED;
			case 503 -> SERVICE_UNAVAILABLE;
			case 504 -> GATEWAY_TIMEOUT;
			default -> (status >= 500) ? INTERNAL_ERROR : BAD_REQUEST;
		};
	}

}
