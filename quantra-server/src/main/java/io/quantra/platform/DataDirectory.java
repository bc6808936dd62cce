package io.quantra.platform;

import java.nio.file.Path;

/**
 * The absolute directory where this node keeps its files: the embedded database, blobs,
 * the TLS key store and first-start secrets ({@code QUANTRA_DATA_DIR}, default
 * {@code ./data}).
 */
public record DataDirectory(Path path) {

	public DataDirectory {
		path = path.toAbsolutePath().normalize();
	}

	public Path resolve(String name) {
		return this.path.resolve(name);
	}

}
