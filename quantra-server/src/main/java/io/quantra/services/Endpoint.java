package io.quantra.services;

import java.time.Instant;
import java.util.List;

/**
 * A registered tool microservice as the platform calls it: where it listens, how to trust
 * it, which plugins it declares, and what its last health check found. It carries the
 * opened shared secret for the channel, so it never leaves the server: its
 * {@link #toString()} leaves the secret and certificate out.
 *
 * @param id the endpoint's id
 * @param name a unique name people know it by
 * @param host a host name or IP address, without scheme, port or path
 * @param port the TCP port
 * @param protocol {@code grpc} (plain text) or {@code grpcs} (TLS)
 * @param pluginIds the plugin ids it declares
 * @param hasSecret whether a shared secret is configured
 * @param sharedSecret the opened shared secret to present, null when none is configured
 * or when this server's key cannot open it ({@code hasSecret} tells which)
 * @param caCertificate PEM certificates to trust for {@code grpcs}, null for the JVM's
 * trust store
 * @param active whether the last health check found it serving
 * @param status what the last health check found
 * @param statusMessage why, in words, when not serving
 * @param version the version the service reported
 * @param protocolVersion the protocol version the service reported
 * @param lastHealthCheck when it was last checked, null before the first check
 * @param revision the configuration revision; grows with every change
 */
public record Endpoint(long id, String name, String host, int port, String protocol, List<String> pluginIds,
		boolean hasSecret, String sharedSecret, String caCertificate, boolean active, EndpointStatus status,
		String statusMessage, String version, String protocolVersion, Instant lastHealthCheck, long revision) {

	/** Plain-text gRPC. */
	public static final String GRPC = "grpc";

	/** gRPC over TLS. */
	public static final String GRPCS = "grpcs";

	public Endpoint {
		pluginIds = List.copyOf(pluginIds);
	}

	/** Whether it declares {@code pluginId}. */
	public boolean declares(String pluginId) {
		return this.pluginIds.contains(pluginId);
	}

	/** Whether a secret is configured but this server's key cannot open it. */
	public boolean secretUnreadable() {
		return this.hasSecret && this.sharedSecret == null;
	}

	@Override
	public String toString() {
		return "Endpoint[id=" + this.id + ", name=" + this.name + ", target=" + this.protocol + "://" + this.host + ":"
				+ this.port + ", plugins=" + this.pluginIds + ", status=" + this.status.value() + "]";
	}

}
