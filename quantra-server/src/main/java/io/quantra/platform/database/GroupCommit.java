package io.quantra.platform.database;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes committed transactions durable in groups: every commit takes a ticket, and one
 * waiter at a time writes everything committed so far, which covers every ticket taken
 * before that write began. Under load, one write makes many commits durable; alone, a
 * commit pays for one write, as it would without grouping. A commit that need not wait
 * takes its ticket all the same, so that a later wait covers it.
 */
final class GroupCommit {

	private final Runnable write;

	private final AtomicLong committed = new AtomicLong();

	private volatile long written;

	private final ReentrantLock writer = new ReentrantLock();

	/**
	 * @param write writes every change committed so far to the database file
	 */
	GroupCommit(Runnable write) {
		this.write = write;
	}

	/** Counts a commit that has just returned; its ticket. */
	long committed() {
		return this.committed.incrementAndGet();
	}

	/** Returns once every commit counted so far is in the database file. */
	void awaitCommitted() {
		awaitDurable(this.committed.get());
	}

	/** Returns once the commit with this ticket, and every earlier one, is written. */
	void awaitDurable(long ticket) {
		if (this.written >= ticket) {
			return;
		}
		this.writer.lock();
		try {
			if (this.written >= ticket) {
				return;
			}
			long upTo = this.committed.get();
			this.write.run();
			this.written = upTo;
		}
		finally {
			this.writer.unlock();
		}
	}

}
