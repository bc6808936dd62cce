package io.quantra.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code quantra edges add|list|rm}: the connections between nodes. */
@Command(name = "edges", description = "Connect nodes, list and remove connections.",
		subcommands = { picocli.CommandLine.HelpCommand.class })
class EdgesCommand extends CliCommand {

	@Command(name = "list", description = "The edges on a project's canvas.")
	int list(@Parameters(paramLabel = "PROJECT", description = "Project id or name.") String project,
			@Mixin OutputOption output) {
		QuantraClient client = session().client();
		JsonNode edges = client.get("/projects/" + projectId(client, project) + "/edges");
		if (output.json()) {
			printJson(edges);
		}
		else {
			table(edges.path("edges")).print(out());
		}
		return ExitCodes.OK;
	}

	@Command(name = "add", description = "Connect two nodes (editor or above); refused if it would close a cycle.")
	int add(@Parameters(index = "0", paramLabel = "PROJECT", description = "Project id or name.") String project,
			@Parameters(index = "1", paramLabel = "FROM", description = "Source node id.") String from,
			@Parameters(index = "2", paramLabel = "TO", description = "Target node id.") String to,
			@Option(names = { "-m", "--mode" }, defaultValue = "flow", paramLabel = "MODE",
					description = "flow, interactive (a person approves) or reference; default ${DEFAULT-VALUE}.") String mode,
			@Mixin OutputOption output) {
		QuantraClient client = session().client();
		long id = projectId(client, project);
		JsonNode edge = client.post("/projects/" + id + "/edges",
				json().createObjectNode()
					.put("source_node", id(from, "FROM"))
					.put("target_node", id(to, "TO"))
					.put("edge_mode", mode));
		if (output.json()) {
			printJson(edge);
		}
		else {
			out().println("Added edge " + Json.text(edge, "id") + ": " + Json.text(edge, "source_node") + " -> "
					+ Json.text(edge, "target_node") + " (" + Json.text(edge, "edge_mode") + ").");
			out().flush();
		}
		return ExitCodes.OK;
	}

	@Command(name = "rm", aliases = "delete", description = "Remove an edge (editor or above).")
	int remove(@Parameters(paramLabel = "EDGE", description = "Edge id.") String edge) {
		long id = id(edge, "EDGE");
		session().client().delete("/edges/" + id);
		out().println("Removed edge " + id + ".");
		out().flush();
		return ExitCodes.OK;
	}

	static Table table(JsonNode edges) {
		Table table = new Table("ID", "FROM", "TO", "MODE");
		for (JsonNode edge : edges) {
			table.row(Json.text(edge, "id"), Json.text(edge, "source_node"), Json.text(edge, "target_node"),
					Json.text(edge, "edge_mode"));
		}
		return table;
	}

}
