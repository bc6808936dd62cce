package io.quantra.cli;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code quantra nodes add|list|update|rm}: the nodes on a project's canvas. */
@Command(name = "nodes", description = "Add, list, update and remove the nodes of a project's canvas.",
		subcommands = { picocli.CommandLine.HelpCommand.class })
class NodesCommand extends CliCommand {

	@Command(name = "list", description = "The nodes on a project's canvas.")
	int list(@Parameters(paramLabel = "PROJECT", description = "Project id or name.") String project,
			@Mixin OutputOption output) {
		QuantraClient client = session().client();
		return printList(client.get("/projects/" + projectId(client, project) + "/nodes"), "nodes", output,
				NodesCommand::table);
	}

	@Command(name = "add", description = "Add a node (editor or above); see 'plugins list' for plugins and configs.")
	int add(@Parameters(paramLabel = "PROJECT", description = "Project id or name.") String project,
			@Option(names = { "-p", "--plugin" }, required = true, paramLabel = "PLUGIN",
					description = "Plugin id, such as text_template.") String plugin,
			@Option(names = { "-t", "--type" }, paramLabel = "TYPE",
					description = "datasource, tool or workbench (default: the plugin's).") String type,
			@Option(names = { "-l", "--label" }, description = "Label shown on the canvas.") String label,
			@Option(names = { "-c", "--config" }, paramLabel = "JSON|@FILE",
					description = "The node's configuration as JSON, or @file with it.") String config,
			@Option(names = "--set", paramLabel = "KEY=VALUE",
					description = "One configuration field (repeatable); values are JSON or text.") Map<String, String> set,
			@Option(names = "--x", paramLabel = "X", description = "Canvas position.") Integer x,
			@Option(names = "--y", paramLabel = "Y", description = "Canvas position.") Integer y,
			@Mixin OutputOption output) {
		QuantraClient client = session().client();
		long id = projectId(client, project);
		String nodeType = (type != null) ? type : pluginType(client, plugin);
		ObjectNode body = json().createObjectNode().put("node_type", nodeType).put("plugin_id", plugin);
		if (label != null) {
			body.put("label", label);
		}
		body.set("config", config(json().createObjectNode(), config, set));
		if (x != null) {
			body.put("x_pos", x);
		}
		if (y != null) {
			body.put("y_pos", y);
		}
		JsonNode node = client.post("/projects/" + id + "/nodes", body);
		if (output.json()) {
			printJson(node);
		}
		else {
			out().println("Added node " + Json.text(node, "id") + " (" + plugin + ") to project " + id + ".");
			out().flush();
		}
		return ExitCodes.OK;
	}

	@Command(name = "update", description = "Change a node's label, position or configuration (editor or above).")
	int update(@Parameters(paramLabel = "NODE", description = "Node id.") String node,
			@Option(names = { "-l", "--label" }, description = "New label.") String label,
			@Option(names = { "-c", "--config" }, paramLabel = "JSON|@FILE",
					description = "Replace the configuration with this JSON (or @file).") String config,
			@Option(names = "--set", paramLabel = "KEY=VALUE",
					description = "Change one configuration field, keeping the others (repeatable).") Map<String, String> set,
			@Option(names = "--x", paramLabel = "X", description = "Canvas position.") Integer x,
			@Option(names = "--y", paramLabel = "Y", description = "Canvas position.") Integer y,
			@Mixin OutputOption output) {
		QuantraClient client = session().client();
		long id = id(node, "NODE");
		ObjectNode body = json().createObjectNode();
		String etag = null;
		if (set != null && !set.isEmpty()) {
			// read, change, and write back only if no one changed it in between
			QuantraClient.Response current = client.call("GET", "/nodes/" + id, null, Map.of());
			etag = current.headers().get("etag");
			JsonNode base = (config != null) ? JsonArguments.parse(json(), config, "--config")
					: current.body().path("config");
			body.set("config",
					config(base.isObject() ? (ObjectNode) base.deepCopy() : json().createObjectNode(), null, set));
		}
		else if (config != null) {
			body.set("config", JsonArguments.parse(json(), config, "--config"));
		}
		if (label != null) {
			body.put("label", label);
		}
		if (x != null) {
			body.put("x_pos", x);
		}
		if (y != null) {
			body.put("y_pos", y);
		}
		if (body.isEmpty()) {
			throw CliException.usage("Nothing to change: give --label, --config, --set, --x or --y.");
		}
		JsonNode updated = client
			.call("PUT", "/nodes/" + id, body, (etag != null) ? Map.of("If-Match", etag) : Map.of())
			.body();
		if (output.json()) {
			printJson(updated);
		}
		else {
			out().println("Updated node " + id + ".");
			out().flush();
		}
		return ExitCodes.OK;
	}

	@Command(name = "rm", aliases = "delete", description = "Remove a node and its edges (editor or above).")
	int remove(@Parameters(paramLabel = "NODE", description = "Node id.") String node) {
		long id = id(node, "NODE");
		session().client().delete("/nodes/" + id);
		out().println("Removed node " + id + ".");
		out().flush();
		return ExitCodes.OK;
	}

	private ObjectNode config(ObjectNode base, String config, Map<String, String> set) {
		ObjectNode result = base;
		if (config != null) {
			JsonNode parsed = JsonArguments.parse(json(), config, "--config");
			if (!parsed.isObject()) {
				throw CliException.usage("--config must be a JSON object.");
			}
			result = (ObjectNode) parsed;
		}
		if (set != null) {
			for (Map.Entry<String, String> field : set.entrySet()) {
				result.set(field.getKey(), JsonArguments.value(json(), field.getValue()));
			}
		}
		return result;
	}

	private static String pluginType(QuantraClient client, String plugin) {
		for (JsonNode candidate : client.get("/plugins").path("plugins")) {
			if (plugin.equals(candidate.path("id").asString())) {
				return candidate.path("node_type").asString();
			}
		}
		throw new CliException(ExitCodes.NOT_FOUND,
				"No plugin '" + plugin + "' on this server; 'plugins list' shows those there are.");
	}

	static Table table(JsonNode nodes) {
		Table table = new Table("ID", "TYPE", "PLUGIN", "LABEL", "CONFIG");
		for (JsonNode node : nodes) {
			table.row(Json.text(node, "id"), Json.text(node, "node_type"), Json.text(node, "plugin_id"),
					Json.text(node, "label"), Json.text(node, "config"));
		}
		return table;
	}

}
