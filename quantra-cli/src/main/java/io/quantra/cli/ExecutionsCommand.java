package io.quantra.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code quantra executions list|show|results|cancel|rerun|approve|reject}: runs. */
@Command(name = "executions", aliases = "runs",
		description = "List runs, show their state and results, cancel, rerun, and decide gates.",
		subcommands = { picocli.CommandLine.HelpCommand.class })
class ExecutionsCommand extends CliCommand {

	@Command(name = "list", description = "A project's runs, newest first.")
	int list(@Parameters(paramLabel = "PROJECT", description = "Project id or name.") String project,
			@Option(names = "--status",
					description = "Only runs with this status (running, completed, failed ...).") String status,
			@Option(names = "--trigger",
					description = "Only runs started this way (api, webhook, schedule ...).") String trigger,
			@Option(names = "--limit", defaultValue = "20",
					description = "At most this many (default ${DEFAULT-VALUE}, " + "at most 100).") int limit,
			@Option(names = "--offset", defaultValue = "0", description = "Skip this many.") int offset,
			@Mixin OutputOption output) {
		QuantraClient client = session().client();
		StringBuilder path = new StringBuilder("/projects/").append(projectId(client, project))
			.append("/executions?limit=")
			.append(limit)
			.append("&offset=")
			.append(offset);
		if (status != null) {
			path.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
		}
		if (trigger != null) {
			path.append("&trigger=").append(URLEncoder.encode(trigger, StandardCharsets.UTF_8));
		}
		JsonNode page = client.get(path.toString());
		if (output.json()) {
			printJson(page);
			return ExitCodes.OK;
		}
		Table table = new Table("ID", "STATUS", "TRIGGER", "STARTED", "DURATION", "RUN ID");
		for (JsonNode run : page.path("executions")) {
			table.row(Json.text(run, "id"), Json.text(run, "status"), Json.text(run, "trigger"),
					Json.text(run, "started_at"),
					Json.duration(Json.text(run, "started_at"), Json.text(run, "completed_at")),
					Json.text(run, "run_id"));
		}
		table.print(out());
		return ExitCodes.OK;
	}

	@Command(name = "show", description = "A run's state.")
	int show(@Parameters(paramLabel = "RUN", description = "Execution id.") String run, @Mixin OutputOption output) {
		JsonNode body = session().client().get("/executions/" + id(run, "RUN"));
		if (output.json()) {
			printJson(body);
			return ExitCodes.OK;
		}
		Table fields = new Table("FIELD", "VALUE");
		for (String field : new String[] { "id", "run_id", "project_id", "status", "trigger", "initiated_by",
				"correlation_id", "started_at", "completed_at" }) {
			fields.row(field, Json.text(body, field));
		}
		fields.row("duration", Json.duration(Json.text(body, "started_at"), Json.text(body, "completed_at")));
		if (body.hasNonNull("error")) {
			fields.row("error",
					Json.text(body.path("error"), "code") + ": " + Json.text(body.path("error"), "message"));
		}
		for (JsonNode waiting : body.path("awaiting_authorization")) {
			fields.row("authorize " + Json.text(waiting, "node"), Json.text(waiting, "url"));
		}
		fields.print(out());
		return ExitCodes.OK;
	}

	@Command(name = "results", description = "Each node's status, attempts and output.")
	int results(@Parameters(paramLabel = "RUN", description = "Execution id.") String run, @Mixin OutputOption output) {
		JsonNode body = session().client().get("/executions/" + id(run, "RUN") + "/results");
		if (output.json()) {
			printJson(body);
			return ExitCodes.OK;
		}
		Table table = new Table("NODE", "STATUS", "ATTEMPTS", "DURATION", "OUTPUT / ERROR");
		body.path("results").properties().forEach((entry) -> {
			JsonNode node = entry.getValue();
			String detail = (node.hasNonNull("error")) ? Json.text(node, "error") : Json.text(node, "output");
			table.row(entry.getKey(), Json.text(node, "status"), Json.text(node, "attempts"),
					Json.duration(Json.text(node, "started_at"), Json.text(node, "completed_at")), detail);
		});
		out().println("Run " + Json.text(body, "execution_id") + " " + Json.text(body, "status") + ".");
		table.print(out());
		note("(-o json shows the outputs in full)");
		return ExitCodes.OK;
	}

	@Command(name = "cancel", description = "Cancel a run; nodes not started yet never start (runner or above).")
	int cancel(@Parameters(paramLabel = "RUN", description = "Execution id.") String run, @Mixin OutputOption output) {
		return change(id(run, "RUN"), "cancel", null, output);
	}

	@Command(name = "rerun", description = "Run the same chain and inputs again, as a new run (runner or above).")
	int rerun(@Parameters(paramLabel = "RUN", description = "Execution id.") String run,
			@Option(names = { "-w", "--watch" }, description = "Show the new run's progress live.") boolean watch,
			@Mixin OutputOption output) {
		QuantraClient client = session().client();
		JsonNode started = client.post("/executions/" + id(run, "RUN") + "/rerun", null);
		long executionId = started.path("execution_id").asLong();
		if (watch) {
			return RunCommand.exit(new RunWatch(client, environment()).follow(executionId));
		}
		if (output.json()) {
			printJson(started);
		}
		else {
			out().println(
					"Started run " + executionId + " (" + Json.text(started, "run_id") + "), rerunning " + run + ".");
			out().flush();
		}
		return ExitCodes.OK;
	}

	@Command(name = "approve", description = "Let a node waiting at a gate go on (editor or above).")
	int approve(@Parameters(index = "0", paramLabel = "RUN", description = "Execution id.") String run,
			@Parameters(index = "1", paramLabel = "NODE", description = "Node id (or node_12).") String node,
			@Option(names = "--reason", description = "Why; kept in the audit log.") String reason,
			@Mixin OutputOption output) {
		return change(id(run, "RUN"), "gates/" + id(node, "NODE"), gate(true, reason), output);
	}

	@Command(name = "reject", description = "Refuse a node waiting at a gate (editor or above).")
	int reject(@Parameters(index = "0", paramLabel = "RUN", description = "Execution id.") String run,
			@Parameters(index = "1", paramLabel = "NODE", description = "Node id (or node_12).") String node,
			@Option(names = "--reason", description = "Why; kept in the audit log.") String reason,
			@Mixin OutputOption output) {
		return change(id(run, "RUN"), "gates/" + id(node, "NODE"), gate(false, reason), output);
	}

	private ObjectNode gate(boolean approved, String reason) {
		ObjectNode body = json().createObjectNode().put("approved", approved);
		if (reason != null) {
			body.put("reason", reason);
		}
		return body;
	}

	private int change(long id, String action, JsonNode body, OutputOption output) {
		JsonNode run = session().client().call("POST", "/executions/" + id + "/" + action, body, Map.of()).body();
		if (output.json()) {
			printJson(run);
		}
		else {
			out().println("Run " + id + " is " + Json.text(run, "status") + ".");
			out().flush();
		}
		return ExitCodes.OK;
	}

}
