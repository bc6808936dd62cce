package io.quantra.web;

import java.nio.file.Path;
import java.time.Instant;

import io.quantra.HttpTestClient;
import io.quantra.OnH2;
import io.quantra.TestCanvas;
import io.quantra.TestClock;
import io.quantra.identity.TestAccounts;
import io.quantra.identity.TotpCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console's browser tests share: one Chromium per test class against the test
 * server, a picture of the page when a test fails (in {@code target/console-failures}), a
 * clean browser console after every test, and pipelines set up through the API.
 */
@OnH2
abstract class ConsoleBrowserTests {

	static ConsoleBrowser browser;

	@RegisterExtension
	static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (browser != null) {
				browser.screenshot(Path.of("target", "console-failures",
						context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName() + ".png"));
			}
		}
	};

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestClock clock;

	HttpTestClient http;

	@BeforeEach
	void startBrowser() {
		this.http = HttpTestClient.local(this.port);
		if (browser == null) {
			browser = ConsoleBrowser.start("http://localhost:" + this.port);
		}
	}

	@AfterEach
	void noErrorsInTheBrowserConsole() {
		assertThat(browser.consoleProblems()).as("errors in the browser's console").isEmpty();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	/**
	 * Turns MFA on for an account through the API, as an authenticator app would; answers
	 * its secret.
	 */
	String enrolMfa(String email) {
		String[] auth = TestAccounts.signIn(this.http, email);
		String secret = this.http.postJson("/mfa/setup", "{}", auth).json().get("secret").asString();
		String code = TotpCodes.code(secret, Instant.now(this.clock), 0);
		assertThat(this.http.postJson("/mfa/enable", "{\"code\": \"" + code + "\"}", auth).status()).isEqualTo(200);
		return secret;
	}

	long project(String[] auth, String name) {
		return new TestCanvas(this.http, auth).project(name);
	}

	/** A node of a built-in plugin (or a test plugin) at a place on the canvas. */
	long node(String[] auth, long project, String plugin, String label, int x, int y, String config) {
		String type = switch (plugin) {
			case "inputs", "file_upload" -> "datasource";
			case "manual_review" -> "workbench";
			default -> "tool";
		};
		return new TestCanvas(this.http, auth).node(project, type, plugin, label, x, y, config);
	}

	void edge(String[] auth, long project, long from, long to) {
		new TestCanvas(this.http, auth).flow(project, from, to);
	}

}
