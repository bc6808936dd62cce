package io.quantra.cli;

import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code quantra projects list|create|show|delete|share}. */
@Command(name = "projects", description = "List, create, show, delete and share projects.",
		subcommands = { picocli.CommandLine.HelpCommand.class })
class ProjectsCommand extends CliCommand {

	@Command(name = "list", description = "The projects you can see.")
	int list(@Mixin OutputOption output) {
		QuantraClient client = session().client();
		JsonNode page = client.get("/projects?limit=200");
		if (output.json()) {
			printJson(page);
			return ExitCodes.OK;
		}
		Table table = new Table("ID", "NAME", "OWNER", "UPDATED", "DESCRIPTION");
		for (JsonNode project : page.path("projects")) {
			table.row(Json.text(project, "id"), Json.text(project, "name"), Json.text(project, "owner"),
					Json.text(project, "updated_at"), Json.text(project, "description"));
		}
		table.print(out());
		if (page.path("total").asLong() > page.path("projects").size()) {
			note("(" + page.path("projects").size() + " of " + page.path("total").asLong() + " shown)");
		}
		return ExitCodes.OK;
	}

	@Command(name = "create", description = "Create a project; you become its owner.")
	int create(@Parameters(paramLabel = "NAME", description = "The project's name.") String name,
			@Option(names = { "-d", "--description" }, description = "What the project is for.") String description,
			@Mixin OutputOption output) {
		ObjectNode body = json().createObjectNode().put("name", name);
		if (description != null) {
			body.put("description", description);
		}
		JsonNode project = session().client().post("/projects", body);
		if (output.json()) {
			printJson(project);
		}
		else {
			out().println("Created project " + Json.text(project, "id") + " '" + Json.text(project, "name") + "'.");
			out().flush();
		}
		return ExitCodes.OK;
	}

	@Command(name = "show", description = "A project with its canvas and your role on it.")
	int show(@Parameters(paramLabel = "PROJECT", description = "Project id or name.") String project,
			@Mixin OutputOption output) {
		QuantraClient client = session().client();
		JsonNode body = client.get("/projects/" + projectId(client, project));
		if (output.json()) {
			printJson(body);
			return ExitCodes.OK;
		}
		Table fields = new Table("FIELD", "VALUE");
		for (String field : new String[] { "id", "name", "description", "owner", "role", "created_at", "updated_at" }) {
			fields.row(field, Json.text(body, field));
		}
		fields.print(out());
		out().println();
		NodesCommand.table(body.path("nodes")).print(out());
		out().println();
		EdgesCommand.table(body.path("edges")).print(out());
		return ExitCodes.OK;
	}

	@Command(name = "delete", description = "Delete a project with its canvas, runs and files; irreversible.")
	int delete(@Parameters(paramLabel = "PROJECT", description = "Project id or name.") String project,
			@Option(names = { "-y", "--yes" }, description = "Do not ask for confirmation.") boolean yes) {
		QuantraClient client = session().client();
		long id = projectId(client, project);
		if (!yes) {
			String name = Json.text(client.get("/projects/" + id), "name");
			Prompter prompter = environment().prompter();
			if (!prompter.interactive()) {
				throw CliException.usage("Deleting a project cannot be undone: pass --yes to confirm.");
			}
			String answer = prompter.readLine(
					"Delete project " + id + " '" + name + "' with its canvas, runs and files? Type yes to confirm: ");
			if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).equals("yes")) {
				note("Nothing deleted.");
				return ExitCodes.USAGE;
			}
		}
		client.delete("/projects/" + id);
		out().println("Deleted project " + id + ".");
		out().flush();
		return ExitCodes.OK;
	}

	@Command(name = "share", description = "Give someone access to a project (admin or above).")
	int share(@Parameters(index = "0", paramLabel = "PROJECT", description = "Project id or name.") String project,
			@Parameters(index = "1", paramLabel = "EMAIL", description = "The account to share with.") String email,
			@Option(names = { "-p", "--permission" }, paramLabel = "LEVEL", defaultValue = "read",
					description = "read (viewer), execute (runner) or write (editor); default ${DEFAULT-VALUE}.") String permission,
			@Mixin OutputOption output) {
		QuantraClient client = session().client();
		long id = projectId(client, project);
		JsonNode member = client.post("/projects/" + id + "/share",
				json().createObjectNode().put("email", email).put("permission_level", permission));
		if (output.json()) {
			printJson(member);
		}
		else {
			out().println("Shared project " + id + " with " + Json.text(member, "email") + " as "
					+ Json.text(member, "role") + ".");
			out().flush();
		}
		return ExitCodes.OK;
	}

}
