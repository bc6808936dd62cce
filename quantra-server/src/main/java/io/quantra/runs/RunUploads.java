package io.quantra.runs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quantra.pipelines.CanvasGraph;
import io.quantra.pipelines.ChainJson;
import io.quantra.pipelines.Pipelines;
import io.quantra.platform.ApiException;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.plugins.NodeFiles;
import io.quantra.plugins.NodeFiles.StoredFile;
import io.quantra.plugins.NodeFiles.UploadRules;
import io.quantra.projects.ProjectAccess;
import io.quantra.projects.Role;
import io.quantra.runs.RunRepository.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Runs started with documents: each file part is named after the {@code file_upload} node
 * it feeds ({@code node_12}) and stored under the run's id before the run starts. A
 * refused file (400, 413, 415) starts no run and leaves no file behind.
 */
@Service
class RunUploads {

	static final String FILE_UPLOAD = "file_upload";

	private static final Pattern NODE_KEY = Pattern.compile("node_(\\d{1,18})");

	private static final Logger log = LoggerFactory.getLogger(RunUploads.class);

	private final RunManagement runs;

	private final NodeFiles files;

	private final Pipelines pipelines;

	private final ProjectAccess access;

	private final JsonMapper json;

	RunUploads(RunManagement runs, NodeFiles files, Pipelines pipelines, ProjectAccess access, JsonMapper json) {
		this.runs = runs;
		this.files = files;
		this.pipelines = pipelines;
		this.access = access;
		this.json = json;
	}

	/**
	 * Starts a run of the project with the form {@code reader} reads, which is read only
	 * once the caller is known to be a runner of the project.
	 */
	Run start(CurrentUser caller, long projectId, FormReader reader, String trigger) throws IOException {
		this.access.require(caller, projectId, Role.RUNNER);
		Form form = reader.read();
		CanvasGraph graph = ChainJson.parse(this.json.valueToTree(this.pipelines.chain(projectId)));
		Map<CanvasGraph.Node, List<Upload>> byNode = new LinkedHashMap<>();
		form.files().forEach((part, uploads) -> byNode.put(fileUploadNode(graph, projectId, part), uploads));
		String runId = UUID.randomUUID().toString();
		List<StoredFile> stored = new ArrayList<>();
		try {
			for (Map.Entry<CanvasGraph.Node, List<Upload>> entry : byNode.entrySet()) {
				UploadRules rules = this.files.rules(entry.getKey().config());
				for (Upload upload : entry.getValue()) {
					if (upload.size() > rules.maxBytes()) {
						throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
								"A file for " + ChainJson.key(entry.getKey().id())
										+ " is larger than the node's limit of " + rules.maxBytes()
										+ " bytes; raise its max_file_size_mb or send a smaller file.");
					}
					try (InputStream in = upload.content().open()) {
						stored.add(this.files.store(projectId, entry.getKey().id(), runId, upload.filename(), in,
								rules.acceptedTypes(), rules.maxBytes()));
					}
				}
			}
			return this.runs.start(caller, projectId, form.inputs(), trigger, form.correlationId(), runId);
		}
		catch (IOException | RuntimeException ex) {
			forget(stored);
			throw ex;
		}
	}

	private static CanvasGraph.Node fileUploadNode(CanvasGraph graph, long projectId, String part) {
		var key = NODE_KEY.matcher(part);
		CanvasGraph.Node node = key.matches() ? graph.nodes().get(Long.parseLong(key.group(1))) : null;
		if (node == null || !FILE_UPLOAD.equals(node.pluginId())) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "The file part '" + part
					+ "' names no file_upload node of project " + projectId
					+ "; name each file part after the node it feeds, such as node_12, and send run inputs as a part named 'inputs'.");
		}
		return node;
	}

	private void forget(List<StoredFile> stored) {
		for (StoredFile file : stored) {
			try {
				this.files.delete(file.projectId(), file.nodeId(), file.fileId());
			}
			catch (IOException | RuntimeException ex) {
				log.warn("A run that did not start left a file behind: {}", ex.getClass().getSimpleName());
			}
		}
	}

	/** Reads the form of a request, once the caller may start the run. */
	@FunctionalInterface
	interface FormReader {

		Form read() throws IOException;

	}

	/**
	 * A run start as a form: the run's inputs, its correlation id, and the files by part
	 * name.
	 */
	record Form(JsonNode inputs, String correlationId, Map<String, List<Upload>> files) {
	}

	/**
	 * One file of the form, spooled to disk by the servlet container.
	 */
	record Upload(String filename, long size, Content content) {
	}

	/** Opens an upload's bytes. */
	@FunctionalInterface
	interface Content {

		InputStream open() throws IOException;

	}

}
