package io.quantra.identity;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.quantra.HttpTestClient.Response;
import io.quantra.platform.DataDirectory;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002's {@code /api/auth}: camelCase token flows, password reset by e-mail (written
 * as {@code .eml} files, since the test server has no SMTP) and profile changes.
 */
abstract class ApiAuthContract extends IdentityHttpTests {

	private static final Pattern RESET_LINK = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_-]+)");

	@Autowired
	DataDirectory dataDirectory;

	@Test
	void tokenFlowsSpeakCamelCase() {
		String email = this.accounts.user("camel");
		Response login = this.http.postJson("/api/auth/login",
				"{\"email\": \"" + email + "\", \"password\": \"" + TestAccounts.PASSWORD + "\"}");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("tokenType").asString()).isEqualTo("bearer");
		assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
		assertThat(login.json().get("user").get("email").asString()).isEqualTo(email);
		String access = login.json().get("accessToken").asString();
		assertThat(this.http.get("/api/auth/me", bearer(access)).json().get("lastName").asString()).isEqualTo("camel");

		String refreshToken = login.json().get("refreshToken").asString();
		Response refreshed = this.http.postJson("/api/auth/refresh", "{\"refreshToken\": \"" + refreshToken + "\"}");
		assertThat(refreshed.status()).isEqualTo(200);
		String next = refreshed.json().get("refreshToken").asString();
		assertThat(this.http.postJson("/api/auth/logout", "{\"refreshToken\": \"" + next + "\"}").status())
			.isEqualTo(200);
		assertThat(this.http.postJson("/api/auth/refresh", "{\"refreshToken\": \"" + next + "\"}").status())
			.isEqualTo(401);
	}

	@Test
	void aResetLinkSetsANewPasswordOnce() throws Exception {
		String email = this.accounts.user("forgetful");
		String access = tokenLogin(email, TestAccounts.PASSWORD).json().get("access_token").asString();
		Response asked = this.http.postJson("/api/auth/forgot-password", "{\"email\": \"" + email + "\"}");
		assertThat(asked.status()).isEqualTo(200);
		String token = resetToken(email);

		Response weak = resetPassword(token, "weak");
		assertThat(weak.status()).isEqualTo(422);
		Response reset = resetPassword(token, "Remembered-N0w");
		assertThat(reset.status()).isEqualTo(200);
		assertThat(tokenLogin(email, TestAccounts.PASSWORD).status()).isEqualTo(401);
		assertThat(tokenLogin(email, "Remembered-N0w").status()).isEqualTo(200);
		assertThat(this.http.get("/auth/me", bearer(access)).status()).as("old sessions end").isEqualTo(401);
		assertThat(resetPassword(token, "Another-Passw0rd").status()).as("single use").isEqualTo(400);
	}

	@Test
	void aResetLinkExpiresAfterThirtyMinutes() throws Exception {
		String email = this.accounts.user("slow");
		this.http.postJson("/api/auth/forgot-password", "{\"email\": \"" + email + "\"}");
		String token = resetToken(email);
		this.clock.advance(Duration.ofMinutes(31));
		Response late = resetPassword(token, "Remembered-N0w");
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.json().get("error").asString()).contains("expired");
	}

	@Test
	void unknownAddressesGetTheSameAnswerAndNoMail() throws Exception {
		String unknown = "ghost-" + System.nanoTime() + "@example.com";
		String known = this.accounts.user("known");
		Response forUnknown = this.http.postJson("/api/auth/forgot-password", "{\"email\": \"" + unknown + "\"}");
		Response forKnown = this.http.postJson("/api/auth/forgot-password", "{\"email\": \"" + known + "\"}");
		assertThat(forUnknown.status()).isEqualTo(forKnown.status()).isEqualTo(200);
		assertThat(forUnknown.body()).isEqualTo(forKnown.body().replace(known, unknown));
		resetToken(known);
		assertThat(mailsTo(unknown)).isEmpty();
	}

	@Test
	void profileChangesNamesAndPasswordsWithTheCurrentOne() {
		String email = this.accounts.user("profile");
		String access = this.http
			.postJson("/api/auth/login",
					"{\"email\": \"" + email + "\", \"password\": \"" + TestAccounts.PASSWORD + "\"}")
			.json()
			.get("accessToken")
			.asString();
		Response renamed = this.http.send("PATCH", "/api/auth/profile", "{\"firstName\": \"Ada\"}", bearer(access));
		assertThat(renamed.json().get("firstName").asString()).isEqualTo("Ada");

		Response wrongCurrent = this.http.send("PATCH", "/api/auth/profile",
				"{\"currentPassword\": \"nope\", \"newPassword\": \"Changed-Passw0rd\"}", bearer(access));
		assertThat(wrongCurrent.status()).isEqualTo(400);
		Response changed = this.http.send("PATCH", "/api/auth/profile",
				"{\"currentPassword\": \"" + TestAccounts.PASSWORD + "\", \"newPassword\": \"Changed-Passw0rd\"}",
				bearer(access));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(this.http.get("/api/auth/me", bearer(access)).status()).isEqualTo(401);
		String fresh = changed.json().get("accessToken").asString();
		assertThat(this.http.get("/api/auth/me", bearer(fresh)).status()).isEqualTo(200);
		assertThat(tokenLogin(email, "Changed-Passw0rd").status()).isEqualTo(200);
	}

	@Test
	void providerSignInAnswersClearlyWhenNotConfigured() {
		Response response = this.http.get("/api/auth/google");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.json().get("error").asString()).contains("QUANTRA_OIDC_ISSUER");
	}

	private Response resetPassword(String token, String password) {
		return this.http.postJson("/api/auth/reset-password",
				"{\"token\": \"" + token + "\", \"newPassword\": \"" + password + "\"}");
	}

	/** Waits for the reset mail to {@code email} and reads the token from its link. */
	private String resetToken(String email) throws Exception {
		for (int i = 0; i < 100; i++) {
			List<String> mails = mailsTo(email);
			if (!mails.isEmpty()) {
				Matcher link = RESET_LINK.matcher(mails.get(mails.size() - 1));
				assertThat(link.find()).isTrue();
				return link.group(1);
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no reset mail was written for " + email);
	}

	private List<String> mailsTo(String email) throws Exception {
		Path directory = this.dataDirectory.resolve("mail");
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> eml = files.filter((f) -> f.toString().endsWith(".eml")).sorted().toList();
			List<String> texts = new java.util.ArrayList<>();
			for (Path file : eml) {
				try (InputStream in = Files.newInputStream(file)) {
					MimeMessage message = new MimeMessage(null, in);
					if (message.getAllRecipients()[0].toString().equals(email)) {
						texts.add((String) message.getContent());
					}
				}
			}
			return texts;
		}
	}

}
