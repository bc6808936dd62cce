package io.quantra.cli;

import java.io.PrintWriter;
import java.util.function.Function;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every command shares: the root command's options and environment, the session, and
 * printing what the server answered as a table or as its JSON.
 */
abstract class CliCommand {

	@Spec
	CommandSpec spec;

	QuantraCli cli() {
		return (QuantraCli) this.spec.root().userObject();
	}

	CliEnvironment environment() {
		return cli().environment;
	}

	PrintWriter out() {
		return environment().out();
	}

	JsonMapper json() {
		return cli().json;
	}

	Session session() {
		return Session.open(cli());
	}

	void printJson(JsonNode node) {
		Json.print(json(), out(), node);
	}

	/**
	 * A listing as the server answered it with {@code -o json}, else its rows as a table.
	 */
	int printList(JsonNode listing, String field, OutputOption output, Function<JsonNode, Table> table) {
		if (output.json()) {
			printJson(listing);
		}
		else {
			table.apply(listing.path(field)).print(out());
		}
		return ExitCodes.OK;
	}

	/** A line for people on standard error, so that standard output stays parseable. */
	void note(String line) {
		environment().err().println(line);
		environment().err().flush();
	}

	/**
	 * Asks a person: the answer, or a usage error naming {@code option} when no terminal
	 * is there to ask on or no answer came.
	 */
	String ask(String prompt, String option) {
		Prompter prompter = environment().prompter();
		if (!prompter.interactive()) {
			throw CliException.usage("Missing " + option + " (no terminal to ask on).");
		}
		String answer = prompter.readLine(prompt);
		if (answer == null || answer.isBlank()) {
			throw CliException.usage("Missing " + option + ".");
		}
		return answer.strip();
	}

	/** A project's id from its id or its exact name. */
	static long projectId(QuantraClient client, String reference) {
		if (reference.matches("\\d{1,18}")) {
			return Long.parseLong(reference);
		}
		int offset = 0;
		Long found = null;
		while (true) {
			JsonNode page = client.get("/projects?limit=200&offset=" + offset);
			for (JsonNode project : page.path("projects")) {
				if (reference.equals(project.path("name").asString())) {
					if (found != null) {
						throw CliException.usage("Several projects are named '" + reference + "'; use the id.");
					}
					found = project.path("id").asLong();
				}
			}
			offset += page.path("projects").size();
			if (page.path("projects").isEmpty() || offset >= page.path("total").asLong()) {
				break;
			}
		}
		if (found == null) {
			throw new CliException(ExitCodes.NOT_FOUND, "No project named '" + reference + "' among yours.");
		}
		return found;
	}

	/** A numeric id argument, or a usage error naming what it should be. */
	static long id(String value, String what) {
		String digits = value.startsWith("node_") ? value.substring("node_".length()) : value;
		if (!digits.matches("\\d{1,18}")) {
			throw CliException.usage(what + " must be a number, not '" + value + "'.");
		}
		return Long.parseLong(digits);
	}

}
