package io.quantra.cli;

import picocli.CommandLine.Option;

/**
 * {@code -o/--output table|json} of every command that prints what the server answered.
 */
final class OutputOption {

	enum Format {

		table, json

	}

	@Option(names = { "-o", "--output" }, paramLabel = "FORMAT", defaultValue = "table",
			description = "table (aligned columns, the default) or json (the server's JSON).")
	Format format = Format.table;

	boolean json() {
		return this.format == Format.json;
	}

}
