package io.quantra.plugins.builtin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeFiles;
import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.NodeType;
import io.quantra.plugins.PluginContext;
import io.quantra.plugins.PluginFailure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plugin that turns documents into text, one frame per page. It takes every incoming
 * item whose content names a {@code file_id} (a document of a {@code file_upload} node)
 * and every item that already carries {@code text}, which it hands on as it came. All
 * documents are opened, and checked against the {@link DocumentLimits}, before the first
 * page is read, so the page count is known for progress and a hostile document fails the
 * node before any work is spent on the others.
 */
abstract class DocumentPlugin extends BuiltInPlugin implements ExecutablePlugin {

	private final Supplier<NodeFiles> files;

	private final DocumentLimits limits;

	private final Path workRoot;

	DocumentPlugin(String id, String label, String description, String missing, Supplier<NodeFiles> files,
			DocumentLimits limits, Path workRoot) {
		super(id, NodeType.TOOL, label, description, List.of("object"), List.of("object"), missing);
		this.files = files;
		this.limits = limits;
		this.workRoot = workRoot;
	}

	/**
	 * Checks, before any document is read, that this server can run the node as
	 * configured.
	 */
	void checkRunnable(JsonNode config) throws PluginFailure {
	}

	/**
	 * Opens a copy of a stored document for reading.
	 * @throws PluginFailure {@code DOCUMENT_REJECTED} when it breaks a limit, is
	 * encrypted or of a kind this plugin does not read
	 * @throws IOException when it cannot be parsed (the caller rejects it as damaged)
	 */
	abstract PagedDocument open(StoredFile file, DocumentFormat format, Path copy, DocumentLimits limits,
			DocumentWorkspace workspace, JsonNode config) throws IOException, PluginFailure;

	@Override
	public List<Frame> frames(PluginContext context) throws Exception {
		checkRunnable(context.config());
		DocumentLimits limits = this.limits.forNode(context.config());
		List<Input> inputs = new ArrayList<>();
		try (DocumentWorkspace workspace = DocumentWorkspace.create(this.workRoot)) {
			try {
				for (Frame frame : context.inputs()) {
					for (Frame.Item item : frame.data()) {
						Input input = input(context, item, limits, workspace);
						if (input != null) {
							inputs.add(input);
						}
					}
				}
				List<PageRead> reads = new ArrayList<>();
				for (Input input : inputs) {
					int pages = input.document().pages();
					for (int number = 1; number <= pages; number++) {
						reads.add(new PageRead(reads.size(), input, number, pages));
					}
				}
				PageFrames output = new PageFrames(context.progress(), reads.size());
				try (PageWorkers workers = pageWorkers(reads.size())) {
					if (workers == null) {
						readInTurn(reads, output);
					}
					else {
						readAtOnce(reads, output, workers);
					}
				}
				return output.frames();
			}
			finally {
				for (Input input : inputs) {
					input.document().close();
				}
			}
		}
	}

	private Input input(PluginContext context, Frame.Item item, DocumentLimits limits, DocumentWorkspace workspace)
			throws IOException, PluginFailure {
		JsonNode fileId = item.content().path("file_id");
		if (fileId.isString()) {
			NodeFiles files = this.files.get();
			if (files == null) {
				throw new PluginFailure(PluginFailure.PLUGIN_UNAVAILABLE,
						"This server has no document store to read file " + fileId.asString() + " from.", false);
			}
			StoredFile file = files.find(context.projectId(), fileId.asString())
				.orElseThrow(() -> new PluginFailure(PluginFailure.FILE_NOT_FOUND,
						"File " + fileId.asString() + " is not a document of this project; upload it again.", false));
			Path copy = workspace.copy(files.open(file), ".doc");
			DocumentFormat format = DocumentFormat.of(file);
			try {
				return new Input(item, file, open(file, format, copy, limits, workspace, context.config()));
			}
			catch (IOException | RuntimeException ex) {
				throw damaged(file, format, ex);
			}
		}
		if (item.content().path("text").isString()) {
			return new Input(item, null, PagedDocument.ofText(item.content().path("text").asString()));
		}
		return null;
	}

	/**
	 * The threads on which this plugin reads several pages of a node at once, or null to
	 * read them one after another on the node's thread. A plugin that returns threads
	 * opens documents whose pages may be read from several threads at once.
	 * @param pages how many pages the node has, over all its documents
	 */
	PageWorkers pageWorkers(int pages) {
		return null;
	}

	private static void readInTurn(List<PageRead> reads, PageFrames output) throws InterruptedException, PluginFailure {
		for (PageRead read : reads) {
			if (Thread.interrupted()) {
				throw new InterruptedException("Node cancelled at page " + read.number());
			}
			output.put(read.index(), read.read());
		}
	}

	/**
	 * Reads as many pages at once as there are workers, each page as soon as a worker is
	 * free, in document order. The first page that fails, fails the node, and the pages
	 * still being read are interrupted — as they are when the node's thread is.
	 */
	private static void readAtOnce(List<PageRead> reads, PageFrames output, PageWorkers workers)
			throws InterruptedException, PluginFailure {
		CompletionService<PageRead.Done> done = new ExecutorCompletionService<>(workers.executor());
		Set<Future<PageRead.Done>> reading = new HashSet<>();
		int next = 0;
		try {
			while (next < reads.size() || !reading.isEmpty()) {
				while (reading.size() < workers.threads() && next < reads.size()) {
					PageRead read = reads.get(next++);
					if (Thread.interrupted()) {
						throw new InterruptedException("Node cancelled at page " + read.number());
					}
					reading.add(done.submit(() -> new PageRead.Done(read.index(), read.read())));
				}
				Future<PageRead.Done> page = done.take();
				reading.remove(page);
				PageRead.Done read = result(page);
				output.put(read.index(), read.item());
			}
		}
		finally {
			for (Future<PageRead.Done> page : reading) {
				page.cancel(true);
			}
		}
	}

	private static PageRead.Done result(Future<PageRead.Done> page) throws InterruptedException, PluginFailure {
		try {
			return page.get();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof PluginFailure failure) {
				throw failure;
			}
			if (cause instanceof InterruptedException interrupted) {
				throw interrupted;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("A page failed unexpectedly", cause);
		}
	}

	/** A document rejected because it breaks a limit or cannot be read. */
	static PluginFailure rejected(StoredFile file, String why) {
		return new PluginFailure(PluginFailure.DOCUMENT_REJECTED, "File " + file.fileId() + " " + why, false);
	}

	private static PluginFailure damaged(StoredFile file, DocumentFormat format, Exception cause) {
		String kind = switch (format) {
			case PDF -> "a PDF";
			case DOCX -> "a Word document";
			case IMAGE -> "an image";
			default -> "a document";
		};
		return new PluginFailure(PluginFailure.DOCUMENT_REJECTED, "File " + file.fileId() + " cannot be read as " + kind
				+ ": it is damaged or truncated (" + cause.getClass().getSimpleName() + ").", cause);
	}

	/**
	 * One document to read: a stored file, or an item that already is text.
	 */
	private record Input(Frame.Item item, StoredFile file, PagedDocument document) {
	}

	/**
	 * One page to read.
	 *
	 * @param index where its frame goes among the node's frames
	 * @param input its document
	 * @param number its number in the document, counted from 1
	 * @param pages how many pages the document has
	 */
	private record PageRead(int index, Input input, int number, int pages) {

		/** The page's output item: its text, with where it came from. */
		Frame.Item read() throws InterruptedException, PluginFailure {
			if (this.input.file() == null) {
				return this.input.item();
			}
			PagedDocument.Page page;
			try {
				page = this.input.document().page(this.number);
			}
			catch (IOException | RuntimeException ex) {
				throw damaged(this.input.file(), DocumentFormat.of(this.input.file()), ex);
			}
			ObjectNode meta = JsonNodeFactory.instance.objectNode();
			meta.put("filename", this.input.file().filename());
			meta.put("page", this.number);
			meta.put("total_pages", this.pages);
			meta.put("file_id", this.input.file().fileId());
			meta.put("source", page.source());
			ObjectNode content = JsonNodeFactory.instance.objectNode();
			content.put("text", page.text());
			return new Frame.Item(meta, content);
		}

		/** A page read. */
		record Done(int index, Frame.Item item) {
		}

	}

}
