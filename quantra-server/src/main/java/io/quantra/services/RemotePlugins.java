package io.quantra.services;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quantra.plugins.ExecutablePlugin;
import io.quantra.plugins.RemotePluginSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The plugins registered microservices declare, for the plugin catalog: available when an
 * endpoint that declares one is active, otherwise why not.
 */
@Component
class RemotePlugins implements RemotePluginSource {

	private final ServiceEndpointRepository endpoints;

	private final ServiceEndpoints serviceEndpoints;

	private final ServiceChannels channels;

	private final JsonMapper json;

	RemotePlugins(ServiceEndpointRepository endpoints, ServiceEndpoints serviceEndpoints, ServiceChannels channels,
			JsonMapper json) {
		this.endpoints = endpoints;
		this.serviceEndpoints = serviceEndpoints;
		this.channels = channels;
		this.json = json;
	}

	@Override
	public Optional<ExecutablePlugin> executable(String id) {
		boolean declared = this.endpoints.all().stream().anyMatch((e) -> e.pluginIds().contains(id));
		return declared ? Optional.of(new RemoteTool(id, this.serviceEndpoints, this.channels, this.json))
				: Optional.empty();
	}

	@Override
	public List<RemotePlugin> remotePlugins() {
		Map<String, List<ServiceEndpointRepository.Stored>> byPlugin = new LinkedHashMap<>();
		for (ServiceEndpointRepository.Stored endpoint : this.endpoints.all()) {
			endpoint.pluginIds().forEach((id) -> byPlugin.computeIfAbsent(id, (k) -> new ArrayList<>()).add(endpoint));
		}
		List<RemotePlugin> plugins = new ArrayList<>();
		byPlugin.forEach((id, serving) -> plugins.add(plugin(id, serving)));
		return plugins;
	}

	private static RemotePlugin plugin(String id, List<ServiceEndpointRepository.Stored> endpoints) {
		for (ServiceEndpointRepository.Stored endpoint : endpoints) {
			if (endpoint.active()) {
				return new RemotePlugin(id, endpoint.version(), true, null);
			}
		}
		ServiceEndpointRepository.Stored first = endpoints.get(0);
		String why = (first.statusMessage() != null) ? first.statusMessage() : "not checked yet";
		String reason = (endpoints.size() == 1)
				? "Its service endpoint '" + first.name() + "' is " + first.status().value() + ": " + why
				: "None of its " + endpoints.size() + " service endpoints is serving; '" + first.name() + "' is "
						+ first.status().value() + ": " + why;
		return new RemotePlugin(id, first.version(), false, reason);
	}

}
