package io.quantra.runs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quantra.pipelines.CanvasGraph;
import io.quantra.pipelines.ChainJson;
import io.quantra.pipelines.Pipelines;
import io.quantra.platform.ApiException;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.PageRequest;
import io.quantra.plugins.NodeFiles;
import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.projects.ProjectAccess;
import io.quantra.projects.Role;
import io.quantra.runs.RunRepository.Authorization;
import io.quantra.runs.RunRepository.NodeState;
import io.quantra.runs.RunRepository.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting runs and reading them back. A run is started from the canvas as it is now and
 * keeps that chain JSON for ever after.
 */
@Service
class RunManagement implements Runs {

	static final int MAX_INPUT_CHARS = 1_000_000;

	static final int MAX_CONCURRENCY = 10_000;

	private final RunRepository runs;

	private final RunEngine engine;

	private final Pipelines pipelines;

	private final ProjectAccess access;

	private final JsonMapper json;

	private final Clock clock;

	private final RunEvents events;

	private final NodeFiles files;

	RunManagement(RunRepository runs, RunEngine engine, Pipelines pipelines, ProjectAccess access, JsonMapper json,
			Clock clock, RunEvents events, NodeFiles files) {
		this.files = files;
		this.events = events;
		this.runs = runs;
		this.engine = engine;
		this.pipelines = pipelines;
		this.access = access;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	Run start(CurrentUser caller, long projectId, JsonNode inputs, String trigger, String correlationId) {
		return start(caller, projectId, inputs, trigger, correlationId, null);
	}

	/**
	 * Starts a run under a run id chosen beforehand, so that files given to the run can
	 * be stored under it before its nodes execute.
	 * @param runId the run's UUID, or null for a new one
	 */
	@Transactional
	Run start(CurrentUser caller, long projectId, JsonNode inputs, String trigger, String correlationId, String runId) {
		this.access.require(caller, projectId, Role.RUNNER);
		return begin(projectId, caller.userId(), trigger, inputs, correlationId, runId);
	}

	@Override
	@Transactional
	public StartedRun start(long projectId, Long initiatedBy, String trigger, JsonNode inputs, String correlationId) {
		Run run = begin(projectId, initiatedBy, trigger, inputs, correlationId, null);
		return new StartedRun(run.id(), run.runId(), run.status(), run.correlationId());
	}

	private Run begin(long projectId, Long initiatedBy, String trigger, JsonNode inputs, String correlationId,
			String runId) {
		JsonNode runInputs = (inputs != null && !inputs.isNull()) ? inputs : JsonNodeFactory.instance.objectNode();
		String inputText = this.json.writeValueAsString(runInputs);
		if (inputText.length() > MAX_INPUT_CHARS) {
			throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
					"inputs must be at most " + MAX_INPUT_CHARS + " characters of JSON.");
		}
		return startFrom(initiatedBy, projectId, this.json.writeValueAsString(this.pipelines.chain(projectId)),
				inputText, trigger, correlationId(correlationId), runId);
	}

	/** The caller's correlation id, which must be a UUID, or a new one. */
	/**
	 * How a caller's run start is recorded: from the console (its session cookie), the
	 * Quantra CLI (which names itself in User-Agent) or otherwise through the API. It
	 * only describes the run; nothing is allowed or refused by it.
	 */
	static String trigger(CurrentUser caller, String userAgent) {
		if (caller.method() == CurrentUser.AuthenticationMethod.SESSION) {
			return "console";
		}
		return (userAgent != null && userAgent.startsWith("quantra-cli/")) ? "cli" : "api";
	}

	static String correlationId(String given) {
		if (given == null || given.isBlank()) {
			return UUID.randomUUID().toString();
		}
		try {
			return UUID.fromString(given.trim()).toString();
		}
		catch (IllegalArgumentException ex) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "correlation_id must be a UUID.");
		}
	}

	/** A new run of the same chain and inputs as an earlier one (runner or above). */
	@Transactional
	Run rerun(CurrentUser caller, long executionId) {
		Run previous = get(caller, executionId);
		this.access.require(caller, previous.projectId(), Role.RUNNER);
		String chainText = this.runs.chainJson(executionId);
		String runId = UUID.randomUUID().toString();
		carryDocuments(ChainJson.parse(this.json.readTree(chainText)), previous.projectId(), previous.runId(), runId);
		return startFrom(caller.userId(), previous.projectId(), chainText, this.runs.inputs(executionId),
				previous.trigger(), UUID.randomUUID().toString(), runId);
	}

	/**
	 * Gives a rerun the documents its first run was given, like its inputs. Nodes that
	 * read a server folder read it again instead.
	 */
	private void carryDocuments(CanvasGraph graph, long projectId, String fromRunId, String toRunId) {
		try {
			for (CanvasGraph.Node node : graph.nodes().values()) {
				if (!RunUploads.FILE_UPLOAD.equals(node.pluginId()) || node.config().hasNonNull("source_path")) {
					continue;
				}
				for (StoredFile file : this.files.listForRun(projectId, node.id(), fromRunId)) {
					try (InputStream in = this.files.open(file)) {
						this.files.store(projectId, node.id(), toRunId, file.filename(), in,
								List.of(extension(file.filename())), Long.MAX_VALUE);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot give the rerun the documents of run " + fromRunId, ex);
		}
	}

	private static String extension(String filename) {
		int dot = filename.lastIndexOf('.');
		return (dot > 0) ? filename.substring(dot).toLowerCase(java.util.Locale.ROOT) : "";
	}

	/** Stops a run: nodes not started yet never will (runner or above). */
	@Transactional
	Run cancel(CurrentUser caller, long executionId) {
		Run run = get(caller, executionId);
		this.access.require(caller, run.projectId(), Role.RUNNER);
		Run locked = this.runs.lock(executionId).orElseThrow();
		if (locked.terminal()) {
			throw ApiException.conflict("Execution " + executionId + " has already ended: " + locked.status() + ".");
		}
		this.engine.end(locked, "cancelled", null, null);
		return this.runs.find(executionId).orElseThrow();
	}

	/** Holds a run: running nodes finish, no new node starts until it is resumed. */
	@Transactional
	Run pause(CurrentUser caller, long executionId) {
		Run run = get(caller, executionId);
		this.access.require(caller, run.projectId(), Role.RUNNER);
		Run locked = this.runs.lock(executionId).orElseThrow();
		if (!"running".equals(locked.status()) && !"waiting".equals(locked.status())) {
			throw ApiException.conflict("Only a running execution can be paused; this one is " + locked.status() + ".");
		}
		this.runs.setRunStatus(executionId, "paused");
		this.events.emit(locked, "run_paused", Map.of("run_id", locked.runId()));
		if ("running".equals(locked.status())) {
			this.engine.released(locked.projectId());
		}
		this.engine.wake(executionId);
		return this.runs.find(executionId).orElseThrow();
	}

	/**
	 * Lets a paused run go on, at once: a project's concurrency limit applies to runs
	 * starting, not to runs resuming.
	 */
	@Transactional
	Run resume(CurrentUser caller, long executionId) {
		Run run = get(caller, executionId);
		this.access.require(caller, run.projectId(), Role.RUNNER);
		Run locked = this.runs.lock(executionId).orElseThrow();
		if (!"paused".equals(locked.status())) {
			throw ApiException.conflict("Only a paused execution can be resumed; this one is " + locked.status() + ".");
		}
		this.runs.setRunStatus(executionId, "running");
		this.events.emit(locked, "run_resumed", Map.of("run_id", locked.runId()));
		this.engine.drive(locked);
		return this.runs.find(executionId).orElseThrow();
	}

	/** Approves or refuses the node waiting at a gate (editor or above). */
	@Transactional
	Run decide(CurrentUser caller, long executionId, long nodeId, Boolean approved) {
		Run run = get(caller, executionId);
		this.access.require(caller, run.projectId(), Role.EDITOR);
		if (approved == null) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "approved (true or false) is required.");
		}
		Run locked = this.runs.lock(executionId).orElseThrow();
		String key = ChainJson.key(nodeId);
		boolean waiting = this.runs.progress(executionId)
			.stream()
			.anyMatch((n) -> n.key().equals(key) && "waiting".equals(n.status()));
		if (locked.terminal() || !waiting) {
			throw ApiException
				.conflict("Node " + key + " of execution " + executionId + " is not waiting for a decision.");
		}
		this.engine.decide(locked, key, approved);
		return this.runs.find(executionId).orElseThrow();
	}

	private Run startFrom(Long initiatedBy, long projectId, String chainText, String inputText, String trigger,
			String correlationId, String givenRunId) {
		CanvasGraph graph = ChainJson.parse(this.json.readTree(chainText));
		String status = this.engine.admission(projectId);
		// as stored: the databases keep microseconds
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String runId = (givenRunId != null) ? givenRunId : UUID.randomUUID().toString();
		long runPk = this.runs.insertRun(runId, projectId, status, trigger, correlationId, initiatedBy, chainText,
				inputText, now);
		this.runs.insertNodes(runPk, graph.nodes().keySet().stream().map(ChainJson::key).toList());
		Run run = new Run(runPk, runId, projectId, status, trigger, correlationId, initiatedBy, now,
				"running".equals(status) ? now : null, null, null, null, null, 0, 0);
		this.events.newRun(runPk);
		this.events.emit(run, "run_started", Map.of("run_id", run.runId(), "project_id", projectId, "trigger", trigger,
				"correlation_id", run.correlationId(), "nodes", graph.nodes().size()));
		if ("running".equals(status)) {
			this.engine.driveNew(run, graph, inputText);
		}
		return run;
	}

	/**
	 * Waits, at most {@code max}, for a run the caller started to end; the run then.
	 */
	Run awaitEnd(Run run, Duration max) {
		try {
			return this.engine.awaitEnd(run.id(), max).orElseThrow(() -> notFound(run.id()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return this.runs.find(run.id()).orElseThrow(() -> notFound(run.id()));
		}
	}

	/** The project's cap on runs executing at once, if it has one (viewer or above). */
	Optional<Integer> concurrencyLimit(CurrentUser caller, long projectId) {
		this.access.require(caller, projectId, Role.VIEWER);
		return this.runs.concurrencyLimit(projectId);
	}

	/**
	 * Caps the runs of a project executing at once, or lifts the cap ({@code null});
	 * queued runs that now fit start (admin or above).
	 */
	@Transactional
	Optional<Integer> limitConcurrency(CurrentUser caller, long projectId, Integer limit) {
		this.access.require(caller, projectId, Role.ADMIN);
		if (limit != null && (limit < 1 || limit > MAX_CONCURRENCY)) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR,
					"max_concurrent_runs must be between 1 and " + MAX_CONCURRENCY + ", or null for no limit.");
		}
		this.runs.setConcurrencyLimit(projectId, limit);
		this.engine.limitChanged(projectId);
		return Optional.ofNullable(limit);
	}

	Run get(CurrentUser caller, long id) {
		Run run = this.runs.find(id).orElseThrow(() -> notFound(id));
		try {
			this.access.require(caller, run.projectId(), Role.VIEWER);
		}
		catch (ApiException ex) {
			throw (ex.code() == ErrorCode.NOT_FOUND) ? notFound(id) : ex;
		}
		return run;
	}

	/**
	 * The nodes of a run the caller may see, in the order of its chain, with their state
	 * and output.
	 */
	String chain(Run run) {
		return this.runs.chainJson(run.id());
	}

	List<NodeState> results(Run run) {
		long id = run.id();
		CanvasGraph graph = ChainJson.parse(this.json.readTree(this.runs.chainJson(id)));
		Map<String, Integer> order = new java.util.HashMap<>();
		List<Long> sorted = graph.topologicalOrder();
		for (int i = 0; i < sorted.size(); i++) {
			order.put(ChainJson.key(sorted.get(i)), i);
		}
		return this.runs.nodes(id)
			.stream()
			.sorted(java.util.Comparator.comparing((NodeState n) -> order.getOrDefault(n.key(), Integer.MAX_VALUE)))
			.toList();
	}

	/**
	 * The nodes of a run the caller may see that wait for a user to authorise their tool.
	 */
	Map<String, Authorization> authorizations(Run run) {
		return this.runs.authorizations(run.id());
	}

	List<Run> list(CurrentUser caller, long projectId, String status, String trigger, PageRequest page) {
		this.access.require(caller, projectId, Role.VIEWER);
		return this.runs.findByProject(projectId, status, trigger, page.limit(), page.offset());
	}

	long count(long projectId, String status, String trigger) {
		return this.runs.countByProject(projectId, status, trigger);
	}

	private static ApiException notFound(long id) {
		return ApiException.notFound("No execution " + id + " that you can see.");
	}

}
