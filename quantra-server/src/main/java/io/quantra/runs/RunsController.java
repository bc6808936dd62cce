package io.quantra.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

import io.quantra.admin.AuditEvent;
import io.quantra.admin.AuditLog;
import io.quantra.identity.Accounts;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CommitDurability;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.PageRequest;
import io.quantra.platform.RouteAuthorizations;
import io.quantra.runs.RunRepository.Authorization;
import io.quantra.runs.RunRepository.NodeState;
import io.quantra.runs.RunRepository.Run;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Seed 000's execution routes: start a run of a project's pipeline and follow it.
 */
@RestController
class RunsController {

	private final RunManagement runs;

	private final Accounts accounts;

	static final int MAX_WAIT_SECONDS = 60;

	private final JsonMapper json;

	private final RunStreams streams;

	private final AuditLog audit;

	private final RunOutputs outputs;

	private final CommitDurability durability;

	private final RunUploads uploads;

	RunsController(RunManagement runs, Accounts accounts, JsonMapper json, RunStreams streams, AuditLog audit,
			RunOutputs outputs, CommitDurability durability, RunUploads uploads) {
		this.uploads = uploads;
		this.durability = durability;
		this.audit = audit;
		this.outputs = outputs;
		this.streams = streams;
		this.runs = runs;
		this.accounts = accounts;
		this.json = json;
	}

	@Operation(summary = "Run the project's pipeline (runner or above); ?wait=N answers with the finished run")
	@PostMapping("/projects/{id}/run")
	ResponseEntity<Map<String, Object>> run(@PathVariable long id, @RequestBody(required = false) RunBody body,
			@RequestParam(required = false) Integer wait, @AuthenticationPrincipal CurrentUser caller,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
		checkWait(wait);
		JsonNode inputs = (body != null) ? body.inputs() : null;
		String correlationId = (body != null) ? body.correlationId() : null;
		if (wait == null || wait == 0) {
			return accepted(caller,
					this.runs.start(caller, id, inputs, RunManagement.trigger(caller, userAgent), correlationId), null);
		}
		// the answer comes after the run's end, which is on disk and takes its start with
		// it
		Run run = this.durability.deferred(
				() -> this.runs.start(caller, id, inputs, RunManagement.trigger(caller, userAgent), correlationId));
		return accepted(caller, run, wait);
	}

	@Operation(summary = "Run the project's pipeline with documents (runner or above): multipart/form-data with "
			+ "file parts named after the file_upload node they feed (node_12) and an optional JSON part 'inputs'")
	@PostMapping(path = "/projects/{id}/run", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> runWithFiles(@PathVariable long id, MultipartHttpServletRequest request,
			@AuthenticationPrincipal CurrentUser caller) throws IOException {
		// read from the query string: asking the request for a parameter would parse the
		// whole multipart body before the caller's role is checked
		Integer wait = waitParameter(request.getQueryString());
		checkWait(wait);
		RunUploads.FormReader form = () -> form(request);
		String trigger = RunManagement.trigger(caller, request.getHeader(HttpHeaders.USER_AGENT));
		if (wait == null || wait == 0) {
			return accepted(caller, this.uploads.start(caller, id, form, trigger), null);
		}
		Run run = this.durability.deferred(() -> {
			try {
				return this.uploads.start(caller, id, form, trigger);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return accepted(caller, run, wait);
	}

	/** The run start a multipart request carries; its files stay spooled on disk. */
	private RunUploads.Form form(MultipartHttpServletRequest request) throws IOException {
		String inputsText = request.getParameter("inputs");
		MultipartFile inputsFile = request.getFile("inputs");
		if (inputsText == null && inputsFile != null) {
			if (inputsFile.getSize() > RunManagement.MAX_INPUT_CHARS) {
				throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
						"The inputs part must be at most " + RunManagement.MAX_INPUT_CHARS + " bytes of JSON.");
			}
			inputsText = new String(inputsFile.getBytes(), StandardCharsets.UTF_8);
		}
		JsonNode inputs = null;
		if (inputsText != null && !inputsText.isBlank()) {
			try {
				inputs = this.json.readTree(inputsText);
			}
			catch (JacksonException ex) {
				throw ApiException.badRequest("The inputs part must be a JSON object, such as {\"name\": \"Ada\"}.");
			}
		}
		Map<String, List<RunUploads.Upload>> files = new LinkedHashMap<>();
		request.getMultiFileMap().forEach((name, parts) -> {
			if (!name.equals("inputs")) {
				files.put(name,
						parts.stream()
							.map((part) -> new RunUploads.Upload(part.getOriginalFilename(), part.getSize(),
									part::getInputStream))
							.toList());
			}
		});
		return new RunUploads.Form(inputs, request.getParameter("correlation_id"), files);
	}

	private static Integer waitParameter(String query) {
		String value = (query != null)
				? UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst("wait") : null;
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "'wait' must be a number.");
		}
	}

	private static void checkWait(Integer wait) {
		if (wait != null && (wait < 0 || wait > MAX_WAIT_SECONDS)) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR,
					"wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds.");
		}
	}

	@Operation(summary = "Run the same chain and inputs again, as a new execution (runner or above)")
	@PostMapping("/executions/{id}/rerun")
	ResponseEntity<Map<String, Object>> rerun(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		return accepted(caller, this.runs.rerun(caller, id), null);
	}

	@Operation(summary = "Cancel a run; nodes not started yet never start (runner or above)")
	@PostMapping("/executions/{id}/cancel")
	Map<String, Object> cancel(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		return view(this.runs.cancel(caller, id));
	}

	@Operation(summary = "Pause a run: running nodes finish, no new node starts (runner or above)")
	@PostMapping("/executions/{id}/pause")
	Map<String, Object> pause(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		return view(this.runs.pause(caller, id));
	}

	@Operation(summary = "Resume a paused run (runner or above)")
	@PostMapping("/executions/{id}/resume")
	Map<String, Object> resume(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		return view(this.runs.resume(caller, id));
	}

	@Operation(summary = "Approve or refuse a node waiting at a gate (editor or above)")
	@PostMapping("/executions/{id}/gates/{nodeId}")
	Map<String, Object> gate(@PathVariable long id, @PathVariable long nodeId, @RequestBody GateBody body,
			@AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		Run run = this.runs.decide(caller, id, nodeId, body.approved());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("node", "node_" + nodeId);
		details.put("approved", body.approved());
		if (body.reason() != null && !body.reason().isBlank()) {
			details.put("reason", (body.reason().length() > 500) ? body.reason().substring(0, 500) : body.reason());
		}
		this.audit.record(AuditEvent.by(caller, "gate_decision", "execution", id, ClientInfo.of(request), details));
		return view(run);
	}

	@Operation(summary = "The run's events as Server-Sent Events; resume with Last-Event-ID")
	@GetMapping(path = { "/stream/execution/{id}", "/runs/{id}/log/stream" },
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@PathVariable long id,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@AuthenticationPrincipal CurrentUser caller) {
		this.runs.get(caller, id);
		long after = 0;
		if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
			after = Long.parseLong(lastEventId);
		}
		return this.streams.open(id, after);
	}

	private ResponseEntity<Map<String, Object>> accepted(CurrentUser caller, Run run, Integer wait) {
		if (wait != null && wait > 0) {
			// the caller started the run, so may see it
			Run current = this.runs.awaitEnd(run, Duration.ofSeconds(wait));
			if (current.terminal()) {
				Map<String, Object> body = view(current, caller);
				body.put("results", nodeResults(this.runs.results(current)));
				return ResponseEntity.ok(body);
			}
		}
		// a run still going after the wait was started without waiting for the disk
		this.durability.awaitCommitted();
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("execution_id", run.id());
		response.put("run_id", run.runId());
		response.put("status", run.status());
		response.put("message", "Pipeline execution started.");
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(response);
	}

	@Operation(summary = "The status of an execution")
	@GetMapping("/executions/{id}")
	Map<String, Object> get(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		Run run = this.runs.get(caller, id);
		Map<String, Object> body = view(run);
		List<Map<String, Object>> waiting = new ArrayList<>();
		this.runs.authorizations(run).forEach((node, authorization) -> {
			Map<String, Object> entry = authorizationView(authorization);
			entry.put("node", node);
			waiting.add(entry);
		});
		body.put("awaiting_authorization", waiting);
		return durable(body);
	}

	private static Map<String, Object> authorizationView(Authorization authorization) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("url", authorization.url());
		view.put("requested_at", authorization.requestedAt().toString());
		return view;
	}

	@Operation(summary = "The chain the execution ran (quantra-cno-v1), as it was when the run started")
	@GetMapping(path = "/executions/{id}/chain", produces = MediaType.APPLICATION_JSON_VALUE)
	String chain(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		return this.runs.chain(this.runs.get(caller, id));
	}

	@Operation(summary = "The result of each node of an execution, in chain order")
	@GetMapping("/executions/{id}/results")
	Map<String, Object> results(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		Run run = this.runs.get(caller, id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("execution_id", run.id());
		body.put("status", run.status());
		body.put("results", nodeResults(this.runs.results(run)));
		return durable(body);
	}

	private Map<String, Object> nodeResults(List<NodeState> states) {
		Map<String, Object> nodes = new LinkedHashMap<>();
		for (NodeState node : states) {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("status", node.status());
			result.put("attempts", node.attempts());
			result.put("started_at", (node.startedAt() != null) ? node.startedAt().toString() : null);
			result.put("completed_at", (node.completedAt() != null) ? node.completedAt().toString() : null);
			result.put("output", (node.output() != null) ? this.json.readTree(this.outputs.load(node.output())) : null);
			result.put("error", node.error());
			result.put("authorization",
					(node.authorization() != null) ? authorizationView(node.authorization()) : null);
			nodes.put(node.key(), result);
		}
		return nodes;
	}

	@Operation(summary = "A project's executions, newest first")
	@GetMapping("/projects/{id}/executions")
	Map<String, Object> list(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String trigger, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Integer offset, @AuthenticationPrincipal CurrentUser caller) {
		PageRequest page = PageRequest.of(limit, offset, 20, 100);
		List<Run> runs = this.runs.list(caller, id, status, trigger, page);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("executions", runs.stream().map(this::view).toList());
		body.put("total", this.runs.count(id, status, trigger));
		body.put("limit", page.limit());
		body.put("offset", page.offset());
		return durable(body);
	}

	/**
	 * What was read, once it is on disk: a driver's steps may commit before they are, and
	 * no one should see progress that a crash could take back.
	 */
	private <T> T durable(T read) {
		this.durability.awaitCommitted();
		return read;
	}

	private Map<String, Object> view(Run run) {
		return view(run, null);
	}

	/** The run as the API shows it; the caller's own email needs no lookup. */
	private Map<String, Object> view(Run run, CurrentUser caller) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", run.id());
		body.put("project_id", run.projectId());
		body.put("status", run.status());
		body.put("started_at", (run.startedAt() != null) ? run.startedAt().toString() : null);
		body.put("completed_at", (run.completedAt() != null) ? run.completedAt().toString() : null);
		body.put("initiated_by", initiator(run, caller));
		body.put("trigger", run.trigger());
		body.put("correlation_id", run.correlationId());
		body.put("run_id", run.runId());
		if (run.errorCode() != null) {
			body.put("error", Map.of("code", run.errorCode(), "message", String.valueOf(run.errorMessage())));
		}
		return body;
	}

	private String initiator(Run run, CurrentUser caller) {
		if (run.initiatedBy() == null) {
			return null;
		}
		if (caller != null && caller.userId() == run.initiatedBy()) {
			return caller.email();
		}
		return this.accounts.findAll(List.of(run.initiatedBy()))
			.values()
			.stream()
			.findFirst()
			.map(Accounts.Account::email)
			.orElse(null);
	}

	@Operation(summary = "The project's run settings: the cap on runs executing at once (null: none)")
	@GetMapping("/projects/{id}/run-settings")
	Map<String, Object> runSettings(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		return runSettingsView(this.runs.concurrencyLimit(caller, id).orElse(null));
	}

	@Operation(summary = "Cap the runs of a project executing at once; runs beyond wait as queued (admin or above)")
	@PutMapping("/projects/{id}/run-settings")
	Map<String, Object> updateRunSettings(@PathVariable long id, @RequestBody RunSettingsBody body,
			@AuthenticationPrincipal CurrentUser caller) {
		return runSettingsView(this.runs.limitConcurrency(caller, id, body.maxConcurrentRuns()).orElse(null));
	}

	private static Map<String, Object> runSettingsView(Integer limit) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("max_concurrent_runs", limit);
		return body;
	}

	record RunSettingsBody(@JsonProperty("max_concurrent_runs") Integer maxConcurrentRuns) {
	}

	record RunBody(JsonNode inputs, @JsonProperty("correlation_id") String correlationId) {
	}

	/** A gate decision; its reason goes to the audit log, never into an event. */
	record GateBody(Boolean approved, String reason) {
	}

	/** Signed-in callers; each route checks the role on the run's project. */
	@Bean
	static RouteAuthorizations runRouteRules() {
		return (routes) -> routes.requestMatchers("/executions/**", "/stream/execution/**", "/runs/*/log/stream")
			.authenticated();
	}

}
