package io.quantra.services;

/**
 * The probe used while this server has no gRPC client: it checks nothing and says so, so
 * no endpoint looks healthy that nobody has checked.
 */
final class NoGrpcClient implements EndpointProbe {

	static final String MESSAGE = "No gRPC client on this server yet; the endpoint is registered but cannot be "
			+ "checked or called.";

	@Override
	public ProbeResult probe(Endpoint endpoint) {
		return ProbeResult.failed(EndpointStatus.UNKNOWN, MESSAGE);
	}

}
