package io.quantra.services;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind service endpoints. Plugin ids are stored as a JSON array; the secret
 * sealed.
 */
@Repository
class ServiceEndpointRepository {

	private static final String COLUMNS = "id, name, host, port, protocol, plugin_ids, secret, ca_certificate, active, "
			+ "status, status_message, version, protocol_version, last_health_check, revision, created_at, updated_at";

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ServiceEndpointRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A new endpoint, not checked yet. */
	long insert(Settings settings, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into service_endpoints (name, host, port, protocol, plugin_ids, secret, ca_certificate, "
					+ "active, status, revision, created_at, updated_at) values (:name, :host, :port, :protocol, "
					+ ":plugins, :secret, :ca, false, 'unknown', 1, :now, :now)")
			.param("name", settings.name())
			.param("host", settings.host())
			.param("port", settings.port())
			.param("protocol", settings.protocol())
			.param("plugins", this.json.writeValueAsString(settings.pluginIds()))
			.param("secret", settings.sealedSecret())
			.param("ca", settings.caCertificate())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKey(), "generated id").longValue();
	}

	/**
	 * Stores new settings if the endpoint is still at {@code revision}; when
	 * {@code resetHealth}, it counts as unchecked until the next health check.
	 * @return whether it was still at that revision
	 */
	boolean update(long id, long revision, Settings settings, boolean resetHealth, Instant now) {
		String health = resetHealth ? ", active = false, status = 'unknown', status_message = null, version = null, "
				+ "protocol_version = null, last_health_check = null" : "";
		return this.jdbc
			.sql("update service_endpoints set name = :name, host = :host, port = :port, protocol = :protocol, "
					+ "plugin_ids = :plugins, secret = :secret, ca_certificate = :ca, revision = revision + 1, "
					+ "updated_at = :now" + health + " where id = :id and revision = :revision")
			.param("name", settings.name())
			.param("host", settings.host())
			.param("port", settings.port())
			.param("protocol", settings.protocol())
			.param("plugins", this.json.writeValueAsString(settings.pluginIds()))
			.param("secret", settings.sealedSecret())
			.param("ca", settings.caCertificate())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("revision", revision)
			.update() == 1;
	}

	/**
	 * Records a health check of the endpoint as it was at {@code revision}; a check of
	 * settings changed meanwhile is dropped.
	 */
	boolean recordHealth(long id, long revision, Health health) {
		return this.jdbc
			.sql("update service_endpoints set active = :active, status = :status, status_message = :message, "
					+ "version = :version, protocol_version = :protocolVersion, last_health_check = :checked "
					+ "where id = :id and revision = :revision")
			.param("active", health.status() == EndpointStatus.SERVING)
			.param("status", health.status().value())
			.param("message", health.message())
			.param("version", health.version())
			.param("protocolVersion", health.protocolVersion())
			.param("checked", Timestamp.from(health.checkedAt()))
			.param("id", id)
			.param("revision", revision)
			.update() == 1;
	}

	Optional<Stored> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from service_endpoints where id = :id")
			.param("id", id)
			.query(this::stored)
			.optional();
	}

	Optional<Stored> findByName(String name) {
		return this.jdbc.sql("select " + COLUMNS + " from service_endpoints where lower(name) = lower(:name)")
			.param("name", name)
			.query(this::stored)
			.optional();
	}

	List<Stored> all() {
		return this.jdbc.sql("select " + COLUMNS + " from service_endpoints order by id").query(this::stored).list();
	}

	boolean delete(long id) {
		return this.jdbc.sql("delete from service_endpoints where id = :id").param("id", id).update() == 1;
	}

	private Stored stored(ResultSet rs, int row) throws SQLException {
		Timestamp checked = rs.getTimestamp("last_health_check");
		return new Stored(rs.getLong("id"), rs.getString("name"), rs.getString("host"), rs.getInt("port"),
				rs.getString("protocol"), List.copyOf(this.json.readValue(rs.getString("plugin_ids"), STRINGS)),
				rs.getString("secret"), rs.getString("ca_certificate"), rs.getBoolean("active"),
				EndpointStatus.parse(rs.getString("status")).orElse(EndpointStatus.UNKNOWN),
				rs.getString("status_message"), rs.getString("version"), rs.getString("protocol_version"),
				(checked != null) ? checked.toInstant() : null, rs.getLong("revision"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	/**
	 * What staff configure for an endpoint.
	 *
	 * @param sealedSecret the shared secret sealed with the server's key, or null
	 */
	record Settings(String name, String host, int port, String protocol, List<String> pluginIds, String sealedSecret,
			String caCertificate) {
	}

	/** What one health check found. */
	record Health(EndpointStatus status, String message, String version, String protocolVersion, Instant checkedAt) {
	}

	/**
	 * An endpoint row, its secret still sealed.
	 */
	record Stored(long id, String name, String host, int port, String protocol, List<String> pluginIds,
			String sealedSecret, String caCertificate, boolean active, EndpointStatus status, String statusMessage,
			String version, String protocolVersion, Instant lastHealthCheck, long revision, Instant createdAt,
			Instant updatedAt) {

		Settings settings() {
			return new Settings(this.name, this.host, this.port, this.protocol, this.pluginIds, this.sealedSecret,
					this.caCertificate);
		}

		@Override
		public String toString() {
			return "Stored[id=" + this.id + ", name=" + this.name + "]";
		}

	}

}
