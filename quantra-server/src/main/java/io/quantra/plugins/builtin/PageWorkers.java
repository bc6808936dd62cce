package io.quantra.plugins.builtin;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads on which one node reads several pages at once: a fixed number of daemon
 * threads, started for the node and stopped when it ends. Closing interrupts every page
 * still being read and waits for its thread to let go, so no page outlives its node — nor
 * uses its documents or workspace after they are closed.
 */
final class PageWorkers implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PageWorkers.class);

	/** How long closing waits for interrupted pages to end before it gives up on them. */
	private static final long STOP_SECONDS = 60;

	private static final AtomicInteger threadNumbers = new AtomicInteger();

	private final ThreadPoolExecutor executor;

	/**
	 * @param name the threads' names start with it ({@code ocr-7})
	 * @param threads how many pages are read at once, at least 2
	 */
	PageWorkers(String name, int threads) {
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, name + "-" + threadNumbers.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/** How many pages are read at once. */
	int threads() {
		return this.executor.getMaximumPoolSize();
	}

	/** Where pages are submitted to be read. */
	Executor executor() {
		return this.executor;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
		boolean interrupted = Thread.interrupted();
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
			while (!this.executor.isTerminated()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					log.error("{} page(s) were still being read {} s after their node ended",
							this.executor.getActiveCount(), STOP_SECONDS);
					return;
				}
				try {
					this.executor.awaitTermination(left, TimeUnit.NANOSECONDS);
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
