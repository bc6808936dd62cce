package io.quantra.identity;

import io.quantra.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff administer accounts at {@code /users}; taking access away takes effect at once.
 */
abstract class UserAdministrationContract extends IdentityHttpTests {

	@Test
	void staffCreateAccountsThatCanSignIn() {
		String staff = staffToken();
		String email = "new-" + System.nanoTime() + "@example.com";
		Response created = this.http.postJson("/users",
				"{\"email\": \"" + email
						+ "\", \"first_name\": \"Grace\", \"last_name\": \"Hopper\", \"password\": \"Cobol-1959!\", "
						+ "\"is_staff\": false}",
				bearer(staff));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("email").asString()).isEqualTo(email);
		assertThat(created.json().get("is_staff").asBoolean()).isFalse();
		assertThat(created.json().has("password")).isFalse();
		assertThat(tokenLogin(email, "Cobol-1959!").status()).isEqualTo(200);

		Response duplicate = this.http.postJson("/users",
				"{\"email\": \"" + email.toUpperCase() + "\", \"password\": \"Cobol-1959!\"}", bearer(staff));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("code").asString()).isEqualTo("CONFLICT");

		long id = created.json().get("id").asLong();
		assertThat(this.http.get("/users/" + id, bearer(staff)).json().get("last_name").asString()).isEqualTo("Hopper");
		assertThat(this.http.get("/users?limit=1", bearer(staff)).json().get("users").size()).isEqualTo(1);
		assertThat(this.http.get("/users/" + Long.MAX_VALUE, bearer(staff)).status()).isEqualTo(404);
		Response audit = this.http.get("/audit-logs?event_type=user_created", bearer(staff));
		assertThat(audit.body()).contains("\"target_id\":\"" + id + "\"");
	}

	@Test
	void weakPasswordsAreRefusedWithTheRulesTheyBreak() {
		String staff = staffToken();
		Response weak = this.http.postJson("/users",
				"{\"email\": \"weak-" + System.nanoTime() + "@example.com\", \"password\": \"password\"}",
				bearer(staff));
		assertThat(weak.status()).isEqualTo(422);
		assertThat(weak.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(weak.json().get("error").asString()).contains("an upper-case letter")
			.contains("a digit")
			.contains("a special character")
			.contains("commonly used");
		Response common = this.http.postJson("/users",
				"{\"email\": \"common-" + System.nanoTime() + "@example.com\", \"password\": \"P@ssw0rd\"}",
				bearer(staff));
		assertThat(common.status()).isEqualTo(422);
		assertThat(common.json().get("rules").get(0).asString()).isEqualTo("not to be a commonly used password");
	}

	@Test
	void onlyStaffAdministerAccounts() {
		String user = tokenLogin(this.accounts.user("plain"), TestAccounts.PASSWORD).json()
			.get("access_token")
			.asString();
		assertThat(this.http.get("/users", bearer(user)).json().get("code").asString()).isEqualTo("PERMISSION_DENIED");
		assertThat(this.http.get("/users").json().get("code").asString()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void deactivationEndsEverySessionAtOnce() {
		String staff = staffToken();
		String email = this.accounts.user("leaver");
		long id = userId(email);
		String access = tokenLogin(email, TestAccounts.PASSWORD).json().get("access_token").asString();
		String console = cookies(login(email, TestAccounts.PASSWORD));

		assertThat(this.http.send("DELETE", "/users/" + id, "", bearer(staff)).status()).isEqualTo(204);
		assertThat(this.http.get("/auth/me", bearer(access)).status()).isEqualTo(401);
		assertThat(this.http.get("/auth/me", "Cookie", console).status()).isEqualTo(401);
		assertThat(login(email, TestAccounts.PASSWORD).status()).isEqualTo(401);
		assertThat(this.http.get("/users/" + id, bearer(staff)).json().get("is_active").asBoolean()).isFalse();
	}

	@Test
	void aNewPasswordEndsOldSessions() {
		String staff = staffToken();
		String email = this.accounts.user("reset");
		long id = userId(email);
		String access = tokenLogin(email, TestAccounts.PASSWORD).json().get("access_token").asString();
		Response changed = this.http.send("PATCH", "/users/" + id, "{\"password\": \"Brand-New-Passw0rd\"}",
				bearer(staff));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(this.http.get("/auth/me", bearer(access)).status()).isEqualTo(401);
		assertThat(tokenLogin(email, TestAccounts.PASSWORD).status()).isEqualTo(401);
		assertThat(tokenLogin(email, "Brand-New-Passw0rd").status()).isEqualTo(200);
	}

	@Test
	void staffUnlockAccounts() {
		String staff = staffToken();
		String email = this.accounts.user("unlock");
		long id = userId(email);
		for (int i = 0; i < 5; i++) {
			login(email, "Wrong-Passw0rd!");
		}
		assertThat(this.http.get("/users/" + id, bearer(staff)).json().get("is_locked").asBoolean()).isTrue();
		this.http.send("PATCH", "/users/" + id, "{\"unlock\": true}", bearer(staff));
		assertThat(login(email, TestAccounts.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void staffCannotLockThemselvesOut() {
		String email = this.accounts.staff("self");
		String staff = tokenLogin(email, TestAccounts.PASSWORD).json().get("access_token").asString();
		long id = this.http.get("/auth/me", bearer(staff)).json().get("id").asLong();
		assertThat(this.http.send("PATCH", "/users/" + id, "{\"is_staff\": false}", bearer(staff)).status())
			.isEqualTo(409);
		assertThat(this.http.send("DELETE", "/users/" + id, "", bearer(staff)).status()).isEqualTo(409);
	}

	private long userId(String email) {
		String access = tokenLogin(email, TestAccounts.PASSWORD).json().get("access_token").asString();
		return this.http.get("/auth/me", bearer(access)).json().get("id").asLong();
	}

}
