package io.quantra.plugins.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated document with its ground truth: the text as laid out line by line, every
 * piece of personal data in it, and where each printed page starts.
 *
 * @param id stable identifier, such as {@code doc-0007}
 * @param kind what the document pretends to be
 * @param region where it comes from (language and formats)
 * @param text the full text, lines separated by {@code \n}, pages following each other
 * @param spans every piece of personal data, sorted by offset, never overlapping
 * @param pageStarts offset in {@code text} where each page begins; the first is 0
 */
public record SyntheticDocument(String id, DocumentKind kind, Region region, String text, List<Span> spans,
		List<Integer> pageStarts) {

	public SyntheticDocument {
		spans = List.copyOf(spans);
		pageStarts = List.copyOf(pageStarts);
	}

	public String language() {
		return this.region.language();
	}

	public int pageCount() {
		return this.pageStarts.size();
	}

	/** The text of each page, without the line break that separates it from the next. */
	public List<PageText> pages() {
		List<PageText> pages = new ArrayList<>();
		for (int i = 0; i < this.pageStarts.size(); i++) {
			int start = this.pageStarts.get(i);
			int end = (i + 1 < this.pageStarts.size()) ? this.pageStarts.get(i + 1) - 1 : this.text.length();
			pages.add(new PageText(i + 1, this.text.substring(start, end), start));
		}
		return pages;
	}

	public List<Span> spans(String entity) {
		return this.spans.stream().filter((span) -> span.entity().equals(entity)).toList();
	}

}
