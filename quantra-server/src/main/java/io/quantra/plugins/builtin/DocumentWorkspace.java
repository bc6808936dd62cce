package io.quantra.plugins.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private directory of one node execution, for the copies of its documents, the pages
 * it renders and the temporary buffers of PDFBox, deleted with everything in it when the
 * node ends. It lives under the data directory rather than {@code /tmp}, which is often
 * memory-backed.
 */
final class DocumentWorkspace implements AutoCloseable {

	private final Path directory;

	private DocumentWorkspace(Path directory) {
		this.directory = directory;
	}

	/** A new directory, readable by this process's user only, under {@code root}. */
	static DocumentWorkspace create(Path root) throws IOException {
		Files.createDirectories(root);
		return new DocumentWorkspace(Files.createTempDirectory(root, "node-"));
	}

	Path directory() {
		return this.directory;
	}

	/** Streams {@code content} to a new file of the workspace, never holding it whole. */
	Path copy(InputStream content, String suffix) throws IOException {
		Path file = newFile(suffix);
		try (content) {
			Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
		}
		return file;
	}

	/** An empty new file of the workspace. */
	Path newFile(String suffix) throws IOException {
		return Files.createTempFile(this.directory, "f-", suffix);
	}

	@Override
	public void close() {
		try (Stream<Path> paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// best effort: what stays behind is deleted with the data directory's tmp
			// folder
		}
	}

}
