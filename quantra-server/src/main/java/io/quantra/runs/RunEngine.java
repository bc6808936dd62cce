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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.quantra.pipelines.CanvasGraph;
import io.quantra.pipelines.ChainJson;
import io.quantra.pipelines.EdgeMode;
import io.quantra.pipelines.ExecutionSettings;
import io.quantra.platform.CommitDurability;
import io.quantra.platform.PiiScrubber;
import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.PluginFailure;
import io.quantra.plugins.PluginCatalog;
import io.quantra.plugins.PluginContext;
import io.quantra.runs.RunRepository.Progress;
import io.quantra.runs.RunRepository.Run;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes runs. Each active run has one driver: a db-scheduler execution, heart-beaten
 * while it works, that hands the run's ready nodes to a bounded worker pool in memory and
 * commits every change of state — a node claimed, completed, failed, retried — before it
 * acts on it. When the server dies, db-scheduler revives the driver elsewhere (or after
 * the restart); the revived driver finds the committed state and carries on, running a
 * node that was mid-flight again only when its plugin is idempotent.
 * <p>
 * A driver ends when its run ends, pauses or waits for a person, and when the next node
 * is a retry due later: then it schedules its successor for that time. Commands that make
 * a run runnable again (resume, a gate approved, a queued run admitted) start a new
 * driver; the run row names its one current driver, so a stale one stands down.
 */
@Component
class RunEngine {

	static final String TASK = "run-driver";

	/** How often a waiting driver looks for changes made by other servers. */
	private static final Duration CHECK = Duration.ofSeconds(1);

	private static final Object NUDGE = new Object();

	/**
	 * Outputs up to this size stay in the driver's memory for the nodes that read them.
	 */
	private static final int CACHED_OUTPUT_CHARS = 64 * 1024;

	private static final Logger log = LoggerFactory.getLogger(RunEngine.class);

	private final RunRepository runs;

	private final PluginCatalog plugins;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ObjectProvider<Scheduler> scheduler;

	private final RunEvents events;

	private final RunOutputs outputs;

	private final CommitDurability durability;

	private final CustomTask<Void> task;

	/**
	 * How long a driver's task row waits before another server may revive it; a live
	 * driver pushes it back every third of that.
	 */
	private final Duration lease;

	/** Drivers started on this server run here, without waiting for a scheduler poll. */
	private final ThreadPoolExecutor drivers;

	private final ScheduledExecutorService renewals;

	/** Plugins run here, so that a node that overruns its timeout can be abandoned. */
	private final ThreadPoolExecutor workers;

	private final Map<Long, Driver> active = new ConcurrentHashMap<>();

	private final Map<Long, CompletableFuture<Void>> endings = new ConcurrentHashMap<>();

	RunEngine(RunRepository runs, PluginCatalog plugins, JsonMapper json, Clock clock, TransactionTemplate transactions,
			ObjectProvider<Scheduler> scheduler, RunEvents events, RunOutputs outputs, CommitDurability durability,
			@Value("${quantra.runs.workers:16}") int workers, @Value("${quantra.runs.drivers:64}") int drivers,
			@Value("${quantra.runs.heartbeat:10s}") Duration heartbeat) {
		this.runs = runs;
		this.plugins = plugins;
		this.json = json;
		this.clock = clock;
		this.transactions = transactions;
		this.scheduler = scheduler;
		this.events = events;
		this.outputs = outputs;
		this.durability = durability;
		this.workers = pool(workers, "node-work-");
		this.drivers = pool(drivers, "run-driver-");
		// the same patience as db-scheduler's own: six missed heartbeats
		this.lease = heartbeat.multipliedBy(6);
		this.renewals = Executors.newSingleThreadScheduledExecutor((work) -> {
			Thread thread = new Thread(work, "run-driver-leases");
			thread.setDaemon(true);
			return thread;
		});
		this.renewals.scheduleWithFixedDelay(this::renewLeases, heartbeat.toMillis(), heartbeat.toMillis(),
				TimeUnit.MILLISECONDS);
		// a driver that cannot reach the database tries again after 1 s, 1.5 s, 2.25 s
		// and so on
		this.task = Tasks.custom(TASK, Void.class)
			.onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(1), 1.5))
			.execute((instance, context) -> {
				if (executeScheduled(instance.getId())) {
					return new CompletionHandler.OnCompleteRemove<>();
				}
				return (complete, operations) -> operations.reschedule(complete, this.clock.instant().plus(this.lease));
			});
	}

	@Bean
	CustomTask<Void> runDriverTask() {
		return this.task;
	}

	// --- commands, called in a transaction holding the run's lock

	/**
	 * Makes sure the run has a driver: starts one after the transaction commits, or wakes
	 * the one it has.
	 */
	void drive(Run run) {
		drive(run, null);
	}

	/**
	 * Starts the driver of a run created in this transaction, which knows its chain and
	 * inputs already.
	 */
	void driveNew(Run run, CanvasGraph graph, String inputs) {
		drive(run, new Created(graph, inputs));
	}

	private void drive(Run run, Created created) {
		if (run.driver() != null) {
			afterCommit(() -> nudge(run.id()));
			return;
		}
		int generation = run.driverGen() + 1;
		String instance = run.id() + ":" + generation;
		this.runs.setDriver(run.id(), instance, generation);
		// the task row is the driver's lease: should this server die, another revives it
		this.scheduler.getObject()
			.scheduleIfNotExists(this.task.instance(instance), this.clock.instant().plus(this.lease));
		Driver driver = new Driver(run.id(), instance, true);
		Step first = (created != null) ? driver.begin(run, generation, created) : driver.step(List.of(), true);
		if (first.exit()) {
			return;
		}
		this.active.put(run.id(), driver);
		afterCompletion((committed) -> {
			if (committed) {
				this.drivers.execute(() -> runLocally(driver, first));
			}
			else {
				this.active.remove(run.id(), driver);
			}
		});
	}

	/** A successor driver, started by db-scheduler when a retry falls due. */
	private void startDriverAt(long runPk, int generation, Instant at) {
		String instance = runPk + ":" + generation;
		this.runs.setDriver(runPk, instance, generation);
		this.scheduler.getObject().scheduleIfNotExists(this.task.instance(instance), at);
	}

	private void runLocally(Driver driver, Step first) {
		try {
			driver.run(first);
		}
		catch (RuntimeException ex) {
			// its lease runs out and another driver carries the run on
			log.warn("The driver of run {} stopped: {}", driver.runPk, ex.toString());
		}
		finally {
			this.active.remove(driver.runPk, driver);
			driver.abandon();
		}
	}

	/** Pushes back the lease of every driver working on this server. */
	private void renewLeases() {
		Instant until = this.clock.instant().plus(this.lease);
		for (Driver driver : List.copyOf(this.active.values())) {
			if (driver.leased) {
				try {
					this.scheduler.getObject().reschedule(TaskInstanceId.of(TASK, driver.instance), until);
				}
				catch (RuntimeException ex) {
					log.warn("Cannot renew the lease of run {}: {}", driver.runPk, ex.toString());
				}
			}
		}
	}

	/** Wakes the run's driver once the transaction commits: a command changed the run. */
	void wake(long runPk) {
		afterCommit(() -> nudge(runPk));
	}

	/** Wakes the run's driver on this server, if it has one here. */
	private void nudge(long runPk) {
		Driver driver = this.active.get(runPk);
		if (driver != null) {
			driver.signals.offer(NUDGE);
		}
	}

	/**
	 * Ends a run early, {@code failed} or {@code cancelled}; pending nodes never run and
	 * a project's queued runs may start in its place.
	 */
	void end(Run run, String status, String code, String message) {
		this.runs.skipPending(run.id());
		this.runs.finish(run.id(), status, code, message, this.clock.instant());
		if ("failed".equals(status)) {
			this.events.emit(run, "run_failed",
					Map.of("run_id", run.runId(), "error_code", code, "message", clip(message, 500)));
		}
		else {
			this.events.emit(run, "run_cancelled", Map.of("run_id", run.runId()));
		}
		ended(run);
	}

	/**
	 * Ends a run whose nodes are all done, by its driver, which stands down with it.
	 */
	private void completed(Run run, int nodes) {
		this.runs.finishCompleted(run.id(), this.clock.instant());
		this.events.emit(run, "run_completed",
				Map.of("run_id", run.runId(), "duration_ms", millisSince(run.startedAt()), "nodes", nodes));
		ended(run);
	}

	/**
	 * What follows the end of a run: queued runs may start, waiters learn of it — once
	 * the end is on disk.
	 */
	private void ended(Run run) {
		this.durability.require();
		if ("running".equals(run.status())) {
			released(run.projectId());
		}
		afterCommit(() -> {
			CompletableFuture<Void> ending = this.endings.remove(run.id());
			if (ending != null) {
				ending.complete(null);
			}
			nudge(run.id());
		});
	}

	/**
	 * The status of a run about to be created: {@code queued} when its project's
	 * concurrency limit is reached. Holds the project's limit row until commit, so that
	 * concurrent starts count each other.
	 */
	String admission(long projectId) {
		Optional<Integer> limit = this.runs.lockConcurrencyLimit(projectId);
		return (limit.isPresent() && this.runs.countRunning(projectId) >= limit.get()) ? "queued" : "running";
	}

	/** A run of the project stopped running: queued runs start up to the limit. */
	void released(long projectId) {
		Optional<Integer> limit = this.runs.lockConcurrencyLimit(projectId);
		if (limit.isEmpty()) {
			// without a limit no run queues; lifting a limit admits the queued ones
			return;
		}
		admit(projectId, limit);
	}

	/** The project's limit changed: queued runs start up to the new limit, if any. */
	void limitChanged(long projectId) {
		admit(projectId, this.runs.lockConcurrencyLimit(projectId));
	}

	private void admit(long projectId, Optional<Integer> limit) {
		long free = limit.map((max) -> max - this.runs.countRunning(projectId)).orElse(Long.MAX_VALUE);
		if (free <= 0) {
			return;
		}
		while (free > 0) {
			int batch = (int) Math.min(free, 1000);
			List<Long> queued = this.runs.queued(projectId, batch);
			for (long id : queued) {
				if (this.runs.admit(id, this.clock.instant())) {
					drive(this.runs.find(id).orElseThrow());
					free--;
				}
			}
			if (queued.size() < batch) {
				return;
			}
		}
	}

	/**
	 * A person decides on a waiting node: approved, it runs; refused, the run fails.
	 */
	void decide(Run run, String key, boolean approved) {
		this.events.emit(run, "gate_decision", Map.of("run_id", run.runId(), "node", key, "approved", approved));
		if (approved) {
			this.runs.setNodeStatus(run.id(), key, "queued");
			this.runs.bumpRevision(run.id());
			if ("waiting".equals(run.status())) {
				this.runs.setRunStatus(run.id(), "running");
			}
			drive(run);
			return;
		}
		String message = "The gate at " + key + " was refused.";
		this.runs.fail(run.id(), key, message, this.clock.instant());
		end(run, "failed", "GATE_REJECTED", message);
	}

	/**
	 * Waits until the run ends, at most {@code max}; the run as it is then.
	 */
	Optional<Run> awaitEnd(long runPk, Duration max) throws InterruptedException {
		Instant deadline = Instant.now().plus(max);
		CompletableFuture<Void> ending = this.endings.computeIfAbsent(runPk, (id) -> new CompletableFuture<>());
		try {
			while (true) {
				Optional<Run> run = this.runs.find(runPk);
				Duration left = Duration.between(Instant.now(), deadline);
				if (run.isEmpty() || run.get().terminal() || left.isNegative() || left.isZero()) {
					if (!ending.isDone()) {
						// seen ending before its driver had it on disk
						this.durability.awaitCommitted();
					}
					return run;
				}
				try {
					// another server may drive the run: look again at least every second
					ending.get(Math.min(left.toMillis(), CHECK.toMillis()), TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException | ExecutionException ex) {
					// look again
				}
			}
		}
		finally {
			this.endings.remove(runPk, ending);
		}
	}

	/**
	 * Workbench nodes and nodes behind an interactive edge wait for a person before they
	 * run.
	 */
	static boolean isGate(CanvasGraph graph, long id) {
		return "workbench".equals(graph.nodes().get(id).type())
				|| graph.edges().stream().anyMatch((e) -> e.target() == id && e.mode() == EdgeMode.INTERACTIVE);
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

	// --- the driver

	/**
	 * Drives the run named by a task instance {@code <run>:<generation>} that
	 * db-scheduler picked: a successor due now, or a lease that ran out because its
	 * server died. False when the driver is alive on this server after all and keeps its
	 * lease.
	 */
	boolean executeScheduled(String instance) {
		long runPk = Long.parseLong(instance.substring(0, instance.indexOf(':')));
		Driver local = this.active.get(runPk);
		if (local != null && local.instance.equals(instance)) {
			return false;
		}
		Driver driver = new Driver(runPk, instance, false);
		this.active.put(runPk, driver);
		try {
			driver.run(null);
		}
		finally {
			this.active.remove(runPk, driver);
			driver.abandon();
		}
		return true;
	}

	@PreDestroy
	void stop() {
		this.renewals.shutdownNow();
		this.drivers.shutdownNow();
		this.workers.shutdownNow();
	}

	/** The chain and inputs of a run that was just created. */
	private record Created(CanvasGraph graph, String inputs) {
	}

	/** What a driver does next: start these nodes, or stand down. */
	private record Step(List<String> start, boolean exit) {

		static final Step EXIT = new Step(List.of(), true);

	}

	/** The end of one attempt at a node. */
	private record Outcome(String key, int attempt, Instant started, String output, int items, Exception error,
			boolean timedOut) {

	}

	/** How far a node being worked on got, as its plugin reported. */
	private record Reported(String key, int attempt, int done, int total, String unit) {
	}

	/**
	 * A node being worked on waits for a user to authorise its tool at {@code url}, or
	 * went on ({@code url} null).
	 */
	private record Authorizing(String key, int attempt, String url) {
	}

	/** A node being worked on. */
	private record Attempt(int number, Future<?> work, Instant deadline) {
	}

	/** Where one node stands, as this driver knows it. */
	private static final class NodeProgress {

		String status;

		int attempts;

		Instant dueAt;

		/** Whether the run's stream shows this node waiting for a user to authorise. */
		boolean authorizing;

		NodeProgress(Progress progress) {
			this.status = progress.status();
			this.attempts = progress.attempts();
			this.dueAt = progress.dueAt();
		}

	}

	private final class Driver {

		final long runPk;

		final String instance;

		/**
		 * Started on this server, holding a lease row, rather than picked by
		 * db-scheduler.
		 */
		final boolean leased;

		final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();

		final Map<String, Attempt> inFlight = new HashMap<>();

		/** Progress reported since the last step, the latest per node. */
		final Map<String, Reported> reported = new LinkedHashMap<>();

		/** Authorization requests and their ends since the last step, in order. */
		final List<Authorizing> authorizations = new ArrayList<>();

		final Map<String, NodeProgress> nodes = new HashMap<>();

		/**
		 * Small outputs of the nodes this driver saw complete, handed to their
		 * successors.
		 */
		final Map<String, String> outputs = new ConcurrentHashMap<>();

		CanvasGraph graph;

		Map<Long, List<Long>> predecessors;

		List<String> order;

		String inputs;

		Run run;

		int revision = -1;

		Driver(long runPk, String instance, boolean leased) {
			this.runPk = runPk;
			this.instance = instance;
			this.leased = leased;
		}

		/** Drives the run until it stands down, after the given first step if any. */
		void run(Step initial) {
			boolean first = initial == null;
			Step step = initial;
			List<Outcome> outcomes = new ArrayList<>();
			while (true) {
				if (step == null) {
					boolean recover = first;
					// a crash may lose a step that only led to idempotent work, which is
					// then done again; a step that lets anything out requires the disk
					step = RunEngine.this.durability
						.deferred(() -> RunEngine.this.transactions.execute((tx) -> step(outcomes, recover)));
					first = false;
					outcomes.clear();
				}
				if (step == null || step.exit()) {
					return;
				}
				step.start().forEach(this::submit);
				step = null;
				await(outcomes);
			}
		}

		/**
		 * One transaction of progress: records what ended, moves nodes whose turn has
		 * come and claims those to start.
		 */
		Step step(List<Outcome> outcomes, boolean first) {
			Optional<Run> locked = RunEngine.this.runs.lock(this.runPk);
			if (locked.isEmpty() || !this.instance.equals(locked.get().driver())) {
				return Step.EXIT;
			}
			this.run = locked.get();
			if (first) {
				chain(ChainJson.parse(RunEngine.this.json.readTree(RunEngine.this.runs.chainJson(this.runPk))),
						RunEngine.this.runs.inputs(this.runPk));
			}
			if (this.revision != this.run.revision()) {
				this.nodes.clear();
				RunEngine.this.runs.progress(this.runPk).forEach((p) -> this.nodes.put(p.key(), new NodeProgress(p)));
				this.revision = this.run.revision();
			}
			return advance(outcomes, first);
		}

		/**
		 * The first step of a run created in this transaction: nothing to read back,
		 * every node pending.
		 */
		Step begin(Run created, int generation, Created chain) {
			this.run = new Run(created.id(), created.runId(), created.projectId(), created.status(), created.trigger(),
					created.correlationId(), created.initiatedBy(), created.createdAt(), created.startedAt(),
					created.completedAt(), created.errorCode(), created.errorMessage(), this.instance, generation,
					created.revision());
			chain(chain.graph(), chain.inputs());
			this.order.forEach((key) -> this.nodes.put(key, new NodeProgress(new Progress(key, "pending", 0, null))));
			this.revision = created.revision();
			return advance(List.of(), false);
		}

		private void chain(CanvasGraph graph, String inputs) {
			this.graph = graph;
			this.predecessors = predecessors(graph);
			this.order = graph.topologicalOrder().stream().map(ChainJson::key).toList();
			this.inputs = inputs;
		}

		private Step advance(List<Outcome> outcomes, boolean first) {
			try (MDC.MDCCloseable runId = MDC.putCloseable("run_id", this.run.runId());
					MDC.MDCCloseable correlation = MDC.putCloseable("correlation_id", this.run.correlationId())) {
				if (!this.run.terminal() && first && !recoverInterrupted()) {
					return standDown();
				}
				if (!this.run.terminal()) {
					emitProgress(outcomes);
				}
				for (Outcome outcome : outcomes) {
					if (!this.run.terminal() && !record(outcome)) {
						return standDown();
					}
				}
				if (this.run.terminal()) {
					return standDown();
				}
				if ("paused".equals(this.run.status())) {
					return this.inFlight.isEmpty() ? standDown() : new Step(List.of(), false);
				}
				return progress();
			}
		}

		/**
		 * Nodes of a driver that died mid-flight: run again when safe, else the run
		 * fails.
		 */
		private boolean recoverInterrupted() {
			for (String key : this.order) {
				NodeProgress node = this.nodes.get(key);
				if (!"running".equals(node.status)) {
					continue;
				}
				if (passThrough(key) || plugin(key).map(ExecutablePlugin::idempotent).orElse(false)) {
					RunEngine.this.runs.setNodeStatus(this.runPk, key, "queued");
					node.status = "queued";
					continue;
				}
				String message = "Node " + key + " was interrupted and its plugin cannot safely run twice.";
				failRun(key, "NODE_INTERRUPTED", message);
				return false;
			}
			return true;
		}

		/**
		 * Shows the progress of nodes still working, and what they wait for users to
		 * authorise, on the run's stream.
		 */
		private void emitProgress(List<Outcome> outcomes) {
			Instant now = RunEngine.this.clock.instant();
			for (Authorizing authorizing : this.authorizations) {
				NodeProgress node = this.nodes.get(authorizing.key());
				if (authorizing.url() != null && stillWorking(authorizing.key(), outcomes)) {
					node.authorizing = true;
					RunEngine.this.runs.awaitAuthorization(this.runPk, authorizing.key(), authorizing.url(), now);
					RunEngine.this.events.emit(this.run, "authorization_requested",
							Map.of("run_id", this.run.runId(), "node", authorizing.key(), "url", authorizing.url()));
				}
				else if (authorizing.url() == null && node.authorizing) {
					// shown even when the node ended in the same breath, so every request
					// the stream showed is seen to end before the node does
					node.authorizing = false;
					RunEngine.this.runs.awaitAuthorization(this.runPk, authorizing.key(), null, now);
					RunEngine.this.events.emit(this.run, "authorization_completed",
							Map.of("run_id", this.run.runId(), "node", authorizing.key()));
				}
			}
			this.authorizations.clear();
			outcomes.forEach((outcome) -> this.nodes.get(outcome.key()).authorizing = false);
			for (Reported report : this.reported.values()) {
				if (stillWorking(report.key(), outcomes)) {
					RunEngine.this.events.emit(this.run, "node_progress", Map.of("run_id", this.run.runId(), "node",
							report.key(), "done", report.done(), "total", report.total(), "unit", report.unit()));
				}
			}
			this.reported.clear();
		}

		private boolean stillWorking(String key, List<Outcome> outcomes) {
			boolean ended = outcomes.stream().anyMatch((o) -> o.key().equals(key));
			return !ended && "running".equals(this.nodes.get(key).status);
		}

		/** Stores the end of an attempt; false when it ended the run. */
		private boolean record(Outcome outcome) {
			String key = outcome.key();
			NodeProgress node = this.nodes.get(key);
			Instant now = RunEngine.this.clock.instant();
			if (outcome.error() == null) {
				RunEngine.this.runs.complete(this.runPk, key, outcome.output(), now);
				if (outcome.output().length() <= CACHED_OUTPUT_CHARS) {
					this.outputs.put(key, outcome.output());
				}
				RunEngine.this.events.emit(this.run, "node_completed", Map.of("run_id", this.run.runId(), "node", key,
						"duration_ms", millisBetween(outcome.started(), now), "items", outcome.items()));
				node.status = "completed";
				return true;
			}
			CanvasGraph.Node definition = definition(key);
			ExecutionSettings settings = ExecutionSettings.of(definition.config());
			PluginFailure named = (outcome.error() instanceof PluginFailure failure) ? failure : null;
			String code = outcome.timedOut() ? "NODE_TIMEOUT" : (named != null) ? named.code() : "NODE_FAILED";
			String reason = outcome.timedOut() ? "it did not finish within " + settings.timeoutSeconds() + " s"
					: PiiScrubber.scrub(String.valueOf(outcome.error().getMessage()));
			log.info("Node {} of run {} failed (attempt {}): {}", key, this.run.runId(), outcome.attempt(),
					outcome.timedOut() ? "timeout" : outcome.error().getClass().getSimpleName());
			String description = "Node " + key + " (" + definition.label() + ") failed: " + reason;
			if (outcome.attempt() <= settings.retries() && (named == null || named.retryable())) {
				// exponential backoff: 1 s, 2 s, 4 s … at most 5 minutes
				Duration backoff = Duration.ofSeconds(Math.min(300, 1L << Math.min(outcome.attempt() - 1, 9)));
				node.status = "queued";
				node.dueAt = now.plus(backoff);
				RunEngine.this.runs.retryAt(this.runPk, key, node.dueAt);
				RunEngine.this.events.emit(this.run, "node_failed",
						Map.of("run_id", this.run.runId(), "node", key, "error_code", code, "message",
								clip(description + " Retrying in " + backoff.toSeconds() + " s.", 500)));
				return true;
			}
			if (settings.continueOnError()) {
				node.status = "failed";
				RunEngine.this.runs.fail(this.runPk, key, clip(description, 2000), now);
				RunEngine.this.events.emit(this.run, "node_failed", Map.of("run_id", this.run.runId(), "node", key,
						"error_code", code, "message", clip(description, 500)));
				return true;
			}
			failRun(key, code, description);
			return false;
		}

		private void failRun(String key, String code, String description) {
			RunEngine.this.runs.fail(this.runPk, key, clip(description, 2000), RunEngine.this.clock.instant());
			this.nodes.get(key).status = "failed";
			RunEngine.this.events.emit(this.run, "node_failed", Map.of("run_id", this.run.runId(), "node", key,
					"error_code", code, "message", clip(description, 500)));
			end(this.run, "failed", code, clip(description, 2000));
			this.run = RunEngine.this.runs.find(this.runPk).orElseThrow();
		}

		/**
		 * Moves pending nodes whose predecessors are done, ends the run when every node
		 * is, and claims the nodes to start now.
		 */
		private Step progress() {
			Instant now = RunEngine.this.clock.instant();
			boolean allDone = true;
			for (String key : this.order) {
				NodeProgress node = this.nodes.get(key);
				if ("pending".equals(node.status) && ready(key)) {
					if (isGate(this.graph, id(key))) {
						node.status = "waiting";
						RunEngine.this.runs.setNodeStatus(this.runPk, key, node.status);
						RunEngine.this.events.emit(this.run, "gate_requested",
								Map.of("run_id", this.run.runId(), "node", key));
					}
					else {
						// claimed below, in this transaction: its row goes straight to
						// running
						node.status = "queued";
					}
				}
				allDone &= done(key);
			}
			if (allDone) {
				completed(this.run, this.nodes.size());
				releaseLease();
				return Step.EXIT;
			}
			List<String> start = new ArrayList<>();
			Instant nextDue = null;
			for (String key : this.order) {
				NodeProgress node = this.nodes.get(key);
				if (!"queued".equals(node.status)) {
					continue;
				}
				if (node.dueAt != null && node.dueAt.isAfter(now)) {
					nextDue = (nextDue == null || node.dueAt.isBefore(nextDue)) ? node.dueAt : nextDue;
					continue;
				}
				if (plugin(key).isEmpty() && !passThrough(key)) {
					failRun(key, "PLUGIN_UNAVAILABLE",
							"Plugin " + definition(key).pluginId() + " of node " + key + " cannot run on this server.");
					return standDown();
				}
				if (!plugin(key).map(ExecutablePlugin::idempotent).orElse(true)) {
					// the node must not run again should a crash lose its claim
					RunEngine.this.durability.require();
				}
				RunEngine.this.runs.claim(this.runPk, key, now);
				node.status = "running";
				node.attempts++;
				node.dueAt = null;
				RunEngine.this.events.emit(this.run, "node_started", Map.of("run_id", this.run.runId(), "node", key,
						"plugin_id", definition(key).pluginId(), "attempt", node.attempts));
				start.add(key);
			}
			boolean busy = !this.inFlight.isEmpty() || !start.isEmpty() || nextDue != null;
			boolean waiting = this.nodes.values().stream().anyMatch((n) -> "waiting".equals(n.status));
			String status = (waiting && !busy) ? "waiting" : "running";
			if (!status.equals(this.run.status())) {
				RunEngine.this.runs.setRunStatus(this.runPk, status);
				if ("waiting".equals(status)) {
					released(this.run.projectId());
				}
			}
			if (this.inFlight.isEmpty() && start.isEmpty()) {
				if (nextDue != null) {
					// nothing to do until a retry is due: a successor driver takes over
					// then
					releaseLease();
					startDriverAt(this.runPk, this.run.driverGen() + 1, nextDue);
					return Step.EXIT;
				}
				return standDown();
			}
			return new Step(start, false);
		}

		private Step standDown() {
			if (this.run.terminal()) {
				RunEngine.this.runs.cancelRunning(this.runPk, RunEngine.this.clock.instant());
			}
			RunEngine.this.runs.setDriver(this.runPk, null, this.run.driverGen());
			releaseLease();
			return Step.EXIT;
		}

		/** A driver that stands down gives its lease row up in the same transaction. */
		private void releaseLease() {
			if (this.leased) {
				try {
					RunEngine.this.scheduler.getObject().cancel(TaskInstanceId.of(TASK, this.instance));
				}
				catch (RuntimeException ex) {
					// already gone, or being revived elsewhere: that driver finds itself
					// stale
				}
			}
		}

		private boolean ready(String key) {
			return this.predecessors.getOrDefault(id(key), List.of()).stream().allMatch((p) -> done(ChainJson.key(p)));
		}

		/** Completed, or failed in a way the run may pass over. */
		private boolean done(String key) {
			String status = this.nodes.get(key).status;
			return "completed".equals(status)
					|| "failed".equals(status) && ExecutionSettings.of(definition(key).config()).continueOnError();
		}

		/** Hands a claimed node to the worker pool. */
		private void submit(String key) {
			CanvasGraph.Node definition = definition(key);
			Optional<ExecutablePlugin> plugin = plugin(key);
			boolean passThrough = plugin.isEmpty();
			int attempt = this.nodes.get(key).attempts;
			Instant started = RunEngine.this.clock.instant();
			Run current = this.run;
			Future<?> work = RunEngine.this.workers.submit(() -> {
				try (MDC.MDCCloseable runId = MDC.putCloseable("run_id", current.runId());
						MDC.MDCCloseable correlation = MDC.putCloseable("correlation_id", current.correlationId())) {
					PluginContext context = context(current, key, definition, new PluginContext.Progress() {
						@Override
						public void report(int done, int total, String unit) {
							Driver.this.signals.offer(new Reported(key, attempt, done, total, unit));
						}

						@Override
						public void authorizationRequested(String url) {
							Driver.this.signals.offer(new Authorizing(key, attempt, url));
						}

						@Override
						public void authorizationCompleted() {
							Driver.this.signals.offer(new Authorizing(key, attempt, null));
						}
					});
					List<Frame> output = passThrough
							? List.of(Frame
								.of(context.inputs().stream().flatMap((frame) -> frame.data().stream()).toList()))
							: plugin.get().frames(context);
					if (output.isEmpty()) {
						throw new IllegalStateException("Plugin " + definition.pluginId() + " produced no frame");
					}
					// one frame is stored as it is, a stream of frames as their array
					String stored = RunEngine.this.outputs.store(current.projectId(), this.runPk, key,
							RunEngine.this.json.writeValueAsString((output.size() == 1) ? output.get(0) : output));
					int items = output.stream().mapToInt((frame) -> frame.data().size()).sum();
					this.signals.offer(new Outcome(key, attempt, started, stored, items, null, false));
				}
				catch (Exception ex) {
					this.signals.offer(new Outcome(key, attempt, started, null, 0, ex, false));
				}
				catch (Error ex) {
					this.signals
						.offer(new Outcome(key, attempt, started, null, 0, new IllegalStateException(ex), false));
					throw ex;
				}
			});
			Duration timeout = Duration.ofSeconds(ExecutionSettings.of(definition.config()).timeoutSeconds());
			this.inFlight.put(key, new Attempt(attempt, work, started.plus(timeout).plus(grace(timeout))));
		}

		/**
		 * How long past its {@code timeout_seconds} a node may take before the engine
		 * stops it: a tenth, 1 to 10 s, so that a plugin keeping the limit itself (a
		 * remote tool's call deadline) ends with its own, clearer failure even on a busy
		 * machine.
		 */
		private static Duration grace(Duration timeout) {
			return Duration.ofMillis(Math.max(1000, Math.min(10_000, timeout.toMillis() / 10)));
		}

		/** Waits for an attempt to end, a command, or a change by another server. */
		private void await(List<Outcome> outcomes) {
			while (true) {
				Instant now = RunEngine.this.clock.instant();
				Instant until = now.plus(CHECK);
				for (Attempt attempt : this.inFlight.values()) {
					until = attempt.deadline().isBefore(until) ? attempt.deadline() : until;
				}
				Object signal;
				try {
					signal = this.signals.poll(Math.max(0, Duration.between(now, until).toMillis()),
							TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					// the scheduler is stopping: failing the execution keeps its task, so
					// the
					// next start (or another server) revives the driver
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Stopped while driving run " + this.runPk, ex);
				}
				boolean wake = signal != null;
				while (signal != null) {
					if (signal instanceof Reported report) {
						Attempt attempt = this.inFlight.get(report.key());
						if (attempt != null && attempt.number() == report.attempt()) {
							this.reported.put(report.key(), report);
						}
					}
					if (signal instanceof Authorizing authorizing) {
						Attempt attempt = this.inFlight.get(authorizing.key());
						if (attempt != null && attempt.number() == authorizing.attempt()) {
							this.authorizations.add(authorizing);
						}
					}
					if (signal instanceof Outcome outcome) {
						Attempt attempt = this.inFlight.get(outcome.key());
						if (attempt != null && attempt.number() == outcome.attempt()) {
							this.inFlight.remove(outcome.key());
							outcomes.add(outcome);
						}
					}
					signal = this.signals.poll();
				}
				now = RunEngine.this.clock.instant();
				for (var entry : List.copyOf(this.inFlight.entrySet())) {
					if (!entry.getValue().deadline().isAfter(now)) {
						entry.getValue().work().cancel(true);
						this.inFlight.remove(entry.getKey());
						outcomes.add(new Outcome(entry.getKey(), entry.getValue().number(), entry.getValue().deadline(),
								null, 0, new TimeoutException(), true));
					}
				}
				if (wake || !outcomes.isEmpty() || changedElsewhere()) {
					return;
				}
			}
		}

		/** A command on another server changed the run. */
		private boolean changedElsewhere() {
			return RunEngine.this.runs.find(this.runPk)
				.map((r) -> !r.status().equals(this.run.status()) || r.revision() != this.revision
						|| !this.instance.equals(r.driver()))
				.orElse(true);
		}

		/** Stops work still in flight when the driver ends. */
		void abandon() {
			this.inFlight.values().forEach((attempt) -> attempt.work().cancel(true));
		}

		private PluginContext context(Run run, String key, CanvasGraph.Node node, PluginContext.Progress progress) {
			List<CanvasGraph.Edge> incoming = this.graph.edges()
				.stream()
				.filter((e) -> e.target() == node.id())
				.sorted(Comparator.comparingLong(CanvasGraph.Edge::source))
				.toList();
			List<String> sources = incoming.stream().map((e) -> ChainJson.key(e.source())).distinct().toList();
			Map<String, String> stored = new HashMap<>();
			List<String> unknown = new ArrayList<>();
			for (String source : sources) {
				String output = this.outputs.get(source);
				if (output != null) {
					stored.put(source, output);
				}
				else {
					unknown.add(source);
				}
			}
			stored.putAll(RunEngine.this.runs.outputs(this.runPk, unknown));
			List<Frame> inputs = new ArrayList<>();
			Map<String, List<Frame>> references = new LinkedHashMap<>();
			for (CanvasGraph.Edge edge : incoming) {
				String source = ChainJson.key(edge.source());
				String output = stored.get(source);
				if (output == null) {
					continue;
				}
				List<Frame> frames = frames(RunEngine.this.outputs.load(output));
				if (edge.mode().ordersExecution()) {
					inputs.addAll(frames);
				}
				else {
					references.put(source, frames);
				}
			}
			return new PluginContext(run.runId(), run.projectId(), key, node.config(),
					RunEngine.this.json.readTree(this.inputs), inputs, references, progress);
		}

		/** A stored output: one frame, or the array of a stream of frames. */
		private List<Frame> frames(String stored) {
			JsonNode tree = RunEngine.this.json.readTree(stored);
			if (!tree.isArray()) {
				return List.of(RunEngine.this.json.treeToValue(tree, Frame.class));
			}
			List<Frame> frames = new ArrayList<>();
			tree.forEach((frame) -> frames.add(RunEngine.this.json.treeToValue(frame, Frame.class)));
			return frames;
		}

		private CanvasGraph.Node definition(String key) {
			return this.graph.nodes().get(id(key));
		}

		private Optional<ExecutablePlugin> plugin(String key) {
			return RunEngine.this.plugins.executable(definition(key).pluginId());
		}

		/** An approved workbench step without code of its own hands its inputs on. */
		private boolean passThrough(String key) {
			return plugin(key).isEmpty() && "workbench".equals(definition(key).type());
		}

	}

	/** A bounded pool of daemon threads that lets its threads go when idle. */
	private static ThreadPoolExecutor pool(int size, String name) {
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				(work) -> {
					Thread thread = new Thread(work, name + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	private static String clip(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

	private long millisSince(Instant start) {
		return millisBetween(start, this.clock.instant());
	}

	private static long millisBetween(Instant start, Instant end) {
		return (start != null) ? Math.max(0, Duration.between(start, end).toMillis()) : 0;
	}

	private static long id(String key) {
		return Long.parseLong(key.substring("node_".length()));
	}

	private static void afterCompletion(java.util.function.Consumer<Boolean> action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					action.accept(status == STATUS_COMMITTED);
				}
			});
		}
		else {
			action.accept(true);
		}
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
