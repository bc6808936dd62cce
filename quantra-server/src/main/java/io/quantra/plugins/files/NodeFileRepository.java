package io.quantra.plugins.files;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import io.quantra.plugins.NodeFiles.StoredFile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind node files.
 */
@Repository
class NodeFileRepository {

	private static final String COLUMNS = "file_id, project_id, node_id, run_id, filename, media_type, size_bytes, "
			+ "sha256, created_at";

	private final JdbcClient jdbc;

	NodeFileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredFile file) {
		this.jdbc
			.sql("insert into node_files (" + COLUMNS + ") values (:file, :project, :node, :run, :filename, :type, "
					+ ":size, :sha256, :created)")
			.param("file", file.fileId())
			.param("project", file.projectId())
			.param("node", file.nodeId())
			.param("run", file.runId())
			.param("filename", file.filename())
			.param("type", file.mediaType())
			.param("size", file.size())
			.param("sha256", file.sha256())
			.param("created", Timestamp.from(file.createdAt()))
			.update();
	}

	List<StoredFile> ofNode(long projectId, long nodeId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from node_files where project_id = :project and node_id = :node "
					+ "and run_id is null order by id")
			.param("project", projectId)
			.param("node", nodeId)
			.query(this::file)
			.list();
	}

	List<StoredFile> ofRun(long projectId, long nodeId, String runId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from node_files where project_id = :project and node_id = :node "
					+ "and run_id = :run order by id")
			.param("project", projectId)
			.param("node", nodeId)
			.param("run", runId)
			.query(this::file)
			.list();
	}

	List<StoredFile> ofRun(long projectId, String runId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from node_files where project_id = :project and run_id = :run order by id")
			.param("project", projectId)
			.param("run", runId)
			.query(this::file)
			.list();
	}

	void deleteRun(long projectId, String runId) {
		this.jdbc.sql("delete from node_files where project_id = :project and run_id = :run")
			.param("project", projectId)
			.param("run", runId)
			.update();
	}

	Optional<StoredFile> find(long projectId, String fileId) {
		return this.jdbc.sql("select " + COLUMNS + " from node_files where project_id = :project and file_id = :file")
			.param("project", projectId)
			.param("file", fileId)
			.query(this::file)
			.optional();
	}

	boolean delete(long projectId, long nodeId, String fileId) {
		return this.jdbc
			.sql("delete from node_files where project_id = :project and node_id = :node and file_id = :file")
			.param("project", projectId)
			.param("node", nodeId)
			.param("file", fileId)
			.update() > 0;
	}

	void deleteNode(long projectId, long nodeId) {
		this.jdbc.sql("delete from node_files where project_id = :project and node_id = :node")
			.param("project", projectId)
			.param("node", nodeId)
			.update();
	}

	void deleteProject(long projectId) {
		this.jdbc.sql("delete from node_files where project_id = :project").param("project", projectId).update();
	}

	private StoredFile file(ResultSet rs, int row) throws SQLException {
		return new StoredFile(rs.getString("file_id"), rs.getLong("project_id"), rs.getLong("node_id"),
				rs.getString("run_id"), rs.getString("filename"), rs.getString("media_type"), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getTimestamp("created_at").toInstant());
	}

}
