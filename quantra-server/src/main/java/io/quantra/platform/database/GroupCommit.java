package io.quantra.platform.database;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes committed transactions durable in groups: every committer takes a ticket, and one
 * of them at a time writes everything committed so far, which covers every ticket taken
 * before that write began. Under load, one write makes many commits durable; alone, a
 * commit pays for one write, as it would without grouping.
 */
final class GroupCommit {

	private final Runnable write;

	private final AtomicLong requested = new AtomicLong();

	private volatile long written;

	private final ReentrantLock writer = new ReentrantLock();

	/**
	 * @param write writes every change committed so far to the database file
	 */
	GroupCommit(Runnable write) {
		this.write = write;
	}

	/** Returns once everything this thread committed is in the database file. */
	void awaitDurable() {
		long ticket = this.requested.incrementAndGet();
		if (this.written >= ticket) {
			return;
		}
		this.writer.lock();
		try {
			if (this.written >= ticket) {
				return;
			}
			long upTo = this.requested.get();
			this.write.run();
			this.written = upTo;
		}
		finally {
			this.writer.unlock();
		}
	}

}
