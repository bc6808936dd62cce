package io.quantra.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.quantra.pipelines.CanvasGraph;
import io.quantra.pipelines.ChainJson;
import io.quantra.pipelines.ExecutionSettings;
import io.quantra.platform.PiiScrubber;
import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.PluginCatalog;
import io.quantra.plugins.PluginContext;
import io.quantra.runs.RunRepository.NodeState;
import io.quantra.runs.RunRepository.Run;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes runs node by node. Each node is a db-scheduler task; a node becomes due when
 * all its flow and interactive predecessors completed, so independent branches run in
 * parallel on the scheduler's worker pool. Every state change is committed before the
 * next step is scheduled, and a task delivered again after a crash finds the node's state
 * and does not repeat finished work: an interrupted node is run again only when its
 * plugin is idempotent.
 */
@Component
class RunEngine {

	static final String TASK = "run-node";

	private static final Logger log = LoggerFactory.getLogger(RunEngine.class);

	private final RunRepository runs;

	private final PluginCatalog plugins;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ObjectProvider<Scheduler> scheduler;

	private final OneTimeTask<String> task;

	private final RunEvents events;

	private final RunOutputs outputs;

	/** Plugins run here, so that a node that overruns its timeout can be abandoned. */
	private final ExecutorService workers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "node-work");
		thread.setDaemon(true);
		return thread;
	});

	RunEngine(RunRepository runs, PluginCatalog plugins, JsonMapper json, Clock clock, TransactionTemplate transactions,
			ObjectProvider<Scheduler> scheduler, RunEvents events, RunOutputs outputs) {
		this.events = events;
		this.outputs = outputs;
		this.runs = runs;
		this.plugins = plugins;
		this.json = json;
		this.clock = clock;
		this.transactions = transactions;
		this.scheduler = scheduler;
		this.task = Tasks.oneTime(TASK, String.class).execute((instance, context) -> execute(instance.getId()));
	}

	@org.springframework.context.annotation.Bean
	OneTimeTask<String> runNodeTask() {
		return this.task;
	}

	/**
	 * Queues every node whose predecessors are done, or ends the run when all nodes are;
	 * called within the transaction that changed the run, holding its lock.
	 */
	void advance(long runPk, CanvasGraph graph) {
		Map<String, String> status = new HashMap<>();
		this.runs.nodes(runPk).forEach((n) -> status.put(n.key(), n.status()));
		// a node that failed but may be passed over counts as done
		for (long id : graph.nodes().keySet()) {
			String key = ChainJson.key(id);
			if ("failed".equals(status.get(key))
					&& ExecutionSettings.of(graph.nodes().get(id).config()).continueOnError()) {
				status.put(key, "completed");
			}
		}
		if (status.values().stream().allMatch((s) -> s.equals("completed"))) {
			Run run = this.runs.find(runPk).orElseThrow();
			this.runs.finish(runPk, "completed", null, null, this.clock.instant());
			this.events.emit(runPk, "run_completed",
					Map.of("run_id", run.runId(), "duration_ms", millisSince(run.startedAt()), "nodes", status.size()));
			return;
		}
		Map<Long, List<Long>> predecessors = predecessors(graph);
		Run run = this.runs.find(runPk).orElseThrow();
		List<String> due = new ArrayList<>();
		for (long id : graph.nodes().keySet()) {
			String key = ChainJson.key(id);
			boolean ready = predecessors.getOrDefault(id, List.of())
				.stream()
				.allMatch((p) -> "completed".equals(status.get(ChainJson.key(p))));
			if ("pending".equals(status.get(key)) && ready) {
				if (isGate(graph, id)) {
					this.runs.setNodeStatus(runPk, key, "waiting");
					status.put(key, "waiting");
					this.events.emit(runPk, "gate_requested", Map.of("run_id", run.runId(), "node", key));
				}
				else {
					this.runs.setNodeStatus(runPk, key, "queued");
					status.put(key, "queued");
				}
			}
			if ("queued".equals(status.get(key))) {
				// also nodes queued before a pause or a crash: scheduling is idempotent
				due.add(key);
			}
		}
		boolean waiting = status.containsValue("waiting");
		boolean busy = status.containsValue("queued") || status.containsValue("running");
		this.runs.setRunStatus(runPk, (waiting && !busy) ? "waiting" : "running");
		for (String key : due) {
			this.scheduler.getObject().scheduleIfNotExists(this.task.instance(runPk + ":" + key), this.clock.instant());
		}
		if (!due.isEmpty()) {
			afterCommit(() -> this.scheduler.getObject().triggerCheckForDueExecutions());
		}
	}

	/**
	 * A person decides on a waiting node: approved, it runs; refused, the run fails.
	 * Called in a transaction holding the run's lock.
	 */
	void decide(long runPk, String key, boolean approved, CanvasGraph graph) {
		Run run = this.runs.find(runPk).orElseThrow();
		this.events.emit(runPk, "gate_decision", Map.of("run_id", run.runId(), "node", key, "approved", approved));
		if (approved) {
			this.runs.setNodeStatus(runPk, key, "queued");
			advance(runPk, graph);
			return;
		}
		String message = "The gate at " + key + " was refused.";
		this.runs.fail(runPk, key, message, this.clock.instant());
		this.runs.skipPending(runPk);
		this.runs.finish(runPk, "failed", "GATE_REJECTED", message, this.clock.instant());
		this.events.emit(runPk, "run_failed",
				Map.of("run_id", run.runId(), "error_code", "GATE_REJECTED", "message", message));
	}

	/**
	 * Workbench nodes and nodes behind an interactive edge wait for a person before they
	 * run.
	 */
	static boolean isGate(CanvasGraph graph, long id) {
		return "workbench".equals(graph.nodes().get(id).type()) || graph.edges()
			.stream()
			.anyMatch((e) -> e.target() == id && e.mode() == io.quantra.pipelines.EdgeMode.INTERACTIVE);
	}

	/**
	 * Runs one node of one run, named {@code <run>:<node key>}; safe to call again for
	 * the same node.
	 */
	void execute(String data) {
		String[] parts = data.split(":");
		long runPk = Long.parseLong(parts[0]);
		String key = parts[1];
		Optional<Run> run = this.runs.find(runPk);
		Optional<NodeState> node = this.runs.node(runPk, key);
		if (run.isEmpty() || node.isEmpty()
				|| !"running".equals(run.get().status()) && !"waiting".equals(run.get().status())) {
			return;
		}
		// every log line written while the node runs names the run and its correlation id
		try (MDC.MDCCloseable runId = MDC.putCloseable("run_id", run.get().runId());
				MDC.MDCCloseable correlation = MDC.putCloseable("correlation_id", run.get().correlationId())) {
			executeNode(run.get(), node.get(), runPk, key);
		}
	}

	private void executeNode(Run current, NodeState nodeState, long runPk, String key) {
		Optional<Run> run = Optional.of(current);
		Optional<NodeState> node = Optional.of(nodeState);
		CanvasGraph graph = ChainJson.parse(this.json.readTree(this.runs.chainJson(runPk)));
		CanvasGraph.Node definition = graph.nodes().get(id(key));
		Optional<ExecutablePlugin> plugin = this.plugins.executable(definition.pluginId());
		String state = node.get().status();
		if (state.equals("completed") || state.equals("failed") || state.equals("skipped")) {
			return;
		}
		// an approved workbench step without code of its own hands its inputs on
		boolean passThrough = plugin.isEmpty() && "workbench".equals(definition.type());
		if (state.equals("running") && !passThrough && (plugin.isEmpty() || !plugin.get().idempotent())) {
			fail(runPk, key, graph, "NODE_INTERRUPTED",
					"Node " + key + " was interrupted and its plugin cannot safely run twice.");
			return;
		}
		if (plugin.isEmpty() && !passThrough) {
			fail(runPk, key, graph, "PLUGIN_UNAVAILABLE",
					"Plugin " + definition.pluginId() + " of node " + key + " cannot run on this server.");
			return;
		}
		String runId = run.get().runId();
		this.transactions.executeWithoutResult((tx) -> {
			this.runs.lock(runPk);
			this.runs.markRunning(runPk, key, this.clock.instant());
			this.events.emit(runPk, "node_started", Map.of("run_id", runId, "node", key, "plugin_id",
					definition.pluginId(), "attempt", node.get().attempts() + 1));
		});
		Instant started = this.clock.instant();
		ExecutionSettings settings = ExecutionSettings.of(definition.config());
		int attempt = node.get().attempts() + 1;
		try {
			PluginContext context = context(run.get(), runPk, key, definition, graph);
			Optional<ExecutablePlugin> code = plugin;
			Future<Frame> work = this.workers.submit(() -> passThrough
					? Frame.of(context.inputs().stream().flatMap((frame) -> frame.data().stream()).toList())
					: code.get().run(context));
			Frame output;
			try {
				output = work.get(settings.timeoutSeconds(), TimeUnit.SECONDS);
			}
			catch (TimeoutException ex) {
				work.cancel(true);
				throw new NodeTimeout(settings.timeoutSeconds());
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof Exception cause) ? cause : ex;
			}
			String text = this.outputs.store(current.projectId(), runPk, key, this.json.writeValueAsString(output));
			this.transactions.executeWithoutResult((tx) -> {
				Optional<Run> locked = this.runs.lock(runPk);
				this.runs.complete(runPk, key, text, this.clock.instant());
				this.events.emit(runPk, "node_completed", Map.of("run_id", runId, "node", key, "duration_ms",
						millisSince(started), "items", output.data().size()));
				if (locked.isPresent()
						&& ("running".equals(locked.get().status()) || "waiting".equals(locked.get().status()))) {
					advance(runPk, graph);
				}
			});
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			String code = (ex instanceof NodeTimeout) ? "NODE_TIMEOUT" : "NODE_FAILED";
			String message = PiiScrubber.scrub(String.valueOf(ex.getMessage()));
			log.info("Node {} of run {} failed (attempt {}): {}", key, runId, attempt, ex.getClass().getSimpleName());
			String description = "Node " + key + " (" + definition.label() + ") failed: " + message;
			if (attempt <= settings.retries()) {
				retry(runPk, key, runId, attempt, code, description);
			}
			else if (settings.continueOnError()) {
				passOver(runPk, key, runId, graph, code, description);
			}
			else {
				fail(runPk, key, graph, code, description);
			}
		}
	}

	/**
	 * Schedules the node again after an exponential backoff: 1 s, 2 s, 4 s … at most 5
	 * minutes.
	 */
	private void retry(long runPk, String key, String runId, int attempt, String code, String description) {
		Duration backoff = Duration.ofSeconds(Math.min(300, 1L << Math.min(attempt - 1, 9)));
		this.transactions.executeWithoutResult((tx) -> {
			Optional<Run> run = this.runs.lock(runPk);
			if (run.isEmpty() || run.get().terminal()) {
				return;
			}
			this.runs.setNodeStatus(runPk, key, "queued");
			this.events.emit(runPk, "node_failed", Map.of("run_id", runId, "node", key, "error_code", code, "message",
					clip(description + " Retrying in " + backoff.toSeconds() + " s.", 500)));
			this.scheduler.getObject()
				.scheduleIfNotExists(this.task.instance(runPk + ":" + key + ":" + (attempt + 1)),
						this.clock.instant().plus(backoff));
		});
	}

	/** Records the failure of a node whose failure the run may pass over, and goes on. */
	private void passOver(long runPk, String key, String runId, CanvasGraph graph, String code, String description) {
		this.transactions.executeWithoutResult((tx) -> {
			Optional<Run> run = this.runs.lock(runPk);
			if (run.isEmpty() || run.get().terminal()) {
				return;
			}
			this.runs.fail(runPk, key, clip(description, 2000), this.clock.instant());
			this.events.emit(runPk, "node_failed",
					Map.of("run_id", runId, "node", key, "error_code", code, "message", clip(description, 500)));
			if ("running".equals(run.get().status()) || "waiting".equals(run.get().status())) {
				advance(runPk, graph);
			}
		});
	}

	@PreDestroy
	void stop() {
		this.workers.shutdownNow();
	}

	private static String clip(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

	/** A node ran longer than its {@code timeout_seconds}. */
	private static final class NodeTimeout extends Exception {

		NodeTimeout(int seconds) {
			super("it did not finish within " + seconds + " s");
		}

	}

	private void fail(long runPk, String key, CanvasGraph graph, String code, String message) {
		String clipped = (message.length() > 2000) ? message.substring(0, 2000) : message;
		String summary = (message.length() > 500) ? message.substring(0, 500) : message;
		this.transactions.executeWithoutResult((tx) -> {
			Optional<Run> run = this.runs.lock(runPk);
			if (run.isEmpty() || run.get().terminal()) {
				return;
			}
			this.runs.fail(runPk, key, clipped, this.clock.instant());
			this.runs.skipPending(runPk);
			this.runs.finish(runPk, "failed", code, clipped, this.clock.instant());
			this.events.emit(runPk, "node_failed",
					Map.of("run_id", run.get().runId(), "node", key, "error_code", code, "message", summary));
			this.events.emit(runPk, "run_failed",
					Map.of("run_id", run.get().runId(), "error_code", code, "message", summary));
		});
	}

	private PluginContext context(Run run, long runPk, String key, CanvasGraph.Node node, CanvasGraph graph) {
		Map<String, String> outputs = new HashMap<>();
		this.runs.nodes(runPk).forEach((n) -> {
			if (n.output() != null) {
				outputs.put(n.key(), this.outputs.load(n.output()));
			}
		});
		List<Frame> inputs = new ArrayList<>();
		Map<String, Frame> references = new LinkedHashMap<>();
		graph.edges()
			.stream()
			.filter((e) -> e.target() == node.id())
			.sorted(Comparator.comparingLong(CanvasGraph.Edge::source))
			.forEach((e) -> {
				String source = ChainJson.key(e.source());
				String output = outputs.get(source);
				if (output == null) {
					return;
				}
				Frame frame = this.json.readValue(output, Frame.class);
				if (e.mode().ordersExecution()) {
					inputs.add(frame);
				}
				else {
					references.put(source, frame);
				}
			});
		JsonNode runInputs = this.json.readTree(this.runs.inputs(runPk));
		return new PluginContext(run.runId(), key, node.config(), runInputs, inputs, references);
	}

	private long millisSince(Instant start) {
		return (start != null) ? Math.max(0, Duration.between(start, this.clock.instant()).toMillis()) : 0;
	}

	static Map<Long, List<Long>> predecessors(CanvasGraph graph) {
		Map<Long, List<Long>> predecessors = new HashMap<>();
		for (CanvasGraph.Edge edge : graph.edges()) {
			if (edge.mode().ordersExecution()) {
				predecessors.computeIfAbsent(edge.target(), (k) -> new ArrayList<>()).add(edge.source());
			}
		}
		return predecessors;
	}

	private static long id(String key) {
		return Long.parseLong(key.substring("node_".length()));
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
