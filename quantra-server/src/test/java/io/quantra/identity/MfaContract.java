package io.quantra.identity;

import java.time.Instant;

import io.quantra.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP multi-factor authentication over real HTTP, with codes computed here from the
 * secret as an authenticator app would (RFC 6238), independently of the server's code.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class MfaContract extends IdentityHttpTests {

	@Test
	void enrolledAccountsFinishTheConsoleLoginWithACode(CapturedOutput output) {
		String email = this.accounts.user("mfa-console");
		String secret = enrol(email);

		Response login = login(email, TestAccounts.PASSWORD);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("status").asString()).isEqualTo("mfa_required");
		assertThat(login.json().get("message").asString()).isEqualTo("Please provide your MFA code.");
		String pending = cookies(login);
		assertThat(this.http.get("/auth/me", "Cookie", pending).status()).as("not signed in before MFA").isEqualTo(401);

		assertThat(verify("{\"code\": \"000000\"}", "Cookie", pending).status()).isEqualTo(401);
		Response verified = verify("{\"code\": \"" + code(secret, 1) + "\"}", "Cookie", pending);
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.json().get("message").asString()).isEqualTo("MFA verification successful.");
		assertThat(this.http.get("/auth/me", "Cookie", pending).status()).as("the pre-MFA token is replaced")
			.isEqualTo(401);
		assertThat(this.http.get("/auth/me", "Cookie", cookies(verified)).status()).isEqualTo(200);
		assertThat(output.getOut()).doesNotContain(secret);
	}

	@Test
	void aCodeIsAcceptedOnlyOnce() {
		String email = this.accounts.user("mfa-once");
		String secret = enrol(email);
		String code = code(secret, 1);
		assertThat(
				verify("{\"code\": \"" + code + "\"}", "Cookie", cookies(login(email, TestAccounts.PASSWORD))).status())
			.isEqualTo(200);
		assertThat(
				verify("{\"code\": \"" + code + "\"}", "Cookie", cookies(login(email, TestAccounts.PASSWORD))).status())
			.isEqualTo(401);
	}

	@Test
	void tokenLoginsContinueWithTheMfaToken() {
		String email = this.accounts.user("mfa-jwt");
		String secret = enrol(email);
		Response login = tokenLogin(email, TestAccounts.PASSWORD);
		assertThat(login.json().get("status").asString()).isEqualTo("mfa_required");
		assertThat(login.json().has("access_token")).isFalse();
		String mfaToken = login.json().get("mfa_token").asString();
		assertThat(this.http.get("/auth/me", bearer(mfaToken)).status()).as("an MFA token is no access token")
			.isEqualTo(401);

		Response verified = verify("{\"mfa_token\": \"" + mfaToken + "\", \"code\": \"" + code(secret, 1) + "\"}");
		assertThat(verified.status()).isEqualTo(200);
		String access = verified.json().get("access_token").asString();
		assertThat(this.http.get("/auth/me", bearer(access)).json().get("email").asString()).isEqualTo(email);
	}

	@Test
	void recoveryCodesWorkOnceEach() {
		String email = this.accounts.user("mfa-recovery");
		String access = tokenLogin(email, TestAccounts.PASSWORD).json().get("access_token").asString();
		String secret = this.http.postJson("/mfa/setup", "{}", bearer(access)).json().get("secret").asString();
		JsonNode codes = this.http.postJson("/mfa/enable", "{\"code\": \"" + code(secret, 0) + "\"}", bearer(access))
			.json()
			.get("recovery_codes");
		assertThat(codes.size()).isEqualTo(10);
		String recovery = codes.get(3).asString();

		assertThat(verify("{\"code\": \"" + recovery + "\"}", "Cookie", cookies(login(email, TestAccounts.PASSWORD)))
			.status()).isEqualTo(200);
		assertThat(verify("{\"code\": \"" + recovery + "\"}", "Cookie", cookies(login(email, TestAccounts.PASSWORD)))
			.status()).isEqualTo(401);
		assertThat(verify("{\"code\": \"" + codes.get(4).asString() + "\"}", "Cookie",
				cookies(login(email, TestAccounts.PASSWORD)))
			.status()).isEqualTo(200);
	}

	@Test
	void disablingNeedsACodeAndEndsTheMfaStep() {
		String email = this.accounts.user("mfa-off");
		String access = tokenLogin(email, TestAccounts.PASSWORD).json().get("access_token").asString();
		String secret = this.http.postJson("/mfa/setup", "{}", bearer(access)).json().get("secret").asString();
		this.http.postJson("/mfa/enable", "{\"code\": \"" + code(secret, 0) + "\"}", bearer(access));
		assertThat(this.http.postJson("/mfa/disable", "{\"code\": \"123456\"}", bearer(access)).status())
			.isEqualTo(401);
		assertThat(
				this.http.postJson("/mfa/disable", "{\"code\": \"" + code(secret, 1) + "\"}", bearer(access)).status())
			.isEqualTo(200);
		assertThat(login(email, TestAccounts.PASSWORD).json().get("status").asString()).isEqualTo("success");
	}

	@Test
	void whenSettingsRequireMfaAccountsMustEnrolBeforeAnythingElse() {
		String staff = staffToken();
		String email = this.accounts.user("mfa-policy");
		try {
			assertThat(this.http.send("PUT", "/settings", "{\"mfa_required\": true}", bearer(staff)).status())
				.isEqualTo(200);
			Response login = login(email, TestAccounts.PASSWORD);
			assertThat(login.json().get("status").asString()).isEqualTo("mfa_setup_required");
			String pending = cookies(login);
			assertThat(this.http.get("/auth/me", "Cookie", pending).status()).isEqualTo(401);
			assertThat(this.http.get("/account/api-tokens", "Cookie", pending).status()).isEqualTo(401);

			String secret = this.http.postJson("/mfa/setup", "{}", "Cookie", pending).json().get("secret").asString();
			Response enabled = this.http.postJson("/mfa/enable", "{\"code\": \"" + code(secret, 0) + "\"}", "Cookie",
					pending);
			assertThat(enabled.status()).isEqualTo(200);
			assertThat(enabled.json().get("recovery_codes").size()).isEqualTo(10);
			assertThat(this.http.get("/auth/me", "Cookie", cookies(enabled)).status()).isEqualTo(200);
		}
		finally {
			this.http.send("PUT", "/settings", "{\"mfa_required\": false}", bearer(staff));
		}
		Response audit = this.http.get("/audit-logs?event_type=mfa_enabled&user=" + email, bearer(staff));
		assertThat(audit.json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void wrongCodesCountTowardsLockout() {
		String email = this.accounts.user("mfa-guess");
		enrol(email);
		String pending = cookies(login(email, TestAccounts.PASSWORD));
		for (int i = 0; i < 4; i++) {
			assertThat(verify("{\"code\": \"000000\"}", "Cookie", pending).status()).isEqualTo(401);
		}
		verify("{\"code\": \"000000\"}", "Cookie", pending);
		assertThat(login(email, TestAccounts.PASSWORD).status()).isEqualTo(423);
	}

	/** Enrols the account in MFA with a code of the current step; returns the secret. */
	private String enrol(String email) {
		String access = tokenLogin(email, TestAccounts.PASSWORD).json().get("access_token").asString();
		Response setup = this.http.postJson("/mfa/setup", "{}", bearer(access));
		assertThat(setup.status()).isEqualTo(200);
		String secret = setup.json().get("secret").asString();
		assertThat(setup.json().get("otpauth_uri").asString()).startsWith("otpauth://totp/Quantra")
			.contains("secret=" + secret)
			.contains("issuer=Quantra");
		Response enable = this.http.postJson("/mfa/enable", "{\"code\": \"" + code(secret, 0) + "\"}", bearer(access));
		assertThat(enable.status()).isEqualTo(200);
		return secret;
	}

	private Response verify(String body, String... headers) {
		return this.http.postJson("/mfa/verify", body, headers);
	}

	/**
	 * The code of the time step {@code stepOffset} steps from now on the server's clock.
	 */
	private String code(String secret, int stepOffset) {
		return TotpCodes.code(secret, Instant.now(this.clock), stepOffset);
	}

}
