package io.quantra.plugins.builtin;

import java.util.List;

import io.quantra.plugins.NodeType;

import org.springframework.stereotype.Component;

/**
 * {@code ocr_tool}: text recognised in scanned pages and images.
 */
@Component
class OcrToolPlugin extends BuiltInPlugin {

	OcrToolPlugin() {
		super("ocr_tool", NodeType.TOOL, "OCR Extraction",
				"Recognises the text of scanned pages and images, page by page.", List.of("object"), List.of("object"));
	}

}
