package io.quantra.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quantra.platform.ApiException;
import io.quantra.platform.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;

import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that reaches Spring MVC into a problem-details response whose
 * message tells the caller what was wrong and how to fix it. Unexpected failures are
 * logged with their request id and answered with a 500 that reveals nothing of the
 * server's internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> apiException(ApiException ex, HttpServletRequest request) {
		return problem(ex.status(), ex.code(), ex.getMessage(), request, ex.properties(), new HttpHeaders());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unhandled failure serving {} {}", request.getMethod(), request.getRequestURI(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
				"An unexpected error occurred. Quote the request id if you report it.", request, Map.of(),
				new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest webRequest) {
		HttpServletRequest request = ((NativeWebRequest) webRequest).getNativeRequest(HttpServletRequest.class);
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			return unreadableBody(unreadable, request);
		}
		if (ex instanceof MethodArgumentNotValidException invalid) {
			List<Map<String, Object>> errors = new ArrayList<>();
			invalid.getBindingResult()
				.getGlobalErrors()
				.forEach((e) -> errors.add(fieldError(null, e.getDefaultMessage())));
			invalid.getBindingResult()
				.getFieldErrors()
				.forEach((e) -> errors.add(fieldError(e.getField(), message(e))));
			return validationProblem(errors, request);
		}
		if (ex instanceof HandlerMethodValidationException invalid) {
			List<Map<String, Object>> errors = new ArrayList<>();
			invalid.getParameterValidationResults()
				.forEach((result) -> result.getResolvableErrors()
					.forEach((e) -> errors
						.add(fieldError(result.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
			return validationProblem(errors, request);
		}
		if (status.value() >= 500) {
			log.error("Failure serving {} {}", request.getMethod(), request.getRequestURI(), ex);
		}
		return problem(status, ErrorCode.forStatus(status.value()), describe(ex, request), request, Map.of(), headers);
	}

	private ResponseEntity<Object> unreadableBody(HttpMessageNotReadableException ex, HttpServletRequest request) {
		Throwable cause = ex.getCause();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof PayloadTooLargeException tooLarge) {
				return problem(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage() + ".",
						request, Map.of(), new HttpHeaders());
			}
		}
		String message;
		if (cause instanceof UnrecognizedPropertyException unknown) {
			message = "Unknown field '" + path(unknown) + "' in the request body.";
		}
		else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			message = "Field '" + path(mismatch) + "' has the wrong type: expected "
					+ typeName(mismatch.getTargetType()) + ".";
		}
		else if (cause instanceof StreamReadException malformed) {
			message = "Malformed JSON in the request body" + at(malformed.getLocation()) + ".";
		}
		else if (cause instanceof JacksonException other) {
			message = "The request body could not be read as JSON" + at(other.getLocation()) + ".";
		}
		else {
			message = "A JSON request body is required.";
		}
		return problem(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, message, request, Map.of(), new HttpHeaders());
	}

	private ResponseEntity<Object> validationProblem(List<Map<String, Object>> errors, HttpServletRequest request) {
		String summary = errors.stream()
			.map((e) -> (e.get("field") != null) ? e.get("field") + ": " + e.get("message") : (String) e.get("message"))
			.collect(Collectors.joining("; "));
		return problem(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_ERROR, "Invalid request: " + summary + ".", request,
				Map.of("errors", errors), new HttpHeaders());
	}

	private static String describe(Exception ex, HttpServletRequest request) {
		String route = request.getMethod() + " " + request.getRequestURI();
		if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
			return "No route matches " + route + ". The API reference is at /docs.";
		}
		if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
			String allowed = (unsupported.getSupportedHttpMethods() != null) ? unsupported.getSupportedHttpMethods()
				.stream()
				.map(Object::toString)
				.sorted()
				.collect(Collectors.joining(", ")) : "none";
			return request.getMethod() + " is not allowed on " + request.getRequestURI() + "; allowed: " + allowed
					+ ".";
		}
		if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
			String supported = mediaTypes(unsupported.getSupportedMediaTypes());
			return (unsupported.getContentType() != null) ? "Content type '" + unsupported.getContentType()
					+ "' is not supported here; send " + supported + "."
					: "The request has no Content-Type; send " + supported + ".";
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException unacceptable) {
			return "Cannot answer in any media type the Accept header allows; accept "
					+ mediaTypes(unacceptable.getSupportedMediaTypes()) + ".";
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return "Query parameter '" + missing.getParameterName() + "' is required.";
		}
		if (ex instanceof TypeMismatchException mismatch) {
			String name = (mismatch.getPropertyName() != null) ? mismatch.getPropertyName() : "parameter";
			return "'" + name + "' must be " + typeName(mismatch.getRequiredType()) + ".";
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return "The upload is larger than this server accepts in one request; send fewer or smaller files.";
		}
		HttpStatus status = (ex instanceof org.springframework.web.ErrorResponse response)
				? HttpStatus.resolve(response.getStatusCode().value()) : null;
		if (status != null && status.is4xxClientError()) {
			return status.getReasonPhrase() + ".";
		}
		return "An unexpected error occurred. Quote the request id if you report it.";
	}

	private static ResponseEntity<Object> problem(HttpStatusCode status, ErrorCode code, String message,
			HttpServletRequest request, Map<String, Object> extra, HttpHeaders headers) {
		HttpHeaders responseHeaders = new HttpHeaders();
		responseHeaders.addAll(headers);
		responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(Problems.body(status, code, message, request, extra), responseHeaders, status);
	}

	private static Map<String, Object> fieldError(String field, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		if (field != null) {
			error.put("field", field);
		}
		error.put("message", message);
		return error;
	}

	private static String message(FieldError error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String at(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 0) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	private static String typeName(Class<?> type) {
		if (type == null) {
			return "another type";
		}
		if (type == String.class || type.isEnum()) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "a boolean";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		return "an object";
	}

	private static String mediaTypes(List<MediaType> types) {
		if (types == null || types.isEmpty()) {
			return MediaType.APPLICATION_JSON_VALUE;
		}
		return types.stream().map(MediaType::toString).collect(Collectors.joining(", "));
	}

}
