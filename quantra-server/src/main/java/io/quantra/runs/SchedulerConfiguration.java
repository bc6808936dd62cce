package io.quantra.runs;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler on Quantra's own database: node executions are rows in
 * {@code scheduled_tasks}, picked by one node of the cluster each, revived when their
 * executor died. It takes part in Spring's transactions, so a node is scheduled exactly
 * when the state change that made it due commits. It starts once the application is ready
 * and stops before the database goes away.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

	@Bean(destroyMethod = "stop")
	Scheduler scheduler(DataSource dataSource, RunEngine engine, @Value("${quantra.runs.workers:8}") int workers,
			@Value("${quantra.runs.heartbeat:10s}") Duration heartbeat) {
		// a node execution whose server stops heart-beating for 6 intervals is revived by
		// another
		return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), engine.task())
			.threads(workers)
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
