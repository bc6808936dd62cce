package io.quantra.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code quantra completion bash|zsh}: a completion script for both names of the program.
 * picocli writes a bash script that zsh runs through {@code bashcompinit}.
 */
@Command(name = "completion", description = { "Print a shell completion script.",
		"bash: source <(quantra completion bash)   zsh: source <(quantra completion zsh)" })
class CompletionCommand extends CliCommand implements Callable<Integer> {

	enum Shell {

		bash, zsh

	}

	@Parameters(paramLabel = "SHELL", description = "bash or zsh.")
	Shell shell;

	@Override
	public Integer call() {
		CommandLine root = QuantraCli.commandLine(environment(), "quantra");
		String script = AutoComplete.bash("quantra", root);
		StringBuilder out = new StringBuilder();
		if (this.shell == Shell.zsh) {
			out.append("# zsh: completion for quantra and qp through bash completion\n")
				.append("autoload -U +X compinit && compinit\n")
				.append("autoload -U +X bashcompinit && bashcompinit\n");
		}
		out.append(script);
		out.append("\n# qp is the same program\ncomplete -F _complete_quantra -o default qp\n");
		out().print(out);
		out().flush();
		return ExitCodes.OK;
	}

}
