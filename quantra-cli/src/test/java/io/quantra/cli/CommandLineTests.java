package io.quantra.cli;

import java.nio.file.Path;

import io.quantra.cli.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What the CLI does without a server: help, exit codes, completion, usage errors. */
class CommandLineTests {

	@TempDir
	Path config;

	@Test
	void helpListsTheCommandsAndTheExitCodes() {
		Result help = new Cli(this.config).run("--help");

		assertThat(help.exitCode()).isZero();
		assertThat(help.out())
			.contains("login", "projects", "nodes", "edges", "plugins", "run", "executions", "logs", "completion")
			.contains("Exit codes:")
			.containsPattern("1\\s+the run failed or was cancelled")
			.containsPattern("2\\s+usage");
		assertThat(new Cli(this.config).run("run", "--help").out()).contains("--watch", "--repo", "Exit codes:");
	}

	@Test
	void completionCoversBothNamesInBashAndZsh() {
		Result bash = new Cli(this.config).run("completion", "bash");
		Result zsh = new Cli(this.config).run("completion", "zsh");

		assertThat(bash.exitCode()).isZero();
		assertThat(bash.out()).contains("complete -F _complete_quantra")
			.contains("-o default qp")
			.contains("executions");
		assertThat(zsh.out()).contains("bashcompinit").contains("-o default qp");
	}

	@Test
	void commandsNeedALogin() {
		Result projects = new Cli(this.config).run("projects", "list");

		assertThat(projects.exitCode()).isEqualTo(ExitCodes.AUTH);
		assertThat(projects.err()).contains("Not logged in").contains("quantra login");
	}

	@Test
	void unknownOptionsAreUsageErrors() {
		assertThat(new Cli(this.config).run("projects", "list", "--bogus").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(new Cli(this.config).run("run", "1", "--input", "novalue").exitCode()).isIn(ExitCodes.USAGE,
				ExitCodes.AUTH);
	}

}
