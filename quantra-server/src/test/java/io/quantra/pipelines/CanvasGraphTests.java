package io.quantra.pipelines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.quantra.pipelines.CanvasGraph.Edge;
import io.quantra.pipelines.CanvasGraph.Node;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Properties of canvas graphs checked on hundreds of random graphs (each seed is named
 * when a check fails): DAGs always sort into a valid, deterministic order, an edge that
 * closes a cycle is always caught with the cycle's path, and chain JSON reads back into
 * the same graph.
 */
class CanvasGraphTests {

	private static final int TRIES = 300;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void randomDagsSortIntoAValidDeterministicOrder() {
		for (int seed = 0; seed < TRIES; seed++) {
			CanvasGraph graph = randomDag(new Random(seed), 1 + seed % 120);
			List<Long> order = graph.topologicalOrder();
			assertThat(order).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(graph.nodes().keySet());
			Map<Long, Integer> position = positions(order);
			for (Edge edge : graph.edges()) {
				if (edge.mode().ordersExecution()) {
					assertThat(position.get(edge.source())).as("seed %d, edge %s", seed, edge)
						.isLessThan(position.get(edge.target()));
				}
			}
			List<Edge> shuffled = new ArrayList<>(graph.edges());
			Collections.shuffle(shuffled, new Random(seed + 1));
			List<Node> nodes = new ArrayList<>(graph.nodes().values());
			Collections.shuffle(nodes, new Random(seed + 2));
			assertThat(new CanvasGraph(nodes, shuffled).topologicalOrder()).as("seed %d", seed).isEqualTo(order);
		}
	}

	@Test
	void tiesGoToTheLowestNodeId() {
		CanvasGraph graph = new CanvasGraph(List.of(node(3), node(1), node(2), node(4)),
				List.of(new Edge(1, 3, 4, EdgeMode.FLOW), new Edge(2, 2, 4, EdgeMode.FLOW)));
		assertThat(graph.topologicalOrder()).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void anEdgeClosingACycleIsAlwaysCaughtWithItsPath() {
		for (int seed = 0; seed < TRIES; seed++) {
			Random random = new Random(seed);
			CanvasGraph graph = randomDag(random, 2 + seed % 80);
			List<Edge> executionEdges = graph.edges().stream().filter((e) -> e.mode().ordersExecution()).toList();
			if (executionEdges.isEmpty()) {
				continue;
			}
			// walk forward from a random edge, then try to point the end of the walk back
			// at its start
			Edge first = executionEdges.get(random.nextInt(executionEdges.size()));
			List<Long> walk = new ArrayList<>(List.of(first.source(), first.target()));
			for (int step = 0; step < 5; step++) {
				long at = walk.get(walk.size() - 1);
				List<Edge> out = executionEdges.stream().filter((e) -> e.source() == at).toList();
				if (out.isEmpty()) {
					break;
				}
				walk.add(out.get(random.nextInt(out.size())).target());
			}
			long start = walk.get(0);
			long end = walk.get(walk.size() - 1);
			int tried = seed;
			List<Long> cycle = graph.cycleClosedBy(end, start)
				.orElseThrow(() -> new AssertionError("seed " + tried + ": edge " + end + "→" + start + " not caught"));
			assertThat(cycle.get(0)).isEqualTo(start);
			assertThat(cycle.get(cycle.size() - 1)).isEqualTo(end);
			for (int i = 0; i + 1 < cycle.size(); i++) {
				long from = cycle.get(i);
				long to = cycle.get(i + 1);
				assertThat(executionEdges).as("seed %d: path step %d→%d", tried, from, to)
					.anyMatch((e) -> e.source() == from && e.target() == to);
			}
			List<Edge> withCycle = new ArrayList<>(graph.edges());
			withCycle.add(new Edge(-1, end, start, EdgeMode.INTERACTIVE));
			assertThatIllegalStateException().as("seed %d", tried)
				.isThrownBy(
						() -> new CanvasGraph(new ArrayList<>(graph.nodes().values()), withCycle).topologicalOrder());
		}
	}

	@Test
	void edgesAlongTheOrderNeverReportACycle() {
		for (int seed = 0; seed < TRIES; seed++) {
			Random random = new Random(seed);
			CanvasGraph graph = randomDag(random, 2 + seed % 80);
			List<Long> order = graph.topologicalOrder();
			int a = random.nextInt(order.size() - 1);
			int b = a + 1 + random.nextInt(order.size() - a - 1);
			assertThat(graph.cycleClosedBy(order.get(a), order.get(b))).as("seed %d", seed).isEmpty();
		}
	}

	@Test
	void referenceEdgesDoNotCountAsCycles() {
		CanvasGraph graph = new CanvasGraph(List.of(node(1), node(2)), List.of(new Edge(1, 1, 2, EdgeMode.REFERENCE)));
		assertThat(graph.cycleClosedBy(2, 1)).isEmpty();
	}

	@Test
	void chainJsonReadsBackIntoTheSameGraph() {
		for (int seed = 0; seed < TRIES; seed++) {
			CanvasGraph graph = randomDag(new Random(seed), 1 + seed % 60);
			Map<String, Object> chain = ChainJson.build(graph, "https://quantra.example:4443/stream/execution/" + seed);
			String text = JSON.writeValueAsString(chain);
			CanvasGraph read = ChainJson.parse(JSON.readTree(text));
			assertThat(read.nodes()).as("seed %d", seed).isEqualTo(graph.nodes());
			assertThat(edgeSet(read)).as("seed %d", seed).isEqualTo(edgeSet(graph));
			assertThat(JSON.writeValueAsString(ChainJson.build(read, (String) chain.get("http_stream"))))
				.as("seed %d", seed)
				.isEqualTo(text);
		}
	}

	@Test
	void chainHasTheShapeOfSeed000() {
		CanvasGraph graph = new CanvasGraph(
				List.of(new Node(12, "datasource", "file_upload", "Upload Documents",
						JSON.readTree("{\"accepted_types\": [\".pdf\", \".docx\"]}")),
						new Node(13, "tool", "ocr_tool", "OCR Extraction", JSON.readTree("{\"engine\": \"trocr\"}")),
						new Node(14, "tool", "pii_redaction", "Redact PII",
								JSON.readTree("{\"entities\": [\"name\"]}"))),
				List.of(new Edge(5, 12, 13, EdgeMode.FLOW), new Edge(6, 13, 14, EdgeMode.FLOW)));
		String chain = JSON.writeValueAsString(ChainJson.build(graph, null));
		assertThat(chain).isEqualTo("{\"contract\":\"quantra-cno-v1\",\"http_stream\":null,\"start\":\"node_12\","
				+ "\"nodes\":{\"node_12\":{\"type\":\"datasource\",\"plugin_id\":\"file_upload\",\"label\":"
				+ "\"Upload Documents\",\"config\":{\"accepted_types\":[\".pdf\",\".docx\"]},\"next\":[\"node_13\"]},"
				+ "\"node_13\":{\"type\":\"tool\",\"plugin_id\":\"ocr_tool\",\"label\":\"OCR Extraction\",\"config\":"
				+ "{\"engine\":\"trocr\"},\"next\":[\"node_14\"]},\"node_14\":{\"type\":\"tool\",\"plugin_id\":"
				+ "\"pii_redaction\",\"label\":\"Redact PII\",\"config\":{\"entities\":[\"name\"]},\"next\":[]}},"
				+ "\"edges\":[{\"source\":\"node_12\",\"target\":\"node_13\",\"mode\":\"flow\"},"
				+ "{\"source\":\"node_13\",\"target\":\"node_14\",\"mode\":\"flow\"}]}");
	}

	/**
	 * A random DAG: nodes get a hidden random rank and edges only go from lower to higher
	 * rank.
	 */
	static CanvasGraph randomDag(Random random, int size) {
		List<Long> ids = new ArrayList<>();
		Set<Long> used = new HashSet<>();
		while (ids.size() < size) {
			long id = 1 + random.nextInt(size * 10);
			if (used.add(id)) {
				ids.add(id);
			}
		}
		List<Long> rank = new ArrayList<>(ids);
		Collections.shuffle(rank, random);
		List<Node> nodes = ids.stream().map(CanvasGraphTests::node).toList();
		List<Edge> edges = new ArrayList<>();
		Set<String> pairs = new HashSet<>();
		int edgeCount = (size < 2) ? 0 : random.nextInt(size * 2);
		for (int i = 0; i < edgeCount; i++) {
			int a = random.nextInt(size);
			int b = random.nextInt(size);
			if (a == b) {
				continue;
			}
			long source = rank.get(Math.min(a, b));
			long target = rank.get(Math.max(a, b));
			if (pairs.add(source + ">" + target)) {
				EdgeMode mode = EdgeMode.values()[random.nextInt(EdgeMode.values().length)];
				edges.add(new Edge(i + 1, source, target, mode));
			}
		}
		return new CanvasGraph(nodes, edges);
	}

	private static Node node(long id) {
		return new Node(id, "tool", "ocr_tool", "node " + id,
				JsonNodeFactory.instance.objectNode().put("engine", (id % 2 == 0) ? "trocr" : "tesseract"));
	}

	private static Set<String> edgeSet(CanvasGraph graph) {
		Set<String> edges = new HashSet<>();
		graph.edges().forEach((e) -> edges.add(e.source() + ">" + e.target() + ":" + e.mode()));
		return edges;
	}

	private static Map<Long, Integer> positions(List<Long> order) {
		Map<Long, Integer> positions = new HashMap<>();
		for (int i = 0; i < order.size(); i++) {
			positions.put(order.get(i), i);
		}
		return positions;
	}

}
