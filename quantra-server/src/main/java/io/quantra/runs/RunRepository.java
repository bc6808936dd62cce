package io.quantra.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind runs and the state of each of their nodes.
 */
@Repository
class RunRepository {

	private static final String RUN_COLUMNS = "id, run_id, project_id, status, run_trigger, correlation_id, "
			+ "initiated_by, created_at, started_at, completed_at, error_code, error_message";

	private final JdbcClient jdbc;

	RunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertRun(String runId, long projectId, String trigger, String correlationId, Long initiatedBy,
			String chainJson, String inputs, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into runs (run_id, project_id, status, run_trigger, correlation_id, initiated_by, chain_json, "
					+ "inputs, created_at, started_at) values (:runId, :project, 'running', :trigger, :correlation, "
					+ ":user, :chain, :inputs, :now, :now)")
			.param("runId", runId)
			.param("project", projectId)
			.param("trigger", trigger)
			.param("correlation", correlationId)
			.param("user", initiatedBy)
			.param("chain", chainJson)
			.param("inputs", inputs)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
	}

	void insertNodes(long runPk, List<String> nodeKeys) {
		for (String key : nodeKeys) {
			this.jdbc
				.sql("insert into run_nodes (run_pk, node_key, status, attempts) values (:run, :key, 'pending', 0)")
				.param("run", runPk)
				.param("key", key)
				.update();
		}
	}

	Optional<Run> find(long id) {
		return this.jdbc.sql("select " + RUN_COLUMNS + " from runs where id = :id")
			.param("id", id)
			.query(RunRepository::run)
			.optional();
	}

	/**
	 * Locks the run for the rest of the transaction; every change of its progress takes
	 * this lock.
	 */
	Optional<Run> lock(long id) {
		return this.jdbc.sql("select " + RUN_COLUMNS + " from runs where id = :id for update")
			.param("id", id)
			.query(RunRepository::run)
			.optional();
	}

	String chainJson(long id) {
		return this.jdbc.sql("select chain_json from runs where id = :id").param("id", id).query(String.class).single();
	}

	String inputs(long id) {
		return this.jdbc.sql("select inputs from runs where id = :id").param("id", id).query(String.class).single();
	}

	List<Run> findByProject(long projectId, String status, String trigger, int limit, int offset) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = projectFilter(projectId, status, trigger, params);
		params.put("limit", limit);
		params.put("offset", offset);
		return this.jdbc
			.sql("select " + RUN_COLUMNS + " from runs" + where + " order by id desc limit :limit offset :offset")
			.params(params)
			.query(RunRepository::run)
			.list();
	}

	long countByProject(long projectId, String status, String trigger) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = projectFilter(projectId, status, trigger, params);
		return this.jdbc.sql("select count(*) from runs" + where).params(params).query(Long.class).single();
	}

	/** The where clause of a project's runs, optionally of one status and trigger. */
	private static String projectFilter(long projectId, String status, String trigger, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" where project_id = :project");
		params.put("project", projectId);
		if (status != null) {
			where.append(" and status = :status");
			params.put("status", status);
		}
		if (trigger != null) {
			where.append(" and run_trigger = :trigger");
			params.put("trigger", trigger);
		}
		return where.toString();
	}

	void finish(long id, String status, String errorCode, String errorMessage, Instant now) {
		this.jdbc
			.sql("update runs set status = :status, completed_at = :now, error_code = :code, error_message = :message "
					+ "where id = :id")
			.param("status", status)
			.param("now", Timestamp.from(now))
			.param("code", errorCode)
			.param("message", errorMessage)
			.param("id", id)
			.update();
	}

	List<NodeState> nodes(long runPk) {
		return this.jdbc
			.sql("select node_key, status, attempts, started_at, completed_at, output, error_message from run_nodes "
					+ "where run_pk = :run")
			.param("run", runPk)
			.query((rs, row) -> new NodeState(rs.getString("node_key"), rs.getString("status"), rs.getInt("attempts"),
					instant(rs, "started_at"), instant(rs, "completed_at"), rs.getString("output"),
					rs.getString("error_message")))
			.list();
	}

	Optional<NodeState> node(long runPk, String key) {
		return nodes(runPk).stream().filter((n) -> n.key().equals(key)).findFirst();
	}

	void setNodeStatus(long runPk, String key, String status) {
		this.jdbc.sql("update run_nodes set status = :status where run_pk = :run and node_key = :key")
			.param("status", status)
			.param("run", runPk)
			.param("key", key)
			.update();
	}

	void setRunStatus(long id, String status) {
		this.jdbc.sql("update runs set status = :status where id = :id")
			.param("status", status)
			.param("id", id)
			.update();
	}

	void markRunning(long runPk, String key, Instant now) {
		this.jdbc
			.sql("update run_nodes set status = 'running', attempts = attempts + 1, started_at = :now "
					+ "where run_pk = :run and node_key = :key")
			.param("now", Timestamp.from(now))
			.param("run", runPk)
			.param("key", key)
			.update();
	}

	void complete(long runPk, String key, String output, Instant now) {
		this.jdbc
			.sql("update run_nodes set status = 'completed', output = :output, completed_at = :now "
					+ "where run_pk = :run and node_key = :key")
			.param("output", output)
			.param("now", Timestamp.from(now))
			.param("run", runPk)
			.param("key", key)
			.update();
	}

	void fail(long runPk, String key, String error, Instant now) {
		this.jdbc
			.sql("update run_nodes set status = 'failed', error_message = :error, completed_at = :now "
					+ "where run_pk = :run and node_key = :key")
			.param("error", error)
			.param("now", Timestamp.from(now))
			.param("run", runPk)
			.param("key", key)
			.update();
	}

	void skipPending(long runPk) {
		this.jdbc
			.sql("update run_nodes set status = 'skipped' where run_pk = :run and status in ('pending', 'queued', "
					+ "'waiting')")
			.param("run", runPk)
			.update();
	}

	private static Run run(ResultSet rs, int row) throws SQLException {
		return new Run(rs.getLong("id"), rs.getString("run_id"), rs.getLong("project_id"), rs.getString("status"),
				rs.getString("run_trigger"), rs.getString("correlation_id"), rs.getObject("initiated_by", Long.class),
				instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "completed_at"),
				rs.getString("error_code"), rs.getString("error_message"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	record Run(long id, String runId, long projectId, String status, String trigger, String correlationId,
			Long initiatedBy, Instant createdAt, Instant startedAt, Instant completedAt, String errorCode,
			String errorMessage) {

		boolean terminal() {
			return "completed".equals(this.status) || "failed".equals(this.status) || "cancelled".equals(this.status);
		}

	}

	record NodeState(String key, String status, int attempts, Instant startedAt, Instant completedAt, String output,
			String error) {
	}

}
