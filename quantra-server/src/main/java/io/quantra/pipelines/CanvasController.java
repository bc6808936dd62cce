package io.quantra.pipelines;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quantra.pipelines.CanvasManagement.NodeInput;
import io.quantra.pipelines.CanvasRepository.StoredEdge;
import io.quantra.pipelines.CanvasRepository.StoredNode;
import io.quantra.platform.ApiException;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.RouteAuthorizations;
import io.quantra.projects.ProjectContent;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The canvas routes of seed 000: nodes, edges and the chain JSON. Node responses carry an
 * {@code ETag}; sending it back in {@code If-Match} makes a change fail with 412 when
 * someone else changed the node in between.
 */
@RestController
class CanvasController implements ProjectContent {

	private final CanvasManagement canvas;

	CanvasController(CanvasManagement canvas) {
		this.canvas = canvas;
	}

	@Operation(summary = "The nodes on a project's canvas")
	@GetMapping("/projects/{id}/nodes")
	Map<String, Object> nodes(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		return Map.of("nodes", this.canvas.nodes(caller, id).stream().map(CanvasController::node).toList());
	}

	@Operation(summary = "Add a node (editor or above)")
	@PostMapping("/projects/{id}/nodes")
	ResponseEntity<Map<String, Object>> addNode(@PathVariable long id, @RequestBody NodeBody body,
			@AuthenticationPrincipal CurrentUser caller) {
		StoredNode node = this.canvas.addNode(caller, id, body.input());
		return ResponseEntity.status(HttpStatus.CREATED).eTag(etag(node)).body(node(node));
	}

	@Operation(summary = "One node, with its ETag")
	@GetMapping("/nodes/{id}")
	ResponseEntity<Map<String, Object>> node(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		StoredNode node = this.canvas.node(caller, id);
		return ResponseEntity.ok().eTag(etag(node)).body(node(node));
	}

	@Operation(summary = "Change a node's label, position or configuration (editor or above)")
	@PutMapping("/nodes/{id}")
	ResponseEntity<Map<String, Object>> updateNode(@PathVariable long id, @RequestBody NodeBody body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser caller) {
		StoredNode node = this.canvas.updateNode(caller, id, body.input(), version(ifMatch));
		return ResponseEntity.ok().eTag(etag(node)).body(node(node));
	}

	@Operation(summary = "Remove a node and its edges (editor or above)")
	@DeleteMapping("/nodes/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteNode(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser caller) {
		this.canvas.deleteNode(caller, id, version(ifMatch));
	}

	@Operation(summary = "The edges on a project's canvas")
	@GetMapping("/projects/{id}/edges")
	Map<String, Object> edges(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		return Map.of("edges", this.canvas.edges(caller, id).stream().map(CanvasController::edge).toList());
	}

	@Operation(summary = "Connect two nodes (editor or above); refused if it would close a cycle")
	@PostMapping("/projects/{id}/edges")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> addEdge(@PathVariable long id, @RequestBody EdgeBody body,
			@AuthenticationPrincipal CurrentUser caller) {
		return edge(this.canvas.addEdge(caller, id, body.sourceNode(), body.targetNode(), body.edgeMode()));
	}

	@Operation(summary = "Remove an edge (editor or above)")
	@DeleteMapping("/edges/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteEdge(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		this.canvas.deleteEdge(caller, id);
	}

	@Operation(summary = "The CNO chain JSON of the canvas, in execution order")
	@GetMapping("/projects/{id}/chain")
	ResponseEntity<Map<String, Object>> chain(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		Map<String, Object> chain = this.canvas.chain(caller, id);
		return ResponseEntity.ok().eTag("\"r" + this.canvas.revision(id) + "\"").body(chain);
	}

	@Override
	public Map<String, Object> describe(long projectId) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("nodes", this.canvas.nodesOf(projectId).stream().map(CanvasController::node).toList());
		content.put("edges", this.canvas.edgesOf(projectId).stream().map(CanvasController::edge).toList());
		return content;
	}

	private static Map<String, Object> node(StoredNode node) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", node.id());
		view.put("node_type", node.nodeType());
		view.put("plugin_id", node.pluginId());
		view.put("label", node.label());
		view.put("x_pos", node.x());
		view.put("y_pos", node.y());
		view.put("config", node.config());
		// what If-Match takes, so that a client holding a list can still detect a
		// concurrent change
		view.put("version", node.version());
		view.put("created_at", node.createdAt().toString());
		view.put("updated_at", node.updatedAt().toString());
		return view;
	}

	private static Map<String, Object> edge(StoredEdge edge) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", edge.id());
		view.put("source_node", edge.source());
		view.put("target_node", edge.target());
		view.put("edge_mode", edge.mode().value());
		return view;
	}

	private static String etag(StoredNode node) {
		return "\"" + node.version() + "\"";
	}

	/**
	 * The version in an {@code If-Match} header ({@code "3"} or {@code W/"3"}); null when
	 * absent.
	 */
	static Integer version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new ApiException(ErrorCode.PRECONDITION_FAILED,
					"If-Match must be the node's ETag, such as \"3\"; this one matches no version.");
		}
	}

	record NodeBody(@JsonProperty("node_type") String nodeType, @JsonProperty("plugin_id") String pluginId,
			String label, @JsonProperty("x_pos") Integer x, @JsonProperty("y_pos") Integer y, JsonNode config) {

		NodeInput input() {
			return new NodeInput(this.nodeType, this.pluginId, this.label, this.x, this.y, this.config);
		}

	}

	record EdgeBody(@JsonProperty("source_node") Long sourceNode, @JsonProperty("target_node") Long targetNode,
			@JsonProperty("edge_mode") String edgeMode) {
	}

	/** Any signed-in user; each route checks the caller's role on the project. */
	@Bean
	static RouteAuthorizations canvasRouteRules() {
		return (routes) -> routes.requestMatchers("/nodes/**", "/edges/**").authenticated();
	}

}
