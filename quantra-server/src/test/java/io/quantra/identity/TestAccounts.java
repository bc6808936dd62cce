package io.quantra.identity;

import java.util.UUID;

import io.quantra.HttpTestClient;
import io.quantra.identity.UserRepository.NewUser;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates accounts with known passwords for tests, straight through the repository.
 */
@Component
public class TestAccounts {

	public static final String PASSWORD = "Test-Passw0rd!";

	private final UserRepository users;

	private final PasswordEncoder passwords;

	TestAccounts(UserRepository users, PasswordEncoder passwords) {
		this.users = users;
		this.passwords = passwords;
	}

	/** A new account with {@link #PASSWORD}; returns its e-mail address. */
	public String user(String name) {
		return create(name, false);
	}

	public String staff(String name) {
		return create(name, true);
	}

	/**
	 * Signs the account in with a token login; returns the Authorization header to send.
	 */
	public static String[] signIn(HttpTestClient http, String email) {
		String token = http
			.postJson("/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}")
			.json()
			.get("access_token")
			.asString();
		return new String[] { "Authorization", "Bearer " + token };
	}

	private String create(String name, boolean staff) {
		String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		this.users.insert(new NewUser(email, "Test", name, this.passwords.encode(PASSWORD), staff, false));
		return email;
	}

}
