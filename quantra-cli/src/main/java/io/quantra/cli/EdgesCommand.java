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
		return printList(client.get("/projects/" + projectId(client, project) + "/edges"), "edges", output,
				EdgesCommand::table);
	}

	@Command(name = "add", description = "Connect two nodes (editor or above); refused if it would close a cycle.")
	int add(@Parameters(index = "0", paramLabel = "PROJECT", description = "Project id or name.") String project,
			@Parameters(index = "1", paramLabel = "FROM", description = "Source node: id or label.") String from,
			@Parameters(index = "2", paramLabel = "TO", description = "Target node: id or label.") String to,
			@Option(names = { "-m", "--mode" }, defaultValue = "flow", paramLabel = "MODE",
					description = "flow, interactive (a person approves) or reference; default ${DEFAULT-VALUE}.") String mode,
			@Mixin OutputOption output) {
		QuantraClient client = session().client();
		long id = projectId(client, project);
		JsonNode nodes = (isId(from) && isId(to)) ? null : client.get("/projects/" + id + "/nodes").path("nodes");
		JsonNode edge = client.post("/projects/" + id + "/edges",
				json().createObjectNode()
					.put("source_node", node(nodes, from))
					.put("target_node", node(nodes, to))
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

	private static boolean isId(String reference) {
		return reference.matches("(node_)?\\d{1,18}");
	}

	/** A node's id from its id or its label on the project's canvas. */
	private static long node(JsonNode nodes, String reference) {
		if (isId(reference)) {
			return id(reference, "node");
		}
		Long found = null;
		for (JsonNode node : nodes) {
			if (reference.equals(node.path("label").asString())) {
				if (found != null) {
					throw CliException.usage("Several nodes are labelled '" + reference + "'; use the node id.");
				}
				found = node.path("id").asLong();
			}
		}
		if (found == null) {
			throw new CliException(ExitCodes.NOT_FOUND,
					"No node labelled '" + reference + "' on this project's canvas; 'nodes list' shows them.");
		}
		return found;
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
