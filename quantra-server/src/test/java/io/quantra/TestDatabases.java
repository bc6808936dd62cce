package io.quantra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.util.FileSystemUtils;

/**
 * The databases tests run against: the embedded H2 default in a fresh data directory, and
 * the PostgreSQL server on 127.0.0.1:5432 (database {@code test}) in a schema of its own,
 * so runs never see each other's rows. Schemas and directories go away when the JVM
 * exits; schemas that a killed run left behind are dropped by the next run after a few
 * hours.
 */
public final class TestDatabases {

	static final String POSTGRES_URL = env("QUANTRA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	static final String POSTGRES_USER = env("QUANTRA_TEST_PG_USER", "postgres");

	static final String POSTGRES_PASSWORD = env("QUANTRA_TEST_PG_PASSWORD", "");

	private static final String SCHEMA_PREFIX = "quantra_test_";

	private static final List<String> schemas = new ArrayList<>();

	private static final List<Path> directories = new ArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::cleanUp, "test-database-cleanup"));
	}

	private TestDatabases() {
	}

	/**
	 * Properties for a server on the embedded H2 database in a new data directory.
	 */
	public static Map<String, Object> h2() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("quantra.data-dir", newDataDirectory().toString());
		return properties;
	}

	/**
	 * Properties for a server on a new, empty schema of the PostgreSQL test database.
	 */
	public static Map<String, Object> postgres() {
		String schema = newPostgresSchema();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("quantra.data-dir", newDataDirectory().toString());
		properties.put("quantra.db.url", POSTGRES_URL + "?currentSchema=" + schema);
		properties.put("quantra.db.user", POSTGRES_USER);
		properties.put("quantra.db.password", POSTGRES_PASSWORD);
		return properties;
	}

	public static synchronized Path newDataDirectory() {
		try {
			Path directory = Files.createTempDirectory("quantra-test-");
			directories.add(directory);
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static synchronized String newPostgresSchema() {
		String schema = SCHEMA_PREFIX + Instant.now().getEpochSecond() + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			dropAbandonedSchemas(connection);
			statement.execute("create schema " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " is needed by the tests; start it "
					+ "with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", ex);
		}
		schemas.add(schema);
		return schema;
	}

	private static void dropAbandonedSchemas(Connection connection) throws SQLException {
		long cutoff = Instant.now().minus(Duration.ofHours(6)).getEpochSecond();
		List<String> abandoned = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("select nspname from pg_namespace where nspname like '" + SCHEMA_PREFIX + "%'")) {
			while (rs.next()) {
				String name = rs.getString(1);
				String[] parts = name.substring(SCHEMA_PREFIX.length()).split("_");
				if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < cutoff) {
					abandoned.add(name);
				}
			}
		}
		for (String name : abandoned) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop schema if exists " + name + " cascade");
			}
		}
	}

	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
	}

	private static synchronized void cleanUp() {
		if (!schemas.isEmpty()) {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				for (String schema : schemas) {
					statement.execute("drop schema if exists " + schema + " cascade");
				}
			}
			catch (SQLException ex) {
				// left for the next run's sweep
			}
		}
		for (Path directory : directories) {
			try {
				FileSystemUtils.deleteRecursively(directory);
			}
			catch (IOException ex) {
				// temp directory; the OS reclaims it
			}
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
