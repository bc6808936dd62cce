package io.quantra.webhooks;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks offer exactly the run event types the runs module stores: one JSON Schema per
 * type under {@code /events}.
 */
class WebhookEventTypesTests {

	@Test
	void everyRunEventTypeCanBeSubscribedTo() throws IOException {
		Resource[] schemas = new PathMatchingResourcePatternResolver().getResources("classpath*:events/*.schema.json");
		assertThat(Arrays.stream(schemas).map((s) -> s.getFilename().replace(".schema.json", "")))
			.containsExactlyInAnyOrderElementsOf(io.quantra.runs.Runs.EVENT_TYPES);
	}

}
