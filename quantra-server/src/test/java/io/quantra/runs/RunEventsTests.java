package io.quantra.runs;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Event payloads are checked against their type's schema before anything is stored:
 * personal data has no field to go in.
 */
class RunEventsTests {

	private final RunEvents events = new RunEvents(null, JsonMapper.builder().build(), Clock.systemUTC(), (event) -> {
	});

	private static final String RUN = "0b9c7a52-9e0f-4d2e-8f3c-1f6a2b3c4d5e";

	private static final String CORRELATION = "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

	@Test
	void aFieldOutsideTheSchemaIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.events.validated("run_failed",
					Map.of("run_id", RUN, "error_code", "NODE_FAILED", "email", "jane@example.com"), CORRELATION))
			.withMessageContaining("email");
	}

	@Test
	void aValueOfTheWrongShapeIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.events.validated("node_started",
					Map.of("run_id", RUN, "node", "Jane Doe", "plugin_id", "ocr_tool", "attempt", 1), CORRELATION))
			.withMessageContaining("node");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.events.validated("run_started", Map.of("run_id", "not-a-uuid"), CORRELATION));
	}

	@Test
	void unknownEventTypesAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.events.validated("user_profile", Map.of("run_id", RUN), CORRELATION));
	}

}
