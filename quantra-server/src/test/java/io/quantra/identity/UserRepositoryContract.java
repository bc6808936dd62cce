package io.quantra.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.quantra.identity.UserRepository.NewUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What user storage must do on every supported database; one subclass per database.
 */
abstract class UserRepositoryContract {

	@Autowired
	UserRepository users;

	@Test
	void storesAnAccountAndFindsItByEmailWhateverTheCase() {
		String email = unique("Ada.Lovelace");
		Instant before = Instant.now().minus(Duration.ofSeconds(1));
		UserId id = this.users.insert(new NewUser(email, "Ada", "Lovelace", "{argon2}hash", false, false));

		UserAccount stored = this.users.findByEmail(email.toUpperCase()).orElseThrow();
		assertThat(stored.id()).isEqualTo(id);
		assertThat(stored.email()).isEqualTo(email.toLowerCase());
		assertThat(stored.firstName()).isEqualTo("Ada");
		assertThat(stored.lastName()).isEqualTo("Lovelace");
		assertThat(stored.passwordHash()).isEqualTo("{argon2}hash");
		assertThat(stored.staff()).isFalse();
		assertThat(stored.active()).isTrue();
		assertThat(stored.createdAt()).isAfter(before).isBeforeOrEqualTo(Instant.now());
		assertThat(this.users.findById(id)).contains(stored);
	}

	@Test
	void refusesASecondAccountForTheSameEmailInAnotherCase() {
		String email = unique("grace");
		this.users.insert(new NewUser(email, "", "", "{argon2}a", false, false));
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.users.insert(new NewUser(email.toUpperCase(), "", "", "{argon2}b", false, false)));
	}

	@Test
	void unknownAccountsAreEmpty() {
		assertThat(this.users.findByEmail(unique("nobody"))).isEmpty();
		assertThat(this.users.findById(new UserId(Long.MAX_VALUE))).isEmpty();
	}

	@Test
	void theServerStartedWithAStaffAccount() {
		assertThat(this.users.anyActiveStaff()).isTrue();
	}

	private static String unique(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@Example.com";
	}

}
