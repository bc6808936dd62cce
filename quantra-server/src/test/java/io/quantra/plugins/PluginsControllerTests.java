package io.quantra.plugins;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PluginsControllerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void listsWhetherEachPluginCanRunHereAndWhyNot() {
		PluginDescriptor ready = descriptor("text_extract", PluginDescriptor.AVAILABLE, null);
		PluginDescriptor missing = descriptor("ocr_tool", PluginDescriptor.UNAVAILABLE,
				"The OCR engine Tesseract was not found at 'tesseract'");
		PluginDescriptor canvasOnly = descriptor("pii_redaction", PluginDescriptor.CANVAS_ONLY, null);
		PluginDescriptor person = descriptor("manual_review", PluginDescriptor.HUMAN_STEP, null);
		JsonNode listed = JSON
			.valueToTree(new PluginsController(catalog(List.of(ready, missing, canvasOnly, person)), JSON).list());
		JsonNode plugins = listed.get("plugins");
		assertThat(plugins.get(0).get("available").asBoolean()).isTrue();
		assertThat(plugins.get(0).has("unavailable_reason")).isFalse();
		assertThat(plugins.get(1).get("availability").asString()).isEqualTo("unavailable");
		assertThat(plugins.get(1).get("available").asBoolean()).isFalse();
		assertThat(plugins.get(1).get("unavailable_reason").asString()).contains("Tesseract was not found");
		assertThat(plugins.get(2).get("available").asBoolean()).isFalse();
		assertThat(plugins.get(2).get("unavailable_reason").asString()).contains("no code to run it");
		assertThat(plugins.get(3).get("available").asBoolean()).isTrue();
		assertThat(plugins.get(1).get("config_schema").get("type").asString()).isEqualTo("object");
	}

	private static PluginDescriptor descriptor(String id, String availability, String reason) {
		return new PluginDescriptor(id, NodeType.TOOL, id, id, "1.0.0", "{\"type\": \"object\"}", List.of("object"),
				List.of("object"), availability, reason);
	}

	private static PluginCatalog catalog(List<PluginDescriptor> descriptors) {
		return new PluginCatalog() {

			@Override
			public List<PluginDescriptor> all() {
				return descriptors;
			}

			@Override
			public Optional<PluginDescriptor> find(String id) {
				return descriptors.stream().filter((d) -> d.id().equals(id)).findFirst();
			}

			@Override
			public Optional<ExecutablePlugin> executable(String id) {
				return Optional.empty();
			}

			@Override
			public List<String> violations(String pluginId, JsonNode config) {
				return List.of();
			}

		};
	}

}
