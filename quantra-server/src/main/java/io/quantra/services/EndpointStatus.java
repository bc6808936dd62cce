package io.quantra.services;

import java.util.Locale;
import java.util.Optional;

/**
 * What the last health check found at a service endpoint. Only {@link #SERVING} makes an
 * endpoint active.
 */
public enum EndpointStatus {

	/** Not checked yet, or this server has no client to check it with. */
	UNKNOWN,

	/** Answered and serves its plugins with a compatible protocol. */
	SERVING,

	/** Answered, but says it does not serve (or lacks a plugin it is registered for). */
	NOT_SERVING,

	/** Did not answer: refused, timed out, TLS failed. */
	UNREACHABLE,

	/** Answered with a protocol major version this platform does not speak. */
	VERSION_MISMATCH,

	/** Refused the shared secret, or the stored secret cannot be read. */
	UNAUTHORIZED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<EndpointStatus> parse(String value) {
		for (EndpointStatus status : values()) {
			if (status.value().equals(value)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
