package io.quantra.webhooks;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The scheduler side of deliveries: each pending delivery is one db-scheduler execution
 * named after its row, so exactly one server makes each attempt. Scheduling joins the
 * caller's transaction; the scheduler is woken once it commits.
 */
@Component
class DeliveryQueue {

	static final String TASK = "webhook-delivery";

	private final ObjectProvider<Scheduler> scheduler;

	DeliveryQueue(ObjectProvider<Scheduler> scheduler) {
		this.scheduler = scheduler;
	}

	/** Queues the first attempt of a new delivery. */
	void enqueue(long deliveryId, Instant at) {
		this.scheduler.getObject().schedule(instance(deliveryId), at);
		wakeAfterCommit();
	}

	/**
	 * Moves the delivery's next attempt to {@code at}, queueing one if there is none.
	 * @return false when an attempt is under way right now
	 */
	boolean requeue(long deliveryId, Instant at) {
		Scheduler scheduler = this.scheduler.getObject();
		TaskInstanceId id = instance(deliveryId);
		Optional<ScheduledExecution<Object>> existing = scheduler.getScheduledExecution(id);
		try {
			if (existing.isEmpty()) {
				scheduler.schedule(instance(deliveryId), at);
			}
			else if (existing.get().isPicked()) {
				return false;
			}
			else {
				scheduler.reschedule(id, at);
			}
		}
		catch (TaskInstanceCurrentlyExecutingException ex) {
			return false;
		}
		wakeAfterCommit();
		return true;
	}

	/**
	 * Drops the queued attempts of deliveries being deleted. One under way finds its row
	 * gone and sends nothing more.
	 */
	void cancel(Collection<Long> deliveryIds) {
		Scheduler scheduler = this.scheduler.getObject();
		for (long deliveryId : deliveryIds) {
			try {
				scheduler.cancel(instance(deliveryId));
			}
			catch (TaskInstanceCurrentlyExecutingException | TaskInstanceNotFoundException ex) {
				// the attempt under way, or finished meanwhile, finds no pending row
			}
		}
	}

	static TaskInstance<Void> instance(long deliveryId) {
		return new TaskInstance<>(TASK, Long.toString(deliveryId));
	}

	private void wakeAfterCommit() {
		Runnable wake = () -> this.scheduler.getObject().triggerCheckForDueExecutions();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake.run();
				}
			});
		}
		else {
			wake.run();
		}
	}

}
