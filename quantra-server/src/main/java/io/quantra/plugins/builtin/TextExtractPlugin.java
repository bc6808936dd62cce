package io.quantra.plugins.builtin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import io.quantra.platform.DataDirectory;
import io.quantra.plugins.NodeFiles;
import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.PluginFailure;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code text_extract}: the text of uploaded documents, one frame per page — the text
 * layer of PDFs, Word documents (one page each, see {@link TextDocuments}), and text,
 * Markdown and CSV files. Scanned pages and images are the {@code ocr_tool}'s work.
 */
@Component
class TextExtractPlugin extends DocumentPlugin {

	@Autowired
	TextExtractPlugin(ObjectProvider<NodeFiles> files, DocumentLimits limits, DataDirectory data) {
		this(files::getIfAvailable, limits, data.resolve("tmp/documents"));
	}

	TextExtractPlugin(Supplier<NodeFiles> files, DocumentLimits limits, Path workRoot) {
		super("text_extract", "Extract Text",
				"Extracts the text of PDF, Word, text, Markdown and CSV documents, one frame per page.", null, files,
				limits, workRoot);
		TextDocuments.guardZipFiles(limits);
	}

	@Override
	PagedDocument open(StoredFile file, DocumentFormat format, Path copy, DocumentLimits limits,
			DocumentWorkspace workspace, JsonNode config) throws IOException, PluginFailure {
		PagedDocument document = TextDocuments.open(file, format, copy, limits, workspace);
		if (document == null) {
			throw DocumentPlugin.rejected(file,
					"is " + ((format == DocumentFormat.IMAGE) ? "an image" : "of type " + file.mediaType())
							+ ", which has no text to extract"
							+ ((format == DocumentFormat.IMAGE) ? "; recognise it with an OCR node." : "."));
		}
		return document;
	}

	@Override
	public boolean idempotent() {
		return true;
	}

}
