package io.quantra.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code quantra logs RUN [--follow]}: a run's events, one line each. */
@Command(name = "logs", description = "A run's events as lines; --follow keeps printing until the run ends.")
class LogsCommand extends CliCommand implements Callable<Integer> {

	/** How long a stream without --follow waits for another event before it stops. */
	private static final Duration CAUGHT_UP = Duration.ofMillis(1500);

	@Parameters(paramLabel = "RUN", description = "Execution id.")
	String run;

	@Option(names = { "-f", "--follow" }, description = "Keep printing events until the run ends.")
	boolean follow;

	@Mixin
	OutputOption output;

	@Override
	public Integer call() {
		QuantraClient client = session().client();
		long id = id(this.run, "RUN");
		JsonNode state = client.get("/executions/" + id);
		if (this.follow) {
			new RunWatch(client, environment()).follow(id, this::print);
			return RunCommand.exit(client.get("/executions/" + id));
		}
		// an ended run's stream ends by itself; a live one is read until it falls quiet
		client.events("/stream/execution/" + id, null, RunWatch.terminal(state) ? null : CAUGHT_UP, (event) -> {
			print(event);
			return true;
		});
		return ExitCodes.OK;
	}

	private void print(ServerEvent event) {
		if (this.output.json()) {
			out().println(event.raw());
		}
		else {
			StringBuilder line = new StringBuilder();
			line.append(Json.text(event.data(), "created_at"))
				.append("  ")
				.append(String.format("%-24s", event.type()));
			event.payload().properties().forEach((field) -> {
				if (!field.getKey().equals("run_id")) {
					JsonNode value = field.getValue();
					line.append(' ')
						.append(field.getKey())
						.append('=')
						.append(value.isValueNode() ? value.asString() : value.toString());
				}
			});
			out().println(line.toString().stripTrailing());
		}
		out().flush();
	}

}
