package io.quantra.platform.health;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.util.unit.DataSize;

/**
 * Probes what Quantra needs to serve requests: the database answers a query within a
 * deadline, the data directory has free space, and the heap is not exhausted.
 */
class HealthChecks {

	static final double HEAP_LIMIT = 0.95;

	private final DataSource dataSource;

	private final Path dataDirectory;

	private final DataSize minFreeDisk;

	private final Duration databaseDeadline;

	HealthChecks(DataSource dataSource, Path dataDirectory, DataSize minFreeDisk, Duration databaseDeadline) {
		this.dataSource = dataSource;
		this.dataDirectory = dataDirectory;
		this.minFreeDisk = minFreeDisk;
		this.databaseDeadline = databaseDeadline;
	}

	Report check() {
		Map<String, Check> checks = new LinkedHashMap<>();
		checks.put("api", Check.up(Map.of()));
		checks.put("database", database());
		checks.put("disk", disk());
		checks.put("memory", memory());
		boolean healthy = checks.values().stream().allMatch(Check::isUp);
		return new Report(healthy ? "healthy" : "unhealthy", checks);
	}

	private Check database() {
		long started = System.nanoTime();
		CompletableFuture<Void> probe = CompletableFuture.runAsync(() -> {
			try (Connection connection = this.dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.setQueryTimeout((int) Math.max(1, this.databaseDeadline.toSeconds()));
				statement.execute("SELECT 1");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		try {
			probe.get(this.databaseDeadline.toMillis(), TimeUnit.MILLISECONDS);
			return Check.up(Map.of("latency_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
		}
		catch (TimeoutException ex) {
			probe.cancel(true);
			return Check.down("The database did not answer within " + this.databaseDeadline.toMillis() + " ms.");
		}
		catch (ExecutionException ex) {
			return Check.down("The database cannot be reached.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Check.down("The database check was interrupted.");
		}
	}

	private Check disk() {
		try {
			long free = Files.getFileStore(this.dataDirectory).getUsableSpace();
			Map<String, Object> details = Map.of("free_mb", free / (1024 * 1024), "threshold_mb",
					this.minFreeDisk.toMegabytes());
			return (free >= this.minFreeDisk.toBytes()) ? Check.up(details)
					: Check.down("The data directory has less free space than the threshold.", details);
		}
		catch (IOException ex) {
			return Check.down("The data directory cannot be inspected.");
		}
	}

	private static Check memory() {
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		long max = (heap.getMax() > 0) ? heap.getMax() : heap.getCommitted();
		double used = (double) heap.getUsed() / max;
		Map<String, Object> details = Map.of("heap_used_mb", heap.getUsed() / (1024 * 1024), "heap_max_mb",
				max / (1024 * 1024));
		return (used < HEAP_LIMIT) ? Check.up(details) : Check.down("The heap is almost exhausted.", details);
	}

	record Report(String status, Map<String, Check> checks) {

		boolean healthy() {
			return "healthy".equals(this.status);
		}

	}

	record Check(String status, String message, Map<String, Object> details) {

		static Check up(Map<String, Object> details) {
			return new Check("up", null, details);
		}

		static Check down(String message) {
			return new Check("down", message, Map.of());
		}

		static Check down(String message, Map<String, Object> details) {
			return new Check("down", message, details);
		}

		boolean isUp() {
			return "up".equals(this.status);
		}

	}

}
