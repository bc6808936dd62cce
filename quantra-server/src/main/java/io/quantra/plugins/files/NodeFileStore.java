package io.quantra.plugins.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quantra.platform.ApiException;
import io.quantra.platform.BlobStore;
import io.quantra.platform.ErrorCode;
import io.quantra.plugins.NodeFiles;
import io.quantra.projects.ProjectDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * The {@link NodeFiles} of this server: rows in {@code node_files}, bytes in the blob
 * store under {@code projects/<project>/nodes/<node>/<file id>}. An upload is checked by
 * extension before anything is written, counted while it streams into the blob store
 * (stopped at the node's limit), and sniffed once it is in; a refused one is deleted
 * before its row would be written.
 */
@Service
class NodeFileStore implements NodeFiles {

	static final List<String> DEFAULT_TYPES = List.of(".pdf", ".docx");

	private static final Logger log = LoggerFactory.getLogger(NodeFileStore.class);

	private final NodeFileRepository files;

	private final BlobStore blobs;

	private final FileSettings settings;

	private final Clock clock;

	private final ContentSniffer sniffer = new ContentSniffer();

	NodeFileStore(NodeFileRepository files, BlobStore blobs, FileSettings settings, Clock clock) {
		this.files = files;
		this.blobs = blobs;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public StoredFile store(long projectId, long nodeId, String runId, String filename, InputStream content,
			List<String> acceptedTypes, long maxBytes) throws IOException {
		String name = UploadName.clean(filename);
		String extension = UploadName.extension(name);
		List<String> accepted = acceptedTypes.stream().map((t) -> t.toLowerCase(Locale.ROOT)).toList();
		if (!accepted.contains(extension)) {
			throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
					"'" + name + "' is not among the types this node accepts (" + String.join(", ", accepted)
							+ "); add its extension to the node's accepted_types or send another file.");
		}
		String fileId = UUID.randomUUID().toString();
		String key = key(projectId, nodeId, fileId);
		MeteredStream metered = new MeteredStream(content, maxBytes);
		BlobStore.Blob blob;
		try {
			blob = this.blobs.put(key, metered);
		}
		catch (UploadTooLarge ex) {
			this.blobs.delete(key);
			throw tooLarge(name, maxBytes);
		}
		try {
			if (blob.size() == 0) {
				throw ApiException.badRequest("'" + name + "' is empty; send a file with content.");
			}
			String mediaType = this.sniffer.mediaType(name, metered.head(),
					() -> this.blobs.open(key).orElseThrow(() -> new IOException("blob " + key + " vanished")));
			StoredFile file = new StoredFile(fileId, projectId, nodeId, runId, name, mediaType, blob.size(),
					blob.sha256(), this.clock.instant().truncatedTo(ChronoUnit.MICROS));
			this.files.insert(file);
			forgetOnRollback(key);
			return file;
		}
		catch (IOException | RuntimeException ex) {
			this.blobs.delete(key);
			throw ex;
		}
	}

	@Override
	public List<StoredFile> list(long projectId, long nodeId) {
		return this.files.ofNode(projectId, nodeId);
	}

	@Override
	public List<StoredFile> listForRun(long projectId, long nodeId, String runId) {
		return this.files.ofRun(projectId, nodeId, runId);
	}

	@Override
	public Optional<StoredFile> find(long projectId, String fileId) {
		if (fileId == null || fileId.length() != 36) {
			return Optional.empty();
		}
		return this.files.find(projectId, fileId);
	}

	@Override
	public InputStream open(StoredFile file) throws IOException {
		String key = key(file.projectId(), file.nodeId(), file.fileId());
		return this.blobs.open(key)
			.orElseThrow(() -> new java.io.FileNotFoundException("The bytes of file " + file.fileId() + " are gone"));
	}

	@Override
	public boolean delete(long projectId, long nodeId, String fileId) throws IOException {
		if (fileId == null || fileId.length() != 36 || !this.files.delete(projectId, nodeId, fileId)) {
			return false;
		}
		afterCommit(key(projectId, nodeId, fileId), false);
		return true;
	}

	@Override
	public void deleteAll(long projectId, long nodeId) throws IOException {
		this.files.deleteNode(projectId, nodeId);
		afterCommit("projects/" + projectId + "/nodes/" + nodeId, true);
	}

	/**
	 * Bytes go first: a crash in between leaves rows without bytes, never orphaned bytes.
	 */
	@Override
	public void deleteRunFiles(long projectId, String runId) throws IOException {
		for (StoredFile file : this.files.ofRun(projectId, runId)) {
			this.blobs.delete(key(projectId, file.nodeId(), file.fileId()));
		}
		this.files.deleteRun(projectId, runId);
	}

	@Override
	public UploadRules rules(JsonNode nodeConfig) {
		JsonNode types = (nodeConfig != null) ? nodeConfig.path("accepted_types") : null;
		List<String> accepted = (types != null && types.isArray() && !types.isEmpty())
				? types.valueStream().map((t) -> t.asString().toLowerCase(Locale.ROOT)).distinct().toList()
				: DEFAULT_TYPES;
		JsonNode megabytes = (nodeConfig != null) ? nodeConfig.path("max_file_size_mb") : null;
		long maxBytes = (megabytes != null && megabytes.isIntegralNumber() && megabytes.asLong() > 0)
				? DataSize.ofMegabytes(megabytes.asLong()).toBytes() : this.settings.maxUploadSize().toBytes();
		return new UploadRules(accepted, maxBytes);
	}

	/**
	 * A deleted project's files go with its rows; the project's blobs go after commit.
	 */
	@EventListener
	void on(ProjectDeleted event) {
		this.files.deleteProject(event.projectId());
	}

	static String key(long projectId, long nodeId, String fileId) {
		return "projects/" + projectId + "/nodes/" + nodeId + "/" + fileId;
	}

	/** A file stored within a transaction that rolls back leaves no bytes either. */
	private void forgetOnRollback(String key) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					try {
						NodeFileStore.this.blobs.delete(key);
					}
					catch (IOException | RuntimeException ex) {
						log.warn("A rolled-back file left bytes behind: {}", ex.getClass().getSimpleName());
					}
				}
			}
		});
	}

	/** Bytes go once the rows are gone for good: a rollback keeps both. */
	private void afterCommit(String key, boolean prefix) throws IOException {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			deleteBlobs(key, prefix);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				try {
					deleteBlobs(key, prefix);
				}
				catch (IOException | RuntimeException ex) {
					log.warn("Deleted node files left bytes behind: {}", ex.getClass().getSimpleName());
				}
			}
		});
	}

	private void deleteBlobs(String key, boolean prefix) throws IOException {
		if (prefix) {
			this.blobs.deleteAll(key);
		}
		else {
			this.blobs.delete(key);
		}
	}

	private static ApiException tooLarge(String name, long maxBytes) {
		return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE,
				"'" + name + "' is larger than this node's limit of " + megabytes(maxBytes)
						+ "; raise the node's max_file_size_mb or send a smaller file.",
				Map.of("max_bytes", maxBytes));
	}

	static String megabytes(long bytes) {
		long mb = DataSize.ofBytes(bytes).toMegabytes();
		return (mb > 0 && DataSize.ofMegabytes(mb).toBytes() == bytes) ? mb + " MB" : bytes + " bytes";
	}

	/**
	 * Counts the bytes read, stops past the limit, and keeps the first ones for sniffing.
	 */
	private static final class MeteredStream extends FilterInputStream {

		private final long limit;

		private final byte[] head = new byte[ContentSniffer.HEAD_BYTES];

		private int headLength;

		private long count;

		MeteredStream(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b != -1) {
				if (this.headLength < this.head.length) {
					this.head[this.headLength++] = (byte) b;
				}
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				int copy = Math.min(n, this.head.length - this.headLength);
				if (copy > 0) {
					System.arraycopy(buffer, offset, this.head, this.headLength, copy);
					this.headLength += copy;
				}
				counted(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			throw new IOException("An upload is read whole");
		}

		private void counted(int n) throws UploadTooLarge {
			this.count += n;
			if (this.count > this.limit) {
				throw new UploadTooLarge();
			}
		}

		byte[] head() {
			return Arrays.copyOf(this.head, this.headLength);
		}

	}

	/** An upload grew past its limit while it was read. */
	private static final class UploadTooLarge extends IOException {

		UploadTooLarge() {
			super("The upload is larger than its limit");
		}

	}

}
