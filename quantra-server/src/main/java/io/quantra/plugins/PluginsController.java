package io.quantra.plugins;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quantra.platform.RouteAuthorizations;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /plugins}: the catalog the canvas palette is built from.
 */
@RestController
class PluginsController {

	private final PluginCatalog catalog;

	private final JsonMapper json;

	PluginsController(PluginCatalog catalog, JsonMapper json) {
		this.catalog = catalog;
		this.json = json;
	}

	@Operation(summary = "The plugins nodes can use, with their config JSON Schemas")
	@GetMapping("/plugins")
	Map<String, Object> list() {
		return Map.of("plugins", this.catalog.all().stream().map(this::view).toList());
	}

	private Map<String, Object> view(PluginDescriptor plugin) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", plugin.id());
		view.put("node_type", plugin.nodeType().value());
		view.put("label", plugin.label());
		view.put("description", plugin.description());
		view.put("version", plugin.version());
		view.put("config_schema", this.json.readTree(plugin.configSchema()));
		view.put("input_kinds", plugin.inputKinds());
		view.put("output_kinds", plugin.outputKinds());
		view.put("availability", plugin.availability());
		view.put("available", plugin.available());
		if (!plugin.available()) {
			view.put("unavailable_reason", (plugin.unavailableReason() != null) ? plugin.unavailableReason()
					: "This server has no code to run it; it can be placed and configured on the canvas.");
		}
		return view;
	}

	/** Any signed-in user may read the catalog. */
	@Bean
	static RouteAuthorizations pluginRouteRules() {
		return (routes) -> routes.requestMatchers("/plugins").authenticated();
	}

}
