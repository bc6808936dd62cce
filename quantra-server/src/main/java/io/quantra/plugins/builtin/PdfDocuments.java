package io.quantra.plugins.builtin;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.PluginFailure;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Opens PDFs for reading page by page: from their file rather than from memory, with
 * PDFBox's buffers bounded in memory and spilling into the node's workspace, and with
 * encrypted, truncated and oversized documents rejected before any page is read.
 */
final class PdfDocuments {

	/** Main memory PDFBox may use for the streams of one document; more goes to disk. */
	private static final long MAIN_MEMORY_BYTES = 8L * 1024 * 1024;

	/** Readers tolerate {@code %%EOF} anywhere in the last kilobyte. */
	private static final int TRAILER_WINDOW = 1024;

	private PdfDocuments() {
	}

	static PDDocument open(StoredFile file, Path copy, DocumentLimits limits, DocumentWorkspace workspace)
			throws IOException, PluginFailure {
		if (!endsWithEof(copy)) {
			throw DocumentPlugin.rejected(file,
					"is a truncated PDF: it does not end with %%EOF. Upload the complete file again.");
		}
		PDDocument document;
		try {
			document = Loader.loadPDF(new RandomAccessReadBufferedFile(copy.toFile()), "",
					MemoryUsageSetting.setupMixed(MAIN_MEMORY_BYTES)
						.setTempDir(workspace.directory().toFile()).streamCache);
		}
		catch (InvalidPasswordException ex) {
			throw DocumentPlugin.rejected(file,
					"is an encrypted PDF that needs a password to open; " + "upload a copy without the password.");
		}
		try {
			int pages = document.getNumberOfPages();
			if (pages == 0) {
				throw DocumentPlugin.rejected(file, "is a PDF without pages: it is damaged or truncated.");
			}
			if (pages > limits.maxPages()) {
				throw DocumentPlugin.rejected(file, "has " + pages + " pages, more than the " + limits.maxPages()
						+ " allowed (max_pages); split it or raise the limit.");
			}
			return document;
		}
		catch (PluginFailure | RuntimeException ex) {
			document.close();
			throw ex;
		}
	}

	/** The text layer of page {@code number}, counted from 1. */
	static String text(PDDocument document, int number) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(true);
		stripper.setStartPage(number);
		stripper.setEndPage(number);
		stripper.setLineSeparator("\n");
		stripper.setPageEnd("");
		return stripper.getText(document).strip();
	}

	private static boolean endsWithEof(Path copy) throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "r")) {
			long length = file.length();
			int window = (int) Math.min(length, TRAILER_WINDOW);
			byte[] tail = new byte[window];
			file.seek(length - window);
			file.readFully(tail);
			return new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF");
		}
	}

}
