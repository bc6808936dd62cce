package io.quantra.pipelines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quantra.pipelines.CanvasGraph.Edge;
import io.quantra.pipelines.CanvasGraph.Node;
import tools.jackson.databind.JsonNode;

/**
 * The CNO chain JSON of seed 000 ({@code contract: "quantra-cno-v1"}): the canvas in
 * execution order, each node keyed {@code node_<id>} with its successors in {@code next},
 * and every edge with its mode. It is what the engine runs and what a run stores for
 * audit and replay.
 */
public final class ChainJson {

	public static final String CONTRACT = "quantra-cno-v1";

	private static final String PREFIX = "node_";

	private ChainJson() {
	}

	/**
	 * Builds the chain of a non-empty, acyclic canvas.
	 * @param httpStream where a run streams its progress; {@code null} before a run
	 * exists
	 */
	public static Map<String, Object> build(CanvasGraph graph, String httpStream) {
		List<Long> order = graph.topologicalOrder();
		if (order.isEmpty()) {
			throw new IllegalArgumentException("An empty canvas has no chain");
		}
		Map<Long, Integer> position = new HashMap<>(order.size() * 2);
		for (int i = 0; i < order.size(); i++) {
			position.put(order.get(i), i);
		}
		Map<Long, List<Long>> next = new HashMap<>();
		List<Edge> edges = new ArrayList<>(graph.edges());
		edges.sort(Comparator.comparing((Edge e) -> position.get(e.source()))
			.thenComparing((e) -> position.get(e.target()))
			.thenComparing(Edge::mode));
		for (Edge edge : edges) {
			if (edge.mode().ordersExecution()) {
				next.computeIfAbsent(edge.source(), (k) -> new ArrayList<>()).add(edge.target());
			}
		}
		Map<String, Object> nodes = new LinkedHashMap<>();
		for (long id : order) {
			Node node = graph.nodes().get(id);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("type", node.type());
			entry.put("plugin_id", node.pluginId());
			entry.put("label", node.label());
			entry.put("config", node.config());
			entry.put("next", next.getOrDefault(id, List.of()).stream().map(ChainJson::key).toList());
			nodes.put(key(id), entry);
		}
		Map<String, Object> chain = new LinkedHashMap<>();
		chain.put("contract", CONTRACT);
		chain.put("http_stream", httpStream);
		chain.put("start", key(order.get(0)));
		chain.put("nodes", nodes);
		chain.put("edges", edges.stream().map(ChainJson::edge).toList());
		return chain;
	}

	/**
	 * Reads a chain back into a graph (edge ids are not part of a chain and come back as
	 * 0).
	 * @throws IllegalArgumentException if it is not a chain of this contract
	 */
	public static CanvasGraph parse(JsonNode chain) {
		if (!CONTRACT.equals(chain.path("contract").asString(""))) {
			throw new IllegalArgumentException("Not a " + CONTRACT + " chain");
		}
		List<Node> nodes = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : chain.path("nodes").properties()) {
			JsonNode node = entry.getValue();
			nodes.add(new Node(id(entry.getKey()), node.path("type").asString(), node.path("plugin_id").asString(),
					node.path("label").asString(), node.path("config")));
		}
		List<Edge> edges = new ArrayList<>();
		for (JsonNode edge : chain.path("edges")) {
			edges.add(new Edge(0, id(edge.path("source").asString()), id(edge.path("target").asString()),
					EdgeMode.parse(edge.path("mode").asString())
						.orElseThrow(() -> new IllegalArgumentException("Unknown edge mode in chain"))));
		}
		return new CanvasGraph(nodes, edges);
	}

	private static Map<String, Object> edge(Edge edge) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("source", key(edge.source()));
		entry.put("target", key(edge.target()));
		entry.put("mode", edge.mode().value());
		return entry;
	}

	/** The chain key of a node, {@code node_<id>}. */
	public static String key(long id) {
		return PREFIX + id;
	}

	private static long id(String key) {
		if (!key.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Chain node keys look like node_12, not " + key);
		}
		return Long.parseLong(key.substring(PREFIX.length()));
	}

}
