package io.quantra.webhooks;

import java.time.Clock;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every hour, deletes deliveries that finished (succeeded or failed for good) longer than
 * {@code quantra.webhooks.retention} ago, in small batches so no transaction grows large.
 */
@Component
class DeliveryCleanup {

	static final String TASK = "webhook-delivery-cleanup";

	static final int BATCH = 1000;

	private static final Logger log = LoggerFactory.getLogger(DeliveryCleanup.class);

	private final DeliveryRepository deliveries;

	private final Clock clock;

	private final WebhookProperties properties;

	private final ObjectProvider<Scheduler> scheduler;

	private final RecurringTask<Void> task = Tasks.recurring(TASK, FixedDelay.ofHours(1))
		.execute((instance, context) -> run());

	DeliveryCleanup(DeliveryRepository deliveries, Clock clock, WebhookProperties properties,
			ObjectProvider<Scheduler> scheduler) {
		this.deliveries = deliveries;
		this.clock = clock;
		this.properties = properties;
		this.scheduler = scheduler;
	}

	@Bean
	RecurringTask<Void> webhookDeliveryCleanupTask() {
		return this.task;
	}

	/**
	 * The shared scheduler starts no recurring task by itself: this one is queued once.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void schedule() {
		this.scheduler.getObject()
			.schedule(this.task.schedulableInstance(RecurringTask.INSTANCE), ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
	}

	/**
	 * @return how many deliveries were deleted
	 */
	int run() {
		Instant cutoff = this.clock.instant().minus(this.properties.retention());
		int total = 0;
		int deleted;
		do {
			deleted = this.deliveries.deleteFinished(cutoff, BATCH);
			total += deleted;
		}
		while (deleted == BATCH);
		if (total > 0) {
			log.info("Deleted {} webhook deliveries that finished before {}", total, cutoff);
		}
		return total;
	}

}
