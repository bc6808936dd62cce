package io.quantra.platform.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.quantra.platform.CommitDurability;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The embedded H2 database with group commit. H2 either writes its file at every commit
 * ({@code WRITE_DELAY=0}: one file write per transaction, one at a time) or in the
 * background (a killed process loses the last half second). This data source lets H2
 * write in the background and, after every commit — explicit, or a statement in
 * auto-commit mode — waits until a write has covered it, so a commit that returned
 * survives a killed process while concurrent commits share their writes. Work marked
 * {@link CommitDurability#deferred(Supplier) deferred} commits without waiting, unless
 * its transaction {@link CommitDurability#require() requires} it; H2 writes it within a
 * second, or the next wait does.
 */
final class DurableH2DataSource extends DelegatingDataSource {

	/** Set while this thread runs deferred work: whether the transaction must wait. */
	private static final ThreadLocal<boolean[]> DEFERRED = new ThreadLocal<>();

	private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");

	private static final Set<String> WRITES = Set.of("execute", "executeUpdate", "executeLargeUpdate", "executeBatch",
			"executeLargeBatch");

	private volatile GroupCommit group;

	DurableH2DataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return durable(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return durable(super.getConnection(username, password));
	}

	private Connection durable(Connection connection) throws SQLException {
		SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				new ConnectionHandler(connection, session, group(session)));
	}

	/** When this database's commits are on disk. */
	CommitDurability durability() {
		return new Durability();
	}

	/**
	 * A commit has just returned: waits until it is durable, unless it may be deferred.
	 */
	private static void committed(GroupCommit commits) {
		long ticket = commits.committed();
		boolean[] required = DEFERRED.get();
		if (required == null || required[0]) {
			commits.awaitDurable(ticket);
		}
		if (required != null) {
			required[0] = false;
		}
	}

	private GroupCommit group(SessionLocal session) {
		GroupCommit commits = this.group;
		if (commits == null) {
			MVStore store = session.getDatabase().getStore().getMvStore();
			commits = new GroupCommit(store::commit);
			this.group = commits;
		}
		return commits;
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static final class ConnectionHandler implements InvocationHandler {

		private final Connection target;

		private final SessionLocal session;

		private final GroupCommit commits;

		ConnectionHandler(Connection target, SessionLocal session, GroupCommit commits) {
			this.target = target;
			this.session = session;
			this.commits = commits;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			if (name.equals("unwrap") && args[0] == Connection.class) {
				return proxy;
			}
			// setAutoCommit(true) commits the transaction in progress; a transaction that
			// changed nothing (reads only, or already committed) has nothing to wait for
			boolean commits = name.equals("commit")
					|| name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]) && !this.target.getAutoCommit();
			boolean changed = commits && this.session.containsUncommitted();
			Object result = DurableH2DataSource.invoke(this.target, method, args);
			if (changed) {
				committed(this.commits);
			}
			else if (STATEMENT_FACTORIES.contains(name)) {
				Statement statement = (Statement) result;
				Class<?>[] types = { method.getReturnType() };
				return Proxy.newProxyInstance(DurableH2DataSource.class.getClassLoader(), types,
						new StatementHandler(statement, this.target, this.commits, (Connection) proxy));
			}
			return result;
		}

	}

	private static final class StatementHandler implements InvocationHandler {

		private final Statement target;

		private final Connection connection;

		private final GroupCommit commits;

		private final Connection proxy;

		StatementHandler(Statement target, Connection connection, GroupCommit commits, Connection proxy) {
			this.target = target;
			this.connection = connection;
			this.commits = commits;
			this.proxy = proxy;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if (method.getName().equals("getConnection")) {
				return this.proxy;
			}
			Object result = DurableH2DataSource.invoke(this.target, method, args);
			if (WRITES.contains(method.getName()) && this.connection.getAutoCommit()) {
				committed(this.commits);
			}
			return result;
		}

	}

	private final class Durability implements CommitDurability {

		@Override
		public <T> T deferred(Supplier<T> work) {
			if (DEFERRED.get() != null) {
				return work.get();
			}
			DEFERRED.set(new boolean[1]);
			try {
				return work.get();
			}
			finally {
				DEFERRED.remove();
			}
		}

		@Override
		public void require() {
			boolean[] required = DEFERRED.get();
			if (required != null) {
				required[0] = true;
			}
		}

		@Override
		public void awaitCommitted() {
			GroupCommit commits = DurableH2DataSource.this.group;
			if (commits != null) {
				commits.awaitCommitted();
			}
		}

	}

}
