package io.quantra.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs CLI commands in the test's JVM through the picocli entry point, as one user with a
 * credentials folder of their own, capturing what each writes.
 */
final class Cli {

	private final Path configDir;

	private final Map<String, String> variables = new HashMap<>();

	Cli(Path configDir) {
		this.configDir = configDir;
		this.variables.put("QUANTRA_CONFIG_DIR", configDir.toString());
		this.variables.put("HOME", configDir.resolve("home").toString());
	}

	Path configDir() {
		return this.configDir;
	}

	Cli variable(String name, String value) {
		this.variables.put(name, value);
		return this;
	}

	Result run(String... args) {
		return run(ScriptedTerminal.none(), "", "quantra", args);
	}

	Result run(ScriptedTerminal terminal, String... args) {
		return run(terminal, "", "quantra", args);
	}

	Result qp(ScriptedTerminal terminal, String... args) {
		return run(terminal, "", "qp", args);
	}

	Result withStdin(String stdin, String... args) {
		return run(ScriptedTerminal.none(), stdin, "quantra", args);
	}

	private Result run(ScriptedTerminal terminal, String stdin, String name, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
				new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.copyOf(this.variables), terminal,
				false);
		int code = QuantraCli.run(environment, name, args);
		return new Result(code, out.toString(), err.toString());
	}

	/** What one command did. */
	record Result(int exitCode, String out, String err) {

		JsonNode json() {
			return JsonMapper.builder().build().readTree(this.out);
		}

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- out\n" + this.out + "--- err\n" + this.err;
		}

	}

}
