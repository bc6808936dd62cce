package io.quantra.plugins.corpus;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Prints synthetic documents as text PDFs with the standard PDF fonts, and as degraded
 * "scanned" page images (PNG, an image-only PDF, a multi-page TIFF), each page with its
 * exact text as ground truth.
 */
public final class CorpusRenderer {

	/** What {@link #writeAll} writes for each document. */
	public enum Output {

		/** {@code <id>.pdf}: selectable text, Helvetica or Times. */
		TEXT_PDF,
		/** {@code <id>-p<n>.png}: one degraded grey image per page. */
		PNG,
		/** {@code <id>.scan.pdf}: the page images in a PDF without any text. */
		SCANNED_PDF,
		/** {@code <id>.tif}: all page images in one multi-page TIFF. */
		TIFF,
		/** {@code <id>.json}: text, spans, pages and scan settings. */
		GROUND_TRUTH

	}

	static final float MARGIN_POINTS = 54;

	static final float LEADING = 1.25f;

	private CorpusRenderer() {
	}

	// ---- text PDF

	public static byte[] textPdf(SyntheticDocument document) {
		ScanSettings settings = ScanSettings.of(document);
		PDType1Font font = new PDType1Font(
				settings.serif() ? Standard14Fonts.FontName.TIMES_ROMAN : Standard14Fonts.FontName.HELVETICA);
		PDRectangle size = settings.letterPaper() ? PDRectangle.LETTER : PDRectangle.A4;
		try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			float widest = 0;
			for (String line : document.text().split("\n")) {
				widest = Math.max(widest, font.getStringWidth(line) / 1000);
			}
			float fontSize = Math.min(settings.pointSize(), (size.getWidth() - 2 * MARGIN_POINTS) / widest);
			for (PageText page : document.pages()) {
				PDPage pdfPage = new PDPage(size);
				pdf.addPage(pdfPage);
				try (PDPageContentStream content = new PDPageContentStream(pdf, pdfPage)) {
					content.beginText();
					content.setFont(font, fontSize);
					content.setLeading(fontSize * LEADING);
					content.newLineAtOffset(MARGIN_POINTS, size.getHeight() - MARGIN_POINTS - fontSize);
					for (String line : page.lines()) {
						content.showText(line);
						content.newLine();
					}
					content.endText();
				}
			}
			pdf.getDocumentInformation().setTitle(document.id() + " (" + document.kind() + ")");
			pdf.getDocumentInformation().setCreator("Quantra synthetic corpus");
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot print " + document.id() + " as PDF", ex);
		}
	}

	// ---- scanned images

	/** One degraded grey image per page, at the document's scan resolution. */
	public static List<BufferedImage> scan(SyntheticDocument document) {
		ScanSettings settings = ScanSettings.of(document);
		List<BufferedImage> images = new ArrayList<>();
		for (PageText page : document.pages()) {
			images.add(scan(document, page, settings));
		}
		return images;
	}

	static BufferedImage scan(SyntheticDocument document, PageText page, ScanSettings settings) {
		double scale = settings.dpi() / 72.0;
		int width = (int) Math.round(settings.pageWidthPoints() * scale);
		int height = (int) Math.round(settings.pageHeightPoints() * scale);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.rotate(Math.toRadians(settings.rotationDegrees()), width / 2.0, height / 2.0);
			String family = settings.serif() ? Font.SERIF : Font.SANS_SERIF;
			Font font = new Font(family, Font.PLAIN, 1).deriveFont((float) (settings.pointSize() * scale));
			g.setFont(font);
			double widest = 0;
			for (String line : document.text().split("\n")) {
				widest = Math.max(widest, font.getStringBounds(line, g.getFontRenderContext()).getWidth());
			}
			double available = (settings.pageWidthPoints() - 2 * MARGIN_POINTS) * scale;
			if (widest > available) {
				font = font.deriveFont((float) (font.getSize2D() * available / widest));
				g.setFont(font);
			}
			g.setColor(Color.BLACK);
			float lineHeight = font.getSize2D() * LEADING;
			float x = (float) (MARGIN_POINTS * scale);
			float y = (float) (MARGIN_POINTS * scale) + font.getSize2D();
			for (String line : page.lines()) {
				g.drawString(line, x, y);
				y += lineHeight;
			}
		}
		finally {
			g.dispose();
		}
		if (settings.blur()) {
			float[] kernel = { 1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f };
			BufferedImage blurred = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
			new ConvolveOp(new Kernel(3, 3, kernel), ConvolveOp.EDGE_NO_OP, null).filter(image, blurred);
			image = blurred;
		}
		degrade(image, settings, new Random(document.id().hashCode() * 1009L + page.number()));
		return image;
	}

	/** Lowers contrast, then adds sensor noise, flipped pixels and specks of dust. */
	private static void degrade(BufferedImage image, ScanSettings settings, Random random) {
		byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		int ink = settings.ink();
		int paper = settings.paper();
		for (int i = 0; i < pixels.length; i++) {
			int value = pixels[i] & 0xff;
			value = ink + (paper - ink) * value / 255;
			value += (int) Math.round(random.nextGaussian() * settings.noiseSigma());
			pixels[i] = (byte) Math.max(0, Math.min(255, value));
		}
		int flips = (int) (pixels.length * settings.saltAndPepper());
		for (int i = 0; i < flips; i++) {
			pixels[random.nextInt(pixels.length)] = (byte) (random.nextBoolean() ? 0 : 255);
		}
		int width = image.getWidth();
		int height = image.getHeight();
		int specks = (int) ((long) settings.speckles() * pixels.length / 1_000_000);
		for (int i = 0; i < specks; i++) {
			int x = random.nextInt(width - 2);
			int y = random.nextInt(height - 2);
			int size = 1 + random.nextInt(2);
			int grey = 90 + random.nextInt(100);
			for (int dy = 0; dy < size; dy++) {
				for (int dx = 0; dx < size; dx++) {
					pixels[(y + dy) * width + x + dx] = (byte) grey;
				}
			}
		}
	}

	/** A grey PNG that records its resolution, so OCR engines know the type size. */
	public static void writePng(BufferedImage image, int dpi, OutputStream out) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
					param);
			String dotsPerMeter = String.valueOf(Math.round(dpi / 0.0254));
			IIOMetadataNode physical = new IIOMetadataNode("pHYs");
			physical.setAttribute("pixelsPerUnitXAxis", dotsPerMeter);
			physical.setAttribute("pixelsPerUnitYAxis", dotsPerMeter);
			physical.setAttribute("unitSpecifier", "meter");
			IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
			root.appendChild(physical);
			metadata.mergeTree("javax_imageio_png_1.0", root);
			writer.write(null, new IIOImage(image, null, metadata), param);
		}
		finally {
			writer.dispose();
		}
	}

	/** The page images in a PDF with no text layer, as a scanner would produce it. */
	public static byte[] scannedPdf(List<BufferedImage> pages, int dpi) {
		try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (BufferedImage image : pages) {
				PDRectangle size = new PDRectangle(image.getWidth() * 72f / dpi, image.getHeight() * 72f / dpi);
				PDPage page = new PDPage(size);
				pdf.addPage(page);
				PDImageXObject xobject = JPEGFactory.createFromImage(pdf, image, 0.8f, dpi);
				try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
					content.drawImage(xobject, 0, 0, size.getWidth(), size.getHeight());
				}
			}
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write scanned PDF", ex);
		}
	}

	public static void writeTiff(List<BufferedImage> pages, Path file) throws IOException {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
		if (!writers.hasNext()) {
			throw new IOException("this JDK has no TIFF writer; use Java 9 or later");
		}
		ImageWriter writer = writers.next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionType("Deflate");
			writer.prepareWriteSequence(null);
			for (BufferedImage page : pages) {
				writer.writeToSequence(new IIOImage(page, null, null), param);
			}
			writer.endWriteSequence();
		}
		finally {
			writer.dispose();
		}
	}

	// ---- corpus on disk

	/** Writes everything but the TIFF files, which would only repeat the PNG pages. */
	public static List<Path> writeAll(Path directory, List<SyntheticDocument> documents) {
		return writeAll(directory, documents, EnumSet.complementOf(EnumSet.of(Output.TIFF)));
	}

	/**
	 * Writes each document's files into {@code directory}, plus an index; returns the
	 * files written.
	 */
	public static List<Path> writeAll(Path directory, List<SyntheticDocument> documents, Set<Output> outputs) {
		List<Path> written = new ArrayList<>();
		try {
			Files.createDirectories(directory);
			for (SyntheticDocument document : documents) {
				written.addAll(write(directory, document, outputs));
			}
			Path index = directory.resolve("index.json");
			Files.writeString(index, GroundTruthJson.index(documents), StandardCharsets.UTF_8);
			written.add(index);
			return written;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the corpus to " + directory, ex);
		}
	}

	static List<Path> write(Path directory, SyntheticDocument document, Set<Output> outputs) throws IOException {
		List<Path> written = new ArrayList<>();
		ScanSettings settings = ScanSettings.of(document);
		if (outputs.contains(Output.TEXT_PDF)) {
			written.add(Files.write(directory.resolve(document.id() + ".pdf"), textPdf(document)));
		}
		List<BufferedImage> images = (outputs.contains(Output.PNG) || outputs.contains(Output.SCANNED_PDF)
				|| outputs.contains(Output.TIFF)) ? scan(document) : List.of();
		if (outputs.contains(Output.PNG)) {
			for (int i = 0; i < images.size(); i++) {
				Path png = directory.resolve(pngName(document, i + 1));
				try (OutputStream out = Files.newOutputStream(png)) {
					writePng(images.get(i), settings.dpi(), out);
				}
				written.add(png);
			}
		}
		if (outputs.contains(Output.SCANNED_PDF)) {
			written
				.add(Files.write(directory.resolve(document.id() + ".scan.pdf"), scannedPdf(images, settings.dpi())));
		}
		if (outputs.contains(Output.TIFF)) {
			Path tiff = directory.resolve(document.id() + ".tif");
			writeTiff(images, tiff);
			written.add(tiff);
		}
		if (outputs.contains(Output.GROUND_TRUTH)) {
			Path json = directory.resolve(document.id() + ".json");
			Files.writeString(json, GroundTruthJson.document(document, settings), StandardCharsets.UTF_8);
			written.add(json);
		}
		return written;
	}

	public static String pngName(SyntheticDocument document, int page) {
		return document.id() + "-p" + page + ".png";
	}

}
