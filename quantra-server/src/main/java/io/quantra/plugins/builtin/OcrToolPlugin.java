package io.quantra.plugins.builtin;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.quantra.platform.DataDirectory;
import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeFiles;
import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.PluginContext;
import io.quantra.plugins.PluginFailure;
import io.quantra.plugins.RemotePluginSource;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code ocr_tool}: the text of scanned PDFs and images (PNG, JPEG, multi-page TIFF),
 * recognised with Tesseract, as many pages at once as the server's OCR slots allow. A PDF
 * page that has a text layer uses it instead, unless {@code force_ocr} is set; Word and
 * text files are read as they are. Engines other than {@code tesseract} are served by OCR
 * microservices, so a node naming one fails as unavailable until a service endpoint
 * offers it.
 */
@Component
class OcrToolPlugin extends DocumentPlugin {

	static final String ENGINE = "tesseract";

	static final int DEFAULT_DPI = 300;

	/**
	 * A text layer with fewer visible characters — a page number, a stamp — is taken for
	 * a scan, and the page is recognised.
	 */
	static final int MIN_TEXT_LAYER_CHARACTERS = 16;

	private final TesseractCli tesseract;

	private final Supplier<List<RemotePluginSource>> remoteEngines;

	@Autowired
	OcrToolPlugin(ObjectProvider<NodeFiles> files, DocumentLimits limits, DataDirectory data, TesseractCli tesseract,
			ObjectProvider<RemotePluginSource> remoteEngines) {
		this(files::getIfAvailable, limits, data.resolve("tmp/documents"), tesseract,
				() -> remoteEngines.orderedStream().toList());
	}

	OcrToolPlugin(Supplier<NodeFiles> files, DocumentLimits limits, Path workRoot, TesseractCli tesseract) {
		this(files, limits, workRoot, tesseract, List::of);
	}

	OcrToolPlugin(Supplier<NodeFiles> files, DocumentLimits limits, Path workRoot, TesseractCli tesseract,
			Supplier<List<RemotePluginSource>> remoteEngines) {
		super("ocr_tool", "OCR Extraction", "Recognises the text of scanned pages and images, page by page.",
				tesseract.missing(), files, limits, workRoot);
		this.tesseract = tesseract;
		this.remoteEngines = remoteEngines;
		TextDocuments.guardZipFiles(limits);
	}

	/**
	 * An engine other than Tesseract is the plugin id of an OCR microservice: the node
	 * runs there, with its inputs and config as they are.
	 */
	@Override
	public List<Frame> frames(PluginContext context) throws Exception {
		String engine = context.config().path("engine").asString(ENGINE);
		if (!ENGINE.equals(engine)) {
			for (RemotePluginSource source : this.remoteEngines.get()) {
				Optional<ExecutablePlugin> remote = source.executable(engine);
				if (remote.isPresent()) {
					return remote.get().frames(context);
				}
			}
		}
		return super.frames(context);
	}

	@Override
	void checkRunnable(JsonNode config) throws PluginFailure {
		String engine = config.path("engine").asString(ENGINE);
		if (!ENGINE.equals(engine)) {
			throw new PluginFailure(PluginFailure.PLUGIN_UNAVAILABLE, "no service endpoint serves OCR engine '" + engine
					+ "'; use 'tesseract', or register an OCR service that offers it.", false);
		}
		if (this.tesseract.missing() != null) {
			throw new PluginFailure(PluginFailure.PLUGIN_UNAVAILABLE, this.tesseract.missing(), false);
		}
		language(config);
	}

	private String language(JsonNode config) throws PluginFailure {
		return OcrLanguages.resolve(config.path("language").asString("en"), this.tesseract.languages());
	}

	@Override
	PageWorkers pageWorkers(int pages) {
		return this.tesseract.workers(pages);
	}

	@Override
	PagedDocument open(StoredFile file, DocumentFormat format, Path copy, DocumentLimits limits,
			DocumentWorkspace workspace, JsonNode config) throws IOException, PluginFailure {
		Recognition recognition = new Recognition(this.tesseract, file, language(config),
				config.path("dpi").asInt(DEFAULT_DPI), limits, workspace);
		return switch (format) {
			case PDF -> recognition.pdf(PdfDocuments.open(file, copy, limits, workspace),
					config.path("force_ocr").asBoolean(false));
			case IMAGE -> recognition.images(ImagePages.open(file, copy, limits));
			case DOCX, TEXT -> TextDocuments.open(file, format, copy, limits, workspace);
			case OTHER -> throw DocumentPlugin.rejected(file,
					"is of type " + file.mediaType() + ", which has no pages to recognise.");
		};
	}

	/**
	 * Recognition of one file's pages, several at once. The file is read by one page at a
	 * time — PDFBox and Image I/O readers are not thread-safe — and each page is rendered
	 * only once it has a slot to be recognised in.
	 */
	private record Recognition(TesseractCli tesseract, StoredFile file, String language, int dpi, DocumentLimits limits,
			DocumentWorkspace workspace) {

		PagedDocument pdf(PDDocument pdf, boolean forceOcr) {
			PDFRenderer renderer = new PDFRenderer(pdf);
			// embedded images are decoded no larger than the page needs
			renderer.setSubsamplingAllowed(true);
			Lock reading = new ReentrantLock();
			return new PagedDocument() {

				@Override
				public int pages() {
					return pdf.getNumberOfPages();
				}

				@Override
				public Page page(int number) throws IOException, InterruptedException, PluginFailure {
					PDRectangle box;
					reading.lockInterruptibly();
					try {
						if (!forceOcr) {
							String layer = PdfDocuments.text(pdf, number);
							if (layer.codePoints()
								.filter((c) -> !Character.isWhitespace(c))
								.count() >= MIN_TEXT_LAYER_CHARACTERS) {
								return new Page(layer, "text_layer");
							}
						}
						box = pdf.getPage(number - 1).getCropBox();
					}
					finally {
						reading.unlock();
					}
					long width = Math.round(box.getWidth() / 72.0 * Recognition.this.dpi);
					long height = Math.round(box.getHeight() / 72.0 * Recognition.this.dpi);
					if (width * height > Recognition.this.limits.maxPixels()) {
						throw DocumentPlugin.rejected(Recognition.this.file,
								"has a page (" + number + ") that would be " + width + " × " + height + " pixels at "
										+ Recognition.this.dpi + " dpi, more than the "
										+ Recognition.this.limits.maxPixels() + " allowed (max_pixels); lower dpi.");
					}
					String text = recognise(locked(reading,
							() -> renderer.renderImageWithDPI(number - 1, Recognition.this.dpi, ImageType.GRAY)),
							Recognition.this.dpi, number);
					return new Page(text, "ocr");
				}

				@Override
				public void close() throws IOException {
					pdf.close();
				}

			};
		}

		PagedDocument images(ImagePages images) {
			Lock reading = new ReentrantLock();
			return new PagedDocument() {

				@Override
				public int pages() {
					return images.count();
				}

				@Override
				public Page page(int number) throws IOException, InterruptedException, PluginFailure {
					TesseractCli.PageImage decoded = locked(reading, () -> images.read(number));
					Path single = images.single();
					TesseractCli.PageImage image = (single == null) ? decoded : new TesseractCli.PageImage() {

						@Override
						public BufferedImage render() throws IOException, InterruptedException, PluginFailure {
							return decoded.render();
						}

						@Override
						public Path file() {
							return single;
						}

					};
					return new Page(recognise(image, 0, number), "ocr");
				}

				@Override
				public void close() throws IOException {
					images.close();
				}

			};
		}

		/** Renders a page while no other page of its file is read. */
		private static TesseractCli.PageImage locked(Lock reading, TesseractCli.PageImage image) {
			return () -> {
				reading.lockInterruptibly();
				try {
					return image.render();
				}
				finally {
					reading.unlock();
				}
			};
		}

		private String recognise(TesseractCli.PageImage image, int dpi, int number)
				throws IOException, InterruptedException, PluginFailure {
			return this.tesseract.recognise(image, this.language, dpi, this.workspace.directory(),
					"page " + number + " of file " + this.file.fileId());
		}

	}

}
