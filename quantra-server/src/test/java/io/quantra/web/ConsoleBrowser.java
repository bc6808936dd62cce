package io.quantra.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's Chromium, headless, driven through its chromedriver: the browser the console's
 * tests use. Nothing is downloaded; the browser's own calls home are switched off, since
 * the machine's network is closed.
 */
public final class ConsoleBrowser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	private ConsoleBrowser(ChromeDriver driver, Path profile, String baseUrl) {
		this.driver = driver;
		this.profile = profile;
		this.baseUrl = baseUrl;
	}

	/** A browser with a new, empty profile, its window at 1280×800. */
	public static ConsoleBrowser start(String baseUrl) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("The console's browser tests need Debian's chromium and chromium-driver: "
					+ "apt-get install chromium chromium-driver (.ci/run installs them).");
		}
		try {
			Path profile = Files.createTempDirectory("quantra-chromium");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--disable-extensions", "--disable-default-apps", "--window-size=1280,800",
					"--user-data-dir=" + profile);
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().window().setSize(new Dimension(1280, 800));
			return new ConsoleBrowser(driver, profile, baseUrl);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** Opens a console route, such as {@code /projects/3}. */
	public void open(String route) {
		this.driver.get(this.baseUrl + "/#" + route);
	}

	/**
	 * Signs in through the login page as an account without MFA, and waits for the
	 * projects.
	 */
	public void signIn(String email, String password) {
		// cookies are dropped on their own site, then the console starts on a new page,
		// so
		// that nothing of an earlier session is left running
		this.driver.get(this.baseUrl + "/version");
		this.driver.manage().deleteAllCookies();
		this.driver.get("about:blank");
		open("/projects");
		fill("E-mail", email);
		fill("Password", password);
		click("Sign in");
		await(By.xpath("//h1[normalize-space(.)='Projects']"));
	}

	public WebElement await(By by) {
		return await(by, Duration.ofSeconds(15));
	}

	public WebElement await(By by, Duration max) {
		return new WebDriverWait(this.driver, max).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public void awaitText(By by, String text) {
		new WebDriverWait(this.driver, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	/** The control a visible label names, as a screen reader finds it. */
	public WebElement field(String label) {
		WebElement labelElement = await(
				By.xpath("//label[normalize-space(.)='" + label + "' or normalize-space(.)='" + label + " *']"));
		return this.driver.findElement(By.id(labelElement.getAttribute("for")));
	}

	public void fill(String label, String value) {
		WebElement input = field(label);
		input.clear();
		input.sendKeys(value);
	}

	public WebElement button(String name) {
		return await(By.xpath("//button[normalize-space(.)='" + name + "' or @aria-label='" + name + "']"));
	}

	public void click(String buttonName) {
		WebElement button = button(buttonName);
		new WebDriverWait(this.driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(button));
		button.click();
	}

	/** What a GET answers within the browser's session, as the console would see it. */
	public JsonNode fetchJson(String path) {
		Object text = ((JavascriptExecutor) this.driver)
			.executeAsyncScript(
					"const done = arguments[arguments.length - 1];"
							+ "fetch(arguments[0], {credentials: 'same-origin'}).then((r) => r.text()).then(done);",
					path);
		return JsonMapper.builder().build().readTree((String) text);
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/**
	 * Errors and warnings the page wrote to the browser's console since the last call.
	 */
	public List<String> consoleProblems() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.map(LogEntry::toString)
			.toList();
	}

	/**
	 * What a screen reader user would miss on the page: controls without a label, buttons
	 * and links without a name, images without alternative text, and a page without
	 * exactly one main heading.
	 */
	@SuppressWarnings("unchecked")
	public List<String> accessibilityProblems() {
		return (List<String>) script(
				"""
						const problems = [];
						const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
						const named = (el) => (el.getAttribute('aria-label') || '').trim()
						    || (el.getAttribute('aria-labelledby') && document.getElementById(el.getAttribute('aria-labelledby')))
						    || (el.getAttribute('title') || '').trim();
						for (const el of document.querySelectorAll('input, select, textarea')) {
						  if (el.type === 'hidden' || !visible(el)) continue;
						  const label = el.id && document.querySelector(`label[for="${el.id}"]`);
						  if (!label && !el.closest('label') && !named(el)) {
						    problems.push(`unlabelled ${el.tagName.toLowerCase()} ${el.name || el.outerHTML.substring(0, 80)}`);
						  }
						}
						for (const el of document.querySelectorAll('button, a[href], [role="button"]')) {
						  if (visible(el) && !el.textContent.trim() && !named(el)) {
						    problems.push(`nameless ${el.tagName.toLowerCase()} ${el.outerHTML.substring(0, 80)}`);
						  }
						}
						for (const el of document.querySelectorAll('img')) {
						  if (!el.hasAttribute('alt')) problems.push(`image without alt ${el.src.substring(0, 60)}`);
						}
						const headings = [...document.querySelectorAll('h1')].filter(visible).length;
						if (headings !== 1) problems.push(`${headings} main headings`);
						return problems;
						""");
	}

	public void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	public void screenshot(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (var files = Files.walk(this.profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
			catch (IOException ex) {
				// a temporary profile left behind costs nothing but disk
			}
		}
	}

}
