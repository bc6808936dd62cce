package io.quantra.platform;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The id that ties a request to its response ({@code X-Request-ID}), its log lines and
 * its problem-details body.
 */
public final class RequestId {

	public static final String HEADER = "X-Request-ID";

	/** Request attribute and log context key holding the id. */
	public static final String ATTRIBUTE = "request_id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private RequestId() {
	}

	/**
	 * The caller's id when it is well formed (no spaces or control characters, at most
	 * 128 characters), otherwise a new random UUID.
	 */
	public static String acceptOrCreate(String callerValue) {
		if (callerValue != null && WELL_FORMED.matcher(callerValue).matches()) {
			return callerValue;
		}
		return UUID.randomUUID().toString();
	}

	/**
	 * The id of the request being served, or {@code null} outside a request.
	 */
	public static String of(HttpServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		return (id != null) ? id.toString() : null;
	}

}
