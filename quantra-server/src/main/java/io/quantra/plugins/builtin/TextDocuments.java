package io.quantra.plugins.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.PluginFailure;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Reads the text of documents that carry it: the text layer of PDFs page by page, Word
 * documents, and text files (plain, Markdown, CSV).
 *
 * <p>
 * A Word document has no pages of its own — they only exist once a word processor lays it
 * out — so it is read as one page with {@code total_pages} 1, its tables included.
 * Splitting at explicit page breaks would pretend to a pagination most documents do not
 * declare.
 */
final class TextDocuments {

	private TextDocuments() {
	}

	/**
	 * Sets POI's zip-bomb guards for every DOCX this server opens. They are process-wide
	 * in POI, so they come from the server's limits, not a node's.
	 */
	static void guardZipFiles(DocumentLimits limits) {
		ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
		ZipSecureFile.setMaxEntrySize(limits.maxZipEntrySize().toBytes());
		ZipSecureFile.setMaxTextSize(limits.maxTextSize().toBytes());
	}

	/**
	 * The document, or null when it is not of a kind that carries text.
	 */
	static PagedDocument open(StoredFile file, DocumentFormat format, Path copy, DocumentLimits limits,
			DocumentWorkspace workspace) throws IOException, PluginFailure {
		return switch (format) {
			case PDF -> textLayer(PdfDocuments.open(file, copy, limits, workspace));
			case DOCX -> PagedDocument.ofText(docx(file, copy));
			case TEXT -> PagedDocument.ofText(plain(file, copy, limits));
			default -> null;
		};
	}

	private static PagedDocument textLayer(PDDocument pdf) {
		return new PagedDocument() {

			@Override
			public int pages() {
				return pdf.getNumberOfPages();
			}

			@Override
			public Page page(int number) throws IOException {
				return new Page(PdfDocuments.text(pdf, number), "text_layer");
			}

			@Override
			public void close() throws IOException {
				pdf.close();
			}

		};
	}

	static String docx(StoredFile file, Path copy) throws IOException, PluginFailure {
		try (OPCPackage pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ);
				XWPFDocument document = new XWPFDocument(pkg);
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			return extractor.getText().strip();
		}
		catch (Exception ex) {
			if (zipBomb(ex)) {
				throw DocumentPlugin.rejected(file,
						"expands far beyond its size when unpacked (a zip bomb); " + "it was not read.");
			}
			if (ex instanceof PluginFailure failure) {
				throw failure;
			}
			if (ex instanceof IOException io) {
				throw io;
			}
			throw new IOException("Not a readable Word document", ex);
		}
	}

	/** Decoded as UTF-8, a byte-order mark dropped, malformed bytes replaced. */
	static String plain(StoredFile file, Path copy, DocumentLimits limits) throws IOException, PluginFailure {
		long size = Files.size(copy);
		if (size > limits.maxTextSize().toBytes()) {
			throw DocumentPlugin.rejected(file, "is a text file of " + size + " bytes, more than the "
					+ limits.maxTextSize().toBytes() + " allowed (quantra.documents.max-text-size).");
		}
		try (InputStream in = Files.newInputStream(copy);
				Reader reader = new InputStreamReader(in,
						StandardCharsets.UTF_8.newDecoder()
							.onMalformedInput(CodingErrorAction.REPLACE)
							.onUnmappableCharacter(CodingErrorAction.REPLACE))) {
			StringBuilder text = new StringBuilder((int) size);
			char[] buffer = new char[8192];
			for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
				text.append(buffer, 0, read);
			}
			if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
				text.deleteCharAt(0);
			}
			return text.toString();
		}
	}

	private static boolean zipBomb(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
			if (message.contains("zip bomb") || message.contains("max entry size") || message.contains("inflate ratio")
					|| message.contains("maxtextsize") || message.contains("max text size")) {
				return true;
			}
		}
		return false;
	}

}
