package nl.llomonitor.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportOptions;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.importer.OpenWorldDatabaseConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
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
 * (85624NED): the URL holds the whole choice, and the chart draws the published values. A
 * regional table imported with its own measures (85268NED, with the provinces'
 * boundaries) is drawn as a map; a national one says it has no map.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "llo.import.demo=false")
@Import(OpenWorldDatabaseConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TablesViewBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ImportService importService;

	private HeadlessChromium browser;

	@BeforeAll
	void startBrowser() {
		this.importService.importFile(SharedData.file("cbs/85624NED.csv"), true);
		this.importService.importFile(SharedData.file("cbs/85268NED.csv"), null, null,
				new ImportOptions(null, true, false, true), null);
		this.importService.importFile(SharedData.file("geo/provincie_2023_wgs84.geojson"));
		this.browser = HeadlessChromium.start(1366, 900);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	private List<Map<String, Object>> chart(String figure) {
		return this.browser.chart(figure, false);
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
		this.browser.screenshot("tabellen", 1366);
	}

	/**
	 * Trends on an indicator of the unmapped table whose Leeftijd has no total (its
	 * de-facto total, "15 tot 75 jaar", is an ordinary member): it drew "no figures"
	 * while the table holds them. It now draws the first member of that dimension (with
	 * the total of the other) and says so, in the page's language.
	 */
	@Test
	void trendsDrawsAnIndicatorWhoseTableHasADimensionWithoutATotal() throws IOException {
		for (String lang : List.of("nl", "en")) {
			this.browser.driver.get("http://localhost:" + this.port
					+ "/?tab=trends&indicator=cbs_85624ned__deelnemerslevenlangontwikkelen_1&level=land&regions=NL01"
					+ (lang.equals("en") ? "&lang=en" : ""));
			List<Map<String, Object>> lines = this.browser.chart("trends", false);
			assertThat(lines).isNotEmpty();
			Map<String, Object> nederland = lines.stream()
				.filter((l) -> l.get("label").toString().contains("Nederland")
						|| l.get("label").toString().contains("Netherlands"))
				.findFirst()
				.orElseThrow();
			// 2023, 15 tot 75 jaar and the totals of the other dimensions, as published
			// (the
			// table has no region column: Nederland)
			String published = Files.readAllLines(SharedData.file("cbs/85624NED.csv"))
				.stream()
				.filter((line) -> line
					.contains(";Totaal mannen en vrouwen;15 tot 75 jaar;Totaal;Totaal;Totaal personen;2023;"))
				.findFirst()
				.orElseThrow()
				.split(";", -1)[7];
			List<?> periods = (List<?>) nederland.get("periods");
			List<?> values = (List<?>) nederland.get("values");
			assertThat(((Number) values.get(periods.indexOf("2023JJ00"))).doubleValue())
				.isEqualTo(Double.parseDouble(published));
			String notes = this.browser.driver.findElement(By.cssSelector("[data-figure='trends'] .figure__notes"))
				.getText();
			assertThat(notes).containsPattern(lang.equals("nl")
					? "Geen totaal in deze tabel voor [^:]*Leeftijd[^:]*: de grafiek toont 15 tot 75 jaar"
					: "No total in this table for [^:]*: the chart shows 15 tot 75 jaar");
		}
	}

	/** One cell of a CBS CSV download, as published (a point as decimal separator). */
	private static String published(String file, String column, String region, String period) throws IOException {
		List<String[]> rows = Files.readAllLines(SharedData.file(file))
			.stream()
			.map((line) -> line.replace("\uFEFF", "").split(";", -1))
			.toList();
		int index = Arrays.asList(rows.get(0)).indexOf(column);
		assertThat(index).as(column).isPositive();
		return rows.stream()
			.filter((row) -> row.length > index && row[1].equals(region) && row[2].equals(period))
			.map((row) -> row[index])
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aRegionalTableIsDrawnAsAMapOfProvincesChosenInTheUrl() throws IOException {
		String utrecht = published("cbs/85268NED.csv", "Werkloosheidspercentage_13", "Utrecht (PV)", "2023 2e kwartaal")
			.replace('.', ',');
		String nederland = published("cbs/85268NED.csv", "Werkloosheidspercentage_13", "Nederland", "2023 2e kwartaal")
			.replace('.', ',');
		this.browser.driver.get("http://localhost:" + this.port
				+ "/?tab=tabellen&table=85268NED&indicator=cbs_85268ned__werkloosheidspercentage_13&period=2023KW02");
		assertThat(chart("tabel")).isNotEmpty();
		new Select(this.browser.driver.findElement(By.cssSelector("select[data-focus='tb-mode']")))
			.selectByValue("kaart");
		new WebDriverWait(this.browser.driver, HeadlessChromium.WAIT).until((d) -> url().contains("mode=kaart"));
		List<WebElement> provinces = provinceMap();
		assertThat(provinces).extracting((p) -> p.getAttribute("data-code")).contains("PV20", "PV26", "PV31");
		assertThat(url()).contains("table=85268NED").contains("period=2023KW02");
		WebElement figure = this.browser.driver.findElement(By.cssSelector("[data-figure='tabel']"));
		assertThat(figure.findElement(By.cssSelector("path[data-code='PV26']")).getAttribute("aria-label"))
			.startsWith("Utrecht: " + utrecht);
		Object row = ((JavascriptExecutor) this.browser.driver).executeScript("""
				const rows = [...document.querySelectorAll('[data-figure="tabel"] .figure__table tbody tr')];
				const row = rows.find((r) => r.querySelector('th').textContent.trim() === 'Utrecht');
				return row ? [...row.children].map((c) => c.textContent.trim()) : null;
				""");
		assertThat(row).as("Utrecht's row in the data table").isNotNull();
		assertThat(((List<?>) row).get(1).toString()).startsWith(utrecht);
		assertThat(figure.findElement(By.cssSelector(".map-legend")).getText()).contains("Nederland: " + nederland);
		assertThat(figure.findElement(By.cssSelector(".figure__notes")).getText()).contains("85268NED");
		this.browser.screenshot("tabellen-kaart", 1366);
	}

	@Test
	void theTableChosenForTheUserGoesIntoTheLinkAndTheOtherViewsKeepTheirIndicator() {
		// coming from Kaart with its indicator, which this table does not have
		this.browser.driver
			.get("http://localhost:" + this.port + "/?tab=tabellen&regions=NL01&indicator=werkloosheidspercentage");
		chart("tabel");
		String table = new Select(this.browser.driver.findElement(By.cssSelector("select[data-focus='tb-table']")))
			.getFirstSelectedOption()
			.getAttribute("value");
		String measure = new Select(this.browser.driver.findElement(By.cssSelector("select[data-focus='tb-measure']")))
			.getFirstSelectedOption()
			.getAttribute("value");
		new WebDriverWait(this.browser.driver, HeadlessChromium.WAIT)
			.withMessage(() -> "the link lacks the table: " + url())
			.until((d) -> url().matches(".*[?&]table=" + table + "(&.*)?$"));
		// the indicator of the other views stays: back on Kaart it is still the one
		// chosen there
		assertThat(url()).contains("indicator=werkloosheidspercentage").contains("regions=NL01");
		// the link shows the same choice when opened again
		this.browser.driver.get(this.browser.driver.getCurrentUrl());
		chart("tabel");
		assertThat(new Select(this.browser.driver.findElement(By.cssSelector("select[data-focus='tb-table']")))
			.getFirstSelectedOption()
			.getAttribute("value")).isEqualTo(table);
		assertThat(new Select(this.browser.driver.findElement(By.cssSelector("select[data-focus='tb-measure']")))
			.getFirstSelectedOption()
			.getAttribute("value")).isEqualTo(measure);
	}

	@Test
	void whyTheTableIsIncompleteIsSaidInThePagesLanguage() {
		// the shared 85624NED download stops at CBS's limit of 10,000 rows
		for (String lang : List.of("nl", "en")) {
			this.browser.driver.get("http://localhost:" + this.port + "/?tab=tabellen&table=85624NED&regions=NL01"
					+ (lang.equals("en") ? "&lang=en" : ""));
			chart("tabel");
			String notes = this.browser.driver.findElement(By.cssSelector("[data-figure='tabel'] .figure__notes"))
				.getText();
			if (lang.equals("nl")) {
				assertThat(notes)
					.contains("De laatste import meldde: precies 10.000 datarijen: het bestand is"
							+ " waarschijnlijk afgebroken bij de downloadlimiet van CBS")
					.contains("(precies 10.000 datarijen")
					.doesNotContain("exactly");
			}
			else {
				assertThat(notes)
					.contains("The last import reported: exactly 10,000 data rows: the file was probably"
							+ " cut off at CBS's download limit")
					.doesNotContain("precies");
			}
		}
	}

	@Test
	void aDutchPageSaysTheImportsOtherWarningsInDutch() {
		// the shared 60039fvw is cut off, and its mapping skips the rows of regions the
		// monitor does not show: a warning the import keeps as a key, said in the page's
		// language.
		// A page closed before the import (so no page hears of it) left the list of
		// tables without it in the browser's HTTP cache: the next page must still find
		// the table (answers are revalidated, not kept for a max-age)
		this.browser.driver.get("http://localhost:" + this.port + "/?tab=tabellen&regions=PV26");
		chart("tabel");
		this.browser.driver.get("about:blank");
		this.importService.importFile(SharedData.file("cbs/60039fvw.csv"), true);
		this.browser.driver.get("http://localhost:" + this.port + "/?tab=tabellen&table=60039fvw&regions=PV26");
		chart("tabel");
		String notes = this.browser.driver.findElement(By.cssSelector("[data-figure='tabel'] .figure__notes"))
			.getText();
		assertThat(notes).contains("De laatste import meldde: precies 10.000 datarijen")
			.contains("3298 rijen van regio's overgeslagen door de mapping")
			.doesNotContain("skipped")
			.doesNotContain("andere melding");
		// an English page gives them as the import reported them
		this.browser.driver.get("http://localhost:" + this.port + "/?tab=tabellen&table=60039fvw&regions=PV26&lang=en");
		chart("tabel");
		assertThat(this.browser.driver.findElement(By.cssSelector("[data-figure='tabel'] .figure__notes")).getText())
			.contains("The last import reported: exactly 10,000 data rows")
			.contains("skipped");
		// 60039fvw runs to 2023 for Nederland, to 2017 for the provinces: its map of the
		// provinces opens on 2017, not on an empty 2023
		this.browser.driver
			.get("http://localhost:" + this.port + "/?tab=tabellen&table=60039fvw&mode=kaart&level=provincie");
		List<WebElement> provinces = provinceMap();
		assertThat(new Select(this.browser.driver.findElement(By.cssSelector("select[data-focus='tb-period']")))
			.getFirstSelectedOption()
			.getAttribute("value")).isEqualTo("2017JJ00");
		assertThat(provinces).allSatisfy((p) -> assertThat(p.getAttribute("aria-label")).doesNotContain("geen cijfer"));
	}

	@Test
	void theLevelDefaultsToMyRegionsLevelWithMyRegionTicked() {
		this.browser.driver.get("http://localhost:" + this.port + "/?tab=tabellen&region=PV26&table=85268NED");
		chart("tabel");
		assertThat(new Select(this.browser.driver.findElement(By.cssSelector("select[data-focus='tb-level']")))
			.getFirstSelectedOption()
			.getAttribute("value")).isEqualTo("provincie");
		assertThat(this.browser.driver.findElement(By.cssSelector("input[data-focus='tb-regions-PV26']")).isSelected())
			.isTrue();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theMeasuresAreNamedInThePagesLanguage() {
		this.browser.driver.get("http://localhost:" + this.port + "/?tab=tabellen&table=85268NED&lang=en");
		chart("tabel");
		String names = """
				const x = new XMLHttpRequest();
				x.open('GET', '/api/v1/indicators?table=85268NED&lang=' + arguments[0], false);
				x.send();
				return Object.fromEntries(JSON.parse(x.responseText).map((i) => [i.code, i.name]));
				""";
		JavascriptExecutor js = (JavascriptExecutor) this.browser.driver;
		Map<String, Object> english = (Map<String, Object>) js.executeScript(names, "en");
		Map<String, Object> dutch = (Map<String, Object>) js.executeScript(names, "nl");
		List<WebElement> options = this.browser.driver
			.findElements(By.cssSelector("select[data-focus='tb-measure'] option"));
		assertThat(options).isNotEmpty();
		boolean translated = false;
		for (WebElement option : options) {
			String code = option.getAttribute("value");
			assertThat(option.getText()).as(code).isEqualTo(english.get(code));
			translated |= !english.get(code).equals(dutch.get(code));
		}
		assertThat(translated).as("a measure whose English name differs from its Dutch one").isTrue();
	}

	@Test
	void aForecastIsDrawnAsAChartNotAsAnEmptyMap() {
		this.importService.importFile(SharedData.file("cbs/82220NED.csv"), true);
		this.browser.driver
			.get("http://localhost:" + this.port + "/?tab=tabellen&table=82220NED&mode=kaart&regions=PV26");
		chart("tabel");
		assertThat(this.browser.driver.findElements(By.cssSelector("[data-figure='tabel'] svg.map"))).isEmpty();
		assertThat(this.browser.driver.findElement(By.cssSelector("[data-figure='tabel'] .figure__notes")).getText())
			.contains("Dit onderwerp is een prognose");
		// told as what is expected, not as what was
		assertThat(this.browser.driver.findElement(By.cssSelector("[data-figure='tabel'] .figure__summary")).getText())
			.startsWith("Volgens de prognose is");
		assertThat(this.browser.driver.findElements(By.cssSelector("select[data-focus='tb-mode'] option")))
			.extracting((o) -> o.getAttribute("value"))
			.containsExactly("grafiek");
	}

	/**
	 * A table opens on its totals: the dimensions with a total member (Totaal, Totaal
	 * personen) stay at it, only those without one (the age groups) take their first
	 * member.
	 */
	@Test
	void aTableOpensOnItsTotals() {
		this.browser.driver.get("http://localhost:" + this.port + "/?tab=tabellen&table=85624NED&regions=NL01");
		new WebDriverWait(this.browser.driver, HeadlessChromium.WAIT).withMessage(this::url)
			.until((d) -> url().contains("breakdown="));
		List<Map<String, Object>> datasets = chart("tabel");
		assertThat(url()).contains("breakdown=cbs_85624ned__leeftijd:15-tot-75-jaar")
			.doesNotContain("onderwijsniveau:")
			.doesNotContain("onderwijsvolgend:")
			.doesNotContain("onderwijskenmerken:");
		// the published totals of 15 tot 75 jaar (rows 0-2 of the download)
		assertThat(((List<?>) datasets.get(0).get("values")).stream().map((v) -> ((Number) v).doubleValue()).toList())
			.containsExactly(4298.0, 4291.0, 4311.0);
		// the total is named as the table names it
		assertThat(new Select(this.browser.driver
			.findElement(By.cssSelector("select[data-focus='tb-dim-cbs_85624ned__onderwijskenmerken']")))
			.getFirstSelectedOption()
			.getText()).isEqualTo("Totaal personen");
		assertThat(new Select(
				this.browser.driver.findElement(By.cssSelector("select[data-focus='tb-dim-cbs_85624ned__leeftijd']")))
			.getFirstSelectedOption()
			.getText()).isEqualTo("15 tot 75 jaar");
		// age groups have no total: none is offered, so no choice snaps back unsaid
		assertThat(new Select(
				this.browser.driver.findElement(By.cssSelector("select[data-focus='tb-dim-cbs_85624ned__leeftijd']")))
			.getOptions()
			.stream()
			.map((o) -> o.getAttribute("value"))
			.toList()).isNotEmpty().doesNotContain("");
		// a dimension with a total offers it first
		assertThat(new Select(this.browser.driver
			.findElement(By.cssSelector("select[data-focus='tb-dim-cbs_85624ned__onderwijskenmerken']"))).getOptions()
			.get(0)
			.getAttribute("value")).isEmpty();
	}

	/**
	 * A forecast table (82220NED) is drawn as a forecast, as on Kerncijfers: a dashed
	 * line with open points, its legend, data table and notes saying prognose (forecast
	 * in English).
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aForecastLooksLikeAForecastInAllTables() {
		this.importService.importFile(SharedData.file("cbs/82220NED.csv"), true);
		for (String lang : List.of("nl", "en")) {
			this.browser.driver
				.get("http://localhost:" + this.port + "/?tab=tabellen&table=82220NED&regions=PV26" + "&lang=" + lang);
			chart("tabel");
			String forecast = lang.equals("nl") ? "prognose" : "forecast";
			Map<String, Object> looks = (Map<String, Object>) ((JavascriptExecutor) this.browser.driver)
				.executeScript("""
						const figure = document.querySelector('[data-figure="tabel"]');
						const chart = Chart.getChart(figure.querySelector('canvas'));
						const values = chart.data.datasets.filter((d) => d.lloRole === 'value');
						return { dashes: values.map((d) => d.borderDash || null),
							open: values.map((d) => [].concat(d.pointBackgroundColor).every((c) => c === '#ffffff')),
							labels: values.map((d) => d.label),
							legend: chart.legend.legendItems.map((i) => i.text),
							status: [...figure.querySelectorAll('.figure__table tbody td.status')]
								.filter((c) => c.previousElementSibling.textContent.trim() !== '–')
								.map((c) => c.textContent.trim()) };
						""");
			assertThat((List<Object>) looks.get("dashes")).as(lang)
				.isNotEmpty()
				.allMatch((d) -> List.of(8L, 5L).equals(d));
			assertThat((List<Object>) looks.get("open")).as(lang).isNotEmpty().allMatch(Boolean.TRUE::equals);
			assertThat((List<Object>) looks.get("labels")).as(lang)
				.allMatch((l) -> l.toString().endsWith("(" + forecast + ")"));
			assertThat((List<Object>) looks.get("legend")).as(lang)
				.contains(lang.equals("nl") ? "Prognose" : "Forecast");
			assertThat((List<Object>) looks.get("status")).as(lang)
				.isNotEmpty()
				.allMatch((x) -> x.toString().contains(forecast));
			assertThat(
					this.browser.driver.findElement(By.cssSelector("[data-figure='tabel'] .figure__notes")).getText())
				.as(lang)
				.contains(lang.equals("nl") ? "Een gestreepte lijn met open punten is een prognose"
						: "A dashed line with hollow points is a forecast");
			this.browser.figureScreenshot("tabel", "tabellen-prognose-" + lang);
		}
	}

	/**
	 * A table shows its own figures only: beroepsbevolking comes from 85268NED for the
	 * provinces by quarter and from 86088NED below them by year, so 86088NED is drawn at
	 * its own levels and in years, with its own name as source, never 85268NED's
	 * quarters.
	 */
	@Test
	void aTableShowsItsOwnFiguresNotThoseOfAnotherTableOfTheSameIndicator() {
		this.importService.importFile(SharedData.file("cbs/86088NED.csv"), true);
		this.browser.driver
			.get("http://localhost:" + this.port + "/?tab=tabellen&table=86088NED&indicator=beroepsbevolking");
		List<Map<String, Object>> datasets = chart("tabel");
		assertThat(datasets).isNotEmpty()
			.allSatisfy((d) -> assertThat((List<?>) d.get("periods")).isNotEmpty()
				.allSatisfy((p) -> assertThat(p.toString()).endsWith("JJ00")));
		String notes = this.browser.find("[data-figure='tabel'] .figure__notes").getText();
		assertThat(notes).contains("86088NED").doesNotContain("85268NED");
	}

	@Test
	void aNationalTableSaysItHasNoMap() {
		this.browser.driver.get("http://localhost:" + this.port + "/?tab=tabellen&table=85624NED&mode=kaart");
		String message = new WebDriverWait(this.browser.driver, HeadlessChromium.WAIT)
			.until((d) -> d.findElements(By.cssSelector("[data-figure='tabel'] [data-no-map]"))
				.stream()
				.map(WebElement::getText)
				.filter((text) -> !text.isBlank())
				.findFirst()
				.orElse(null));
		assertThat(message).contains("geen cijfers per gebied");
		assertThat(this.browser.driver.findElements(By.cssSelector("[data-figure='tabel'] svg.map"))).isEmpty();
		// said once, not again as the summary under it
		String figure = this.browser.find("[data-figure='tabel']").getText();
		assertThat(figure.indexOf("geen cijfers per gebied")).isEqualTo(figure.lastIndexOf("geen cijfers per gebied"));
	}

	@Test
	void choosingATotalPutsTheChoiceInTheUrl() {
		this.browser.driver.get("http://localhost:" + this.port
				+ "/?tab=tabellen&table=85624NED&breakdown=cbs_85624ned__leeftijd:15-tot-75-jaar&regions=NL01");
		assertThat(chart("tabel").get(0).get("values")).asList().hasSize(3);
		new Select(this.browser.driver
			.findElement(By.cssSelector("select[data-focus='tb-dim-cbs_85624ned__onderwijsvolgend']")))
			.selectByVisibleText("Volgt formeel onderwijs");
		new WebDriverWait(this.browser.driver, HeadlessChromium.WAIT)
			.until((d) -> url().contains("cbs_85624ned__onderwijsvolgend:volgt-formeel-onderwijs"));
		assertThat(url()).contains("table=85624NED").contains("cbs_85624ned__leeftijd:15-tot-75-jaar");
		assertThat(chart("tabel").get(0).get("values")).asList().hasSize(3);
	}

	/**
	 * @return the regions of the table's map once it shows the twelve provinces
	 */
	private List<WebElement> provinceMap() {
		return new WebDriverWait(this.browser.driver, HeadlessChromium.WAIT)
			.withMessage(() -> "no map: " + this.browser.driver.findElement(By.id("main")).getText())
			.until((d) -> {
				List<WebElement> paths = d
					.findElements(By.cssSelector("[data-figure='tabel'] svg.map path.map__region"));
				return (paths.size() == 12) ? paths : null;
			});
	}

}
