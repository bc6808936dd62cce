package io.quantra.runs;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.quantra.platform.CommitDurability;
import io.quantra.runs.RunEvents.StoredEvent;
import io.quantra.runs.RunRepository.Run;
import jakarta.annotation.PreDestroy;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of a run, read from the event store rather than from memory, so a
 * stream served by one node sees events produced on another. Each event's {@code id:} is
 * its sequence number, so a client reconnecting with {@code Last-Event-ID} misses
 * nothing. A stream ends when the run has ended and every event was sent, or after ten
 * minutes without an event.
 */
@Component
class RunStreams {

	static final Duration INACTIVITY = Duration.ofMinutes(10);

	static final Duration POLL = Duration.ofMillis(200);

	private final RunEvents events;

	private final RunRepository runs;

	private final CommitDurability durability;

	private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "run-streams");
		thread.setDaemon(true);
		return thread;
	});

	RunStreams(RunEvents events, RunRepository runs, CommitDurability durability) {
		this.durability = durability;
		this.events = events;
		this.runs = runs;
	}

	SseEmitter open(long runPk, long afterSeq) {
		SseEmitter emitter = new SseEmitter(0L);
		AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
		long[] last = { afterSeq };
		Instant[] active = { Instant.now() };
		Runnable poll = () -> {
			try {
				List<StoredEvent> batch = this.events.after(runPk, last[0], 500);
				if (!batch.isEmpty()) {
					// a client must never see an event that a crash could take back
					this.durability.awaitCommitted();
				}
				for (StoredEvent event : batch) {
					emitter.send(SseEmitter.event()
						.id(Long.toString(event.seq()))
						.name(event.type())
						.data(body(event), MediaType.APPLICATION_JSON));
					last[0] = event.seq();
					active[0] = Instant.now();
				}
				if (batch.isEmpty()) {
					boolean ended = this.runs.find(runPk).map(Run::terminal).orElse(true);
					if (ended || active[0].plus(INACTIVITY).isBefore(Instant.now())) {
						emitter.complete();
						cancel(task);
					}
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away
				cancel(task);
			}
			catch (RuntimeException ex) {
				emitter.completeWithError(ex);
				cancel(task);
			}
		};
		emitter.onCompletion(() -> cancel(task));
		emitter.onError((ex) -> cancel(task));
		task.set(this.poller.scheduleWithFixedDelay(poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS));
		return emitter;
	}

	private static Map<String, Object> body(StoredEvent event) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("seq", event.seq());
		body.put("type", event.type());
		body.put("created_at", event.createdAt().toString());
		body.put("payload", event.payload());
		return body;
	}

	private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
		ScheduledFuture<?> future = task.get();
		if (future != null) {
			future.cancel(false);
		}
	}

	@PreDestroy
	void stop() {
		this.poller.shutdownNow();
	}

}
