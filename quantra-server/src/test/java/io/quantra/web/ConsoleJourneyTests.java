package io.quantra.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quantra.identity.TestAccounts;
import io.quantra.identity.TotpCodes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's first session in the console, in a real Chromium: signing in with MFA,
 * building a three-node pipeline with the mouse, running it, approving its gate, and
 * finding the run in the history and the login in the audit log.
 */
class ConsoleJourneyTests extends ConsoleBrowserTests {

	@Test
	void signInWithMfaBuildAPipelineWithTheMouseRunItAndApproveItsGate() {
		String email = this.accounts.staff("console");
		String secret = enrolMfa(email);

		browser.open("/projects");
		browser.fill("E-mail", email);
		browser.fill("Password", TestAccounts.PASSWORD);
		browser.click("Sign in");
		browser.fill("Authentication code", TotpCodes.code(secret, Instant.now(this.clock), 1));
		browser.click("Verify");
		browser.await(By.xpath("//h1[normalize-space(.)='Projects']"));

		browser.click("New project");
		browser.fill("Name", "Invoices");
		browser.click("Create project");
		WebElement board = browser.await(By.cssSelector(".board"));

		dragPlugin("inputs", board, 120, 140);
		dragPlugin("manual_review", board, 420, 140);
		dragPlugin("pii_redaction", board, 720, 140);
		List<WebElement> nodes = awaitNodes(3);
		connect(nodes.get(0), nodes.get(1));
		connect(nodes.get(1), nodes.get(2));
		awaitEdges(2);

		// closing a loop is refused, and the refusal shows on the node it would reach
		connect(nodes.get(2), nodes.get(0));
		browser.awaitText(
				By.cssSelector(
						".canvas-node[data-node-id='" + nodes.get(0).getAttribute("data-node-id") + "'] .node-problem"),
				"cycle");
		assertThat(browser.driver().findElements(By.cssSelector(".wires path.edge"))).hasSize(2);

		long projectId = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/projects/(\\d+).*", "$1"));
		JsonNode chain = browser.fetchJson("/projects/" + projectId + "/chain");
		assertThat(chain.get("nodes").size()).isEqualTo(3);
		assertThat(chain.get("edges").size()).isEqualTo(2);

		browser.click("Run");
		browser.click("Start run");
		browser.await(By.xpath("//h1[starts-with(normalize-space(.), 'Run ')]"));
		browser.await(By.cssSelector(".graph-node[data-status='completed']"));
		browser.await(By.cssSelector(".graph-node[data-status='waiting']"));
		browser.click("Approve");
		browser.await(By.cssSelector("h1 .badge[data-status='completed']"));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until((d) -> d.findElements(By.cssSelector(".graph-node[data-status='completed']")).size() == 3);
		assertThat(browser.driver().findElements(By.cssSelector(".timeline-bar"))).hasSize(3);
		String run = "Run " + browser.driver().getCurrentUrl().replaceAll(".*/executions/(\\d+).*", "$1");

		browser.driver().findElement(By.linkText("history")).click();
		WebElement row = browser.await(By.cssSelector("table.executions tbody tr"));
		assertThat(row.getText()).startsWith(run + " ").contains("Completed").contains("console");
		browser.await(By.cssSelector("table.executions .run-graph.mini"));

		browser.open("/admin/audit");
		browser.fill("Event type", "login_success");
		browser.fill("User (e-mail or id)", email);
		browser.click("Apply filters");
		// the sign-in above, in the browser, not the API's token logins
		WebElement login = browser
			.await(By.xpath("//table//tr[td[contains(., '" + email + "')] and td[contains(., 'method: session')]]"));
		assertThat(login.getText()).contains("login_success");
		assertThat(browser.driver().findElements(By.xpath("//table/tbody/tr")))
			.allSatisfy((entry) -> assertThat(entry.getText()).contains(email).contains("login_success"));
	}

	private void dragPlugin(String pluginId, WebElement board, int x, int y) {
		WebElement item = browser.await(By.cssSelector(".palette-item[data-plugin='" + pluginId + "']"));
		int before = browser.driver().findElements(By.cssSelector(".canvas-node")).size();
		new Actions(browser.driver()).clickAndHold(item)
			.moveByOffset(30, 10)
			.moveToElement(board, x - board.getSize().getWidth() / 2, y - board.getSize().getHeight() / 2)
			.release()
			.perform();
		awaitNodes(before + 1);
	}

	private void connect(WebElement from, WebElement to) {
		WebElement port = from.findElement(By.cssSelector(".port.out"));
		new Actions(browser.driver()).clickAndHold(port).moveByOffset(20, 0).moveToElement(to).release().perform();
	}

	private List<WebElement> awaitNodes(int count) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".canvas-node"), count));
		return browser.driver().findElements(By.cssSelector(".canvas-node"));
	}

	private void awaitEdges(int count) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".wires path.edge"), count));
	}

}
