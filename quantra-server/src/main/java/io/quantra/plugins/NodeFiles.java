package io.quantra.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The documents uploaded to a {@code file_upload} node, kept in the blob store. Callers
 * have checked the caller's access to the project; every method is scoped to one project,
 * so a file id of another project is simply not found.
 */
public interface NodeFiles {

	/**
	 * Streams an upload to the blob store, never holding it whole in memory, and records
	 * it. The content is refused when its extension is not among {@code acceptedTypes},
	 * when its bytes are not of the type its extension claims (415
	 * {@code UNSUPPORTED_MEDIA_TYPE}), or when it grows past {@code maxBytes} (413
	 * {@code PAYLOAD_TOO_LARGE}); nothing of a refused upload stays behind.
	 * @param runId the run the file is an input of, or null for a file of the node
	 * @throws io.quantra.platform.ApiException 400, 413 or 415 as described
	 */
	StoredFile store(long projectId, long nodeId, String runId, String filename, InputStream content,
			List<String> acceptedTypes, long maxBytes) throws IOException;

	/** The files of a node (not those given to single runs), oldest first. */
	List<StoredFile> list(long projectId, long nodeId);

	/** The files given to one run for the node, oldest first. */
	List<StoredFile> listForRun(long projectId, long nodeId, String runId);

	/** A file of the project. */
	Optional<StoredFile> find(long projectId, String fileId);

	/** Opens a file's bytes; the caller closes the stream. */
	InputStream open(StoredFile file) throws IOException;

	/** Deletes a file of the node; false when there was none. */
	boolean delete(long projectId, long nodeId, String fileId) throws IOException;

	/**
	 * Deletes every file of a node, those given to its runs included, when the node
	 * leaves the canvas. Rows go with the caller's transaction, bytes once it commits.
	 */
	void deleteAll(long projectId, long nodeId) throws IOException;

	/**
	 * Deletes the files given to one run, when the run itself is deleted.
	 */
	void deleteRunFiles(long projectId, String runId) throws IOException;

	/**
	 * What a {@code file_upload} node with this configuration accepts: its
	 * {@code accepted_types} (default {@code .pdf} and {@code .docx}) and its size limit
	 * ({@code max_file_size_mb}, else the server's
	 * {@code quantra.files.max-upload-size}).
	 */
	UploadRules rules(JsonNode nodeConfig);

	/**
	 * The limits of one node's uploads.
	 *
	 * @param acceptedTypes extensions accepted, lower case, with their dot
	 * @param maxBytes the largest file accepted, in bytes
	 */
	record UploadRules(List<String> acceptedTypes, long maxBytes) {

		public UploadRules {
			acceptedTypes = List.copyOf(acceptedTypes);
		}

	}

	/**
	 * One stored document.
	 *
	 * @param fileId its id, a UUID
	 * @param filename the name it was uploaded under, without any directory
	 * @param mediaType the type its content was recognised as, such as
	 * {@code application/pdf}
	 * @param size its size in bytes
	 * @param sha256 the SHA-256 of its content, lower-case hex
	 */
	record StoredFile(String fileId, long projectId, long nodeId, String runId, String filename, String mediaType,
			long size, String sha256, Instant createdAt) {
	}

}
