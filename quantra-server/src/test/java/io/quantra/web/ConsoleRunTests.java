package io.quantra.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run view in a real Chromium: a failed node's log open at once, a refused gate, and
 * a run paused, resumed, cancelled and started again.
 */
class ConsoleRunTests extends ConsoleBrowserTests {

	String[] auth;

	long project;

	@BeforeEach
	void signIn() {
		String email = this.accounts.user("runner");
		this.auth = TestAccounts.signIn(this.http, email);
		this.project = project(this.auth, "Runs");
		browser.signIn(email, TestAccounts.PASSWORD);
	}

	@Test
	void theFailedNodeIsOpenWithItsLogAndTheReason() {
		long inputs = node("inputs", "In", "{}");
		long template = node("text_template", "Letter", "{\"template\": \"Dear {{surname}}\", \"strict\": true}");
		edge(inputs, template);
		browser.open("/projects/" + this.project);
		browser.click("Run");
		browser.fill("Inputs (JSON)", "{\"name\": \"Ada\"}");
		browser.click("Start run");

		browser.await(By.cssSelector("h1 .badge[data-status='failed']"));
		browser.awaitText(By.cssSelector(".run-node-panel h2"), "Letter");
		browser.await(By.cssSelector(".graph-node[data-node='node_" + template + "'][data-status='failed']"));
		browser.awaitText(By.cssSelector(".run-node-panel details.log[open]"), "Failed");
		assertThat(browser.driver().findElement(By.cssSelector(".run-node-panel .notice.error")).getText())
			.contains("surname");
		assertThat(browser.driver().findElement(By.cssSelector(".facts")).getText()).contains("console");
	}

	@Test
	void aDocumentGivenToTheRunComesOutAsText() throws Exception {
		long upload = node("file_upload", "Letters", "{\"accepted_types\": [\".txt\"]}");
		long extract = node("text_extract", "Text", "{}");
		edge(upload, extract);
		Path letter = Files.createTempFile("letter", ".txt");
		Files.writeString(letter, "The quarterly figures arrive on Thursday.");
		browser.open("/projects/" + this.project);
		browser.click("Run");
		browser.field("Documents for Letters").sendKeys(letter.toAbsolutePath().toString());
		browser.click("Start run");

		browser.await(By.cssSelector("h1 .badge[data-status='completed']"));
		browser.await(By.cssSelector(".graph-node[data-node='node_" + extract + "']")).click();
		browser.awaitText(By.cssSelector(".run-node-panel .output-text"), "The quarterly figures arrive on Thursday.");
		Files.delete(letter);
	}

	@Test
	void aRefusedGateEndsTheRunAndSaysWhy() {
		long inputs = node("inputs", "In", "{}");
		long review = node("manual_review", "Review", "{}");
		edge(inputs, review);
		long execution = start();
		browser.open("/executions/" + execution);
		browser.fill("Reason (optional)", "Wrong customer");
		browser.click("Reject");

		browser.await(By.cssSelector("h1 .badge[data-status='failed']"));
		browser.awaitText(By.cssSelector(".run-node-panel details.log"), "Rejected");
		assertThat(this.http.get("/executions/" + execution, this.auth).json().get("status").asString())
			.isEqualTo("failed");
		assertThat(browser.driver().findElements(By.xpath("//button[normalize-space(.)='Approve']"))).isEmpty();
	}

	@Test
	void aRunIsPausedResumedCancelledAndStartedAgain() {
		long inputs = node("inputs", "In", "{}");
		long sleep = node("test_sleep", "Wait", "{\"millis\": 60000}");
		edge(inputs, sleep);
		long execution = start();
		browser.open("/executions/" + execution);
		browser.await(By.cssSelector(".graph-node[data-node='node_" + sleep + "'][data-status='running']"));
		browser.click("Pause");
		browser.await(By.cssSelector("h1 .badge[data-status='paused']"));
		browser.click("Resume");
		browser.await(By.cssSelector("h1 .badge[data-status='running']"));
		browser.click("Cancel run");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
		browser.driver().switchTo().alert().accept();
		browser.await(By.cssSelector("h1 .badge[data-status='cancelled']"));

		browser.click("Rerun");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until((d) -> !d.getCurrentUrl().endsWith("/executions/" + execution));
		browser.await(By.cssSelector(".graph-node[data-node='node_" + sleep + "'][data-status='running']"));
		long rerun = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/executions/(\\d+).*", "$1"));
		assertThat(this.http.postJson("/executions/" + rerun + "/cancel", "{}", this.auth).status()).isEqualTo(200);
		browser.await(By.cssSelector("h1 .badge[data-status='cancelled']"));
	}

	private long start() {
		return this.http.postJson("/projects/" + this.project + "/run", "{}", this.auth)
			.json()
			.get("execution_id")
			.asLong();
	}

	private long node(String plugin, String label, String config) {
		return node(this.auth, this.project, plugin, label, 40, 40, config);
	}

	private void edge(long from, long to) {
		edge(this.auth, this.project, from, to);
	}

}
