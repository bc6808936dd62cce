package io.quantra.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

/** {@code quantra whoami}: the account the saved token belongs to. */
@Command(name = "whoami", description = "Show the account you are logged in as, and where.")
class WhoamiCommand extends CliCommand implements Callable<Integer> {

	@Mixin
	OutputOption output;

	@Override
	public Integer call() {
		Session session = session();
		JsonNode me = session.client().get("/auth/me");
		if (this.output.json()) {
			printJson(me);
			return ExitCodes.OK;
		}
		StringBuilder line = new StringBuilder(Json.text(me, "email")).append(" on ").append(session.server());
		if (me.path("is_staff").asBoolean(false)) {
			line.append(" (staff)");
		}
		out().println(line);
		out().flush();
		return ExitCodes.OK;
	}

}
