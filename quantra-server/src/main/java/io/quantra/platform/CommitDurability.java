package io.quantra.platform;

import java.util.function.Supplier;

/**
 * When a committed transaction is on disk. By default a commit returns once it is. Work
 * that only prepares other work may commit without waiting: a crash then loses its last
 * commits, never a commit without those it came after, and the work is done again. Before
 * anything leaves the process on the strength of such a commit — a response, an event on
 * a stream, a step that cannot be taken twice — the code that lets it leave makes the
 * commit durable, with {@link #require()} in the transaction or {@link #awaitCommitted()}
 * after it.
 */
public interface CommitDurability {

	/** Every commit is durable when it returns (PostgreSQL, and tests without H2). */
	CommitDurability IMMEDIATE = new CommitDurability() {

		@Override
		public <T> T deferred(Supplier<T> work) {
			return work.get();
		}

		@Override
		public void require() {
		}

		@Override
		public void awaitCommitted() {
		}

	};

	/**
	 * Runs work on this thread whose commits may return before they are on disk, unless
	 * the transaction {@link #require() requires} it.
	 */
	<T> T deferred(Supplier<T> work);

	/**
	 * The transaction in progress on this thread must be on disk when its commit returns,
	 * even in {@link #deferred(Supplier) deferred} work.
	 */
	void require();

	/** Returns once every transaction committed so far, by any thread, is on disk. */
	void awaitCommitted();

}
