package io.quantra.web;

import java.time.Duration;

import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing a pipeline in the canvas editor from the keyboard and the inspector: settings
 * checked where they are typed, a concurrent change explained, undo and auto-layout.
 */
class ConsoleCanvasTests extends ConsoleBrowserTests {

	String[] auth;

	long project;

	@BeforeEach
	void signIn() {
		String email = this.accounts.user("editor");
		this.auth = TestAccounts.signIn(this.http, email);
		this.project = project(this.auth, "Letters");
		browser.signIn(email, TestAccounts.PASSWORD);
	}

	@Test
	void aPluginAddedFromTheKeyboardIsConfiguredInAFormThatChecksWhatIsTyped() {
		browser.open("/projects/" + this.project);
		WebElement item = browser.await(By.cssSelector(".palette-item[data-plugin='text_template']"));
		item.sendKeys(Keys.ENTER);
		browser.await(By.xpath("//div[@role='dialog' and @aria-label='Add Text Template']"));
		browser.click("Add node");
		browser.awaitText(By.cssSelector(".field.invalid .error-text"), "Required.");
		assertThat(this.http.get("/projects/" + this.project + "/nodes", this.auth).json().get("nodes").size())
			.as("no node without its required settings")
			.isZero();
		browser.fill("Template", "Dear {{name}}");
		browser.click("Add node");
		WebElement node = browser.await(By.cssSelector(".canvas-node.selected"));
		assertThat(node.getText()).contains("Text Template");
		assertThat(config(nodeId(node)).get("template").asString()).isEqualTo("Dear {{name}}");

		browser.fill("Output field", "1 not a name");
		browser.click("Save");
		browser.awaitText(By.cssSelector(".field.invalid .error-text"), "Does not have the expected form.");
		assertThat(config(nodeId(node)).has("output_field")).as("nothing saved").isFalse();

		browser.fill("Output field", "letter");
		browser.click("Save");
		browser.awaitText(By.cssSelector(".notice.success"), "Saved Text Template.");
		JsonNode saved = config(nodeId(node));
		assertThat(saved.get("template").asString()).isEqualTo("Dear {{name}}");
		assertThat(saved.get("output_field").asString()).isEqualTo("letter");
		assertThat(browser.driver().findElements(By.cssSelector(".canvas-node .node-problem"))).isEmpty();
	}

	@Test
	void aNodeSomeoneElseChangedIsReloadedWithAnExplanation() {
		long id = addNode("manual_review", "Check", 60, 60);
		browser.open("/projects/" + this.project);
		browser.await(By.cssSelector(".canvas-node[data-node-id='" + id + "']")).click();
		browser.fill("Label", "Check twice");

		assertThat(this.http.send("PUT", "/nodes/" + id, "{\"label\": \"Approve\"}", this.auth).status())
			.isEqualTo(200);
		browser.click("Save");

		browser.awaitText(By.cssSelector(".notice.error"), "Someone else changed this node");
		browser.awaitText(By.cssSelector(".canvas-node[data-node-id='" + id + "'] .node-title"), "Approve");
		assertThat(browser.field("Label").getAttribute("value")).isEqualTo("Approve");
		assertThat(node(id).get("label").asString()).isEqualTo("Approve");
		assertThat(browser.consoleProblems()).as("only the refused change")
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("/nodes/" + id + " - Failed to load resource: the server responded with a status of 412");
	}

	@Test
	void aDeletedNodeComesBackWithItsConnectionsOnUndoAndAutoLayoutArrangesTheGraphInLayers() {
		long first = addNode("inputs", "In", 500, 300);
		long second = addNode("manual_review", "Review", 40, 40);
		long third = addNode("pii_redaction", "Redact", 40, 300);
		edge(first, second);
		edge(second, third);
		browser.open("/projects/" + this.project);

		browser.await(By.cssSelector(".canvas-node[data-node-id='" + second + "']")).click();
		browser.click("Delete node");
		awaitCount(".canvas-node", 2);
		awaitCount(".wires path.edge", 0);
		browser.click("Undo");
		awaitCount(".canvas-node", 3);
		awaitCount(".wires path.edge", 2);
		assertThat(this.http.get("/projects/" + this.project + "/chain", this.auth).json().get("edges").size())
			.isEqualTo(2);

		browser.click("Auto-layout");
		browser.awaitText(By.cssSelector(".notice.success"), "Arranged");
		JsonNode nodes = this.http.get("/projects/" + this.project + "/nodes", this.auth).json().get("nodes");
		int inX = 0;
		int reviewX = 0;
		int redactX = 0;
		for (JsonNode node : nodes) {
			switch (node.get("label").asString()) {
				case "In" -> inX = node.get("x_pos").asInt();
				case "Review" -> reviewX = node.get("x_pos").asInt();
				default -> redactX = node.get("x_pos").asInt();
			}
		}
		assertThat(inX).isLessThan(reviewX);
		assertThat(reviewX).isLessThan(redactX);
	}

	@Test
	void aNodeDraggedAtAZoomedOutViewMovesByTheDistanceOnTheCanvas() {
		long id = addNode("inputs", "In", 100, 100);
		browser.open("/projects/" + this.project);
		WebElement node = browser.await(By.cssSelector(".canvas-node[data-node-id='" + id + "']"));
		browser.click("Zoom out");
		browser.awaitText(By.cssSelector(".zoom"), "80%");
		new Actions(browser.driver()).clickAndHold(node).moveByOffset(40, 0).moveByOffset(40, 40).release().perform();
		// 80 by 40 pixels on the screen are 100 by 50 on the canvas at 80 %
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until((d) -> node(id).get("x_pos").asInt() == 200 && node(id).get("y_pos").asInt() == 150);
	}

	@Test
	void aProjectIsRenamedFromTheList() {
		browser.open("/projects");
		browser.click("Edit Letters");
		browser.fill("Name", "Letters to customers");
		browser.fill("Description", "Sent every Monday");
		browser.click("Save");
		browser.await(By.xpath("//table[@aria-label='Projects']//a[.='Letters to customers']"));
		JsonNode project = this.http.get("/projects/" + this.project, this.auth).json();
		assertThat(project.get("name").asString()).isEqualTo("Letters to customers");
		assertThat(project.get("description").asString()).isEqualTo("Sent every Monday");
	}

	@Test
	void nodesMoveWithTheArrowKeysAndTheMoveIsSaved() {
		long id = addNode("inputs", "In", 100, 100);
		browser.open("/projects/" + this.project);
		WebElement node = browser.await(By.cssSelector(".canvas-node[data-node-id='" + id + "']"));
		node.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_DOWN);
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until((d) -> node(id).get("x_pos").asInt() == 120 && node(id).get("y_pos").asInt() == 110);
	}

	private long addNode(String plugin, String label, int x, int y) {
		return node(this.auth, this.project, plugin, label, x, y, "{}");
	}

	private void edge(long from, long to) {
		edge(this.auth, this.project, from, to);
	}

	private JsonNode node(long id) {
		return this.http.get("/nodes/" + id, this.auth).json();
	}

	private JsonNode config(long id) {
		return node(id).get("config");
	}

	private static long nodeId(WebElement node) {
		return Long.parseLong(node.getAttribute("data-node-id"));
	}

	private static void awaitCount(String css, int count) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(css), count));
	}

}
