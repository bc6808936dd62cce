package io.quantra.pipelines;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.quantra.pipelines.CanvasRepository.NodeFields;
import io.quantra.pipelines.CanvasRepository.StoredEdge;
import io.quantra.pipelines.CanvasRepository.StoredNode;
import io.quantra.platform.ApiException;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.plugins.NodeType;
import io.quantra.plugins.PluginCatalog;
import io.quantra.plugins.PluginDescriptor;
import io.quantra.projects.ProjectAccess;
import io.quantra.projects.ProjectDeleted;
import io.quantra.projects.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the canvas: nodes name a registered plugin of their type with a
 * configuration its schema accepts; edges join two nodes of the same project, never a
 * node to itself, never twice, and never close a cycle of flow or interactive edges.
 * Graph changes of one project are serialized, and node edits carry a version so
 * concurrent editors cannot overwrite each other.
 */
@Service
class CanvasManagement {

	static final int MAX_LABEL = 200;

	static final int MAX_CONFIG_CHARS = 100_000;

	private final CanvasRepository canvas;

	private final ProjectAccess access;

	private final PluginCatalog plugins;

	private final NodeUploads uploads;

	CanvasManagement(CanvasRepository canvas, ProjectAccess access, PluginCatalog plugins, NodeUploads uploads) {
		this.canvas = canvas;
		this.uploads = uploads;
		this.access = access;
		this.plugins = plugins;
	}

	List<StoredNode> nodes(CurrentUser caller, long projectId) {
		this.access.require(caller, projectId, Role.VIEWER);
		return this.canvas.nodes(projectId);
	}

	List<StoredEdge> edges(CurrentUser caller, long projectId) {
		this.access.require(caller, projectId, Role.VIEWER);
		return this.canvas.edges(projectId);
	}

	@Transactional
	StoredNode addNode(CurrentUser caller, long projectId, NodeInput input) {
		this.access.require(caller, projectId, Role.EDITOR);
		NodeType type = NodeType.parse(input.nodeType())
			.orElseThrow(() -> invalid("node_type must be datasource, tool or workbench."));
		PluginDescriptor plugin = this.plugins.find(input.pluginId())
			.orElseThrow(() -> invalid(
					"plugin_id '" + input.pluginId() + "' names no registered plugin; see GET /plugins."));
		if (plugin.nodeType() != type) {
			throw invalid(
					"Plugin '" + plugin.id() + "' is a " + plugin.nodeType().value() + ", not a " + type.value() + ".");
		}
		JsonNode config = config(plugin.id(), input.config());
		String label = label((input.label() != null) ? input.label() : plugin.label());
		this.canvas.lockAndAdvance(projectId);
		return this.canvas.insertNode(projectId,
				new NodeFields(type.value(), plugin.id(), label, position(input.x()), position(input.y()), config));
	}

	StoredNode node(CurrentUser caller, long nodeId) {
		StoredNode node = this.canvas.findNode(nodeId).orElseThrow(() -> nodeNotFound(nodeId));
		requireSeen(caller, node.projectId(), Role.VIEWER, nodeNotFound(nodeId));
		return node;
	}

	/**
	 * Changes the label, position or configuration of a node.
	 * @param expectedVersion the version the caller edited ({@code If-Match}), or null
	 */
	@Transactional
	StoredNode updateNode(CurrentUser caller, long nodeId, NodeInput input, Integer expectedVersion) {
		StoredNode node = this.canvas.findNode(nodeId).orElseThrow(() -> nodeNotFound(nodeId));
		requireSeen(caller, node.projectId(), Role.EDITOR, nodeNotFound(nodeId));
		if (input.nodeType() != null && !input.nodeType().equals(node.nodeType())
				|| input.pluginId() != null && !input.pluginId().equals(node.pluginId())) {
			throw invalid("A node's node_type and plugin_id cannot change; add a new node instead.");
		}
		int version = (expectedVersion != null) ? expectedVersion : node.version();
		if (version != node.version()) {
			throw stale(nodeId);
		}
		JsonNode config = (input.config() != null) ? config(node.pluginId(), input.config()) : node.config();
		NodeFields fields = new NodeFields(node.nodeType(), node.pluginId(),
				(input.label() != null) ? label(input.label()) : node.label(),
				(input.x() != null) ? position(input.x()) : node.x(),
				(input.y() != null) ? position(input.y()) : node.y(), config);
		this.canvas.lockAndAdvance(node.projectId());
		if (!this.canvas.updateNode(nodeId, version, fields)) {
			throw stale(nodeId);
		}
		return this.canvas.findNode(nodeId).orElseThrow();
	}

	/** Deletes a node, every edge touching it, and the documents uploaded to it. */
	@Transactional
	void deleteNode(CurrentUser caller, long nodeId, Integer expectedVersion) {
		StoredNode node = this.canvas.findNode(nodeId).orElseThrow(() -> nodeNotFound(nodeId));
		requireSeen(caller, node.projectId(), Role.EDITOR, nodeNotFound(nodeId));
		if (expectedVersion != null && expectedVersion != node.version()) {
			throw stale(nodeId);
		}
		this.canvas.lockAndAdvance(node.projectId());
		this.canvas.deleteNode(nodeId);
		this.uploads.nodeDeleted(node);
	}

	@Transactional
	StoredEdge addEdge(CurrentUser caller, long projectId, Long source, Long target, String modeName) {
		this.access.require(caller, projectId, Role.EDITOR);
		if (source == null || target == null) {
			throw invalid("source_node and target_node are required.");
		}
		EdgeMode mode = EdgeMode.parse((modeName != null) ? modeName : "flow")
			.orElseThrow(() -> invalid("edge_mode must be flow, interactive or reference."));
		if (source.equals(target)) {
			throw invalid("An edge cannot join node " + source + " to itself.");
		}
		this.canvas.lockAndAdvance(projectId);
		List<Long> present = this.canvas.nodeIdsAmong(projectId, List.of(source, target));
		for (long id : List.of(source, target)) {
			if (!present.contains(id)) {
				throw invalid("Node " + id + " is not on the canvas of project " + projectId + ".");
			}
		}
		// the cycle check needs the edges only, not the nodes' configurations
		CanvasGraph graph = new CanvasGraph(List.of(),
				this.canvas.edges(projectId)
					.stream()
					.map((e) -> new CanvasGraph.Edge(e.id(), e.source(), e.target(), e.mode()))
					.toList());
		boolean exists = graph.edges().stream().anyMatch((e) -> e.source() == source && e.target() == target);
		if (exists) {
			throw ApiException.conflict("An edge " + source + "→" + target + " exists already.");
		}
		if (mode.ordersExecution()) {
			Optional<List<Long>> cycle = graph.cycleClosedBy(source, target);
			if (cycle.isPresent()) {
				throw invalid("edge " + source + "→" + target + " would close the cycle "
						+ cycle.get().stream().map(String::valueOf).collect(Collectors.joining("→")));
			}
		}
		return this.canvas.insertEdge(projectId, source, target, mode);
	}

	@Transactional
	void deleteEdge(CurrentUser caller, long edgeId) {
		StoredEdge edge = this.canvas.findEdge(edgeId).orElseThrow(() -> edgeNotFound(edgeId));
		requireSeen(caller, edge.projectId(), Role.EDITOR, edgeNotFound(edgeId));
		this.canvas.lockAndAdvance(edge.projectId());
		this.canvas.deleteEdge(edgeId);
	}

	/** The project's chain JSON; an empty canvas has none (400). */
	Map<String, Object> chain(CurrentUser caller, long projectId) {
		this.access.require(caller, projectId, Role.VIEWER);
		CanvasGraph graph = graph(projectId);
		if (graph.nodes().isEmpty()) {
			throw invalid("The canvas of project " + projectId + " is empty; add nodes before building its chain.");
		}
		return ChainJson.build(graph, null);
	}

	/** The nodes of a project whose access the caller already passed. */
	List<StoredNode> nodesOf(long projectId) {
		return this.canvas.nodes(projectId);
	}

	List<StoredEdge> edgesOf(long projectId) {
		return this.canvas.edges(projectId);
	}

	long revision(long projectId) {
		return this.canvas.revision(projectId);
	}

	CanvasGraph graph(long projectId) {
		List<CanvasGraph.Node> nodes = this.canvas.nodes(projectId)
			.stream()
			.map((n) -> new CanvasGraph.Node(n.id(), n.nodeType(), n.pluginId(), n.label(), n.config()))
			.toList();
		List<CanvasGraph.Edge> edges = this.canvas.edges(projectId)
			.stream()
			.map((e) -> new CanvasGraph.Edge(e.id(), e.source(), e.target(), e.mode()))
			.toList();
		return new CanvasGraph(nodes, edges);
	}

	/** A deleted project takes its canvas with it, in the same transaction. */
	@EventListener
	void on(ProjectDeleted event) {
		this.canvas.deleteCanvas(event.projectId());
	}

	private void requireSeen(CurrentUser caller, long projectId, Role role, ApiException notFound) {
		try {
			this.access.require(caller, projectId, role);
		}
		catch (ApiException ex) {
			throw (ex.code() == ErrorCode.NOT_FOUND) ? notFound : ex;
		}
	}

	private JsonNode config(String pluginId, JsonNode config) {
		JsonNode value = (config != null && !config.isNull()) ? config : JsonNodeFactory.instance.objectNode();
		if (!value.isObject()) {
			throw invalid("config must be a JSON object.");
		}
		if (value.toString().length() > MAX_CONFIG_CHARS) {
			throw invalid("config must be at most " + MAX_CONFIG_CHARS + " characters of JSON.");
		}
		// keys the engine reads from every node; the rest belongs to the plugin
		ObjectNode pluginConfig = ((ObjectNode) value).deepCopy();
		List<String> violations = new java.util.ArrayList<>(ExecutionSettings.violations(pluginConfig));
		ExecutionSettings.KEYS.forEach(pluginConfig::remove);
		violations.addAll(this.plugins.violations(pluginId, pluginConfig));
		if (!violations.isEmpty()) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, org.springframework.http.HttpStatus.BAD_REQUEST,
					"config does not fit plugin " + pluginId + ": " + String.join("; ", violations),
					Map.of("errors", violations));
		}
		return value;
	}

	private static String label(String label) {
		String value = label.trim();
		if (value.length() > MAX_LABEL) {
			throw invalid("label must be at most " + MAX_LABEL + " characters.");
		}
		return value;
	}

	private static int position(Integer value) {
		return (value != null) ? value : 0;
	}

	private static ApiException invalid(String message) {
		return new ApiException(ErrorCode.VALIDATION_ERROR, message);
	}

	private static ApiException stale(long nodeId) {
		return new ApiException(ErrorCode.PRECONDITION_FAILED,
				"Node " + nodeId + " was changed by someone else; reload it and apply your change again.");
	}

	private static ApiException nodeNotFound(long id) {
		return ApiException.notFound("No node " + id + " that you can see.");
	}

	private static ApiException edgeNotFound(long id) {
		return ApiException.notFound("No edge " + id + " that you can see.");
	}

	/**
	 * A node as a client sends it; absent fields keep their value on update.
	 */
	record NodeInput(String nodeType, String pluginId, String label, Integer x, Integer y, JsonNode config) {
	}

}
