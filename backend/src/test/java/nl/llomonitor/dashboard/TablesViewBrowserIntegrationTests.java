package nl.llomonitor.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.importer.OpenWorldDatabaseConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Alle tabellen" view in a real browser, on a table imported without a mapping file
 * (85624NED): the URL holds the whole choice, and the chart draws the published values.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "llo.import.demo=false")
@Import(OpenWorldDatabaseConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TablesViewBrowserIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String CHART_DATA = """
			const figure = document.querySelector('[data-figure="' + arguments[0] + '"]');
			const canvas = figure && figure.querySelector('canvas');
			const chart = canvas && window.Chart && Chart.getChart(canvas);
			if (!chart) { return null; }
			return chart.data.datasets.filter((d) => d.lloRole === 'value').map((d) => ({
				label: d.label, values: d.data, periods: (d.points || []).map((p) => p ? p.period : null) }));
			""";

	@LocalServerPort
	private int port;

	@Autowired
	private ImportService importService;

	private HeadlessChromium browser;

	@BeforeAll
	void startBrowser() {
		this.importService.importFile(SharedData.file("cbs/85624NED.csv"), true);
		this.browser = HeadlessChromium.start(1366, 900);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> chart(String figure) {
		return new WebDriverWait(this.browser.driver, WAIT).withMessage(
				() -> "chart " + figure + " drew no data: " + this.browser.driver.findElement(By.id("main")).getText())
			.until((d) -> {
				Object data = ((JavascriptExecutor) d).executeScript(CHART_DATA, figure);
				List<Map<String, Object>> datasets = (List<Map<String, Object>>) data;
				return (datasets != null && !datasets.isEmpty()) ? datasets : null;
			});
	}

	private String url() {
		return java.net.URLDecoder.decode(this.browser.driver.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void anUnmappedTableIsChartedFromTheUrlChoice() {
		this.browser.driver.get("http://localhost:" + this.port
				+ "/?tab=tabellen&table=85624NED&indicator=cbs_85624ned__deelnemerslevenlangontwikkelen_1"
				+ "&breakdown=cbs_85624ned__leeftijd:15-tot-75-jaar,cbs_85624ned__onderwijsniveau:3-hbo-wo&regions=NL01");
		List<Map<String, Object>> datasets = chart("tabel");
		assertThat(datasets).hasSize(1);
		assertThat(datasets.get(0).get("label")).isEqualTo("Nederland");
		assertThat(datasets.get(0).get("periods")).isEqualTo(List.of("2021JJ00", "2022JJ00", "2023JJ00"));
		assertThat(((List<?>) datasets.get(0).get("values")).stream().map((v) -> ((Number) v).doubleValue()).toList())
			.containsExactly(1614.0, 1625.0, 1613.0);
		assertThat(new Select(this.browser.driver.findElement(By.cssSelector("select[data-focus='tb-table']")))
			.getFirstSelectedOption()
			.getAttribute("value")).isEqualTo("85624NED");
		assertThat(new Select(this.browser.driver
			.findElement(By.cssSelector("select[data-focus='tb-dim-cbs_85624ned__onderwijsniveau']")))
			.getFirstSelectedOption()
			.getText()).isEqualTo("3 Hbo, wo");
		assertThat(this.browser.driver.findElement(By.cssSelector("[data-figure='tabel'] .figure__notes")).getText())
			.contains("85624NED");
		screenshot("tabellen");
	}

	private void screenshot(String name) {
		try {
			java.nio.file.Path dir = java.nio.file.Path.of("target/screenshots");
			java.nio.file.Files.createDirectories(dir);
			java.nio.file.Files.write(dir.resolve(name + ".png"),
					this.browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void choosingATotalPutsTheChoiceInTheUrl() {
		this.browser.driver.get("http://localhost:" + this.port
				+ "/?tab=tabellen&table=85624NED&breakdown=cbs_85624ned__leeftijd:15-tot-75-jaar&regions=NL01");
		assertThat(chart("tabel").get(0).get("values")).asList().hasSize(3);
		new Select(this.browser.driver
			.findElement(By.cssSelector("select[data-focus='tb-dim-cbs_85624ned__onderwijsvolgend']")))
			.selectByVisibleText("Volgt formeel onderwijs");
		new WebDriverWait(this.browser.driver, WAIT)
			.until((d) -> url().contains("cbs_85624ned__onderwijsvolgend:volgt-formeel-onderwijs"));
		assertThat(url()).contains("table=85624NED").contains("cbs_85624ned__leeftijd:15-tot-75-jaar");
		assertThat(chart("tabel").get(0).get("values")).asList().hasSize(3);
	}

}
