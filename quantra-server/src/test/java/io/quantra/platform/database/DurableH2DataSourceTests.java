package io.quantra.platform.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.quantra.platform.CommitDurability;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a commit has reached the database file when it returns, on a real H2 file whose
 * own background writer is kept out of the way.
 */
class DurableH2DataSourceTests {

	@TempDir
	Path directory;

	private DurableH2DataSource dataSource;

	private CommitDurability durability;

	private Connection connection;

	@BeforeEach
	void open() throws SQLException {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + this.directory.resolve("db") + ";WRITE_DELAY=600000");
		this.dataSource = new DurableH2DataSource(h2);
		this.durability = this.dataSource.durability();
		this.connection = this.dataSource.getConnection();
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("create table items (id int primary key)");
		}
	}

	@AfterEach
	void close() throws SQLException {
		this.connection.close();
	}

	@Test
	void aCommitIsOnDiskWhenItReturns() throws SQLException {
		insertAndCommit(1);
		assertThat(unsaved()).isFalse();
	}

	@Test
	void aDeferredCommitReturnsBeforeTheDiskAndTheNextWaitCoversIt() throws SQLException {
		this.durability.deferred(() -> insertAndCommit(1));
		assertThat(unsaved()).as("deferred commit written at once").isTrue();

		this.durability.awaitCommitted();
		assertThat(unsaved()).isFalse();
	}

	@Test
	void aDeferredTransactionThatRequiresTheDiskWaitsForIt() throws SQLException {
		this.durability.deferred(() -> {
			this.durability.require();
			return insertAndCommit(1);
		});
		assertThat(unsaved()).isFalse();

		// the requirement was for that transaction only
		this.durability.deferred(() -> insertAndCommit(2));
		assertThat(unsaved()).isTrue();
	}

	@Test
	void aCommitAfterDeferredOnesTakesThemToDiskWithIt() throws SQLException {
		this.durability.deferred(() -> insertAndCommit(1));
		insertAndCommit(2);
		assertThat(unsaved()).isFalse();
	}

	private int insertAndCommit(int id) {
		try {
			this.connection.setAutoCommit(false);
			try (Statement statement = this.connection.createStatement()) {
				statement.executeUpdate("insert into items values (" + id + ")");
			}
			this.connection.commit();
			this.connection.setAutoCommit(true);
			return id;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private boolean unsaved() throws SQLException {
		SessionLocal session = (SessionLocal) this.connection.unwrap(JdbcConnection.class).getSession();
		MVStore store = session.getDatabase().getStore().getMvStore();
		return store.hasUnsavedChanges();
	}

}
