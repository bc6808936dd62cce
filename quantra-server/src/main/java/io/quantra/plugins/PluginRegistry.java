package io.quantra.plugins;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The {@link PluginCatalog}, built from every {@link Plugin} bean at start-up. Two
 * plugins with one id, or a schema that is not valid JSON Schema, stop the start with a
 * clear message.
 */
@Component
class PluginRegistry implements PluginCatalog {

	private final Map<String, PluginDescriptor> descriptors = new LinkedHashMap<>();

	private final Map<String, Schema> schemas = new LinkedHashMap<>();

	private final Map<String, ExecutablePlugin> executables = new LinkedHashMap<>();

	PluginRegistry(List<Plugin> plugins, JsonMapper json) {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		plugins.stream()
			.filter(ExecutablePlugin.class::isInstance)
			.forEach((p) -> this.executables.put(p.descriptor().id(), (ExecutablePlugin) p));
		plugins.stream().map(Plugin::descriptor).sorted(Comparator.comparing(PluginDescriptor::id)).forEach((d) -> {
			if (this.descriptors.putIfAbsent(d.id(), d) != null) {
				throw new IllegalStateException("Two plugins claim the id '" + d.id() + "'");
			}
			try {
				this.schemas.put(d.id(), registry.getSchema(json.readTree(d.configSchema())));
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("Plugin '" + d.id() + "' declares an unusable config schema", ex);
			}
		});
	}

	@Override
	public List<PluginDescriptor> all() {
		return List.copyOf(this.descriptors.values());
	}

	@Override
	public Optional<PluginDescriptor> find(String id) {
		return Optional.ofNullable((id != null) ? this.descriptors.get(id) : null);
	}

	@Override
	public Optional<ExecutablePlugin> executable(String id) {
		return Optional.ofNullable((id != null) ? this.executables.get(id) : null);
	}

	@Override
	public List<String> violations(String pluginId, JsonNode config) {
		Schema schema = this.schemas.get(pluginId);
		if (schema == null) {
			return List.of("$: no plugin '" + pluginId + "' is registered");
		}
		return schema.validate(config).stream().map((error) -> error.toString()).sorted().toList();
	}

}
