package io.quantra.platform.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCommitTests {

	/** Commits so far, and how many of them the last write made durable. */
	private final AtomicLong committed = new AtomicLong();

	private final AtomicLong durable = new AtomicLong();

	private final AtomicInteger writes = new AtomicInteger();

	private final GroupCommit group = new GroupCommit(() -> {
		// a write covers every commit made before it starts
		long covered = this.committed.get();
		this.writes.incrementAndGet();
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.durable.set(covered);
	});

	@Test
	void everyCommitIsDurableWhenItsWaitReturnsAndWritesAreShared() throws Exception {
		int threads = 16;
		int commitsEach = 200;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				results.add(pool.submit(() -> {
					for (int i = 0; i < commitsEach; i++) {
						long mine = this.committed.incrementAndGet();
						this.group.awaitDurable(this.group.committed());
						if (this.durable.get() < mine) {
							return false;
						}
					}
					return true;
				}));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).as("a commit was acknowledged before a write covered it").isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.writes.get()).as("concurrent commits share writes").isLessThan(threads * commitsEach * 9 / 10);
	}

	@Test
	void aLoneCommitPaysForOneWrite() {
		this.committed.incrementAndGet();
		this.group.awaitDurable(this.group.committed());
		assertThat(this.writes.get()).isEqualTo(1);
		assertThat(this.durable.get()).isEqualTo(1);
	}

}
