package io.quantra.web;

import java.time.Instant;

import io.quantra.identity.TestAccounts;
import io.quantra.identity.TotpCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page in a real Chromium: MFA set up from the QR code's key, and an API
 * token shown once.
 */
class ConsoleAccountTests extends ConsoleBrowserTests {

	String email;

	@BeforeEach
	void signIn() {
		this.email = this.accounts.user("account");
		browser.signIn(this.email, TestAccounts.PASSWORD);
	}

	@Test
	void mfaIsTurnedOnWithTheQrCodesKeyAndAsksForACodeAtTheNextSignIn() {
		browser.open("/account");
		browser.click("Set up MFA");
		assertThat(browser.await(By.cssSelector("img.qr")).getAttribute("src")).startsWith("data:image/svg+xml");
		String secret = browser.await(By.cssSelector("[data-secret]")).getText();
		browser.fill("Code from the app", TotpCodes.code(secret, Instant.now(this.clock), 0));
		browser.click("Turn on MFA");
		assertThat(browser.await(By.cssSelector("ul.recovery-codes")).findElements(By.tagName("li"))).hasSize(10);

		browser.click("Sign out");
		browser.fill("E-mail", this.email);
		browser.fill("Password", TestAccounts.PASSWORD);
		browser.click("Sign in");
		browser.fill("Authentication code", TotpCodes.code(secret, Instant.now(this.clock), 1));
		browser.click("Verify");
		// back where the account was signed out
		browser.await(By.xpath("//h1[normalize-space(.)='Your account']"));
		browser.awaitText(By.cssSelector("#main"), "Multi-factor authentication is on");
	}

	@Test
	void anApiTokenIsShownOnceAndWorks() {
		browser.open("/account");
		browser.click("Create token");
		browser.fill("Name", "laptop");
		browser.driver().findElement(By.cssSelector("[role='dialog'] button[type='submit']")).click();
		String token = browser.await(By.id("new-token-value")).getAttribute("value");
		assertThat(token).isNotBlank();
		assertThat(this.http.get("/auth/me", "Authorization", "Bearer " + token).json().get("email").asString())
			.isEqualTo(this.email);

		browser.driver().navigate().refresh();
		browser.await(By.xpath("//td[contains(., 'laptop')] | //th[contains(., 'laptop')]"));
		assertThat(browser.driver().getPageSource()).doesNotContain(token);
	}

}
