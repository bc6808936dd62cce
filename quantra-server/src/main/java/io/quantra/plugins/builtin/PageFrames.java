package io.quantra.plugins.builtin;

import java.util.ArrayList;
import java.util.List;

import io.quantra.plugins.Frame;
import io.quantra.plugins.PluginContext;

/**
 * The output of a document plugin: one frame per page, {@code eos} on the last frame
 * only, with progress reported as each page is done.
 */
final class PageFrames {

	private final PluginContext.Progress progress;

	private final int total;

	private final List<Frame.Item> pages = new ArrayList<>();

	PageFrames(PluginContext.Progress progress, int total) {
		this.progress = progress;
		this.total = total;
	}

	void add(Frame.Item page) {
		this.pages.add(page);
		this.progress.report(this.pages.size(), Math.max(this.total, this.pages.size()), "pages");
	}

	/**
	 * The frames; a node without input yields one empty frame, so its stream still ends.
	 */
	List<Frame> frames() {
		if (this.pages.isEmpty()) {
			return List.of(Frame.of(List.of()));
		}
		List<Frame> frames = new ArrayList<>(this.pages.size());
		for (int i = 0; i < this.pages.size(); i++) {
			frames.add(new Frame(new Frame.OAuth2(null), List.of(this.pages.get(i)), "object",
					i == this.pages.size() - 1));
		}
		return frames;
	}

}
