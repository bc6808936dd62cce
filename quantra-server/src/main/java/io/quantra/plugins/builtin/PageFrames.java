package io.quantra.plugins.builtin;

import java.util.ArrayList;
import java.util.List;

import io.quantra.plugins.Frame;
import io.quantra.plugins.PluginContext;

/**
 * The output of a document plugin: one frame per page in document order, {@code eos} on
 * the last frame only, with progress reported as each page is done. Pages may be done out
 * of order when several are read at once; each is put in its place, and progress counts
 * the pages done so far.
 */
final class PageFrames {

	private final PluginContext.Progress progress;

	private final Frame.Item[] pages;

	private int done;

	PageFrames(PluginContext.Progress progress, int total) {
		this.progress = progress;
		this.pages = new Frame.Item[total];
	}

	/** Page {@code index} (counted from 0 across all documents of the node) is done. */
	void put(int index, Frame.Item page) {
		if (this.pages[index] != null) {
			throw new IllegalStateException("Page " + index + " is done already");
		}
		this.pages[index] = page;
		this.done++;
		this.progress.report(this.done, this.pages.length, "pages");
	}

	/**
	 * The frames, once every page is done; a node without input yields one empty frame,
	 * so its stream still ends.
	 */
	List<Frame> frames() {
		if (this.done != this.pages.length) {
			throw new IllegalStateException(this.done + " of " + this.pages.length + " pages are done");
		}
		if (this.pages.length == 0) {
			return List.of(Frame.of(List.of()));
		}
		List<Frame> frames = new ArrayList<>(this.pages.length);
		for (int i = 0; i < this.pages.length; i++) {
			frames.add(new Frame(new Frame.OAuth2(null), List.of(this.pages[i]), "object", i == this.pages.length - 1));
		}
		return frames;
	}

}
