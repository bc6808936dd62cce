package io.quantra.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for people: a header row in capitals, then one row per item, each
 * column as wide as its widest cell; the last column is not padded.
 */
final class Table {

	private static final int MAX_CELL = 60;

	private final List<String> headers;

	private final List<List<String>> rows = new ArrayList<>();

	Table(String... headers) {
		this.headers = List.of(headers);
	}

	Table row(Object... cells) {
		List<String> row = new ArrayList<>();
		for (Object cell : cells) {
			row.add(cell(cell));
		}
		this.rows.add(row);
		return this;
	}

	void print(PrintWriter out) {
		int[] widths = new int[this.headers.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = this.headers.get(i).length();
			for (List<String> row : this.rows) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		line(out, this.headers, widths);
		for (List<String> row : this.rows) {
			line(out, row, widths);
		}
		out.flush();
	}

	private static void line(PrintWriter out, List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i == cells.size() - 1) {
				line.append(cells.get(i));
			}
			else {
				line.append(String.format("%-" + widths[i] + "s  ", cells.get(i)));
			}
		}
		out.println(line.toString().stripTrailing());
	}

	static String cell(Object value) {
		if (value == null) {
			return "-";
		}
		String text = value.toString().replaceAll("\\s+", " ").strip();
		if (text.isEmpty()) {
			return "-";
		}
		return (text.length() > MAX_CELL) ? text.substring(0, MAX_CELL - 1) + "…" : text;
	}

}
