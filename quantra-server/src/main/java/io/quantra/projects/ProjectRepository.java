package io.quantra.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind projects and their members.
 */
@Repository
class ProjectRepository {

	private static final String PROJECT_COLUMNS = "p.id, p.name, p.description, p.created_at, p.updated_at, "
			+ "(select m.user_id from project_members m where m.project_id = p.id and m.role = 'owner') as owner_id";

	private final JdbcClient jdbc;

	private final Clock clock;

	ProjectRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	long insert(String name, String description, long ownerId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into projects (name, description, created_at, updated_at) values (:name, :description, "
					+ ":now, :now)")
			.param("name", name)
			.param("description", description)
			.param("now", now)
			.update(keys, "id");
		long id = Objects.requireNonNull(keys.getKey(), "generated id").longValue();
		upsertMember(id, ownerId, Role.OWNER);
		return id;
	}

	Optional<Project> find(long id) {
		return this.jdbc.sql("select " + PROJECT_COLUMNS + " from projects p where p.id = :id")
			.param("id", id)
			.query(ProjectRepository::project)
			.optional();
	}

	/**
	 * Projects the user is a member of, or all projects when {@code userId} is null
	 * (staff).
	 */
	List<Project> findVisible(Long userId, int limit, int offset) {
		String where = (userId != null)
				? " where exists (select 1 from project_members m where m.project_id = p.id and m.user_id = :user)"
				: "";
		var sql = this.jdbc
			.sql("select " + PROJECT_COLUMNS + " from projects p" + where
					+ " order by p.id limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset);
		if (userId != null) {
			sql = sql.param("user", userId);
		}
		return sql.query(ProjectRepository::project).list();
	}

	long countVisible(Long userId) {
		if (userId == null) {
			return this.jdbc.sql("select count(*) from projects").query(Long.class).single();
		}
		return this.jdbc.sql("select count(*) from project_members where user_id = :user")
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	void update(long id, String name, String description) {
		this.jdbc.sql("update projects set name = :name, description = :description, updated_at = :now where id = :id")
			.param("name", name)
			.param("description", description)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.update();
	}

	void delete(long id) {
		this.jdbc.sql("delete from projects where id = :id").param("id", id).update();
	}

	Optional<Role> roleOf(long projectId, long userId) {
		return this.jdbc.sql("select role from project_members where project_id = :project and user_id = :user")
			.param("project", projectId)
			.param("user", userId)
			.query(String.class)
			.optional()
			.flatMap(Role::parse);
	}

	boolean exists(long projectId) {
		return this.jdbc.sql("select count(*) from projects where id = :id")
			.param("id", projectId)
			.query(Long.class)
			.single() > 0;
	}

	List<Member> members(long projectId) {
		return this.jdbc
			.sql("select user_id, role, created_at from project_members where project_id = :project order by "
					+ "case role when 'owner' then 0 when 'admin' then 1 when 'editor' then 2 when 'runner' then 3 "
					+ "else 4 end, user_id")
			.param("project", projectId)
			.query((rs, row) -> new Member(rs.getLong("user_id"), Role.parse(rs.getString("role")).orElseThrow(),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	void upsertMember(long projectId, long userId, Role role) {
		int updated = this.jdbc
			.sql("update project_members set role = :role where project_id = :project and user_id = :user")
			.param("role", role.value())
			.param("project", projectId)
			.param("user", userId)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into project_members (project_id, user_id, role, created_at) values (:project, :user, "
						+ ":role, :now)")
				.param("project", projectId)
				.param("user", userId)
				.param("role", role.value())
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		touch(projectId);
	}

	boolean removeMember(long projectId, long userId) {
		boolean removed = this.jdbc.sql("delete from project_members where project_id = :project and user_id = :user")
			.param("project", projectId)
			.param("user", userId)
			.update() > 0;
		if (removed) {
			touch(projectId);
		}
		return removed;
	}

	/**
	 * Locks the project row until the transaction ends, to serialize membership changes.
	 */
	void lock(long projectId) {
		this.jdbc.sql("select id from projects where id = :id for update")
			.param("id", projectId)
			.query(Long.class)
			.optional();
	}

	private void touch(long projectId) {
		this.jdbc.sql("update projects set updated_at = :now where id = :id")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", projectId)
			.update();
	}

	private static Project project(ResultSet rs, int row) throws SQLException {
		return new Project(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getLong("owner_id"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	record Project(long id, String name, String description, long ownerId, Instant createdAt, Instant updatedAt) {
	}

	record Member(long userId, Role role, Instant since) {
	}

}
