package io.quantra.plugins.builtin;

import java.util.List;

import io.quantra.plugins.NodeType;

import org.springframework.stereotype.Component;

/**
 * {@code file_upload}: documents uploaded to the project, filtered by extension.
 */
@Component
class FileUploadPlugin extends BuiltInPlugin {

	FileUploadPlugin() {
		super("file_upload", NodeType.DATASOURCE, "Upload Documents",
				"Feeds the pipeline with documents uploaded to the project, such as PDF and Word files.", List.of(),
				List.of("object"));
	}

}
