package io.quantra.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.quantra.platform.BlobStore;
import io.quantra.plugins.NodeFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Run history retention: runs that ended longer ago than {@code quantra.runs.retention}
 * (default 30 days; {@code 0} keeps them for ever) are deleted with their nodes, events
 * stored outputs and the documents given to them by a job that runs on one server of the
 * cluster at a time, every {@code quantra.runs.purge-interval} (default 1 hour), in
 * batches so that no transaction grows large.
 */
@Component
class RunRetention {

	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(RunRetention.class);

	private final JdbcClient jdbc;

	private final BlobStore blobs;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration retention;

	private final RecurringTask<Void> task;

	private final NodeFiles files;

	private final ObjectProvider<Scheduler> scheduler;

	RunRetention(JdbcClient jdbc, BlobStore blobs, NodeFiles files, TransactionTemplate transactions, Clock clock,
			ObjectProvider<Scheduler> scheduler, @Value("${quantra.runs.retention:30d}") Duration retention,
			@Value("${quantra.runs.purge-interval:1h}") Duration interval) {
		this.scheduler = scheduler;
		this.jdbc = jdbc;
		this.blobs = blobs;
		this.files = files;
		this.transactions = transactions;
		this.clock = clock;
		this.retention = retention;
		this.task = Tasks.recurring("purge-runs", FixedDelay.of(interval)).execute((instance, context) -> purge());
	}

	@Bean
	RecurringTask<Void> purgeRunsTask() {
		return this.task;
	}

	/**
	 * The shared scheduler starts no recurring task by itself: the purge is queued once,
	 * by whichever server starts first.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void schedule() {
		this.scheduler.getObject()
			.schedule(this.task.schedulableInstance(RecurringTask.INSTANCE), ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
	}

	/** Deletes the runs past retention; how many. */
	int purge() {
		if (this.retention.isZero() || this.retention.isNegative()) {
			return 0;
		}
		Instant cutoff = this.clock.instant().minus(this.retention);
		int purged = 0;
		while (true) {
			List<Run> batch = this.jdbc
				.sql("select id, project_id, run_id from runs where completed_at < :cutoff "
						+ "and status in ('completed', 'failed', 'cancelled') order by completed_at limit :limit")
				.param("cutoff", Timestamp.from(cutoff))
				.param("limit", BATCH)
				.query((rs, row) -> new Run(rs.getLong(1), rs.getLong(2), rs.getString(3)))
				.list();
			if (batch.isEmpty()) {
				break;
			}
			for (Run run : batch) {
				deleteOutputs(run);
			}
			this.transactions.executeWithoutResult((tx) -> this.jdbc.sql("delete from runs where id in (:ids)")
				.param("ids", batch.stream().map(Run::id).toList())
				.update());
			purged += batch.size();
			if (batch.size() < BATCH) {
				break;
			}
		}
		if (purged > 0) {
			log.info("Purged {} runs that ended before {}", purged, cutoff);
		}
		return purged;
	}

	/**
	 * Outputs kept in the blob store go first: a crash in between leaves rows, never
	 * orphans.
	 */
	private void deleteOutputs(Run run) {
		try {
			this.blobs.deleteAll(RunOutputs.prefix(run.projectId(), run.id()));
			this.files.deleteRunFiles(run.projectId(), run.runId());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the stored outputs of run " + run.id(), ex);
		}
	}

	private record Run(long id, long projectId, String runId) {
	}

}
