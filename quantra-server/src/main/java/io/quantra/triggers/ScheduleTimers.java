package io.quantra.triggers;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The durable timers behind schedules: one db-scheduler task instance per schedule and
 * fire time ({@code <schedule id>@<epoch second>}), which exactly one server of the
 * cluster picks when it is due. Timers are set and cleared inside the transaction that
 * changes the schedule, so the two never disagree once it commits.
 */
@Component
class ScheduleTimers {

	static final String TASK = "trigger-schedule";

	private final OneTimeTask<Void> task;

	private final ObjectProvider<Scheduler> scheduler;

	ScheduleTimers(ObjectProvider<Scheduler> scheduler, ObjectProvider<ScheduleManagement> schedules) {
		this.scheduler = scheduler;
		this.task = Tasks.oneTime(TASK).execute((instance, context) -> {
			String id = instance.getId();
			int at = id.indexOf('@');
			schedules.getObject()
				.fire(Long.parseLong(id.substring(0, at)), Instant.ofEpochSecond(Long.parseLong(id.substring(at + 1))));
		});
	}

	@Bean
	OneTimeTask<Void> scheduleFireTask() {
		return this.task;
	}

	/** Sets the timer of a schedule's next fire. */
	void set(long scheduleId, Instant fireTime) {
		this.scheduler.getObject().scheduleIfNotExists(instance(scheduleId, fireTime), fireTime);
	}

	/**
	 * Clears the timer of a fire time that no longer applies. A timer firing right now
	 * cannot be cleared; it finds its time gone when it reads the schedule and does
	 * nothing.
	 */
	void clear(long scheduleId, Instant fireTime) {
		TaskInstance<Void> instance = instance(scheduleId, fireTime);
		Scheduler client = this.scheduler.getObject();
		if (client.getScheduledExecution(instance).filter((execution) -> !execution.isPicked()).isPresent()) {
			client.cancel(instance);
		}
	}

	private TaskInstance<Void> instance(long scheduleId, Instant fireTime) {
		return this.task.instance(scheduleId + "@" + fireTime.getEpochSecond());
	}

}
