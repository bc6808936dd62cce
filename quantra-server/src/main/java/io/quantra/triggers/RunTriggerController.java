package io.quantra.triggers;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quantra.platform.CurrentUser;
import io.quantra.runs.Runs.StartedRun;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /run} (seed 004): the webhook that starts a run. The body is taken raw, so
 * that a signed request is verified over exactly the bytes that were sent, and bound to
 * JSON afterwards.
 */
@RestController
class RunTriggerController {

	private final RunTrigger trigger;

	private final JsonMapper json;

	RunTriggerController(RunTrigger trigger, JsonMapper json) {
		this.trigger = trigger;
		this.json = json;
	}

	@Operation(summary = "Start a run of a project's pipeline: with a credential (runner or above), or signed "
			+ "with one of the project's trigger secrets (X-Quantra-Timestamp, X-Quantra-Signature)")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = TriggerRequest.class)))
	@PostMapping(path = "/run", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> run(@RequestBody byte[] body,
			@RequestHeader(name = TriggerSignature.TIMESTAMP_HEADER, required = false) String timestamp,
			@RequestHeader(name = TriggerSignature.SIGNATURE_HEADER, required = false) String signature,
			@AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		TriggerRequest parsed = read(body, request);
		StartedRun run = (caller != null) ? this.trigger.start(caller, parsed)
				: this.trigger.start(parsed, timestamp, signature, body);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("run_id", run.runId());
		view.put("execution_id", run.executionId());
		view.put("correlation_id", run.correlationId());
		view.put("status", run.status());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/executions/" + run.executionId()))
			.body(view);
	}

	/** Binds the body as any JSON body is bound, failing with the same answers. */
	private TriggerRequest read(byte[] body, HttpServletRequest request) {
		TriggerRequest parsed;
		try {
			parsed = this.json.readValue(body, TriggerRequest.class);
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotReadableException("Unreadable trigger body", ex,
					new ServletServerHttpRequest(request));
		}
		if (parsed == null) {
			throw new HttpMessageNotReadableException("Empty trigger body", new ServletServerHttpRequest(request));
		}
		return parsed;
	}

}
