package io.quantra.plugins.builtin;

import java.util.Locale;

import io.quantra.plugins.NodeFiles.StoredFile;

/**
 * The kinds of documents the extraction and OCR plugins tell apart, from the media type
 * the upload was recognised as, or else from the file's extension.
 */
enum DocumentFormat {

	PDF, DOCX, TEXT, IMAGE, OTHER;

	static DocumentFormat of(StoredFile file) {
		String type = (file.mediaType() != null) ? file.mediaType().toLowerCase(Locale.ROOT) : "";
		int parameters = type.indexOf(';');
		type = (parameters >= 0) ? type.substring(0, parameters).trim() : type;
		String name = (file.filename() != null) ? file.filename().toLowerCase(Locale.ROOT) : "";
		String extension = (name.lastIndexOf('.') >= 0) ? name.substring(name.lastIndexOf('.')) : "";
		if (type.equals("application/pdf")) {
			return PDF;
		}
		if (type.equals("application/vnd.openxmlformats-officedocument.wordprocessingml.document")) {
			return DOCX;
		}
		if (type.startsWith("text/") || type.equals("application/csv")) {
			return TEXT;
		}
		if (type.startsWith("image/")) {
			return IMAGE;
		}
		if (!type.isEmpty() && !type.equals("application/octet-stream") && !type.equals("application/x-tika-ooxml")
				&& !type.equals("application/zip")) {
			return OTHER;
		}
		return switch (extension) {
			case ".pdf" -> PDF;
			case ".docx" -> DOCX;
			case ".txt", ".text", ".md", ".markdown", ".csv", ".tsv" -> TEXT;
			case ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif" -> IMAGE;
			default -> OTHER;
		};
	}

}
