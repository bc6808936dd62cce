package io.quantra.plugins.builtin;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.PluginFailure;

/**
 * The images of an image file — one for PNG and JPEG, one per page for a multi-page TIFF
 * — read through Java's Image I/O. Their count and dimensions come from the file's
 * headers when it is opened, so an image too large to decode safely is rejected before a
 * single pixel is decoded.
 */
final class ImagePages implements AutoCloseable {

	private final ImageInputStream stream;

	private final ImageReader reader;

	private final int count;

	private final Path source;

	private ImagePages(ImageInputStream stream, ImageReader reader, int count, Path source) {
		this.stream = stream;
		this.reader = reader;
		this.count = count;
		this.source = source;
	}

	static ImagePages open(StoredFile file, Path copy, DocumentLimits limits) throws IOException, PluginFailure {
		ImageInputStream stream = ImageIO.createImageInputStream(copy.toFile());
		if (stream == null) {
			throw new IOException("No image input stream");
		}
		try {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
			if (!readers.hasNext()) {
				throw DocumentPlugin.rejected(file,
						"is not an image this server can read; upload PNG, JPEG, TIFF, BMP or GIF.");
			}
			ImageReader reader = readers.next();
			// random access (TIFF pages), metadata ignored: only headers and pixels are
			// read
			reader.setInput(stream, false, true);
			int count = reader.getNumImages(true);
			if (count < 1) {
				throw DocumentPlugin.rejected(file, "is an image file without any image: it is damaged or truncated.");
			}
			if (count > limits.maxPages()) {
				throw DocumentPlugin.rejected(file,
						"has " + count + " pages, more than the " + limits.maxPages() + " allowed (max_pages).");
			}
			for (int index = 0; index < count; index++) {
				long width = reader.getWidth(index);
				long height = reader.getHeight(index);
				if (width * height > limits.maxPixels()) {
					throw DocumentPlugin.rejected(file,
							"has an image of " + width + " × " + height + " pixels"
									+ ((count > 1) ? " on page " + (index + 1) : "") + ", more than the "
									+ limits.maxPixels() + " pixels allowed (max_pixels).");
				}
			}
			return new ImagePages(stream, reader, count, copy);
		}
		catch (PluginFailure | IOException | RuntimeException ex) {
			stream.close();
			throw ex;
		}
	}

	int count() {
		return this.count;
	}

	/**
	 * The file of a single image, within the limits checked, for Tesseract to read as it
	 * is; null for a file of several pages.
	 */
	Path single() {
		return (this.count == 1) ? this.source : null;
	}

	/** Decodes image {@code number}, counted from 1. */
	BufferedImage read(int number) throws IOException {
		return this.reader.read(number - 1);
	}

	@Override
	public void close() throws IOException {
		this.reader.dispose();
		this.stream.close();
	}

}
