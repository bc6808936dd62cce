package io.quantra.pipelines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind canvases: nodes, edges and the per-project revision row that serializes
 * graph changes.
 */
@Repository
class CanvasRepository {

	private static final String NODE_COLUMNS = "id, project_id, node_type, plugin_id, label, x_pos, y_pos, config, "
			+ "version, created_at, updated_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	CanvasRepository(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Locks the project's canvas for the rest of the transaction and moves it to a new
	 * revision.
	 */
	long lockAndAdvance(long projectId) {
		int updated = this.jdbc.sql("update canvases set revision = revision + 1 where project_id = :project")
			.param("project", projectId)
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("insert into canvases (project_id, revision) values (:project, 1)")
					.param("project", projectId)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// another editor created it a moment ago: take the lock behind them
				this.jdbc.sql("update canvases set revision = revision + 1 where project_id = :project")
					.param("project", projectId)
					.update();
			}
		}
		return revision(projectId);
	}

	long revision(long projectId) {
		return this.jdbc.sql("select revision from canvases where project_id = :project")
			.param("project", projectId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	StoredNode insertNode(long projectId, NodeFields fields) {
		Timestamp now = Timestamp.from(this.clock.instant());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into canvas_nodes (project_id, node_type, plugin_id, label, x_pos, y_pos, config, version, "
					+ "created_at, updated_at) values (:project, :type, :plugin, :label, :x, :y, :config, 1, :now, :now)")
			.param("project", projectId)
			.param("type", fields.nodeType())
			.param("plugin", fields.pluginId())
			.param("label", fields.label())
			.param("x", fields.x())
			.param("y", fields.y())
			.param("config", this.json.writeValueAsString(fields.config()))
			.param("now", now)
			.update(keys, "id");
		return findNode(Objects.requireNonNull(keys.getKey(), "generated id").longValue()).orElseThrow();
	}

	/**
	 * Updates a node if it is still at {@code expectedVersion}; false when someone
	 * changed it.
	 */
	boolean updateNode(long id, int expectedVersion, NodeFields fields) {
		return this.jdbc
			.sql("update canvas_nodes set label = :label, x_pos = :x, y_pos = :y, config = :config, "
					+ "version = version + 1, updated_at = :now where id = :id and version = :version")
			.param("label", fields.label())
			.param("x", fields.x())
			.param("y", fields.y())
			.param("config", this.json.writeValueAsString(fields.config()))
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.param("version", expectedVersion)
			.update() > 0;
	}

	Optional<StoredNode> findNode(long id) {
		return this.jdbc.sql("select " + NODE_COLUMNS + " from canvas_nodes where id = :id")
			.param("id", id)
			.query(this::node)
			.optional();
	}

	List<StoredNode> nodes(long projectId) {
		return this.jdbc.sql("select " + NODE_COLUMNS + " from canvas_nodes where project_id = :project order by id")
			.param("project", projectId)
			.query(this::node)
			.list();
	}

	void deleteNode(long id) {
		this.jdbc.sql("delete from canvas_edges where source_node = :id or target_node = :id").param("id", id).update();
		this.jdbc.sql("delete from canvas_nodes where id = :id").param("id", id).update();
	}

	StoredEdge insertEdge(long projectId, long source, long target, EdgeMode mode) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into canvas_edges (project_id, source_node, target_node, edge_mode, created_at) "
					+ "values (:project, :source, :target, :mode, :now)")
			.param("project", projectId)
			.param("source", source)
			.param("target", target)
			.param("mode", mode.value())
			.param("now", Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		return findEdge(Objects.requireNonNull(keys.getKey(), "generated id").longValue()).orElseThrow();
	}

	Optional<StoredEdge> findEdge(long id) {
		return this.jdbc
			.sql("select id, project_id, source_node, target_node, edge_mode from canvas_edges where id = :id")
			.param("id", id)
			.query(CanvasRepository::edge)
			.optional();
	}

	List<StoredEdge> edges(long projectId) {
		return this.jdbc
			.sql("select id, project_id, source_node, target_node, edge_mode from canvas_edges "
					+ "where project_id = :project order by id")
			.param("project", projectId)
			.query(CanvasRepository::edge)
			.list();
	}

	/** Which of {@code ids} are nodes of the project. */
	List<Long> nodeIdsAmong(long projectId, List<Long> ids) {
		return this.jdbc.sql("select id from canvas_nodes where project_id = :project and id in (:ids)")
			.param("project", projectId)
			.param("ids", ids)
			.query(Long.class)
			.list();
	}

	void deleteEdge(long id) {
		this.jdbc.sql("delete from canvas_edges where id = :id").param("id", id).update();
	}

	void deleteCanvas(long projectId) {
		this.jdbc.sql("delete from canvas_edges where project_id = :project").param("project", projectId).update();
		this.jdbc.sql("delete from canvas_nodes where project_id = :project").param("project", projectId).update();
		this.jdbc.sql("delete from canvases where project_id = :project").param("project", projectId).update();
	}

	private StoredNode node(ResultSet rs, int row) throws SQLException {
		return new StoredNode(rs.getLong("id"), rs.getLong("project_id"), rs.getString("node_type"),
				rs.getString("plugin_id"), rs.getString("label"), rs.getInt("x_pos"), rs.getInt("y_pos"),
				this.json.readTree(rs.getString("config")), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static StoredEdge edge(ResultSet rs, int row) throws SQLException {
		return new StoredEdge(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("source_node"),
				rs.getLong("target_node"), EdgeMode.parse(rs.getString("edge_mode")).orElseThrow());
	}

	record NodeFields(String nodeType, String pluginId, String label, int x, int y, JsonNode config) {
	}

	record StoredNode(long id, long projectId, String nodeType, String pluginId, String label, int x, int y,
			JsonNode config, int version, Instant createdAt, Instant updatedAt) {
	}

	record StoredEdge(long id, long projectId, long source, long target, EdgeMode mode) {
	}

}
