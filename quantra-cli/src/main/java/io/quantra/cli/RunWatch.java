package io.quantra.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

/**
 * Follows a run live from its event stream: one line per node (waiting, running with its
 * progress, completed, failed), notes for what needs a person (an authorization URL to
 * open, a gate to approve), and a last line with the run's final status and duration. On
 * a terminal the node lines are redrawn in place; elsewhere each change is a new line.
 */
final class RunWatch {

	private static final int STREAM_RETRIES = 5;

	private final QuantraClient client;

	private final PrintWriter out;

	private final boolean draw;

	private final int width;

	private final Map<String, NodeLine> nodes = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private int drawnLines;

	private long executionId;

	RunWatch(QuantraClient client, CliEnvironment environment) {
		this.client = client;
		this.out = environment.out();
		this.draw = environment.outputIsTerminal();
		String columns = environment.variable("COLUMNS");
		this.width = (columns != null && columns.matches("\\d{2,4}")) ? Integer.parseInt(columns) : 100;
	}

	/**
	 * Follows the run until it ends.
	 * @return the run as {@code GET /executions/{id}} shows it at the end
	 */
	JsonNode follow(long executionId) {
		this.executionId = executionId;
		JsonNode run = this.client.get("/executions/" + executionId);
		for (JsonNode node : this.client.get("/projects/" + run.path("project_id").asLong() + "/nodes").path("nodes")) {
			String key = "node_" + node.path("id").asLong();
			String label = Json.text(node, "label");
			String plugin = Json.text(node, "plugin_id");
			this.nodes.put(key, new NodeLine(key, (label != null) ? label + " (" + plugin + ")" : plugin));
		}
		this.out.println("Run " + executionId + " (" + Json.text(run, "run_id") + "): " + this.nodes.size()
				+ " nodes, trigger " + Json.text(run, "trigger") + ".");
		render();
		follow(executionId, this::apply);
		run = this.client.get("/executions/" + executionId);
		this.out.println(summary(run));
		this.out.flush();
		return run;
	}

	/**
	 * Reads the run's events until one ends the run, resuming after the last one seen
	 * when the stream breaks off or the server closes it early.
	 */
	void follow(long executionId, Consumer<ServerEvent> handler) {
		String last = null;
		int retries = 0;
		while (true) {
			String[] seen = { last };
			boolean[] ended = { false };
			try {
				this.client.events("/stream/execution/" + executionId, last, null, (event) -> {
					seen[0] = (event.id() != null) ? event.id() : seen[0];
					handler.accept(event);
					ended[0] = event.endsRun();
					return !ended[0];
				});
			}
			catch (QuantraClient.StreamInterrupted ex) {
				if (++retries > STREAM_RETRIES) {
					throw new CliException(ExitCodes.SERVER, "The run's event stream kept breaking off: "
							+ ex.getMessage() + ". Its state: quantra executions show " + executionId);
				}
				pause();
			}
			last = seen[0];
			if (ended[0] || terminal(this.client.get("/executions/" + executionId))) {
				return;
			}
		}
	}

	static boolean terminal(JsonNode run) {
		String status = Json.text(run, "status");
		return "completed".equals(status) || "failed".equals(status) || "cancelled".equals(status);
	}

	/** The run's last line: status, duration and, on failure, the error. */
	static String summary(JsonNode run) {
		StringBuilder line = new StringBuilder("Run ").append(Json.text(run, "id"))
			.append(' ')
			.append(Json.text(run, "status"));
		String duration = Json.duration(Json.text(run, "started_at"), Json.text(run, "completed_at"));
		if (duration != null) {
			line.append(" in ").append(duration);
		}
		JsonNode error = run.path("error");
		if (!error.isMissingNode() && !error.isNull()) {
			line.append(": ").append(Json.text(error, "code")).append(": ").append(Json.text(error, "message"));
		}
		return line.append('.').toString();
	}

	private void apply(ServerEvent event) {
		JsonNode payload = event.payload();
		String key = Json.text(payload, "node");
		NodeLine node = (key != null) ? this.nodes.computeIfAbsent(key, (k) -> new NodeLine(k, null)) : null;
		switch (event.type()) {
			case "node_started" -> node.set("running",
					(payload.path("attempt").asInt(1) > 1) ? "attempt " + payload.path("attempt").asInt() : null);
			case "node_progress" -> node.set("running", payload.path("done").asLong() + "/"
					+ payload.path("total").asLong() + " " + Json.text(payload, "unit"));
			case "node_completed" -> node.set("completed",
					Json.duration(Duration.ofMillis(payload.path("duration_ms").asLong())) + ", "
							+ payload.path("items").asLong() + " item"
							+ ((payload.path("items").asLong() == 1) ? "" : "s"));
			case "node_failed" ->
				node.set("failed", Json.text(payload, "error_code") + ": " + Json.text(payload, "message"));
			case "authorization_requested" -> {
				node.set("waiting", "for authorization");
				this.notes.add("Node " + key + " waits for you to authorize it: open " + Json.text(payload, "url"));
			}
			case "authorization_completed" -> node.set("running", "authorized");
			case "gate_requested" -> {
				node.set("waiting", "for approval");
				this.notes.add("Node " + key + " waits at a gate: approve with 'quantra executions approve "
						+ this.executionId + " " + key + "' (or reject).");
			}
			case "gate_decision" ->
				node.set(payload.path("approved").asBoolean() ? "approved" : "rejected", "gate decision");
			case "run_paused" -> this.notes.add("Run paused.");
			case "run_resumed" -> this.notes.add("Run resumed.");
			default -> {
				// run_started and the run's end need no line of their own
			}
		}
		render();
	}

	private void render() {
		if (this.draw) {
			if (this.drawnLines > 0) {
				// back to the first node line, and clear from there
				this.out.print("\033[" + this.drawnLines + "A\r\033[J");
			}
			this.notes.forEach(this.out::println);
			this.notes.clear();
			for (NodeLine node : this.nodes.values()) {
				this.out.println(clip(node.text()));
			}
			this.drawnLines = this.nodes.size();
		}
		else {
			this.notes.forEach(this.out::println);
			this.notes.clear();
			for (NodeLine node : this.nodes.values()) {
				if (node.changed) {
					this.out.println(node.text());
					node.changed = false;
				}
			}
		}
		this.out.flush();
	}

	private String clip(String line) {
		return (line.length() >= this.width) ? line.substring(0, this.width - 2) + "…" : line;
	}

	private static void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException(ExitCodes.SERVER, "Interrupted.");
		}
	}

	/** One node's line. */
	private static final class NodeLine {

		private final String key;

		private final String name;

		private String status = "pending";

		private String detail;

		private boolean changed;

		NodeLine(String key, String name) {
			this.key = key;
			this.name = name;
		}

		void set(String status, String detail) {
			this.status = status;
			this.detail = detail;
			this.changed = true;
		}

		String text() {
			String mark = switch (this.status) {
				case "completed", "approved" -> "ok";
				case "failed", "rejected" -> "!!";
				case "running" -> "..";
				case "waiting" -> "??";
				default -> "  ";
			};
			return String
				.format("%s %-9s %-28s %-9s %s", mark, this.key, (this.name != null) ? this.name : "", this.status,
						(this.detail != null) ? this.detail : "")
				.stripTrailing();
		}

	}

}
