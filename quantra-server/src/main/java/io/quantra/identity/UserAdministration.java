package io.quantra.identity;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quantra.admin.AuditEvent;
import io.quantra.admin.AuditLog;
import io.quantra.identity.UserRepository.NewUser;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff may do to accounts (seed 000's {@code /users}): create them, change names
 * and staff status, set a password, unlock, reset MFA and deactivate. Anything that takes
 * access away ends the account's sessions and tokens at once. Staff cannot lock
 * themselves out.
 */
@Service
class UserAdministration {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final CredentialRevocation revocation;

	private final MfaService mfa;

	private final AuditLog audit;

	private final Clock clock;

	private final boolean registrationOpen;

	UserAdministration(UserRepository users, PasswordEncoder passwords, CredentialRevocation revocation, MfaService mfa,
			AuditLog audit, Clock clock, @Value("${quantra.registration.enabled:false}") boolean registrationOpen) {
		this.registrationOpen = registrationOpen;
		this.users = users;
		this.passwords = passwords;
		this.revocation = revocation;
		this.mfa = mfa;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	UserAccount create(NewAccount account, CurrentUser actor, ClientInfo client) {
		String email = Emails.require(account.email());
		requireStrong(account.password());
		try {
			UserId id = this.users.insert(new NewUser(email, Names.clip("first_name", account.firstName()),
					Names.clip("last_name", account.lastName()), this.passwords.encode(account.password()),
					account.staff(), false));
			this.audit.record(AuditEvent.by(actor, "user_created", "user", id.value(), client,
					Map.of("is_staff", account.staff())));
			return this.users.findById(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw ApiException.conflict("An account with this e-mail address exists already.");
		}
	}

	/**
	 * Self-service registration, when {@code ALLOW_REGISTRATION=true}.
	 */
	@Transactional
	UserAccount register(String email, String password, String firstName, String lastName) {
		if (!this.registrationOpen) {
			throw ApiException.permissionDenied("Registration is closed; ask an administrator for an account.");
		}
		String address = Emails.require(email);
		requireStrong(password);
		try {
			UserId id = this.users.insert(new NewUser(address, Names.clip("first_name", firstName),
					Names.clip("last_name", lastName), this.passwords.encode(password), false, false));
			this.audit.record(new AuditEvent("user_registered", id.value(), address, "user", Long.toString(id.value()),
					null, Map.of()));
			return this.users.findById(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw ApiException.conflict("An account with this e-mail address exists already.");
		}
	}

	/**
	 * A user's own change of name or password; a new password needs the current one and
	 * ends every other session and token.
	 */
	@Transactional
	UserAccount updateOwnProfile(long id, String firstName, String lastName, String currentPassword, String newPassword,
			ClientInfo client) {
		UserAccount user = get(id);
		if (firstName != null || lastName != null) {
			this.users.updateProfile(user.id(),
					(firstName != null) ? Names.clip("firstName", firstName) : user.firstName(),
					(lastName != null) ? Names.clip("lastName", lastName) : user.lastName());
		}
		if (newPassword != null) {
			if (currentPassword == null || !this.passwords.matches(currentPassword, user.passwordHash())) {
				throw new ApiException(ErrorCode.VALIDATION_ERROR,
						"currentPassword is required and must be your current password.");
			}
			requireStrong(newPassword);
			this.users.updatePassword(user.id(), this.passwords.encode(newPassword));
			this.revocation.revokeEverything(user.id());
			this.audit.record(new AuditEvent("password_changed", user.id().value(), user.email(), "user",
					Long.toString(user.id().value()), client, Map.of()));
		}
		return get(id);
	}

	/**
	 * Sets a password chosen through a reset link and ends every session and token.
	 */
	@Transactional
	void resetPassword(UserId id, String newPassword, ClientInfo client) {
		requireStrong(newPassword);
		UserAccount user = get(id.value());
		this.users.updatePassword(id, this.passwords.encode(newPassword));
		this.users.unlock(id);
		this.revocation.revokeEverything(id);
		this.audit.record(new AuditEvent("password_reset", id.value(), user.email(), "user", Long.toString(id.value()),
				client, Map.of()));
	}

	private static void requireStrong(String password) {
		List<String> violations = PasswordPolicy.violations(password);
		if (!violations.isEmpty()) {
			throw PasswordPolicy.rejection(violations);
		}
	}

	UserAccount get(long id) {
		return this.users.findById(new UserId(id)).orElseThrow(() -> ApiException.notFound("No user " + id + "."));
	}

	@Transactional
	UserAccount change(long id, AccountChange change, CurrentUser actor, ClientInfo client) {
		UserAccount user = get(id);
		boolean self = user.id().value() == actor.userId();
		Map<String, Object> changed = new LinkedHashMap<>();
		if (change.firstName() != null || change.lastName() != null) {
			String first = (change.firstName() != null) ? Names.clip("first_name", change.firstName())
					: user.firstName();
			String last = (change.lastName() != null) ? Names.clip("last_name", change.lastName()) : user.lastName();
			this.users.updateProfile(user.id(), first, last);
			changed.put("name", true);
		}
		boolean active = (change.active() != null) ? change.active() : user.active();
		boolean staff = (change.staff() != null) ? change.staff() : user.staff();
		if (self && (!active || !staff)) {
			throw ApiException.conflict("You cannot deactivate your own account or remove your own staff status.");
		}
		if (active != user.active() || staff != user.staff()) {
			this.users.updateFlags(user.id(), active, staff);
			if (active != user.active()) {
				changed.put("is_active", active);
			}
			if (staff != user.staff()) {
				changed.put("is_staff", staff);
			}
		}
		boolean revoke = !active && user.active();
		if (change.password() != null) {
			requireStrong(change.password());
			this.users.updatePassword(user.id(), this.passwords.encode(change.password()));
			changed.put("password", "changed");
			revoke = true;
		}
		if (Boolean.TRUE.equals(change.unlock())) {
			this.users.unlock(user.id());
			changed.put("unlocked", true);
		}
		if (Boolean.TRUE.equals(change.resetMfa())) {
			this.mfa.reset(user.id());
			changed.put("mfa_reset", true);
		}
		if (revoke) {
			this.revocation.revokeEverything(user.id());
		}
		if (!changed.isEmpty()) {
			this.audit.record(AuditEvent.by(actor, "user_updated", "user", id, client, changed));
		}
		return get(id);
	}

	@Transactional
	void deactivate(long id, CurrentUser actor, ClientInfo client) {
		change(id, new AccountChange(null, null, false, null, null, null, null), actor, client);
	}

	List<UserAccount> list(int limit, int offset) {
		return this.users.list(limit, offset);
	}

	long count() {
		return this.users.count();
	}

	boolean lockedNow(UserAccount user) {
		return user.lockedAt(this.clock.instant());
	}

	record NewAccount(String email, String firstName, String lastName, String password, boolean staff) {
	}

	record AccountChange(String firstName, String lastName, Boolean active, Boolean staff, String password,
			Boolean unlock, Boolean resetMfa) {
	}

	/** Names are optional, trimmed and at most 150 characters. */
	static final class Names {

		private Names() {
		}

		static String clip(String field, String name) {
			if (name == null) {
				return "";
			}
			String trimmed = name.trim();
			if (trimmed.length() > 150) {
				throw new ApiException(ErrorCode.VALIDATION_ERROR, field + " must be at most 150 characters.");
			}
			return trimmed;
		}

	}

	/** E-mail addresses as accounts use them. */
	static final class Emails {

		private Emails() {
		}

		static String require(String email) {
			String value = (email != null) ? email.trim() : "";
			if (value.length() > 320 || !value.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
				throw new ApiException(ErrorCode.VALIDATION_ERROR, "email must be an e-mail address.");
			}
			return value;
		}

	}

}
