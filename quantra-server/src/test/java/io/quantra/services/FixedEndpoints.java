package io.quantra.services;

import java.util.List;
import java.util.Optional;

/** One endpoint that serves every plugin, for a remote tool outside a server. */
record FixedEndpoints(Endpoint endpoint) implements ServiceEndpoints {

	/** An active plain-text endpoint on this machine's {@code port}. */
	static FixedEndpoints local(int port, List<String> pluginIds) {
		return new FixedEndpoints(new Endpoint(1, "in-process", "127.0.0.1", port, Endpoint.GRPC, pluginIds, false,
				null, null, true, EndpointStatus.SERVING, null, "1.0.0", "1", null, 1));
	}

	@Override
	public Optional<Endpoint> forPlugin(String pluginId) {
		return Optional.of(this.endpoint);
	}

	@Override
	public List<Endpoint> all() {
		return List.of(this.endpoint);
	}

	@Override
	public Optional<Endpoint> find(long id) {
		return Optional.of(this.endpoint);
	}

}
