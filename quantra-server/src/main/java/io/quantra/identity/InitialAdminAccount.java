package io.quantra.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import io.quantra.identity.UserRepository.NewUser;
import io.quantra.platform.DataDirectory;
import io.quantra.platform.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On a node's first start (no active staff account in the database) creates the staff
 * account from {@code QUANTRA_ADMIN_EMAIL} / {@code QUANTRA_ADMIN_PASSWORD}. Without a
 * configured password it generates one and writes it to
 * {@code <data>/initial-admin-password}, readable by the owner only; the log names that
 * file and nothing else.
 */
@Component
class InitialAdminAccount implements SmartInitializingSingleton {

	static final String DEFAULT_EMAIL = "admin@quantra.local";

	static final String PASSWORD_FILE = "initial-admin-password";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private static final Logger log = LoggerFactory.getLogger(InitialAdminAccount.class);

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final DataDirectory dataDirectory;

	private final String email;

	private final String password;

	InitialAdminAccount(UserRepository users, PasswordEncoder passwords, DataDirectory dataDirectory,
			@Value("${quantra.admin.email:}") String email, @Value("${quantra.admin.password:}") String password) {
		this.users = users;
		this.passwords = passwords;
		this.dataDirectory = dataDirectory;
		this.email = email.isBlank() ? DEFAULT_EMAIL : email.trim();
		this.password = password;
	}

	/**
	 * Runs once the schema is migrated and before the server accepts connections, so the
	 * password file exists by the time {@code /version} first answers.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		ensureExists();
	}

	/**
	 * Creates the staff account unless an active one exists.
	 * @return whether this call created it
	 */
	boolean ensureExists() {
		if (this.users.anyActiveStaff()) {
			return false;
		}
		if (!EMAIL.matcher(this.email).matches()) {
			throw new IllegalStateException("QUANTRA_ADMIN_EMAIL is not an e-mail address");
		}
		boolean generated = this.password.isEmpty();
		String secret = generated ? PasswordPolicy.generate() : this.password;
		List<String> violations = PasswordPolicy.violations(secret);
		if (!violations.isEmpty()) {
			throw new IllegalStateException(
					"QUANTRA_ADMIN_PASSWORD is too weak; it needs " + String.join(", ", violations));
		}
		if (this.users.findByEmail(this.email).isPresent()) {
			throw new IllegalStateException("An account with the QUANTRA_ADMIN_EMAIL address exists but is not an "
					+ "active staff account; choose another address for the initial staff account");
		}
		try {
			this.users.insert(new NewUser(this.email, "", "", this.passwords.encode(secret), true, true));
		}
		catch (DuplicateKeyException ex) {
			// another node created it at the same moment
			return false;
		}
		if (generated) {
			Path file = this.dataDirectory.resolve(PASSWORD_FILE);
			try {
				OwnerOnlyFiles.write(file, (secret + "\n").getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write the initial staff password to " + file, ex);
			}
			log.info("Created the initial staff account; its generated password is in {}", file);
		}
		else {
			log.info("Created the initial staff account from QUANTRA_ADMIN_EMAIL and QUANTRA_ADMIN_PASSWORD");
		}
		return true;
	}

}
