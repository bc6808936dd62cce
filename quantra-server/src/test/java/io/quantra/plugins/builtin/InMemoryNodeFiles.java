package io.quantra.plugins.builtin;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quantra.plugins.NodeFiles;

/**
 * The documents of a test, held in memory: enough of {@link NodeFiles} for plugins to
 * find and open what a {@code file_upload} node would hand them.
 */
class InMemoryNodeFiles implements NodeFiles {

	private final Map<String, byte[]> contents = new LinkedHashMap<>();

	private final Map<String, StoredFile> files = new LinkedHashMap<>();

	/** Adds a document to project {@code projectId}, returning it as stored. */
	StoredFile add(long projectId, String filename, String mediaType, byte[] content) {
		String id = UUID.randomUUID().toString();
		StoredFile file = new StoredFile(id, projectId, 1, null, filename, mediaType, content.length,
				HexFormat.of().formatHex(new byte[32]), Instant.now());
		this.files.put(id, file);
		this.contents.put(id, content);
		return file;
	}

	@Override
	public Optional<StoredFile> find(long projectId, String fileId) {
		return Optional.ofNullable(this.files.get(fileId)).filter((file) -> file.projectId() == projectId);
	}

	@Override
	public InputStream open(StoredFile file) {
		return new ByteArrayInputStream(this.contents.get(file.fileId()));
	}

	@Override
	public StoredFile store(long projectId, long nodeId, String runId, String filename, InputStream content,
			List<String> acceptedTypes, long maxBytes) {
		throw new UnsupportedOperationException("tests add files with add()");
	}

	@Override
	public List<StoredFile> list(long projectId, long nodeId) {
		return this.files.values().stream().filter((file) -> file.projectId() == projectId).toList();
	}

	@Override
	public List<StoredFile> listForRun(long projectId, long nodeId, String runId) {
		return List.of();
	}

	@Override
	public boolean delete(long projectId, long nodeId, String fileId) {
		return this.files.remove(fileId) != null;
	}

	@Override
	public void deleteAll(long projectId, long nodeId) {
		this.files.values().removeIf((file) -> file.projectId() == projectId && file.nodeId() == nodeId);
	}

	@Override
	public void deleteRunFiles(long projectId, String runId) {
		this.files.values().removeIf((file) -> file.projectId() == projectId && runId.equals(file.runId()));
	}

	@Override
	public UploadRules rules(tools.jackson.databind.JsonNode nodeConfig) {
		throw new UnsupportedOperationException("tests add files with add()");
	}

}
