package io.quantra.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quantra.plugins.RemotePluginSource.RemotePlugin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The {@link PluginCatalog}, built from every {@link Plugin} bean at start-up, plus the
 * remote plugins each {@link RemotePluginSource} knows at the moment of asking. Two
 * built-in plugins with one id, or a schema that is not valid JSON Schema, stop the start
 * with a clear message.
 */
@Component
class PluginRegistry implements PluginCatalog {

	static final String REMOTE_SCHEMA = "{\"type\": \"object\"}";

	private final Map<String, PluginDescriptor> descriptors = new LinkedHashMap<>();

	private final Map<String, Schema> schemas = new LinkedHashMap<>();

	private final Map<String, ExecutablePlugin> executables = new LinkedHashMap<>();

	private final List<RemotePluginSource> remoteSources;

	private final Schema remoteSchema;

	PluginRegistry(List<Plugin> plugins, List<RemotePluginSource> remoteSources, JsonMapper json) {
		this.remoteSources = List.copyOf(remoteSources);
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		this.remoteSchema = registry.getSchema(json.readTree(REMOTE_SCHEMA));
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
		List<PluginDescriptor> remote = remote();
		if (remote.isEmpty()) {
			return List.copyOf(this.descriptors.values());
		}
		List<PluginDescriptor> all = new ArrayList<>(this.descriptors.values());
		all.addAll(remote);
		all.sort(Comparator.comparing(PluginDescriptor::id));
		return List.copyOf(all);
	}

	@Override
	public Optional<PluginDescriptor> find(String id) {
		if (id == null) {
			return Optional.empty();
		}
		PluginDescriptor builtIn = this.descriptors.get(id);
		if (builtIn != null) {
			return Optional.of(builtIn);
		}
		return remote().stream().filter((d) -> d.id().equals(id)).findFirst();
	}

	@Override
	public Optional<ExecutablePlugin> executable(String id) {
		if (id == null) {
			return Optional.empty();
		}
		ExecutablePlugin builtIn = this.executables.get(id);
		if (builtIn != null || this.descriptors.containsKey(id)) {
			return Optional.ofNullable(builtIn);
		}
		for (RemotePluginSource source : this.remoteSources) {
			Optional<ExecutablePlugin> remote = source.executable(id);
			if (remote.isPresent()) {
				return remote;
			}
		}
		return Optional.empty();
	}

	@Override
	public List<String> violations(String pluginId, JsonNode config) {
		Schema schema = this.schemas.get(pluginId);
		if (schema == null && find(pluginId).isPresent()) {
			schema = this.remoteSchema;
		}
		if (schema == null) {
			return List.of("$: no plugin '" + pluginId + "' is registered");
		}
		return schema.validate(config).stream().map((error) -> error.toString()).sorted().toList();
	}

	/**
	 * The remote plugins whose ids no built-in plugin claims. A service checks its own
	 * configuration, so the catalog asks only for a JSON object.
	 */
	private List<PluginDescriptor> remote() {
		Map<String, PluginDescriptor> remote = new LinkedHashMap<>();
		for (RemotePluginSource source : this.remoteSources) {
			for (RemotePlugin plugin : source.remotePlugins()) {
				if (!this.descriptors.containsKey(plugin.id())) {
					remote.putIfAbsent(plugin.id(), descriptor(plugin));
				}
			}
		}
		return List.copyOf(remote.values());
	}

	private static PluginDescriptor descriptor(RemotePlugin plugin) {
		return new PluginDescriptor(plugin.id(), NodeType.TOOL, plugin.id(),
				"A tool served by a registered microservice.",
				(plugin.version() != null) ? plugin.version() : "unknown", REMOTE_SCHEMA, List.of("object", "table"),
				List.of("object", "table"),
				plugin.available() ? PluginDescriptor.AVAILABLE : PluginDescriptor.UNAVAILABLE,
				plugin.available() ? null : plugin.unavailableReason());
	}

}
