package io.quantra.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
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
			+ "initiated_by, created_at, started_at, completed_at, error_code, error_message, driver, driver_gen, revision";

	private final JdbcClient jdbc;

	private final JdbcTemplate operations;

	RunRepository(JdbcClient jdbc, JdbcTemplate operations) {
		this.jdbc = jdbc;
		this.operations = operations;
	}

	long insertRun(String runId, long projectId, String status, String trigger, String correlationId, Long initiatedBy,
			String chainJson, String inputs, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into runs (run_id, project_id, status, run_trigger, correlation_id, initiated_by, created_at, "
					+ "started_at) values (:runId, :project, :status, :trigger, :correlation, :user, :now, :started)")
			.param("runId", runId)
			.param("status", status)
			.param("started", "running".equals(status) ? Timestamp.from(now) : null)
			.param("project", projectId)
			.param("trigger", trigger)
			.param("correlation", correlationId)
			.param("user", initiatedBy)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		long id = Objects.requireNonNull(keys.getKey(), "generated id").longValue();
		this.jdbc.sql("insert into run_chains (run_pk, chain_json, inputs) values (:run, :chain, :inputs)")
			.param("run", id)
			.param("chain", chainJson)
			.param("inputs", inputs)
			.update();
		return id;
	}

	void insertNodes(long runPk, List<String> nodeKeys) {
		this.operations.batchUpdate(
				"insert into run_nodes (run_pk, node_key, status, attempts) values (?, ?, 'pending', 0)", nodeKeys, 500,
				(statement, key) -> {
					statement.setLong(1, runPk);
					statement.setString(2, key);
				});
	}

	/** Makes {@code driver} the run's only driver ({@code null}: none). */
	void setDriver(long id, String driver, int generation) {
		this.jdbc.sql("update runs set driver = :driver, driver_gen = :gen where id = :id")
			.param("driver", driver)
			.param("gen", generation)
			.param("id", id)
			.update();
	}

	void bumpRevision(long id) {
		this.jdbc.sql("update runs set revision = revision + 1 where id = :id").param("id", id).update();
	}

	/**
	 * The project's cap on running runs, if it has one; locks its settings row until
	 * commit.
	 */
	Optional<Integer> lockConcurrencyLimit(long projectId) {
		return this.jdbc
			.sql("select max_concurrent_runs from project_run_settings where project_id = :project for update")
			.param("project", projectId)
			.query((rs, row) -> rs.getObject(1, Integer.class))
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	Optional<Integer> concurrencyLimit(long projectId) {
		return this.jdbc.sql("select max_concurrent_runs from project_run_settings where project_id = :project")
			.param("project", projectId)
			.query((rs, row) -> rs.getObject(1, Integer.class))
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	void setConcurrencyLimit(long projectId, Integer limit) {
		int updated = this.jdbc
			.sql("update project_run_settings set max_concurrent_runs = :limit where project_id = :project")
			.param("limit", limit)
			.param("project", projectId)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into project_run_settings (project_id, max_concurrent_runs) values (:project, :limit)")
				.param("limit", limit)
				.param("project", projectId)
				.update();
		}
	}

	/** A queued run of a project that may start now, oldest first. */
	List<Long> queued(long projectId, int limit) {
		return this.jdbc
			.sql("select id from runs where project_id = :project and status = 'queued' order by id limit :limit")
			.param("project", projectId)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	long countRunning(long projectId) {
		return this.jdbc.sql("select count(*) from runs where project_id = :project and status = 'running'")
			.param("project", projectId)
			.query(Long.class)
			.single();
	}

	/** Moves a queued run to running; false when it is no longer queued. */
	boolean admit(long id, Instant now) {
		return this.jdbc
			.sql("update runs set status = 'running', started_at = :now where id = :id and status = 'queued'")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	/** A node starts an attempt. */
	void claim(long runPk, String key, Instant now) {
		this.jdbc
			.sql("update run_nodes set status = 'running', attempts = attempts + 1, started_at = :now, due_at = null, "
					+ "authorization_url = null, authorization_requested_at = null where run_pk = :run and node_key = :key")
			.param("now", Timestamp.from(now))
			.param("run", runPk)
			.param("key", key)
			.update();
	}

	/** A failed node is tried again at {@code due}. */
	void retryAt(long runPk, String key, Instant due) {
		this.jdbc
			.sql("update run_nodes set status = 'queued', due_at = :due, authorization_url = null, "
					+ "authorization_requested_at = null where run_pk = :run and node_key = :key")
			.param("due", Timestamp.from(due))
			.param("run", runPk)
			.param("key", key)
			.update();
	}

	/** Nodes still running when their run was cancelled. */
	void cancelRunning(long runPk, Instant now) {
		this.jdbc
			.sql("update run_nodes set status = 'cancelled', completed_at = :now, authorization_url = null, "
					+ "authorization_requested_at = null where run_pk = :run and status = 'running'")
			.param("now", Timestamp.from(now))
			.param("run", runPk)
			.update();
	}

	/** The progress of each node, without outputs. */
	List<Progress> progress(long runPk) {
		return this.jdbc.sql("select node_key, status, attempts, due_at from run_nodes where run_pk = :run")
			.param("run", runPk)
			.query((rs, row) -> new Progress(rs.getString("node_key"), rs.getString("status"), rs.getInt("attempts"),
					instant(rs, "due_at")))
			.list();
	}

	/** The stored outputs of some nodes, by node key; nodes without output are absent. */
	Map<String, String> outputs(long runPk, java.util.Collection<String> keys) {
		Map<String, String> outputs = new LinkedHashMap<>();
		if (keys.isEmpty()) {
			return outputs;
		}
		this.jdbc
			.sql("select node_key, output from run_nodes where run_pk = :run and node_key in (:keys) "
					+ "and output is not null")
			.param("run", runPk)
			.param("keys", keys)
			.query((rs) -> {
				outputs.put(rs.getString(1), rs.getString(2));
			});
		return outputs;
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
		return this.jdbc.sql("select chain_json from run_chains where run_pk = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	String inputs(long id) {
		return this.jdbc.sql("select inputs from run_chains where run_pk = :id")
			.param("id", id)
			.query(String.class)
			.single();
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

	/** Ends a run its driver completed; the driver stands down with it. */
	void finishCompleted(long id, Instant now) {
		this.jdbc.sql("update runs set status = 'completed', completed_at = :now, driver = null where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	List<NodeState> nodes(long runPk) {
		return this.jdbc
			.sql("select node_key, status, attempts, started_at, completed_at, output, error_message, "
					+ "authorization_url, authorization_requested_at from run_nodes where run_pk = :run")
			.param("run", runPk)
			.query((rs, row) -> new NodeState(rs.getString("node_key"), rs.getString("status"), rs.getInt("attempts"),
					instant(rs, "started_at"), instant(rs, "completed_at"), rs.getString("output"),
					rs.getString("error_message"), authorization(rs)))
			.list();
	}

	/**
	 * A running node waits for a user to authorise its tool at {@code url}, or goes on
	 * ({@code url} null).
	 */
	void awaitAuthorization(long runPk, String key, String url, Instant now) {
		this.jdbc
			.sql("update run_nodes set authorization_url = :url, authorization_requested_at = :now "
					+ "where run_pk = :run and node_key = :key and status = 'running'")
			.param("url", url, Types.VARCHAR)
			.param("now", (url != null) ? Timestamp.from(now) : null, Types.TIMESTAMP_WITH_TIMEZONE)
			.param("run", runPk)
			.param("key", key)
			.update();
	}

	/** The nodes of a run that wait for a user to authorise their tool, by node key. */
	Map<String, Authorization> authorizations(long runPk) {
		Map<String, Authorization> waiting = new LinkedHashMap<>();
		this.jdbc
			.sql("select node_key, authorization_url, authorization_requested_at from run_nodes "
					+ "where run_pk = :run and authorization_url is not null order by authorization_requested_at")
			.param("run", runPk)
			.query((rs) -> {
				waiting.put(rs.getString("node_key"), authorization(rs));
			});
		return waiting;
	}

	private static Authorization authorization(ResultSet rs) throws SQLException {
		String url = rs.getString("authorization_url");
		return (url != null) ? new Authorization(url, instant(rs, "authorization_requested_at")) : null;
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

	void complete(long runPk, String key, String output, Instant now) {
		this.jdbc.sql("update run_nodes set status = 'completed', output = :output, completed_at = :now, "
				+ "authorization_url = null, authorization_requested_at = null where run_pk = :run and node_key = :key")
			.param("output", output)
			.param("now", Timestamp.from(now))
			.param("run", runPk)
			.param("key", key)
			.update();
	}

	void fail(long runPk, String key, String error, Instant now) {
		this.jdbc.sql("update run_nodes set status = 'failed', error_message = :error, completed_at = :now, "
				+ "authorization_url = null, authorization_requested_at = null where run_pk = :run and node_key = :key")
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
				rs.getString("error_code"), rs.getString("error_message"), rs.getString("driver"),
				rs.getInt("driver_gen"), rs.getInt("revision"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	record Run(long id, String runId, long projectId, String status, String trigger, String correlationId,
			Long initiatedBy, Instant createdAt, Instant startedAt, Instant completedAt, String errorCode,
			String errorMessage, String driver, int driverGen, int revision) {

		boolean terminal() {
			return "completed".equals(this.status) || "failed".equals(this.status) || "cancelled".equals(this.status);
		}

	}

	/** Where a node stands, as the engine tracks it. */
	record Progress(String key, String status, int attempts, Instant dueAt) {
	}

	/**
	 * @param authorization what the node waits for a user to authorise, null when it
	 * waits for no one
	 */
	record NodeState(String key, String status, int attempts, Instant startedAt, Instant completedAt, String output,
			String error, Authorization authorization) {
	}

	/**
	 * Where a user authorises a node's tool with an external provider, and since when.
	 */
	record Authorization(String url, Instant requestedAt) {
	}

}
