package io.quantra.identity;

import java.time.Duration;
import java.util.List;

import io.quantra.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way to sign in, over real HTTP: console sessions with CSRF protection, JWT access
 * and refresh tokens with rotation and reuse detection, API tokens in their three
 * headers, lockout, and the audit trail they leave. Runs on each supported database.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AuthenticationContract extends IdentityHttpTests {

	@Test
	void consoleLoginSetsProtectedCookiesAndAuthenticatesLaterRequests() {
		String email = this.accounts.user("ada");
		Response login = login(email, TestAccounts.PASSWORD);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("status").asString()).isEqualTo("success");
		assertThat(login.json().get("user").get("email").asString()).isEqualTo(email);
		assertThat(login.json().get("user").get("last_name").asString()).isEqualTo("ada");
		assertThat(login.setCookie("quantra_session")).contains("HttpOnly").contains("SameSite=Strict");
		assertThat(login.setCookie("quantra_csrf")).doesNotContain("HttpOnly").contains("SameSite=Strict");

		Response me = this.http.get("/auth/me", "Cookie", cookies(login));
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("email").asString()).isEqualTo(email);
	}

	@Test
	void cookieAuthenticatedChangesNeedTheCsrfToken() {
		Response login = login(this.accounts.user("csrf"), TestAccounts.PASSWORD);
		String body = "{\"name\": \"ci\"}";
		Response withoutToken = this.http.postJson("/account/api-tokens", body, "Cookie", cookies(login));
		assertThat(withoutToken.status()).isEqualTo(403);
		assertThat(withoutToken.json().get("code").asString()).isEqualTo("PERMISSION_DENIED");
		assertThat(withoutToken.json().get("error").asString()).contains("X-CSRF-Token");

		Response wrongToken = this.http.postJson("/account/api-tokens", body, "Cookie", cookies(login), "X-CSRF-Token",
				"forged");
		assertThat(wrongToken.status()).isEqualTo(403);

		Response withToken = this.http.postJson("/account/api-tokens", body, "Cookie", cookies(login), "X-CSRF-Token",
				login.cookie("quantra_csrf"));
		assertThat(withToken.status()).isEqualTo(201);
	}

	@Test
	void logoutEndsTheSession() {
		Response login = login(this.accounts.user("bye"), TestAccounts.PASSWORD);
		Response logout = this.http.postJson("/logout", "", "Cookie", cookies(login));
		assertThat(logout.status()).isEqualTo(200);
		assertThat(logout.json().get("message").asString()).isEqualTo("Logged out successfully.");
		assertThat(this.http.get("/auth/me", "Cookie", cookies(login)).status()).isEqualTo(401);
	}

	@Test
	void wrongPasswordAndUnknownAccountAnswerAlike() {
		String email = this.accounts.user("alike");
		Response wrong = login(email, "Wrong-Passw0rd!");
		Response unknown = login("nobody-" + email, TestAccounts.PASSWORD);
		for (Response response : List.of(wrong, unknown)) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
			assertThat(response.json().get("error").asString()).isEqualTo("Invalid email or password.");
		}
	}

	@Test
	void consecutiveFailuresLockTheAccountUntilTheLockoutExpires() {
		String email = this.accounts.user("locked");
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(login(email, "Wrong-Passw0rd!").status()).isEqualTo(401);
		}
		Response fifth = login(email, "Wrong-Passw0rd!");
		assertThat(fifth.status()).isEqualTo(423);
		assertThat(fifth.json().get("code").asString()).isEqualTo("ACCOUNT_LOCKED");
		Response rightPasswordWhileLocked = tokenLogin(email, TestAccounts.PASSWORD);
		assertThat(rightPasswordWhileLocked.status()).isEqualTo(423);

		this.clock.advance(Duration.ofMinutes(29));
		assertThat(login(email, TestAccounts.PASSWORD).status()).isEqualTo(423);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(login(email, TestAccounts.PASSWORD).status()).isEqualTo(200);

		String staff = staffToken();
		Response locks = this.http.get("/audit-logs?event_type=account_locked&user=" + email, bearer(staff));
		assertThat(locks.json().get("total").asLong()).isEqualTo(1);
		Response failures = this.http.get("/audit-logs?event_type=login_failed&user=" + email, bearer(staff));
		// five wrong passwords and two right ones while locked
		assertThat(failures.json().get("total").asLong()).isEqualTo(7);
		assertThat(failures.json().get("audit_logs").get(0).get("ip_address").asString()).isNotBlank();
	}

	@Test
	void tokenLoginIssuesShortLivedAccessAndRefreshTokens() {
		String email = this.accounts.user("jwt");
		Response login = tokenLogin(email, TestAccounts.PASSWORD);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("token_type").asString()).isEqualTo("bearer");
		assertThat(login.json().get("expires_in").asLong()).isEqualTo(900);
		String access = login.json().get("access_token").asString();

		JsonNode claims = claims(access);
		assertThat(claims.get("type").asString()).isEqualTo("access");
		assertThat(claims.get("jti").asString()).isNotBlank();
		assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
		assertThat(claims(login.json().get("refresh_token").asString()).get("type").asString()).isEqualTo("refresh");
		assertThat(claims.get("sub").asString())
			.isEqualTo(this.http.get("/auth/me", bearer(access)).json().get("id").asString());

		// a refresh token is not an access token
		assertThat(this.http.get("/auth/me", bearer(login.json().get("refresh_token").asString())).status())
			.isEqualTo(401);
	}

	@Test
	void expiredAccessTokenIsRefused() {
		String access = tokenLogin(this.accounts.user("expiry"), TestAccounts.PASSWORD).json()
			.get("access_token")
			.asString();
		this.clock.advance(Duration.ofMinutes(16));
		Response response = this.http.get("/auth/me", bearer(access));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void refreshRotatesAndReuseRevokesEverySessionOfTheAccount() {
		String email = this.accounts.user("reuse");
		Response console = login(email, TestAccounts.PASSWORD);
		Response first = tokenLogin(email, TestAccounts.PASSWORD);
		String firstRefresh = first.json().get("refresh_token").asString();

		Response second = refresh(firstRefresh);
		assertThat(second.status()).isEqualTo(200);
		String secondAccess = second.json().get("access_token").asString();
		String secondRefresh = second.json().get("refresh_token").asString();
		assertThat(secondRefresh).isNotEqualTo(firstRefresh);
		assertThat(this.http.get("/auth/me", bearer(secondAccess)).status()).isEqualTo(200);

		Response replay = refresh(firstRefresh);
		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.json().get("error").asString()).contains("already used");

		assertThat(refresh(secondRefresh).status()).isEqualTo(401);
		assertThat(this.http.get("/auth/me", bearer(secondAccess)).status()).isEqualTo(401);
		assertThat(this.http.get("/auth/me", "Cookie", cookies(console)).status()).isEqualTo(401);
		assertThat(tokenLogin(email, TestAccounts.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void logoutRevokesTheRefreshToken() {
		Response login = tokenLogin(this.accounts.user("tokenlogout"), TestAccounts.PASSWORD);
		String refreshToken = login.json().get("refresh_token").asString();
		Response logout = this.http.postJson("/auth/logout", "{\"refresh_token\": \"" + refreshToken + "\"}");
		assertThat(logout.status()).isEqualTo(200);
		assertThat(refresh(refreshToken).status()).isEqualTo(401);
	}

	@Test
	void apiTokensWorkInAllThreeHeadersAndAreShownOnce() {
		String email = this.accounts.user("apitoken");
		String access = tokenLogin(email, TestAccounts.PASSWORD).json().get("access_token").asString();
		Response created = this.http.postJson("/account/api-tokens",
				"{\"name\": \"ci pipeline\", \"expires_at\": \"2099-01-01T00:00:00Z\"}", bearer(access));
		assertThat(created.status()).isEqualTo(201);
		String token = created.json().get("token").asString();
		assertThat(token).matches("qapi_[0-9A-Za-z]{43,}");

		for (String[] header : new String[][] { { "Authorization", "Bearer " + token }, { "X-API-Key", token },
				{ "X-API-Token", token } }) {
			Response me = this.http.get("/auth/me", header);
			assertThat(me.status()).as(header[0]).isEqualTo(200);
			assertThat(me.json().get("email").asString()).isEqualTo(email);
		}

		Response listed = this.http.get("/account/api-tokens", bearer(access));
		JsonNode entry = listed.json().get("api_tokens").get(0);
		assertThat(entry.get("name").asString()).isEqualTo("ci pipeline");
		assertThat(entry.get("last_used_at").isNull()).isFalse();
		assertThat(listed.body()).doesNotContain(token);

		Response byApiToken = this.http.get("/account/api-tokens", "X-API-Key", token);
		assertThat(byApiToken.status()).isEqualTo(403);
		assertThat(byApiToken.json().get("code").asString()).isEqualTo("PERMISSION_DENIED");

		long id = created.json().get("id").asLong();
		assertThat(this.http.send("DELETE", "/account/api-tokens/" + id, "", bearer(access)).status()).isEqualTo(204);
		assertThat(this.http.get("/auth/me", "X-API-Key", token).status()).isEqualTo(401);
	}

	@Test
	void someoneElsesApiTokenCannotBeRevoked() {
		String owner = tokenLogin(this.accounts.user("owner"), TestAccounts.PASSWORD).json()
			.get("access_token")
			.asString();
		String other = tokenLogin(this.accounts.user("other"), TestAccounts.PASSWORD).json()
			.get("access_token")
			.asString();
		long id = this.http.postJson("/account/api-tokens", "{\"name\": \"mine\"}", bearer(owner))
			.json()
			.get("id")
			.asLong();
		Response response = this.http.send("DELETE", "/account/api-tokens/" + id, "", bearer(other));
		assertThat(response.status()).isEqualTo(404);
	}

	@Test
	void registrationIsClosedByDefault() {
		Response response = this.http.postJson("/auth/register",
				"{\"email\": \"closed@example.com\", \"password\": \"Self-Serv1ce!\"}");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("error").asString()).contains("Registration is closed");
	}

	@Test
	void invalidTokensAreRefusedEvenOnPublicRoutes() {
		assertThat(this.http.get("/version", "Authorization", "Bearer not-a-jwt").status()).isEqualTo(401);
		assertThat(this.http.get("/version", "X-API-Key", "qapi_unknown").status()).isEqualTo(401);
		assertThat(this.http.get("/auth/me").status()).isEqualTo(401);
	}

	@Test
	void sessionsAreListedAndCanBeEnded() {
		String email = this.accounts.user("sessions");
		Response console = login(email, TestAccounts.PASSWORD);
		String access = tokenLogin(email, TestAccounts.PASSWORD).json().get("access_token").asString();
		JsonNode sessions = this.http.get("/account/sessions", bearer(access)).json().get("sessions");
		assertThat(sessions.size()).isEqualTo(2);
		String consoleId = null;
		for (JsonNode session : sessions) {
			if (session.get("kind").asString().equals("session")) {
				consoleId = session.get("id").asString();
			}
		}
		assertThat(consoleId).isNotNull();
		assertThat(this.http.send("DELETE", "/account/sessions/" + consoleId, "", bearer(access)).status())
			.isEqualTo(204);
		assertThat(this.http.get("/auth/me", "Cookie", cookies(console)).status()).isEqualTo(401);
	}

	@Test
	void idleConsoleSessionsExpire() {
		Response console = login(this.accounts.user("idle"), TestAccounts.PASSWORD);
		this.clock.advance(Duration.ofMinutes(31));
		assertThat(this.http.get("/auth/me", "Cookie", cookies(console)).status()).isEqualTo(401);
	}

	@Test
	void noSecretReachesTheLog(CapturedOutput output) {
		String email = this.accounts.user("quiet");
		Response console = login(email, TestAccounts.PASSWORD);
		Response tokens = tokenLogin(email, TestAccounts.PASSWORD);
		login(email, "Wrong-Passw0rd!");
		String access = tokens.json().get("access_token").asString();
		String apiToken = this.http.postJson("/account/api-tokens", "{\"name\": \"x\"}", bearer(access))
			.json()
			.get("token")
			.asString();
		this.http.get("/auth/me", "X-API-Key", apiToken);
		assertThat(output.getOut()).doesNotContain(email)
			.doesNotContain(TestAccounts.PASSWORD)
			.doesNotContain("Wrong-Passw0rd!")
			.doesNotContain(access)
			.doesNotContain(tokens.json().get("refresh_token").asString())
			.doesNotContain(apiToken)
			.doesNotContain(console.cookie("quantra_session"));
	}

	@Test
	void settingsAreForStaffOnly() {
		String staff = staffToken();
		Response settings = this.http.get("/settings", bearer(staff));
		assertThat(settings.status()).isEqualTo(200);
		assertThat(settings.json().get("max_login_attempts").asInt()).isEqualTo(5);
		assertThat(settings.json().get("lockout_minutes").asInt()).isEqualTo(30);

		String user = tokenLogin(this.accounts.user("notstaff"), TestAccounts.PASSWORD).json()
			.get("access_token")
			.asString();
		assertThat(this.http.get("/settings", bearer(user)).json().get("code").asString())
			.isEqualTo("PERMISSION_DENIED");
		assertThat(this.http.get("/settings").json().get("code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(this.http.get("/audit-logs", bearer(user)).status()).isEqualTo(403);

		Response invalid = this.http.send("PUT", "/settings", "{\"max_login_attempts\": 0}", bearer(staff));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("error").asString()).contains("max_login_attempts");
		Response unchanged = this.http.send("PUT", "/settings", "{\"session_timeout_minutes\": 30}", bearer(staff));
		assertThat(unchanged.status()).isEqualTo(200);
		assertThat(unchanged.json().get("max_login_attempts").asInt()).isEqualTo(5);
	}

	@Test
	void auditLogIsFilteredAndPaged() {
		String email = this.accounts.user("audited");
		login(email, TestAccounts.PASSWORD);
		login(email, TestAccounts.PASSWORD);
		login(email, "Wrong-Passw0rd!");
		String staff = staffToken();
		Response all = this.http.get("/audit-logs?user=" + email, bearer(staff));
		assertThat(all.json().get("total").asLong()).isEqualTo(3);
		Response page = this.http.get("/audit-logs?user=" + email + "&limit=2&offset=2", bearer(staff));
		assertThat(page.json().get("audit_logs").size()).isEqualTo(1);
		assertThat(page.json().get("limit").asInt()).isEqualTo(2);
		JsonNode oldest = page.json().get("audit_logs").get(0);
		assertThat(oldest.get("event_type").asString()).isEqualTo("login_success");
		assertThat(oldest.get("user").asString()).isEqualTo(email);
		Response successes = this.http.get("/audit-logs?event_type=login_success&ip_address=127.0.0.1&user=" + email
				+ "&from_date=2000-01-01&to_date=2999-12-31", bearer(staff));
		assertThat(successes.json().get("total").asLong()).isEqualTo(2);
		assertThat(this.http.get("/audit-logs?from_date=yesterday", bearer(staff)).status()).isEqualTo(400);
		assertThat(this.http.get("/audit-logs?limit=500", bearer(staff)).status()).isEqualTo(400);
	}

}
