package io.quantra.plugins;

import java.util.List;
import java.util.Optional;

/**
 * Plugins that run outside this server, in tool microservices that other modules
 * register. The catalog lists them next to the built-in plugins; an id a built-in plugin
 * already claims stays the built-in one.
 */
public interface RemotePluginSource {

	/** The remote plugins known now, each once. */
	List<RemotePlugin> remotePlugins();

	/**
	 * The plugin that runs nodes of {@code id} on a microservice, if a registered one
	 * declares it. Which service runs a node is decided when the node runs, so the plugin
	 * fails the node itself when none is serving then.
	 */
	default Optional<ExecutablePlugin> executable(String id) {
		return Optional.empty();
	}

	/**
	 * A plugin a registered microservice declares.
	 *
	 * @param id the plugin id, lower snake case
	 * @param version the version its service reports, null while unknown
	 * @param available whether a service that serves it is up now
	 * @param unavailableReason why not, when not available; null otherwise
	 */
	record RemotePlugin(String id, String version, boolean available, String unavailableReason) {

	}

}
