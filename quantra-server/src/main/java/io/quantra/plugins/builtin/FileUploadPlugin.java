package io.quantra.plugins.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.quantra.platform.ApiException;
import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.Frame;
import io.quantra.plugins.NodeFiles;
import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.NodeFiles.UploadRules;
import io.quantra.plugins.NodeType;
import io.quantra.plugins.PluginContext;
import io.quantra.plugins.PluginFailure;
import io.quantra.plugins.files.SourceFolders;
import io.quantra.plugins.files.SourceFolders.SourceFile;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * {@code file_upload}: documents uploaded to the node, or given to the run, filtered by
 * extension and checked by content. With {@code source_path} it reads a server folder an
 * administrator allowed, keeping a copy of each file with the run so that later nodes
 * open every document the same way: {@link NodeFiles#find} and {@link NodeFiles#open}.
 */
@Component
class FileUploadPlugin extends BuiltInPlugin implements ExecutablePlugin {

	private final NodeFiles files;

	private final SourceFolders folders;

	FileUploadPlugin(NodeFiles files, SourceFolders folders) {
		super("file_upload", NodeType.DATASOURCE, "Upload Documents",
				"Feeds the pipeline with documents uploaded to the node (POST /projects/{id}/nodes/{nodeId}/files) "
						+ "or given to the run, such as PDF and Word files.",
				List.of(), List.of("object"));
		this.files = files;
		this.folders = folders;
	}

	/**
	 * One item per document: the files given to this run when there are any, otherwise
	 * the node's own uploads.
	 */
	@Override
	public Frame run(PluginContext context) throws Exception {
		long projectId = context.projectId();
		long nodeId = context.nodeId();
		String sourcePath = context.config().path("source_path").asString("");
		if (!sourcePath.isBlank()) {
			copySourceFiles(context, sourcePath);
		}
		List<StoredFile> documents = this.files.listForRun(projectId, nodeId, context.runId());
		if (documents.isEmpty()) {
			documents = this.files.list(projectId, nodeId);
		}
		return Frame.of(documents.stream().map(FileUploadPlugin::item).toList());
	}

	@Override
	public boolean idempotent() {
		return true;
	}

	/** Copies the files of {@code source_path} to the run, once each when run again. */
	private void copySourceFiles(PluginContext context, String sourcePath) throws PluginFailure, IOException {
		UploadRules rules = this.files.rules(context.config());
		List<SourceFile> sources = this.folders.resolve(sourcePath, rules.acceptedTypes());
		List<StoredFile> copied = this.files.listForRun(context.projectId(), context.nodeId(), context.runId());
		int done = 0;
		for (SourceFile source : sources) {
			if (source.size() > rules.maxBytes()) {
				throw new PluginFailure(PluginFailure.DOCUMENT_REJECTED, "'" + source.name()
						+ "' in source_path is larger than this node's limit; raise max_file_size_mb.", false);
			}
			String sha256 = sha256(source);
			boolean present = copied.stream()
				.anyMatch((f) -> f.filename().equals(source.name()) && f.sha256().equals(sha256));
			if (!present) {
				try (InputStream in = source.open()) {
					this.files.store(context.projectId(), context.nodeId(), context.runId(), source.name(), in,
							rules.acceptedTypes(), rules.maxBytes());
				}
				catch (ApiException ex) {
					throw new PluginFailure(PluginFailure.DOCUMENT_REJECTED, ex.getMessage(), false);
				}
			}
			context.progress().report(++done, sources.size(), "files");
		}
	}

	private static String sha256(SourceFile source) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (InputStream in = new DigestInputStream(source.open(), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static Frame.Item item(StoredFile file) {
		ObjectNode meta = JsonNodeFactory.instance.objectNode()
			.put("filename", file.filename())
			.put("file_id", file.fileId())
			.put("media_type", file.mediaType())
			.put("size", file.size())
			.put("sha256", file.sha256());
		ObjectNode content = JsonNodeFactory.instance.objectNode()
			.put("file_id", file.fileId())
			.put("media_type", file.mediaType());
		return new Frame.Item(meta, content);
	}

}
