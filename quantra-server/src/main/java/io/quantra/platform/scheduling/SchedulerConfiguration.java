package io.quantra.platform.scheduling;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler on Quantra's own database, shared by every module: a module contributes
 * its work as {@link Task} beans, and each task execution is a row in
 * {@code scheduled_tasks}, picked by one server of the cluster, revived by another when
 * its executor stops heart-beating. It takes part in Spring's transactions, so work is
 * scheduled exactly when the state change that made it due commits. It starts once the
 * application is ready and stops before the database goes away.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

	@Bean(destroyMethod = "stop")
	Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks,
			@Value("${quantra.scheduler.threads:64}") int threads,
			@Value("${quantra.runs.heartbeat:10s}") Duration heartbeat) {
		// an execution whose server misses 6 heartbeats is revived by another server
		return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
			.threads(threads)
			.pollingInterval(Duration.ofSeconds(2))
			.heartbeatInterval(heartbeat)
			.missedHeartbeatsLimit(6)
			.enableImmediateExecution()
			.shutdownMaxWait(Duration.ofSeconds(5))
			.build();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start(ApplicationReadyEvent event) {
		event.getApplicationContext().getBean(Scheduler.class).start();
	}

}
