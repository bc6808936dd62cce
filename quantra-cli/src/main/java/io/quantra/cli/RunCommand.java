package io.quantra.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code quantra run}: runs a project's canvas ({@code POST /projects/{id}/run}), or — as
 * seed 004's CLI trigger, {@code qp run --repo URL --branch NAME} — wraps the webhook
 * trigger {@code POST /run}, asking for missing parameters at a terminal.
 */
@Command(name = "run",
		description = { "Run a project's pipeline, optionally watching it live.",
				"With --repo and --branch (and no PROJECT) it calls the webhook trigger POST /run for a pipeline "
						+ "in a repository; at a terminal it asks for whichever of the two is missing." })
class RunCommand extends CliCommand implements Callable<Integer> {

	@Parameters(arity = "0..1", paramLabel = "PROJECT", description = "Project id or name.")
	String project;

	@Option(names = { "-w", "--watch" }, description = "Show each node's progress live until the run ends.")
	boolean watch;

	@Option(names = "--wait", description = "Wait for the run to end and print its status.")
	boolean await;

	@Option(names = { "-i", "--input" }, paramLabel = "KEY=VALUE|@FILE",
			description = "A run input (text), or @file with a JSON object of inputs; repeatable.")
	List<String> inputs = new ArrayList<>();

	@Option(names = "--correlation-id", paramLabel = "UUID",
			description = "Carried into every event and log line of the run (generated when absent).")
	String correlationId;

	@Option(names = "--repo", paramLabel = "URL", description = "Repository of the pipeline (webhook trigger).")
	String repo;

	@Option(names = "--branch", paramLabel = "NAME", description = "Branch of the repository (webhook trigger).")
	String branch;

	@Option(names = "--pipeline-file", paramLabel = "PATH",
			description = "Path of the pipeline file in the repository (default quantapilot.yml).")
	String pipelineFile;

	@Mixin
	OutputOption output;

	@Override
	public Integer call() {
		if (this.correlationId != null) {
			try {
				UUID.fromString(this.correlationId);
			}
			catch (IllegalArgumentException ex) {
				throw CliException.usage("--correlation-id must be a UUID, such as " + UUID.randomUUID() + ".");
			}
		}
		if (this.project != null && (this.repo != null || this.branch != null)) {
			throw CliException.usage("Give either a PROJECT or --repo and --branch, not both.");
		}
		if (this.project == null && !environment().prompter().interactive()
				&& (this.repo == null || this.branch == null)) {
			List<String> missing = new ArrayList<>();
			if (this.repo == null) {
				missing.add("--repo URL");
			}
			if (this.branch == null) {
				missing.add("--branch NAME");
			}
			throw CliException
				.usage("Missing " + String.join(" and ", missing) + ", and there is no terminal to ask on. Run: "
						+ cli().name() + " run --repo URL --branch NAME [--correlation-id UUID], or " + cli().name()
						+ " run PROJECT for a project's canvas.");
		}
		QuantraClient client = session().client();
		JsonNode started = (this.project != null) ? runProject(client) : trigger(client);
		long executionId = started.path("execution_id").asLong();
		if (this.watch) {
			return this.output.json() ? streamJson(client, executionId)
					: exit(new RunWatch(client, environment()).follow(executionId));
		}
		if (this.await) {
			JsonNode run = await(client, executionId);
			if (this.output.json()) {
				printJson(run);
			}
			else {
				out().println(RunWatch.summary(run));
				out().flush();
			}
			return exit(run);
		}
		if (this.output.json()) {
			printJson(started);
		}
		else {
			out().println("Started run " + executionId + " (" + Json.text(started, "run_id") + "), "
					+ Json.text(started, "status") + ".");
			out().flush();
			note("Follow it with: " + cli().name() + " logs " + executionId + " --follow");
		}
		return ExitCodes.OK;
	}

	private JsonNode runProject(QuantraClient client) {
		long id = projectId(client, this.project);
		ObjectNode body = json().createObjectNode();
		ObjectNode inputs = inputs();
		if (inputs != null) {
			body.set("inputs", inputs);
		}
		if (this.correlationId != null) {
			body.put("correlation_id", this.correlationId);
		}
		return client.post("/projects/" + id + "/run", body);
	}

	/** Seed 004's trigger: POST /run with the repository and branch. */
	private JsonNode trigger(QuantraClient client) {
		Prompter prompter = environment().prompter();
		String repository = (this.repo != null) ? this.repo : ask("Repository URL: ", "--repo");
		String name = this.branch;
		if (name == null) {
			String answer = prompter.readLine("Branch [main]: ");
			if (answer == null) {
				throw CliException.usage("Missing --branch.");
			}
			name = answer.isBlank() ? "main" : answer.strip();
		}
		ObjectNode body = json().createObjectNode().put("repo_url", repository).put("branch", name);
		if (this.pipelineFile != null) {
			body.put("quantapilot_yaml_path", this.pipelineFile);
		}
		if (this.correlationId != null) {
			body.put("correlation_id", this.correlationId);
		}
		ObjectNode inputs = inputs();
		if (inputs != null) {
			body.set("inputs", inputs);
		}
		return client.call("POST", "/run", body, Map.of()).body();
	}

	private ObjectNode inputs() {
		if (this.inputs.isEmpty()) {
			return null;
		}
		ObjectNode inputs = json().createObjectNode();
		for (String input : this.inputs) {
			if (input.startsWith("@")) {
				JsonNode file = JsonArguments.parse(json(), input, "--input");
				if (!file.isObject()) {
					throw CliException.usage("--input " + input + " must hold a JSON object of inputs.");
				}
				inputs.setAll((ObjectNode) file);
				continue;
			}
			int equals = input.indexOf('=');
			if (equals < 1) {
				throw CliException.usage("--input takes KEY=VALUE or @file.json, not '" + input + "'.");
			}
			inputs.put(input.substring(0, equals), input.substring(equals + 1));
		}
		return inputs;
	}

	/** Prints the run's events as JSON lines while it runs, then exits as it ended. */
	private int streamJson(QuantraClient client, long executionId) {
		new RunWatch(client, environment()).follow(executionId, (event) -> {
			out().println(event.raw());
			out().flush();
		});
		return exit(client.get("/executions/" + executionId));
	}

	static JsonNode await(QuantraClient client, long executionId) {
		while (true) {
			JsonNode run = client.get("/executions/" + executionId);
			if (RunWatch.terminal(run)) {
				return run;
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CliException(ExitCodes.SERVER, "Interrupted.");
			}
		}
	}

	static int exit(JsonNode run) {
		return "completed".equals(Json.text(run, "status")) ? ExitCodes.OK : ExitCodes.RUN_FAILED;
	}

}
