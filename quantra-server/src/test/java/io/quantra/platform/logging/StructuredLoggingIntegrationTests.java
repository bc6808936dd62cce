package io.quantra.platform.logging;

import java.util.List;

import io.quantra.OnH2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running server's log pipeline writes JSON lines with personal data and secrets
 * masked, in the message, the log context and stack traces alike.
 */
@OnH2
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(StructuredLoggingIntegrationTests.class);

	private static final List<String> SECRETS = List.of("jane.doe@example.com", "+44 20 7946 0958", "198.51.100.23",
			"qapi_live_9f8e7d6c5b4a", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl", "Hunter2!xyz",
			"opaque-bearer-value");

	@Test
	void personalDataAndSecretsAreMaskedInEveryPartOfALogLine(CapturedOutput output) {
		MDC.put("client", "198.51.100.23");
		try {
			log.info("login by {} phone {} from {} with {} jwt {} password={} header Bearer {}", SECRETS.toArray());
			log.warn("delivery failed", new IllegalStateException("could not reach jane.doe@example.com"));
		}
		finally {
			MDC.remove("client");
		}
		String logged = output.getOut();
		SECRETS.forEach((secret) -> assertThat(logged).doesNotContain(secret));

		JsonNode info = lineContaining(logged, "login by");
		assertThat(info.get("level").asString()).isEqualTo("INFO");
		assertThat(info.get("logger").asString()).isEqualTo(StructuredLoggingIntegrationTests.class.getName());
		assertThat(info.get("message").asString()).contains("[EMAIL]", "[PHONE]", "[IP]", "qapi_[REDACTED]", "[JWT]",
				"password=\"[REDACTED]\"", "Bearer [REDACTED]");
		assertThat(info.get("client").asString()).isEqualTo("[IP]");

		JsonNode warning = lineContaining(logged, "delivery failed");
		assertThat(warning.get("error").get("type").asString()).isEqualTo(IllegalStateException.class.getName());
		assertThat(warning.get("error").get("message").asString()).isEqualTo("could not reach [EMAIL]");
		assertThat(warning.get("error").get("stack_trace").asString()).contains("[EMAIL]");
	}

	private static JsonNode lineContaining(String output, String text) {
		String line = output.lines()
			.filter((l) -> l.contains(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no log line contains '" + text + "'"));
		return JsonMapper.builder().build().readTree(line);
	}

}
