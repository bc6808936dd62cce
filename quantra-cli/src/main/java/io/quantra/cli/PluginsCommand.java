package io.quantra.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

/** {@code quantra plugins list}: what nodes can run. */
@Command(name = "plugins", description = "The plugins nodes can use.",
		subcommands = { picocli.CommandLine.HelpCommand.class })
class PluginsCommand extends CliCommand {

	@Command(name = "list", description = "Plugins with their node type and whether this server can run them; "
			+ "-o json adds their config JSON Schemas.")
	int list(@Mixin OutputOption output) {
		JsonNode plugins = session().client().get("/plugins");
		if (output.json()) {
			printJson(plugins);
			return ExitCodes.OK;
		}
		Table table = new Table("ID", "TYPE", "AVAILABLE", "LABEL", "NOTE");
		for (JsonNode plugin : plugins.path("plugins")) {
			table.row(Json.text(plugin, "id"), Json.text(plugin, "node_type"),
					plugin.path("available").asBoolean() ? "yes" : "no", Json.text(plugin, "label"),
					plugin.path("available").asBoolean() ? Json.text(plugin, "description")
							: Json.text(plugin, "unavailable_reason"));
		}
		table.print(out());
		return ExitCodes.OK;
	}

}
