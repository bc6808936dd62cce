package io.quantra.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@link Accounts} other modules use.
 */
@Component
class AccountDirectory implements Accounts {

	private final UserRepository users;

	private final JdbcClient jdbc;

	AccountDirectory(UserRepository users, JdbcClient jdbc) {
		this.users = users;
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Account> findActiveByEmail(String email) {
		if (email == null || email.isBlank() || email.length() > 320) {
			return Optional.empty();
		}
		return this.users.findByEmail(email).filter(UserAccount::active).map(AccountDirectory::account);
	}

	@Override
	public Map<Long, Account> findAll(Collection<Long> ids) {
		Map<Long, Account> accounts = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return accounts;
		}
		this.jdbc.sql("select id, email, first_name, last_name, is_active from users where id in (:ids)")
			.param("ids", ids)
			.query((rs, row) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5)))
			.list()
			.forEach((account) -> accounts.put(account.id(), account));
		return accounts;
	}

	private static Account account(UserAccount user) {
		return new Account(user.id().value(), user.email(), user.firstName(), user.lastName(), user.active());
	}

}
