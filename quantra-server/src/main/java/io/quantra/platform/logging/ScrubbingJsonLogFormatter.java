package io.quantra.platform.logging;

import java.time.Instant;
import java.util.Map;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.quantra.platform.PiiScrubber;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * Quantra's log line: one JSON object per event, with the message, the log context (such
 * as {@code request_id}) and any stack trace passed through {@link PiiScrubber}, so no
 * e-mail address, phone number, IP address, token or password reaches the log.
 */
public class ScrubbingJsonLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

	private final JsonWriter<ILoggingEvent> writer = JsonWriter.<ILoggingEvent>of((members) -> {
		members.add("@timestamp", (event) -> Instant.ofEpochMilli(event.getTimeStamp()).toString());
		members.add("level", (event) -> event.getLevel().toString());
		members.add("logger", ILoggingEvent::getLoggerName);
		members.add("thread", ILoggingEvent::getThreadName);
		members.add("message", (event) -> PiiScrubber.scrub(event.getFormattedMessage()));
		members.from(ILoggingEvent::getMDCPropertyMap)
			.whenNot(Map::isEmpty)
			.usingPairs((mdc, pairs) -> mdc.forEach((key, value) -> pairs.accept(key, PiiScrubber.scrub(value))));
		members.add("error", ILoggingEvent::getThrowableProxy).whenNotNull().as(ScrubbingJsonLogFormatter::describe);
	}).withNewLineAtEnd();

	@Override
	public String format(ILoggingEvent event) {
		return this.writer.writeToString(event);
	}

	private static Map<String, String> describe(IThrowableProxy throwable) {
		return Map.of("type", throwable.getClassName(), "message",
				String.valueOf(PiiScrubber.scrub(throwable.getMessage())), "stack_trace",
				PiiScrubber.scrub(ThrowableProxyUtil.asString(throwable)));
	}

}
