package io.quantra.platform.web;

import java.util.Map;

import io.quantra.platform.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers failures the servlet container forwards to {@code /error} (raised in a filter,
 * or before Spring MVC could route the request) with the same problem-details body as the
 * rest of the API.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping("/error")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		HttpStatus status = (code instanceof Integer value && HttpStatus.resolve(value) != null)
				? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
		String message;
		if (tooLarge(failure)) {
			status = HttpStatus.PAYLOAD_TOO_LARGE;
			message = "The request body is larger than the allowed size.";
		}
		else if (status == HttpStatus.NOT_FOUND) {
			message = "No route matches " + request.getMethod() + " " + Problems.originalUri(request)
					+ ". The API reference is at /docs.";
		}
		else if (status.is5xxServerError()) {
			log.error("Unhandled failure serving {} {}", request.getMethod(), Problems.originalUri(request), failure);
			message = "An unexpected error occurred. Quote the request id if you report it.";
		}
		else {
			message = status.getReasonPhrase() + ".";
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(
				Problems.body(status, ErrorCode.forStatus(status.value()), message, request, Map.of()), headers,
				status);
	}

	private static boolean tooLarge(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof PayloadTooLargeException) {
				return true;
			}
		}
		return false;
	}

}
