package io.quantra.plugins.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a document line by line, recording the offsets of personal data as it goes and
 * breaking pages when they are full. A page never splits a piece of personal data, and
 * every page ends with a "Page i of n" footer, which is part of the text like any other
 * line.
 */
final class DocumentWriter {

	/**
	 * Stands for the page count until it is known; one character, like the count it
	 * becomes.
	 */
	private static final char PAGE_COUNT = '\u0001';

	private final StringBuilder text = new StringBuilder();

	private final List<Span> spans = new ArrayList<>();

	private final List<Integer> pageStarts = new ArrayList<>(List.of(0));

	private final int bodyLinesPerPage;

	private final String pageLabel;

	private int linesOnPage;

	/**
	 * @param bodyLinesPerPage lines a page holds above its footer
	 * @param pageLabel footer with {@code %d} for the page number and {@code %s} for the
	 * count
	 */
	DocumentWriter(int bodyLinesPerPage, String pageLabel) {
		this.bodyLinesPerPage = bodyLinesPerPage;
		this.pageLabel = pageLabel;
	}

	DocumentWriter text(String value) {
		if (value.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("use line() or newline() to break lines: " + value);
		}
		breakPageIfFull();
		this.text.append(value);
		return this;
	}

	/**
	 * Appends a piece of personal data; a value over several lines is kept on one page.
	 */
	DocumentWriter pii(String entity, String value) {
		int lines = (int) value.chars().filter((c) -> c == '\n').count();
		if (lines > 0) {
			if (!atLineStart()) {
				throw new IllegalStateException("a multi-line " + entity + " must start a line: " + value);
			}
			keepTogether(lines + 1);
		}
		breakPageIfFull();
		int start = this.text.length();
		this.text.append(value);
		this.spans.add(new Span(entity, start, this.text.length(), value));
		this.linesOnPage += lines;
		return this;
	}

	DocumentWriter line(String value) {
		return text(value).newline();
	}

	DocumentWriter newline() {
		this.text.append('\n');
		this.linesOnPage++;
		return this;
	}

	/**
	 * An empty line, unless at the top or the bottom of a page where it would mean
	 * nothing.
	 */
	DocumentWriter blank() {
		if (this.linesOnPage > 0 && this.linesOnPage < this.bodyLinesPerPage) {
			newline();
		}
		return this;
	}

	/** Starts a new page unless the next {@code lines} lines still fit on this one. */
	DocumentWriter keepTogether(int lines) {
		if (!atLineStart()) {
			throw new IllegalStateException("keepTogether() must be called at the start of a line");
		}
		if (this.linesOnPage > 0 && this.linesOnPage + lines > this.bodyLinesPerPage) {
			breakPage();
		}
		return this;
	}

	/**
	 * Words and personal data wrapped into lines of at most {@code width} characters. A
	 * text part that starts with punctuation is glued to what precedes it ("Smith" +
	 * ",").
	 */
	DocumentWriter paragraph(int width, Object... parts) {
		List<Object> tokens = new ArrayList<>();
		List<Boolean> glued = new ArrayList<>();
		for (Object part : parts) {
			if (part instanceof Pii pii) {
				tokens.add(pii);
				glued.add(false);
				continue;
			}
			String words = part.toString();
			boolean first = true;
			for (String word : words.split(" ")) {
				if (!word.isEmpty()) {
					tokens.add(word);
					glued.add(first && tokens.size() > 1 && ",.;:)".indexOf(words.charAt(0)) >= 0);
				}
				first = false;
			}
		}
		int column = 0;
		for (int i = 0; i < tokens.size(); i++) {
			Object token = tokens.get(i);
			String word = (token instanceof Pii pii) ? pii.value() : (String) token;
			boolean glue = glued.get(i) && column > 0;
			if (column > 0 && !glue && column + 1 + word.length() > width) {
				newline();
				column = 0;
			}
			else if (column > 0 && !glue) {
				text(" ");
				column++;
			}
			if (token instanceof Pii pii) {
				pii(pii.entity(), pii.value());
			}
			else {
				text(word);
			}
			column += word.length();
		}
		return newline();
	}

	record Pii(String entity, String value) {
	}

	/** A piece of personal data inside a {@link #paragraph}. */
	static Pii marked(String entity, String value) {
		return new Pii(entity, value);
	}

	boolean atLineStart() {
		return this.text.length() == 0 || this.text.charAt(this.text.length() - 1) == '\n';
	}

	int linesOnPage() {
		return this.linesOnPage;
	}

	private void breakPageIfFull() {
		if (atLineStart() && this.linesOnPage >= this.bodyLinesPerPage) {
			breakPage();
		}
	}

	private void breakPage() {
		footer();
		this.pageStarts.add(this.text.length());
		this.linesOnPage = 0;
	}

	private void footer() {
		// footer sits two lines below the body, whatever the body's length
		this.text.append('\n');
		this.text.append(String.format(this.pageLabel, this.pageStarts.size(), String.valueOf(PAGE_COUNT)));
		this.text.append('\n');
	}

	SyntheticDocument finish(String id, DocumentKind kind, Region region) {
		if (!atLineStart()) {
			this.text.append('\n');
		}
		footer();
		String pages = String.valueOf(this.pageStarts.size());
		if (pages.length() != 1) {
			throw new IllegalStateException(id + " has " + pages + " pages; the footer allows at most 9");
		}
		String finished = this.text.substring(0, this.text.length() - 1).replace(PAGE_COUNT, pages.charAt(0));
		return new SyntheticDocument(id, kind, region, finished, this.spans, this.pageStarts);
	}

}
