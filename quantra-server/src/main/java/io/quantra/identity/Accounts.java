package io.quantra.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up accounts for other modules: by e-mail address when someone is named (sharing a
 * project), and the addresses of accounts shown to users (a project's owner and members).
 */
public interface Accounts {

	/** The active account with this e-mail address, whatever its case. */
	Optional<Account> findActiveByEmail(String email);

	/** The e-mail addresses of the given accounts, by id; unknown ids are left out. */
	Map<Long, Account> findAll(Collection<Long> ids);

	/**
	 * What other modules may know of an account.
	 */
	record Account(long id, String email, String firstName, String lastName, boolean active) {
	}

}
