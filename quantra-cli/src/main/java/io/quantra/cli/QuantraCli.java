package io.quantra.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code quantra} command (alias {@code qp}): the entry point and the options every
 * subcommand accepts.
 */
@Command(name = "quantra", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = Version.class,
		description = "Quantra from the terminal: log in, build pipelines, run and watch them.",
		subcommands = { LoginCommand.class, LogoutCommand.class, WhoamiCommand.class, ProjectsCommand.class,
				NodesCommand.class, EdgesCommand.class, PluginsCommand.class, RunCommand.class, ExecutionsCommand.class,
				LogsCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class },
		exitCodeListHeading = "%nExit codes:%n", exitCodeList = {}, usageHelpAutoWidth = true,
		footerHeading = "%nEnvironment:%n",
		footer = { "  QUANTRA_URL         server to use instead of the one logged in to last",
				"  QUANTRA_TOKEN       API token (qapi_...) to send instead of the saved one",
				"  QUANTRA_CONFIG_DIR  folder of the credentials file",
				"                      (default $XDG_CONFIG_HOME/quantra, or ~/.config/quantra)", "",
				"In a checkout, ./quantra serve starts the server and ./quantra help shows the launcher's commands." })
public class QuantraCli implements Callable<Integer> {

	/** The name the launchers pass when the program is started as {@code qp}. */
	static final String NAME_PROPERTY = "quantra.cli.name";

	@Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
			description = "Server to talk to (default: the one you logged in to last).")
	String server;

	@Option(names = "--config-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
			description = "Folder of the credentials file.")
	Path configDir;

	@Option(names = "--insecure", scope = ScopeType.INHERIT,
			description = "Accept any server certificate (remembered per server at login).")
	boolean insecure;

	@Option(names = "--ca-cert", paramLabel = "FILE", scope = ScopeType.INHERIT,
			description = "Trust the certificate(s) in this PEM file, such as the server's "
					+ "data/tls/certificate.pem (remembered per server at login).")
	Path caCert;

	@Option(names = { "-v", "--verbose" }, scope = ScopeType.INHERIT,
			description = "Log each request's method, path, status and request id to standard error.")
	boolean verbose;

	@Spec
	CommandSpec spec;

	final CliEnvironment environment;

	final JsonMapper json = JsonMapper.builder().build();

	QuantraCli(CliEnvironment environment) {
		this.environment = environment;
	}

	public static void main(String[] args) {
		int code = run(CliEnvironment.system(), System.getProperty(NAME_PROPERTY, "quantra"), args);
		System.exit(code);
	}

	/**
	 * Runs one command line in this process and answers its exit code; output goes to the
	 * environment's streams.
	 */
	public static int run(CliEnvironment environment, String name, String... args) {
		CommandLine commandLine = commandLine(environment, name);
		return commandLine.execute(args);
	}

	static CommandLine commandLine(CliEnvironment environment, String name) {
		CommandLine commandLine = new CommandLine(new QuantraCli(environment));
		commandLine.setCommandName(name);
		commandLine.setOut(environment.out());
		commandLine.setErr(environment.err());
		// @file is how --config and --input take files, not picocli's argument files
		commandLine.setExpandAtFiles(false);
		commandLine.setExitCodeExceptionMapper((ex) -> {
			if (ex instanceof CliException failure) {
				return failure.exitCode();
			}
			return (ex instanceof CommandLine.ParameterException) ? ExitCodes.USAGE : ExitCodes.INTERNAL;
		});
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			String program = line.getCommandSpec().root().name();
			if (ex instanceof CliException failure) {
				line.getErr().println(program + ": " + failure.getMessage());
				line.getErr().flush();
				return failure.exitCode();
			}
			line.getErr().println(program + ": internal error: " + ex);
			line.getErr().flush();
			return ExitCodes.INTERNAL;
		});
		// every subcommand lists the exit codes in its help
		commandLine.getCommandSpec().usageMessage().exitCodeList(exitCodes());
		for (CommandLine sub : commandLine.getSubcommands().values()) {
			sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes());
		}
		return commandLine;
	}

	private static Map<String, String> exitCodes() {
		Map<String, String> codes = new LinkedHashMap<>();
		for (String entry : ExitCodes.HELP) {
			int colon = entry.indexOf(':');
			codes.put(String.format("%3s", entry.substring(0, colon)), entry.substring(colon + 1));
		}
		return codes;
	}

	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.environment.err());
		return ExitCodes.USAGE;
	}

	/** The program's name as the user typed it: {@code quantra} or {@code qp}. */
	String name() {
		return this.spec.name();
	}

}
