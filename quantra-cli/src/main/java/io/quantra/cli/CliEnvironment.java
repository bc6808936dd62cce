package io.quantra.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Everything the CLI uses from the process around it: its streams, environment variables,
 * the terminal to ask questions on, and whether standard output is a terminal (live
 * progress is redrawn in place only there). Tests build their own to run commands
 * in-process.
 *
 * @param out standard output
 * @param err standard error
 * @param in standard input (read by {@code --password-stdin})
 * @param variables environment variables ({@code HOME}, {@code XDG_CONFIG_HOME},
 * {@code QUANTRA_CONFIG_DIR}, {@code QUANTRA_URL}, {@code QUANTRA_TOKEN})
 * @param prompter the terminal to ask on
 * @param outputIsTerminal whether standard output is a terminal
 */
public record CliEnvironment(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> variables,
		Prompter prompter, boolean outputIsTerminal) {

	/** The real process: System streams, environment and console. */
	static CliEnvironment system() {
		Prompter prompter = Prompter.console();
		return new CliEnvironment(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
				new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), System.in,
				System.getenv(), prompter, System.console() != null);
	}

	String variable(String name) {
		String value = this.variables.get(name);
		return (value == null || value.isBlank()) ? null : value;
	}

}
