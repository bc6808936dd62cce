package io.quantra.plugins.builtin;

import java.io.IOException;

import io.quantra.plugins.PluginFailure;

/**
 * An opened input document whose text is read page by page. Opening it has already
 * checked it against the limits that can be checked up front (its page count, say), so
 * its pages can be counted before the first is read.
 */
interface PagedDocument extends AutoCloseable {

	int pages();

	/**
	 * The text of page {@code number}, counted from 1.
	 * @throws PluginFailure when the page breaks a limit or cannot be read
	 */
	Page page(int number) throws IOException, InterruptedException, PluginFailure;

	@Override
	default void close() throws IOException {
	}

	/**
	 * The text of one page and where it came from.
	 *
	 * @param text the page's text
	 * @param source {@code text} (a text file or a document's text), {@code text_layer}
	 * (a PDF page's text layer) or {@code ocr} (recognised from the page's image)
	 */
	record Page(String text, String source) {
	}

	/** A document of one page whose text is already known. */
	static PagedDocument ofText(String text) {
		return new PagedDocument() {

			@Override
			public int pages() {
				return 1;
			}

			@Override
			public Page page(int number) {
				return new Page(text, "text");
			}

		};
	}

}
