package io.quantra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.quantra.cli.Cli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects, the canvas, runs watched live, runs and their events, and seed 004's
 * {@code qp run} trigger, driven through the CLI against a real server.
 */
class PipelineIntegrationTests {

	private final TestServer server = TestServer.shared();

	@TempDir
	Path config;

	private Cli cli;

	@BeforeEach
	void logIn() {
		this.cli = new Cli(this.config);
		Result login = this.cli.withStdin(TestServer.ADMIN_PASSWORD + "\n", "login", this.server.url(), "--insecure",
				"--email", TestServer.ADMIN_EMAIL, "--password-stdin");
		assertThat(login.exitCode()).as(login.toString()).isZero();
	}

	@Test
	void buildsACanvasAndWatchesItsRunsToTheirEnd() throws Exception {
		String name = "greetings-" + UUID.randomUUID().toString().substring(0, 8);
		Result created = ok("projects", "create", name, "--description", "built by the CLI", "-o", "json");
		long project = created.json().path("id").asLong();
		long inputs = ok("nodes", "add", name, "--plugin", "inputs", "--label", "Inputs", "-o", "json").json()
			.path("id")
			.asLong();
		long greet = ok("nodes", "add", Long.toString(project), "--plugin", "text_template", "--label", "Greeting",
				"--config", "{\"template\": \"Hello {{name}}\"}", "--set", "strict=true", "-o", "json")
			.json()
			.path("id")
			.asLong();
		Result edge = ok("edges", "add", Long.toString(project), "Inputs", "Greeting");
		assertThat(edge.out()).contains(inputs + " -> " + greet + " (flow)");

		Result nodes = ok("nodes", "list", name);
		assertThat(nodes.out()).containsPattern("ID\\s+TYPE\\s+PLUGIN\\s+LABEL\\s+CONFIG")
			.containsPattern(greet
					+ "\\s+tool\\s+text_template\\s+Greeting\\s+\\{\"template\":\"Hello \\{\\{name}}\",\"strict\":true}");
		JsonNode edges = ok("edges", "list", name, "-o", "json").json();
		assertThat(edges.path("edges").get(0).path("source_node").asLong()).isEqualTo(inputs);
		assertThat(ok("projects", "list", "-o", "json").json().path("projects").findValuesAsString("name"))
			.contains(name);

		Result completed = this.cli.run("run", name, "--watch", "--input", "name=Ada");
		assertThat(completed.exitCode()).as(completed.toString()).isZero();
		assertThat(completed.out()).containsPattern("node_" + greet + "\\s+Greeting \\(text_template\\)\\s+running")
			.containsPattern("node_" + greet + "\\s+Greeting \\(text_template\\)\\s+completed .*1 item")
			.containsPattern("Run \\d+ completed in \\d");
		assertThat(ok("executions", "list", name, "-o", "json").json()
			.path("executions")
			.get(0)
			.path("trigger")
			.asString()).as("runs the CLI starts are recorded as such").isEqualTo("cli");

		Path inputFile = this.config.resolve("inputs.json");
		Files.writeString(inputFile, "{\"other\": 1}");
		Result failed = this.cli.run("run", name, "--watch", "--input", "@" + inputFile);
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.RUN_FAILED);
		assertThat(failed.out()).containsPattern("node_" + greet + "\\s+Greeting \\(text_template\\)\\s+failed")
			.containsPattern("Run \\d+ failed in .*: NODE_FAILED: .*No value for placeholder \\{\\{name}}");

		JsonNode runs = ok("executions", "list", name, "-o", "json").json();
		assertThat(runs.path("executions").findValuesAsString("status")).containsExactly("failed", "completed");
		String failedRun = runs.path("executions").get(0).path("id").asString();
		JsonNode results = ok("executions", "results", failedRun, "-o", "json").json();
		assertThat(results.path("results").path("node_" + greet).path("status").asString()).isEqualTo("failed");
		Result logs = ok("logs", failedRun);
		assertThat(logs.out()).contains("run_started").contains("node_failed").contains("run_failed");
		Result followed = this.cli.run("logs", failedRun, "--follow", "-o", "json");
		assertThat(followed.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
		assertThat(followed.out()
			.lines()
			.map((line) -> JsonMapper.builder().build().readTree(line).path("type").asString()))
			.startsWith("run_started")
			.endsWith("run_failed");

		Result waited = this.cli.run("run", name, "--wait", "-i", "name=Grace", "-o", "json");
		assertThat(waited.exitCode()).as(waited.toString()).isZero();
		assertThat(waited.json().path("status").asString()).isEqualTo("completed");
		Result rerun = this.cli.run("executions", "rerun", failedRun, "--watch");
		assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(ExitCodes.RUN_FAILED);

		assertThat(ok("nodes", "update", Long.toString(greet), "--set", "strict=false").out())
			.contains("Updated node " + greet);
		assertThat(this.cli.run("run", name, "--watch", "--input", "@" + inputFile).exitCode()).isZero();
		ok("nodes", "rm", Long.toString(greet));
		ok("projects", "delete", name, "--yes");
		assertThat(this.cli.run("projects", "show", name).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
	}

	@Test
	void errorsShowTheServersMessageCodeAndRequestId() {
		Result missing = this.cli.run("projects", "show", "987654321");
		assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(missing.err()).startsWith("quantra: ")
			.containsPattern("\\[NOT_FOUND, HTTP 404, request id [0-9a-f-]{36}]");

		long project = ok("projects", "create", "refusals", "-o", "json").json().path("id").asLong();
		Result invalid = this.cli.run("nodes", "add", Long.toString(project), "--plugin", "text_template", "--config",
				"{\"bogus\": 1}");
		assertThat(invalid.exitCode()).isEqualTo(ExitCodes.REFUSED);
		assertThat(invalid.err()).contains("VALIDATION_ERROR").contains("request id");

		Result usage = this.cli.run("projects", "create");
		assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(usage.err()).contains("Missing required parameter");
	}

	@Test
	void qpRunAsksAtATerminalForTheRepositoryAndBranchItLacks() {
		ScriptedTerminal person = ScriptedTerminal.answering("https://github.com/org/project", "");

		Result triggered = this.cli.qp(person, "run", "--correlation-id", "9b1c4f0e-3c1a-4d7e-9a51-2f0d1e6b7c88");

		assertThat(person.questions()).containsExactly("Repository URL: ", "Branch [main]: ");
		// POST /run took the trigger; this server answers pipelines in repositories with
		// 501 so far, and the CLI reports that as the server's refusal
		assertThat(triggered.err()).startsWith("qp: ")
			.contains("repo_url")
			.contains("NOT_IMPLEMENTED, HTTP 501, request id");
		assertThat(triggered.exitCode()).isEqualTo(ExitCodes.SERVER);
	}

	@Test
	void qpRunWithoutATerminalRefusesToGuessTheMissingParameters() {
		Result refused = this.cli.qp(ScriptedTerminal.none(), "run", "--repo", "https://github.com/org/project");

		assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(refused.err()).contains("Missing --branch NAME, and there is no terminal to ask on")
			.contains("qp run --repo URL --branch NAME");
		assertThat(
				this.cli.qp(ScriptedTerminal.none(), "run", "--branch", "main", "--correlation-id", "nope").exitCode())
			.isEqualTo(ExitCodes.USAGE);
	}

	private Result ok(String... args) {
		Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isZero();
		return result;
	}

}
