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

	private final RunEvents events = new RunEvents(null, JsonMapper.builder().build(), Clock.systemUTC());

	private static final String RUN = "0b9c7a52-9e0f-4d2e-8f3c-1f6a2b3c4d5e";

	@Test
	void aFieldOutsideTheSchemaIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.events.emit(1, "run_failed",
					Map.of("run_id", RUN, "error_code", "NODE_FAILED", "email", "jane@example.com")))
			.withMessageContaining("email");
	}

	@Test
	void aValueOfTheWrongShapeIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.events.emit(1, "node_started",
					Map.of("run_id", RUN, "node", "Jane Doe", "plugin_id", "ocr_tool", "attempt", 1)))
			.withMessageContaining("node");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.events.emit(1, "run_started", Map.of("run_id", "not-a-uuid")));
	}

	@Test
	void unknownEventTypesAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.events.emit(1, "user_profile", Map.of("run_id", RUN)));
	}

}
