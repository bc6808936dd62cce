package io.quantra.plugins;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The plugins this server knows, and the check of a node configuration against a plugin's
 * schema.
 */
public interface PluginCatalog {

	List<PluginDescriptor> all();

	Optional<PluginDescriptor> find(String id);

	/** The plugin that runs nodes of {@code id}, if this server can run it. */
	Optional<ExecutablePlugin> executable(String id);

	/**
	 * The ways {@code config} breaks the plugin's schema, each naming the JSON path that
	 * fails as a JSON Pointer
	 * ({@code /accepted_types/1: does not match the regex pattern ...}); empty when
	 * valid.
	 */
	List<String> violations(String pluginId, JsonNode config);

}
