package io.quantra.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where every uploaded or produced file lives. Keys are relative paths of safe segments
 * ({@code projects/12/uploads/invoice.pdf}); a blob is either stored whole or not at all.
 */
public interface BlobStore {

	/**
	 * Stores {@code content} under {@code key}, replacing any blob already there.
	 * @throws IllegalArgumentException if the key is not a safe relative path
	 */
	Blob put(String key, InputStream content) throws IOException;

	/**
	 * Opens the blob for reading; the caller closes the stream.
	 */
	Optional<InputStream> open(String key) throws IOException;

	/**
	 * The size in bytes of the blob, if it exists.
	 */
	Optional<Long> size(String key) throws IOException;

	/**
	 * Deletes one blob; returns whether it existed.
	 */
	boolean delete(String key) throws IOException;

	/**
	 * Deletes every blob whose key starts with {@code prefix/}, e.g. all of a project's
	 * files.
	 */
	void deleteAll(String prefix) throws IOException;

	/**
	 * A blob as stored: its key, size in bytes and SHA-256 digest (lower-case hex).
	 */
	record Blob(String key, long size, String sha256) {
	}

}
