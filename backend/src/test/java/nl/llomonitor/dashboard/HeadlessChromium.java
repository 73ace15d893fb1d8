package nl.llomonitor.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's headless Chromium driven through its own chromedriver. The paths are given
 * explicitly, so Selenium Manager never downloads anything; every run gets a fresh
 * profile. A missing browser fails the test (with the command to install it): it is never
 * skipped.
 */
final class HeadlessChromium implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LLO_CHROMIUM", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("LLO_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private static final Logger logger = LoggerFactory.getLogger(HeadlessChromium.class);

	private final Path profile;

	final Path downloads;

	private final ChromeDriverService service;

	final ChromeDriver driver;

	private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
		this.profile = profile;
		this.downloads = profile.resolve("downloads");
		this.service = service;
		this.driver = driver;
	}

	/**
	 * Start a browser, failing with a clear message when Chromium or its driver is
	 * missing.
	 * @param width window width in CSS pixels
	 * @param height window height in CSS pixels
	 * @return the running browser
	 */
	static HeadlessChromium start(int width, int height) {
		requireInstalled();
		Path profile;
		try {
			profile = Files.createTempDirectory("llo-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
				"--lang=nl-NL");
		options.setExperimentalOption("prefs", Map.of("download.default_directory",
				profile.resolve("downloads").toString(), "download.prompt_for_download", false));
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(30))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		logger.info("Started {} with {}", driver.getCapabilities().getBrowserVersion(), CHROMEDRIVER);
		return new HeadlessChromium(profile, service, driver);
	}

	static void requireInstalled() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String message = "Headless Chromium is required for the dashboard browser tests but " + CHROMIUM + " or "
					+ CHROMEDRIVER + " is missing. Install it with: apt-get update && apt-get install -y chromium "
					+ "chromium-driver (.ci/run does this). CI=" + System.getenv("CI");
			logger.error(message);
			throw new IllegalStateException(message);
		}
	}

	/**
	 * @return the browser console entries logged since the last call, as "LEVEL message"
	 */
	List<String> consoleEntries() {
		List<String> entries = new ArrayList<>();
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			entries.add(entry.getLevel() + " " + entry.getMessage());
		}
		return entries;
	}

	/**
	 * @return the console errors (SEVERE) logged since the last call
	 */
	List<String> consoleErrors() {
		return consoleEntries().stream().filter((e) -> e.startsWith(Level.SEVERE.toString())).toList();
	}

	/**
	 * @param allowed texts of errors a test expects (the 404 of a region it asked for)
	 * @return the console errors logged since the last call that contain none of them
	 */
	List<String> consoleErrorsExcept(java.util.Collection<String> allowed) {
		return consoleErrors().stream().filter((e) -> allowed.stream().noneMatch(e::contains)).toList();
	}

	/**
	 * Chart.js data of the value datasets of one figure ({@code data-figure}): label,
	 * values, the period of each point and the chart's labels; null while it is not
	 * drawn.
	 */
	private static final String CHART_DATA = """
			const figure = document.querySelector('[data-figure="' + arguments[0] + '"]');
			const canvas = figure && figure.querySelector('canvas');
			const chart = canvas && window.Chart && Chart.getChart(canvas);
			if (!chart) { return null; }
			return chart.data.datasets.filter((d) => d.lloRole === 'value').map((d) => ({
				label: d.label, values: d.data, periods: (d.points || []).map((p) => p ? p.period : null),
				labels: chart.data.labels }));
			""";

	/**
	 * Waits until a figure has drawn its chart.
	 * @param figure the figure's {@code data-figure}
	 * @param withValues whether to wait for at least one value (not only datasets)
	 * @return its value datasets (label, values, periods, labels)
	 */
	@SuppressWarnings("unchecked")
	java.util.List<java.util.Map<String, Object>> chart(String figure, boolean withValues) {
		return new org.openqa.selenium.support.ui.WebDriverWait(this.driver, java.time.Duration.ofSeconds(20))
			.withMessage(() -> "chart " + figure + " drew no data: "
					+ this.driver.findElement(org.openqa.selenium.By.id("main")).getText())
			.until((d) -> {
				java.util.List<java.util.Map<String, Object>> datasets = (java.util.List<java.util.Map<String, Object>>) this.driver
					.executeScript(CHART_DATA, figure);
				boolean drawn = datasets != null && !datasets.isEmpty()
						&& (!withValues || datasets.stream()
							.anyMatch((s) -> ((java.util.List<Object>) s.get("values")).stream()
								.anyMatch(java.util.Objects::nonNull)));
				return drawn ? datasets : null;
			});
	}

	/** Longest wait for the page: an element to appear, a condition to hold. */
	static final Duration WAIT = Duration.ofSeconds(30);

	/**
	 * @param script JavaScript run in the page ({@code arguments[i]} are the args)
	 * @param args its arguments
	 * @return what it returns, as Selenium converts it
	 */
	Object js(String script, Object... args) {
		return this.driver.executeScript(script, args);
	}

	/**
	 * @return the page's address now
	 */
	String currentUrl() {
		return this.driver.getCurrentUrl();
	}

	/**
	 * @param css a selector
	 * @return its first element now ({@code NoSuchElementException} if none)
	 */
	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	/**
	 * @param by what to find
	 * @return its first element once there is one (at most {@link #WAIT}; the timeout
	 * says what the page shows)
	 */
	WebElement waitFor(By by) {
		return new WebDriverWait(this.driver, WAIT).withMessage(() -> by + " not found; " + shows()).until((d) -> {
			List<WebElement> found = d.findElements(by);
			return found.isEmpty() ? null : found.get(0);
		});
	}

	/**
	 * Waits until the condition holds (at most {@link #WAIT}; a condition that throws
	 * counts as not yet, and the timeout says what the page shows).
	 * @param condition checked again and again
	 */
	void waitUntil(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(this.driver, WAIT).ignoring(RuntimeException.class)
			.withMessage(this::shows)
			.until((d) -> condition.getAsBoolean());
	}

	/** What the page shows: its main text, address, notice and region input. */
	private String shows() {
		return "page shows: " + texts("#main") + " at " + this.driver.getCurrentUrl() + "; notice: " + texts("#notice")
				+ "; region input: "
				+ this.driver.findElements(By.cssSelector("#region-input"))
					.stream()
					.map((e) -> e.getAttribute("value"))
					.toList();
	}

	private String texts(String css) {
		return this.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList().toString();
	}

	/**
	 * Saves the whole page (up to 4,000 pixels high) at a width, then restores the
	 * window.
	 * @param name the file name without extension: {@code target/screenshots/name.png}
	 * @param width the window width in CSS pixels
	 */
	void screenshot(String name, int width) {
		Dimension original = this.driver.manage().window().getSize();
		try {
			long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
			this.driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 20, 4000)));
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Files.write(dir.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write screenshot " + name, ex);
		}
		finally {
			this.driver.manage().window().setSize(original);
		}
	}

	/**
	 * Saves one figure of the page alone, as drawn, for the README's screenshots.
	 * @param figure the figure's {@code data-figure}
	 * @param name the file name without extension: {@code target/screenshots/name.png}
	 */
	void figureScreenshot(String figure, String name) {
		try {
			java.nio.file.Path dir = java.nio.file.Path.of("target/screenshots");
			java.nio.file.Files.createDirectories(dir);
			java.nio.file.Files.write(dir.resolve(name + ".png"),
					this.driver.findElement(org.openqa.selenium.By.cssSelector("[data-figure='" + figure + "']"))
						.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
			catch (IOException ex) {
				logger.warn("Could not remove browser profile {}", this.profile, ex);
			}
		}
	}

}
