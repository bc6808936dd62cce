package io.quantra.pipelines;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.quantra.pipelines.CanvasRepository.StoredNode;
import io.quantra.platform.ApiException;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.plugins.NodeFiles;
import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.NodeFiles.UploadRules;
import io.quantra.projects.ProjectAccess;
import io.quantra.projects.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The documents of {@code file_upload} nodes: who may add, see and remove them, and the
 * node's rules for what it accepts. The caller's role is checked before any byte of an
 * upload is read.
 */
@Service
class NodeUploads {

	static final String FILE_UPLOAD = "file_upload";

	private static final Logger log = LoggerFactory.getLogger(NodeUploads.class);

	private final CanvasRepository canvas;

	private final ProjectAccess access;

	private final NodeFiles files;

	NodeUploads(CanvasRepository canvas, ProjectAccess access, NodeFiles files) {
		this.canvas = canvas;
		this.access = access;
		this.files = files;
	}

	/**
	 * The {@code file_upload} node the caller may act on with {@code role}.
	 * @throws ApiException 404 when the project or node is not the caller's to see, 403
	 * without the role, 400 when the node is of another plugin
	 */
	StoredNode requireNode(CurrentUser caller, long projectId, long nodeId, Role role) {
		this.access.require(caller, projectId, role);
		StoredNode node = this.canvas.findNode(nodeId)
			.filter((n) -> n.projectId() == projectId)
			.orElseThrow(() -> ApiException.notFound("No node " + nodeId + " in project " + projectId + "."));
		if (!FILE_UPLOAD.equals(node.pluginId())) {
			throw ApiException.badRequest("Node " + nodeId + " is a " + node.pluginId()
					+ " node; files can only be uploaded to file_upload nodes.");
		}
		return node;
	}

	/**
	 * Stores the uploads, all or none: when one is refused, those stored before it are
	 * removed again.
	 */
	List<StoredFile> store(StoredNode node, List<Upload> uploads) throws IOException {
		if (uploads.isEmpty()) {
			throw ApiException.badRequest("Send one or more files as multipart/form-data parts named 'file'.");
		}
		UploadRules rules = this.files.rules(node.config());
		List<StoredFile> stored = new ArrayList<>();
		try {
			for (Upload upload : uploads) {
				if (upload.size() > rules.maxBytes()) {
					throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "A file is larger than this node's limit of "
							+ limit(rules.maxBytes()) + "; raise the node's max_file_size_mb or send a smaller file.");
				}
				try (InputStream in = upload.content().open()) {
					stored.add(this.files.store(node.projectId(), node.id(), null, upload.filename(), in,
							rules.acceptedTypes(), rules.maxBytes()));
				}
			}
			return stored;
		}
		catch (IOException | RuntimeException ex) {
			for (StoredFile file : stored) {
				try {
					this.files.delete(file.projectId(), file.nodeId(), file.fileId());
				}
				catch (IOException | RuntimeException cleanup) {
					log.warn("A refused upload left a file behind: {}", cleanup.getClass().getSimpleName());
				}
			}
			throw ex;
		}
	}

	private static String limit(long bytes) {
		return (bytes % (1024 * 1024) == 0) ? (bytes / (1024 * 1024)) + " MB" : bytes + " bytes";
	}

	List<StoredFile> list(StoredNode node) {
		return this.files.list(node.projectId(), node.id());
	}

	void delete(StoredNode node, String fileId) throws IOException {
		boolean own = this.files.find(node.projectId(), fileId)
			.filter((f) -> f.nodeId() == node.id() && f.runId() == null)
			.isPresent();
		if (!own || !this.files.delete(node.projectId(), node.id(), fileId)) {
			throw ApiException.notFound("No file " + fileId + " on node " + node.id() + ".");
		}
	}

	/** Removes the documents of a node leaving the canvas. */
	void nodeDeleted(StoredNode node) {
		if (!FILE_UPLOAD.equals(node.pluginId())) {
			return;
		}
		try {
			this.files.deleteAll(node.projectId(), node.id());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("The files of deleted node {} could not all be removed: {}", node.id(),
					ex.getClass().getSimpleName());
		}
	}

	/**
	 * One file of a request.
	 */
	record Upload(String filename, long size, Content content) {
	}

	/** Opens an upload's bytes, already spooled to disk by the servlet container. */
	@FunctionalInterface
	interface Content {

		InputStream open() throws IOException;

	}

}
