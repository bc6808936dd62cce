package io.quantra.triggers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.quantra.platform.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind schedules and their fires.
 */
@Repository
class ScheduleRepository {

	private static final String COLUMNS = "id, project_id, cron, timezone, enabled, description, inputs, created_by, "
			+ "created_at, updated_at, next_run_at, last_run_at, last_execution_id, last_error";

	private final JdbcClient jdbc;

	ScheduleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long projectId, Definition definition, long createdBy, Instant now, Instant nextRunAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into trigger_schedules (project_id, cron, timezone, enabled, description, inputs, "
					+ "created_by, created_at, updated_at, next_run_at) values (:project, :cron, :timezone, "
					+ ":enabled, :description, :inputs, :createdBy, :now, :now, :next)")
			.param("project", projectId)
			.param("cron", definition.cron())
			.param("timezone", definition.timezone())
			.param("enabled", definition.enabled())
			.param("description", definition.description())
			.param("inputs", definition.inputs())
			.param("createdBy", createdBy)
			.param("now", Timestamp.from(now))
			.param("next", timestamp(nextRunAt))
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
	}

	Optional<StoredSchedule> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from trigger_schedules where id = :id")
			.param("id", id)
			.query(ScheduleRepository::map)
			.optional();
	}

	/** The schedule, locked until the transaction ends. */
	Optional<StoredSchedule> lock(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from trigger_schedules where id = :id for update")
			.param("id", id)
			.query(ScheduleRepository::map)
			.optional();
	}

	List<StoredSchedule> findAll(long projectId) {
		return this.jdbc.sql("select " + COLUMNS + " from trigger_schedules where project_id = :project order by id")
			.param("project", projectId)
			.query(ScheduleRepository::map)
			.list();
	}

	/** A project's schedules, locked until the transaction ends. */
	List<StoredSchedule> lockAll(long projectId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from trigger_schedules where project_id = :project order by id for update")
			.param("project", projectId)
			.query(ScheduleRepository::map)
			.list();
	}

	int count(long projectId) {
		return this.jdbc.sql("select count(*) from trigger_schedules where project_id = :project")
			.param("project", projectId)
			.query(Integer.class)
			.single();
	}

	void update(long id, Definition definition, Instant now, Instant nextRunAt) {
		this.jdbc
			.sql("update trigger_schedules set cron = :cron, timezone = :timezone, enabled = :enabled, "
					+ "description = :description, inputs = :inputs, updated_at = :now, next_run_at = :next "
					+ "where id = :id")
			.param("cron", definition.cron())
			.param("timezone", definition.timezone())
			.param("enabled", definition.enabled())
			.param("description", definition.description())
			.param("inputs", definition.inputs())
			.param("now", Timestamp.from(now))
			.param("next", timestamp(nextRunAt))
			.param("id", id)
			.update();
	}

	/** After a fire: when it fires next, and the run it started last. */
	void fired(long id, Instant nextRunAt, Instant lastRunAt, Long lastExecutionId, String lastError) {
		this.jdbc
			.sql("update trigger_schedules set next_run_at = :next, last_run_at = :lastRun, "
					+ "last_execution_id = :lastExecution, last_error = :error where id = :id")
			.param("next", timestamp(nextRunAt))
			.param("lastRun", timestamp(lastRunAt))
			.param("lastExecution", lastExecutionId)
			.param("error", lastError)
			.param("id", id)
			.update();
	}

	void delete(long id) {
		this.jdbc.sql("delete from trigger_schedules where id = :id").param("id", id).update();
	}

	void deleteAll(long projectId) {
		this.jdbc.sql("delete from trigger_schedules where project_id = :project").param("project", projectId).update();
	}

	/**
	 * Claims a fire time of a schedule.
	 * @return {@code false} when it was claimed before
	 */
	boolean claimFire(long scheduleId, Instant fireTime, Instant now) {
		return this.jdbc
			.sql("insert into trigger_schedule_fires (schedule_id, fire_time, fired_at) "
					+ "values (:schedule, :fireTime, :now) on conflict do nothing")
			.param("schedule", scheduleId)
			.param("fireTime", Timestamp.from(fireTime))
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	void recordFire(long scheduleId, Instant fireTime, Long executionId, String error) {
		this.jdbc
			.sql("update trigger_schedule_fires set execution_id = :execution, error = :error "
					+ "where schedule_id = :schedule and fire_time = :fireTime")
			.param("execution", executionId)
			.param("error", error)
			.param("schedule", scheduleId)
			.param("fireTime", Timestamp.from(fireTime))
			.update();
	}

	void forgetFiresBefore(long scheduleId, Instant cutoff) {
		this.jdbc.sql("delete from trigger_schedule_fires where schedule_id = :schedule and fire_time < :cutoff")
			.param("schedule", scheduleId)
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

	List<Fire> fires(long scheduleId, PageRequest page) {
		return this.jdbc
			.sql("select fire_time, fired_at, execution_id, error from trigger_schedule_fires "
					+ "where schedule_id = :schedule order by fire_time desc limit :limit offset :offset")
			.param("schedule", scheduleId)
			.param("limit", page.limit())
			.param("offset", page.offset())
			.query((rs, row) -> new Fire(instant(rs, "fire_time"), instant(rs, "fired_at"),
					nullableLong(rs, "execution_id"), rs.getString("error")))
			.list();
	}

	long countFires(long scheduleId) {
		return this.jdbc.sql("select count(*) from trigger_schedule_fires where schedule_id = :schedule")
			.param("schedule", scheduleId)
			.query(Long.class)
			.single();
	}

	private static StoredSchedule map(ResultSet rs, int row) throws SQLException {
		return new StoredSchedule(rs.getLong("id"), rs.getLong("project_id"),
				new Definition(rs.getString("cron"), rs.getString("timezone"), rs.getBoolean("enabled"),
						rs.getString("description"), rs.getString("inputs")),
				rs.getLong("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "next_run_at"), instant(rs, "last_run_at"), nullableLong(rs, "last_execution_id"),
				rs.getString("last_error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/**
	 * What the schedule's owner decides: when, in which time zone, whether at all, and
	 * with which inputs (JSON text).
	 */
	record Definition(String cron, String timezone, boolean enabled, String description, String inputs) {

		boolean sameTiming(Definition other) {
			return this.cron.equals(other.cron) && this.timezone.equals(other.timezone);
		}

	}

	record StoredSchedule(long id, long projectId, Definition definition, long createdBy, Instant createdAt,
			Instant updatedAt, Instant nextRunAt, Instant lastRunAt, Long lastExecutionId, String lastError) {
	}

	/** One fire time of a schedule and what it started. */
	record Fire(Instant fireTime, Instant firedAt, Long executionId, String error) {
	}

}
