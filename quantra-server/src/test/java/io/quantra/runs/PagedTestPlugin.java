package io.quantra.runs;

import java.util.ArrayList;
import java.util.List;

import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeType;
import io.quantra.plugins.PluginContext;
import io.quantra.plugins.PluginDescriptor;
import io.quantra.plugins.PluginFailure;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;

/**
 * Test-only plugin that streams one frame per page, {@code pages} of them, reporting its
 * progress after each and taking {@code millis} per page; with {@code reject} set it
 * fails with a named, final error instead.
 */
@Component
class PagedTestPlugin implements ExecutablePlugin {

	@Override
	public PluginDescriptor descriptor() {
		return new PluginDescriptor("test_pages", NodeType.TOOL, "Pages (tests)", "Streams a frame per page.", "1.0.0",
				"{\"type\": \"object\"}", List.of("object"), List.of("object"), "available");
	}

	@Override
	public List<Frame> frames(PluginContext context) throws Exception {
		if (context.config().path("reject").asBoolean(false)) {
			throw new PluginFailure(PluginFailure.DOCUMENT_REJECTED, "The document is encrypted.", false);
		}
		int pages = context.config().path("pages").asInt(3);
		List<Frame> frames = new ArrayList<>();
		for (int page = 1; page <= pages; page++) {
			Thread.sleep(context.config().path("millis").asLong(300));
			Frame.Item item = new Frame.Item(
					JsonNodeFactory.instance.objectNode().put("page", page).put("total_pages", pages),
					JsonNodeFactory.instance.objectNode().put("text", "page " + page));
			frames.add(new Frame(new Frame.OAuth2(null), List.of(item), "object", page == pages));
			context.progress().report(page, pages, "pages");
		}
		return frames;
	}

}
