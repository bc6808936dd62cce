package io.quantra.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.quantra.TestCanvas;
import io.quantra.identity.TestAccounts;
import io.quantra.identity.TotpCodes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the console, with real data, at 1280×800 and 1920×1080: each shows its
 * heading, fits the window's width and leaves the browser's console clean. The pictures
 * taken at 1280×800 go to {@code target/screenshots}, or to the folder named by the
 * {@code quantra.screenshots.dir} system property ({@code ./quantra screenshots} points
 * it at {@code docs/screenshots}).
 */
class ConsoleScreenshotsTests extends ConsoleBrowserTests {

	@Test
	void everyPageRendersCleanlyAtBothSizes() {
		Path folder = Path.of(System.getProperty("quantra.screenshots.dir", "target/screenshots"));
		String email = this.accounts.staff("ada");
		String[] auth = TestAccounts.signIn(this.http, email);
		Sample sample = sample(auth);

		String mfaEmail = this.accounts.user("grace");
		String secret = enrolMfa(mfaEmail);
		browser.open("/projects");
		page(folder, "login", "//h1[contains(., 'Sign in')]");
		browser.fill("E-mail", mfaEmail);
		browser.fill("Password", TestAccounts.PASSWORD);
		browser.click("Sign in");
		browser.field("Authentication code");
		page(folder, "login-mfa", "//form[@aria-label='Multi-factor authentication']");
		browser.fill("Authentication code", TotpCodes.code(secret, Instant.now(this.clock), 1));
		browser.click("Verify");
		browser.await(By.xpath("//h1[normalize-space(.)='Projects']"));
		browser.click("Sign out");

		browser.fill("E-mail", email);
		browser.fill("Password", TestAccounts.PASSWORD);
		browser.click("Sign in");
		browser.await(By.xpath("//h1[normalize-space(.)='Projects']"));
		// a staff account sees every project of the test server: the sample may be on a
		// later page
		page(folder, "projects", "//table[@aria-label='Projects']//a");
		browser.open("/projects/" + sample.projectId());
		browser.await(By.cssSelector(".canvas-node"));
		browser.driver().findElement(By.cssSelector(".zoom button[title='Fit the pipeline in view']")).click();
		page(folder, "canvas", "//div[contains(@class, 'canvas-node')]");
		browser.driver()
			.findElement(By.cssSelector(".canvas-node[data-node-id='" + sample.templateNodeId() + "']"))
			.click();
		page(folder, "canvas-inspector", "//form[@aria-label='Settings of Greeting']");
		browser.open("/executions/" + sample.waitingRun());
		page(folder, "run-gate", "//button[normalize-space(.)='Approve']");
		browser.open("/executions/" + sample.completedRun());
		browser.await(By.cssSelector("h1 .badge[data-status='completed']"));
		page(folder, "run", "//div[@class='timeline']");
		browser.open("/projects/" + sample.projectId() + "/executions");
		page(folder, "executions", "//table[@aria-label='Executions']//*[contains(@class, 'mini')]");
		browser.open("/projects/" + sample.projectId() + "/members");
		page(folder, "members", "//table[@aria-label='Members']");
		for (String section : new String[] { "users", "settings", "audit", "endpoints" }) {
			browser.open("/admin/" + section);
			page(folder, "admin-" + section, "//h1");
		}
		browser.open("/account");
		page(folder, "account", "//h1");
		browser.click("Set up MFA");
		page(folder, "account-mfa", "//img[@class='qr']");
	}

	/** Waits for the page, checks it at both sizes, and keeps its picture at 1280×800. */
	private void page(Path folder, String name, String readyXpath) {
		for (int[] size : new int[][] { { 1920, 1080 }, { 1280, 800 } }) {
			browser.resize(size[0], size[1]);
			WebElement ready = browser.await(By.xpath(readyXpath), Duration.ofSeconds(20));
			browser.script("arguments[0].scrollIntoView({block: 'nearest'});", ready);
			Object overflow = browser
				.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(((Number) overflow).intValue()).as("%s is wider than %d px", name, size[0])
				.isLessThanOrEqualTo(0);
		}
		assertThat(browser.accessibilityProblems()).as("accessibility of %s", name).isEmpty();
		browser.screenshot(folder.resolve(name + ".png"));
		assertThat(browser.consoleProblems()).as("browser console on %s", name).isEmpty();
	}

	/**
	 * A project worth looking at: four nodes, a completed run and one waiting at its
	 * gate.
	 */
	private Sample sample(String[] auth) {
		TestCanvas canvas = new TestCanvas(this.http, auth);
		long project = this.http
			.postJson("/projects",
					"{\"name\": \"Invoice intake\", \"description\": \"Reminders for overdue invoices\"}", auth)
			.json()
			.get("id")
			.asLong();
		long inputs = node(auth, project, "inputs", "Invoices", 40, 160, "{}");
		long template = node(auth, project, "text_template", "Greeting", 300, 160,
				"{\"template\": \"Dear {{name}}, invoice {{number}} is due. Reply to {{email}}.\"}");
		long redact = node(auth, project, "pii_redaction", "Redact PII", 560, 160,
				"{\"entities\": [\"name\", \"email\"]}");
		long review = node(auth, project, "manual_review", "Review", 820, 160,
				"{\"instructions\": \"Check the wording before it is sent.\"}");
		edge(auth, project, inputs, template);
		edge(auth, project, template, redact);
		edge(auth, project, redact, review);
		String inputsJson = "{\"inputs\": {\"name\": \"Ada Lovelace\", \"number\": \"INV-1042\", "
				+ "\"email\": \"ada@example.com\"}}";
		long completed = canvas.start(project, inputsJson);
		canvas.awaitStatus(completed, Set.of("waiting"), Duration.ofSeconds(30));
		assertThat(this.http.postJson("/executions/" + completed + "/gates/" + review, "{\"approved\": true}", auth)
			.status()).isEqualTo(200);
		canvas.awaitStatus(completed, Set.of("completed"), Duration.ofSeconds(30));
		long waiting = canvas.start(project, inputsJson);
		canvas.awaitStatus(waiting, Set.of("waiting"), Duration.ofSeconds(30));
		return new Sample(project, template, completed, waiting);
	}

	record Sample(long projectId, long templateNodeId, long completedRun, long waitingRun) {
	}

}
