package io.quantra.plugins.files;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How documents come into the server.
 *
 * @param maxUploadSize the largest file a node accepts when its configuration sets no
 * {@code max_file_size_mb} ({@code QUANTRA_FILES_MAX_UPLOAD_SIZE}, 100 MB)
 * @param sourceRoots the server folders a node's {@code source_path} may read below
 * ({@code QUANTRA_FILES_SOURCE_ROOTS}, comma-separated); none by default, so no node
 * reads the server's disk until an administrator allows a folder
 */
@ConfigurationProperties("quantra.files")
public record FileSettings(DataSize maxUploadSize, List<String> sourceRoots) {

	public FileSettings {
		maxUploadSize = (maxUploadSize != null) ? maxUploadSize : DataSize.ofMegabytes(100);
		sourceRoots = (sourceRoots != null)
				? sourceRoots.stream().map(String::trim).filter((r) -> !r.isEmpty()).toList() : List.of();
	}

}
