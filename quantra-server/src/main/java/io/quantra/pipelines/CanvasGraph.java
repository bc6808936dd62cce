package io.quantra.pipelines;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import tools.jackson.databind.JsonNode;

/**
 * A canvas in memory: its nodes and edges, and the graph questions asked of it — would an
 * edge close a cycle, and in which order do the nodes run. Execution order follows flow
 * and interactive edges; ties go to the lower node id, so the order is deterministic.
 */
public final class CanvasGraph {

	private final Map<Long, Node> nodes = new LinkedHashMap<>();

	private final List<Edge> edges = new ArrayList<>();

	public CanvasGraph(List<Node> nodes, List<Edge> edges) {
		nodes.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).forEach((n) -> this.nodes.put(n.id(), n));
		this.edges.addAll(edges);
	}

	public Map<Long, Node> nodes() {
		return Collections.unmodifiableMap(this.nodes);
	}

	public List<Edge> edges() {
		return Collections.unmodifiableList(this.edges);
	}

	/**
	 * The path {@code target → … → source} through execution edges that an edge
	 * {@code source → target} would close into a cycle, if any.
	 */
	public Optional<List<Long>> cycleClosedBy(long source, long target) {
		Map<Long, List<Long>> successors = successors();
		Map<Long, Long> reachedFrom = new HashMap<>();
		Deque<Long> queue = new ArrayDeque<>();
		queue.add(target);
		reachedFrom.put(target, target);
		while (!queue.isEmpty()) {
			long current = queue.poll();
			if (current == source) {
				List<Long> path = new ArrayList<>();
				for (long at = source; at != target; at = reachedFrom.get(at)) {
					path.add(at);
				}
				path.add(target);
				Collections.reverse(path);
				return Optional.of(path);
			}
			for (long next : successors.getOrDefault(current, List.of())) {
				if (!reachedFrom.containsKey(next)) {
					reachedFrom.put(next, current);
					queue.add(next);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Every node in an order where each comes after all nodes with an execution edge into
	 * it; among nodes ready at the same time, the lowest id first.
	 * @throws IllegalStateException if the execution edges contain a cycle
	 */
	public List<Long> topologicalOrder() {
		Map<Long, Integer> incoming = new HashMap<>();
		this.nodes.keySet().forEach((id) -> incoming.put(id, 0));
		Map<Long, List<Long>> successors = successors();
		successors.values().forEach((targets) -> targets.forEach((t) -> incoming.merge(t, 1, Integer::sum)));
		PriorityQueue<Long> ready = new PriorityQueue<>();
		incoming.forEach((id, count) -> {
			if (count == 0) {
				ready.add(id);
			}
		});
		List<Long> order = new ArrayList<>(this.nodes.size());
		while (!ready.isEmpty()) {
			long id = ready.poll();
			order.add(id);
			for (long next : successors.getOrDefault(id, List.of())) {
				if (incoming.merge(next, -1, Integer::sum) == 0) {
					ready.add(next);
				}
			}
		}
		if (order.size() != this.nodes.size()) {
			throw new IllegalStateException("The canvas contains a cycle");
		}
		return order;
	}

	private Map<Long, List<Long>> successors() {
		Map<Long, List<Long>> successors = new HashMap<>();
		for (Edge edge : this.edges) {
			if (edge.mode().ordersExecution()) {
				successors.computeIfAbsent(edge.source(), (k) -> new ArrayList<>()).add(edge.target());
			}
		}
		return successors;
	}

	/**
	 * A node as the graph sees it.
	 */
	public record Node(long id, String type, String pluginId, String label, JsonNode config) {
	}

	/**
	 * An edge as the graph sees it.
	 */
	public record Edge(long id, long source, long target, EdgeMode mode) {
	}

}
