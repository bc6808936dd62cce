package io.quantra.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quantra.platform.ErrorCode;
import io.quantra.platform.ProblemWriter;
import io.quantra.platform.RequestId;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Builds and writes the one error body every surface returns: RFC 9457 problem details
 * extended with {@code error}, {@code code} and {@code request_id}.
 */
@Component
class Problems implements ProblemWriter {

	private final JsonMapper json;

	Problems(JsonMapper json) {
		this.json = json;
	}

	static Map<String, Object> body(HttpStatusCode status, ErrorCode code, String message, HttpServletRequest request,
			Map<String, Object> extra) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title(status));
		body.put("status", status.value());
		body.put("detail", message);
		if (request != null) {
			body.put("instance", originalUri(request));
		}
		body.put("error", message);
		body.put("code", code.name());
		body.put("request_id", requestId(request));
		extra.forEach(body::putIfAbsent);
		return body;
	}

	/**
	 * Writes a problem directly to the response, for failures raised outside Spring MVC
	 * (filters, the security chain, the servlet container).
	 */
	void write(HttpServletResponse response, HttpStatusCode status, ErrorCode code, String message,
			HttpServletRequest request) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), body(status, code, message, request, Map.of()));
	}

	/**
	 * The path the caller asked for, also while the container forwards a failure to
	 * {@code /error}.
	 */
	static String originalUri(HttpServletRequest request) {
		Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return (forwarded != null) ? forwarded.toString() : request.getRequestURI();
	}

	@Override
	public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
			throws IOException {
		write(response, code.status(), code, message, request);
	}

	private static String title(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	private static String requestId(HttpServletRequest request) {
		String id = (request != null) ? RequestId.of(request) : null;
		return (id != null) ? id : MDC.get(RequestId.ATTRIBUTE);
	}

}
