package io.quantra.plugins.corpus;

/**
 * The exact text of one rendered page, which is a slice of its document's text.
 *
 * @param number page number, from 1
 * @param text the lines printed on the page, without a trailing line break
 * @param documentStart offset of the page's first character in the document text
 */
public record PageText(int number, String text, int documentStart) {

	/** The document offset of a character offset on this page. */
	public int toDocumentOffset(int pageOffset) {
		if (pageOffset < 0 || pageOffset > this.text.length()) {
			throw new IndexOutOfBoundsException("offset " + pageOffset + " is outside page " + this.number + " of "
					+ this.text.length() + " chars");
		}
		return this.documentStart + pageOffset;
	}

	public int documentEnd() {
		return this.documentStart + this.text.length();
	}

	public String[] lines() {
		return this.text.split("\n", -1);
	}

}
