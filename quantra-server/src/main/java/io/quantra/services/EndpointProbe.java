package io.quantra.services;

/**
 * Checks one service endpoint's health and version: the seam the gRPC client fills. A
 * probe answers within a few seconds, reports failures as a result rather than throwing,
 * and never puts the shared secret in its message. Until a bean of this type exists, the
 * health check reports every endpoint as {@link EndpointStatus#UNKNOWN}.
 */
@FunctionalInterface
public interface EndpointProbe {

	ProbeResult probe(Endpoint endpoint);

}
