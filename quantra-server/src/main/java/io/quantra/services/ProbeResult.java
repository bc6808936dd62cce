package io.quantra.services;

import java.util.List;

/**
 * What one health probe of a service endpoint found.
 *
 * @param status what the probe found; the health check turns a serving answer with an
 * unsupported protocol major version into {@link EndpointStatus#VERSION_MISMATCH}
 * @param version the service's own version, if it said
 * @param protocolVersion the protocol version it speaks ({@code 1.0}), if it said
 * @param pluginIds the plugin ids it says it serves; empty when it did not say
 * @param message what went wrong, in words, never with secrets; null when serving
 */
public record ProbeResult(EndpointStatus status, String version, String protocolVersion, List<String> pluginIds,
		String message) {

	public ProbeResult {
		pluginIds = (pluginIds != null) ? List.copyOf(pluginIds) : List.of();
	}

	public static ProbeResult serving(String version, String protocolVersion, List<String> pluginIds) {
		return new ProbeResult(EndpointStatus.SERVING, version, protocolVersion, pluginIds, null);
	}

	public static ProbeResult failed(EndpointStatus status, String message) {
		return new ProbeResult(status, null, null, List.of(), message);
	}

}
