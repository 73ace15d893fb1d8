package nl.llomonitor.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.REGION;
import static nl.llomonitor.db.Tables.REGION_GEOMETRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (Debian's headless Chromium), on the whole app with the
 * shared published data imported into real PostgreSQL. Charts are checked through their
 * Chart.js instance data, every test fails on a browser console error, and screenshots of
 * each page are written to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	/**
	 * The published files the dashboard shows (oldest vintage first), imported like the
	 * app does.
	 */
	static final List<String> SHARED_FILES = List.of("cbs/85755NED.csv", "geo/provincie_2023_wgs84.geojson",
			"geo/arbeidsmarktregio_2024_wgs84.geojson", "cbs/85268NED.csv", "cbs/86088NED.csv", "cbs/83599NED.csv",
			"cbs/85554NED.csv", "cbs/85315NED.csv", "cbs/85314NED.csv", "eurostat/trng_lfse_04_NL_subset.tsv");

	@Autowired
	private ImportService importService;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	private HeadlessChromium browser;

	@BeforeAll
	void startBrowser() {
		for (String file : SHARED_FILES) {
			this.importService.importFile(SharedData.file(file), true);
		}
		this.browser = HeadlessChromium.start(1366, 900);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@BeforeEach
	void clearConsole() {
		this.browser.consoleEntries();
	}

	@AfterEach
	void noConsoleErrors() {
		assertThat(this.browser.consoleErrors()).as("browser console errors").isEmpty();
	}

	/**
	 * Issue 11: grijze druk, observed (60039fvw) and the CBS/PBL forecast (82220NED)
	 * drawn distinctly: the forecast dashed and labelled with its base year, starting
	 * after the last observation.
	 */
	@Test
	void grijzeDrukChartShowsObservationsAndTheForecastDistinctly() {
		for (String file : List.of("cbs/60039fvw.csv", "cbs/82220NED.csv")) {
			this.importService.importFile(SharedData.file(file), true);
		}
		open("/");
		List<Map<String, Object>> datasets = chart("kc-grijze-druk");
		// the province, told from the gemeente of its name
		assertThat(text("[data-figure='kc-grijze-druk'] .figure__title"))
			.isEqualTo("Grijze druk: Utrecht (provincie) en Nederland");
		assertThat(datasets).extracting((d) -> d.get("label"))
			.containsExactly("Utrecht ◆ (afgeleid)", "Utrecht – CBS-prognose, basisjaar 2013", "Nederland ◆ (afgeleid)",
					"Nederland – CBS-prognose, basisjaar 2013");
		// Utrecht observed 2007-2017 (60039fvw), the forecast 2018-2040 only: its own
		// 2014-2017 (27.2 for 2017) give way to the observations
		assertThat(valueAt(datasets.get(0), "2017JJ00")).isEqualTo(26.9);
		assertThat(nonNull(datasets.get(0))).isEqualTo(11);
		assertThat(valueAt(datasets.get(1), "2040JJ00")).isEqualTo(45.8);
		assertThat(nonNull(datasets.get(1))).isEqualTo(23);
		@SuppressWarnings("unchecked")
		List<Object> dashes = (List<Object>) this.browser.js("""
				const chart = Chart.getChart(document.querySelector('[data-figure="kc-grijze-druk"] canvas'));
				return chart.data.datasets.filter((d) => d.lloRole === 'value').map((d) => d.borderDash || null);
				""");
		assertThat(dashes.get(0)).isNull();
		// Nederland in its colour of every other chart (the second series' colour:
		// orange), its forecast too
		@SuppressWarnings("unchecked")
		List<Object> colours = (List<Object>) this.browser.js("""
				const chart = Chart.getChart(document.querySelector('[data-figure="kc-grijze-druk"] canvas'));
				return chart.data.datasets.filter((d) => d.lloRole === 'value').map((d) => d.borderColor);
				""");
		assertThat(colours).containsExactly("#0072B2", "#0072B2", "#D55E00", "#D55E00");
		assertThat(dashes.get(1)).isEqualTo(List.of(8L, 5L));
		assertThat(notes("kc-grijze-druk")).contains("CBS-prognose, basisjaar 2013 (82220NED)")
			// dashed means forecast here: provisional figures are open points on a solid
			// line, and the note says so
			.contains("Cijfers met status voorlopig of nader voorlopig zijn met open punten op een doorgetrokken lijn")
			.contains("Een gestreepte lijn met open punten is een prognose")
			.contains("◆ (ruitvormige punten)")
			.doesNotContain("gestippeld");
		// what it is computed from, by name, never by code
		new WebDriverWait(this.browser.driver, Duration.ofSeconds(10))
			.until((d) -> notes("kc-grijze-druk").contains("(Bevolking 65 jaar en ouder / Bevolking 20–64 jaar)"));
		assertThat(notes("kc-grijze-druk")).doesNotContain("bevolking_65_plus");
		// one visual language: a derived series has diamonds on a solid line, a forecast
		// open points on a dashed line, and the legend names both
		@SuppressWarnings("unchecked")
		Map<String, Object> looks = (Map<String, Object>) this.browser.js("""
				const chart = Chart.getChart(document.querySelector('[data-figure="kc-grijze-druk"] canvas'));
				const values = chart.data.datasets.filter((d) => d.lloRole === 'value');
				return { styles: values.map((d) => d.pointStyle),
					open: values.map((d) => [].concat(d.pointBackgroundColor).every((c) => c === '#ffffff')),
					legend: chart.legend.legendItems.map((i) => i.text),
					fills: chart.legend.legendItems.filter((i) => i.datasetIndex != null).map((i) => i.fillStyle) };
				""");
		assertThat((List<Object>) looks.get("styles")).element(0).isEqualTo("rectRot");
		assertThat((List<Object>) looks.get("open")).containsExactly(false, true, false, true);
		assertThat((List<Object>) looks.get("legend")).contains("Prognose", "Berekend door LLO Monitor");
		// the legend marks them alike: filled for the observations, open for the
		// forecasts
		assertThat((List<Object>) looks.get("fills")).containsExactly("#0072B2", "#ffffff", "#D55E00", "#ffffff");
		this.browser.figureScreenshot("kc-grijze-druk", "grijze-druk-figuur");
		assertThat(summary("kc-grijze-druk")).contains("26,9 in 2017").contains("45,8 in 2040");
		// the views of observations only (compare, trend and map answer a forecast value
		// with none) do not offer the forecast indicators; the observed ones stay
		for (String view : List.of("kaart:map", "vergelijk:cmp", "trends:tr")) {
			String[] tabAndKey = view.split(":");
			open("/?tab=" + tabAndKey[0] + "&level=provincie");
			By options = By.cssSelector("select[data-focus='" + tabAndKey[1] + "-indicator'] option");
			this.browser.waitUntil(() -> !this.browser.driver.findElements(options).isEmpty());
			List<String> offered = this.browser.driver.findElements(options)
				.stream()
				.map((o) -> o.getAttribute("value"))
				.toList();
			assertThat(offered).as(view)
				.contains("grijze_druk", "bevolking_65_plus")
				.noneMatch((c) -> c.endsWith("_prognose"));
			// listed by name, as a reader looks for one
			List<String> names = this.browser.driver.findElements(options).stream().map(WebElement::getText).toList();
			assertThat(names).as(view)
				.isSortedAccordingTo(java.text.Collator.getInstance(java.util.Locale.forLanguageTag("nl")));
		}
	}

	@Test
	void kerncijfersShowTilesAndChartsForUtrecht() {
		open("/");
		WebElement tile = this.browser.waitFor(By.cssSelector(".tile[data-indicator='netto_arbeidsparticipatie']"));
		assertThat(tile.findElement(By.cssSelector(".tile__value")).getText()).matches("\\d{2},\\d %");
		assertThat(tile.findElement(By.cssSelector(".tile__meta")).getText()).contains("85268NED");
		assertThat(text("h2.panel__title")).isEqualTo("Kerncijfers Utrecht (provincie)");
		assertThat(this.browser.driver.findElements(By.cssSelector(".tile"))).hasSizeGreaterThanOrEqualTo(9);

		List<Map<String, Object>> datasets = chart("kc-werkloosheid");
		assertThat(datasets).extracting((d) -> d.get("label")).containsExactly("Utrecht", "Nederland");
		assertThat(valueAt(datasets.get(0), "2023KW02")).isEqualTo(3.3);
		assertThat(valueAt(chart("kc-participatie").get(0), "2023KW02")).isEqualTo(75.5);
		assertThat(summary("kc-participatie")).startsWith("In ").contains("Utrecht").contains("Nederland");

		// the info pop-up is a disclosure: closed, opened by its button, closed with
		// Escape
		WebElement info = tile.findElement(By.cssSelector(".tile__info"));
		WebElement popup = tile.findElement(By.cssSelector(".tile__popup"));
		assertThat(popup.isDisplayed()).isFalse();
		info.click();
		assertThat(info.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(popup.isDisplayed()).isTrue();
		assertThat(popup.getText()).isNotBlank();
		this.browser.screenshot("kerncijfers", 1366);
	}

	@Test
	void lloPageDrawsParticipationByRegionAndBackground() {
		open("/?tab=llo&regions=PV26,PV21");
		List<Map<String, Object>> regions = chart("llo-regio");
		assertThat(regions).extracting((d) -> d.get("label")).contains("Utrecht", "Fryslân", "Nederland");
		assertThat(nonNull(regions.get(0))).isGreaterThan(10);
		for (String figure : List.of("llo-opleiding", "llo-vorm", "llo-positie", "llo-arbeidsrelatie")) {
			List<Map<String, Object>> datasets = chart(figure);
			assertThat(datasets).as(figure).hasSizeGreaterThanOrEqualTo(2);
			assertThat(datasets).as(figure).allSatisfy((d) -> assertThat(nonNull(d)).isGreaterThan(3));
		}
		assertThat(chart("llo-opleiding")).extracting((d) -> d.get("label").toString().toLowerCase())
			.anySatisfy((l) -> assertThat(l).startsWith("laag"))
			.anySatisfy((l) -> assertThat(l).startsWith("hoog"));
		assertThat(notes("llo-regio")).contains("Eurostat").contains("2021");
		// employed people, 85314NED 2023: flexible 1,556 of 2,735 thousand = 56.9 %
		Map<String, Object> flexible = chart("llo-arbeidsrelatie").stream()
			.filter((d) -> d.get("label").toString().startsWith("Flexibel"))
			.findFirst()
			.orElseThrow();
		assertThat(valueAt(flexible, "2023JJ00")).isEqualTo(56.9);
		assertThat(notes("llo-arbeidsrelatie")).contains("85314NED")
			.contains("Definitie: Werkenden die deelnemen aan leven lang ontwikkelen als percentage");
		this.browser.screenshot("llo", 1366);
	}

	@Test
	void sharedCompareLinkReopensTheViewAndItsCsvHoldsTheValues() throws Exception {
		open("/?tab=vergelijk&indicator=netto_arbeidsparticipatie&level=provincie&regions=PV26,PV21&period=2023KW02");
		List<Map<String, Object>> bars = chart("vergelijk");
		assertThat(bars).hasSize(1);
		// Nederland is the reference bar beside the chosen regions
		assertThat(bars.get(0).get("labels")).isEqualTo(List.of("Utrecht", "Nederland (referentie)", "Fryslân"));
		assertThat(((List<?>) bars.get(0).get("values")).get(0)).isEqualTo(75.5);
		assertThat(((List<?>) bars.get(0).get("values")).get(2)).isEqualTo(72.6);
		assertThat(summary("vergelijk")).contains("Utrecht").contains("Fryslân").contains("75,5").contains("72,6");
		// how each difference was tested is one click away, not only in a tooltip;
		// Utrecht lies within Nederland, which its test takes into account
		List<WebElement> why = this.browser.driver
			.findElements(By.cssSelector(".differences__list .difference__why > summary"));
		assertThat(why).hasSize(2).allSatisfy((w) -> assertThat(w.getText()).isEqualTo("Hoe getoetst"));
		why.forEach(WebElement::click);
		assertThat(text(".differences__list")).contains("Utrecht ligt binnen Nederland")
			.contains("EBB-publicatieregel");
		assertThat(
				new Select(this.browser.find("select[data-focus='cmp-indicator']")).getFirstSelectedOption().getText())
			.isEqualTo("Netto arbeidsparticipatie");
		assertThat(new Select(this.browser.find("select[data-focus='cmp-period']")).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo("2023KW02");

		String csv = downloadCsv("vergelijk");
		List<String> lines = csv.lines().toList();
		// the Dutch dialect: byte order mark, ';' between fields, decimal comma
		assertThat(lines.get(0)).startsWith("\ufeff# ");
		assertThat(lines).anySatisfy((l) -> assertThat(l).matches("\"?# Bron:.*").contains("85268NED"));
		assertThat(lines).contains("regio_code;regio;reeks;periode_code;periode;waarde;marge_onder;marge_boven;"
				+ "eenheid;status;vlaggen;voetnoot;reden_ontbreekt;herkomst;bron");
		assertThat(lines)
			.anySatisfy((l) -> assertThat(l).startsWith("PV26;Utrecht;").contains(";2023KW02;").contains(";75,5;"));
		assertThat(lines).anySatisfy((l) -> assertThat(l).startsWith("PV21;Fryslân;").contains(";72,6;"));

		// the data table toggle shows the same figures
		WebElement toggle = this.browser.find("[data-figure='vergelijk'] .figure__tools button");
		toggle.click();
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(text("[data-figure='vergelijk'] .figure__table")).contains("75,5 %").contains("72,6 %");
		this.browser.screenshot("vergelijk", 1366);
	}

	/**
	 * Gemeenten compared open on a period nearly all of them have: Utrecht (GM0344) is
	 * one of four gemeenten with quarters of 85268NED, the other 338 have years, so the
	 * view takes the year, not my region's finest type (a quarter left 24 of 25 bars
	 * empty). A quarter the link asks for stays.
	 */
	@Test
	void gemeentenAreComparedInThePeriodTypeTheyShare() {
		open("/?tab=vergelijk&level=gemeente&region=GM0344");
		List<Map<String, Object>> bars = chart("vergelijk");
		String period = new Select(this.browser.find("select[data-focus='cmp-period']")).getFirstSelectedOption()
			.getAttribute("value");
		assertThat(period).endsWith("JJ00");
		@SuppressWarnings("unchecked")
		List<Object> labels = (List<Object>) bars.get(0).get("labels");
		assertThat(nonNull(bars.get(0))).as("bars with a value of %s", labels)
			.isGreaterThanOrEqualTo(labels.size() - 2);
		// a quarter in the link is replaced by the year the gemeenten share, and said
		open("/?tab=vergelijk&level=gemeente&region=GM0344&period=2024KW04");
		chart("vergelijk");
		assertThat(new Select(this.browser.find("select[data-focus='cmp-period']")).getFirstSelectedOption()
			.getAttribute("value")).isEqualTo(period);
		this.browser.waitUntil(() -> text(".corrections").contains("2024 4e kwartaal"));
	}

	@Test
	void compareNamesTheRegionsOfTheLinkThatAreOfAnotherLevel() {
		open("/?tab=vergelijk&indicator=werkloosheidspercentage&level=provincie&regions=PV26,AM13");
		chart("vergelijk");
		assertThat(notes("vergelijk")).contains("Niet in deze vergelijking van provincies: Midden-Utrecht");
	}

	@Test
	void compareAllArbeidsmarktregiosOfOneLevel() {
		open("/?tab=vergelijk&indicator=ww_uitkeringen&level=arbeidsmarktregio");
		List<Map<String, Object>> bars = chart("vergelijk");
		@SuppressWarnings("unchecked")
		List<Object> labels = (List<Object>) bars.get(0).get("labels");
		// all 35; a count of Nederland is no reference for counts of its parts
		assertThat(labels).hasSize(35).doesNotContain("Nederland (referentie)");
		assertThat(nonNull(bars.get(0))).isEqualTo(35);
		// the headline says where my region ranks, not its difference with one other
		assertThat(summary("vergelijk"))
			.matches("In .+? was het cijfer voor .+? in .+? [0-9.]+( \\S+)?: het (\\d+e )?hoogste van de 35 gekozen"
					+ " regio’s\\..*");
		// another level gives that level's default regions, not an empty choice
		new Select(this.browser.find("select[data-focus='cmp-level']")).selectByValue("provincie");
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("level=provincie"));
		assertThat(this.browser.currentUrl()).doesNotContain("regions=");
		this.browser.waitUntil(() -> {
			List<Map<String, Object>> now = chart("vergelijk");
			return ((List<?>) now.get(0).get("labels")).contains("Utrecht");
		});
		assertThat(nonNull(chart("vergelijk").get(0))).isGreaterThan(1);
	}

	@Test
	void trendsDrawSeveralRegionsWithTrendLinesAndToggles() {
		open("/?tab=trends&indicator=werkloosheidspercentage&regions=PV26,PV21,NL01");
		List<Map<String, Object>> datasets = chart("trends");
		assertThat(datasets).extracting((d) -> d.get("label")).containsExactly("Utrecht", "Fryslân", "Nederland");
		assertThat(valueAt(datasets.get(0), "2023KW02")).isEqualTo(3.3);
		assertThat(valueAt(datasets.get(1), "2023KW02")).isEqualTo(3.5);
		Object trendLines = this.browser.js("""
				const chart = Chart.getChart(document.querySelector('[data-figure="trends"] canvas'));
				return chart.data.datasets.filter((d) => d.lloRole === 'trend' && d.data.some((v) => v != null)).length;
				""");
		assertThat(((Number) trendLines).intValue()).isGreaterThanOrEqualTo(3);
		// a rate's slope in percentage points with two decimals
		assertThat(notes("trends"))
			.containsPattern("Utrecht: Trend \\d{4}.*: [-+−]?\\d+,\\d{2} procentpunt per kwartaal");
		this.browser.screenshot("trends", 1366);

		this.browser.find("[data-focus='tr-yoy']").click();
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("yoy=1"));
		List<Map<String, Object>> change = chart("trends");
		assertThat(change.get(0).get("label").toString()).contains("◆");
		assertThat(text("[data-figure='trends'] .figure__title")).contains("jaar eerder");
	}

	/**
	 * An axis of bare numbers in thousands names the unit (the vacancies axis read 135,
	 * not 135 thousand); a percentage's ticks carry their % and need no title.
	 */
	@Test
	void anAxisInThousandsNamesItsUnit() {
		open("/?tab=trends&indicator=vacatures&regions=PV26,NL01");
		chart("trends");
		assertThat(this.browser.js("""
				const chart = Chart.getChart(document.querySelector('[data-figure="trends"] canvas'));
				return chart.options.scales.y.title.display ? chart.options.scales.y.title.text : null;
				""")).isEqualTo("duizend");
		open("/?tab=trends&indicator=werkloosheidspercentage&regions=PV26,NL01");
		chart("trends");
		assertThat(this.browser.js("""
				const chart = Chart.getChart(document.querySelector('[data-figure="trends"] canvas'));
				return chart.options.scales.y.title.display;
				""")).isEqualTo(false);
	}

	/**
	 * My region leads a trend chart whatever the link's order: the first line and colour,
	 * and the summary speaks of it (a shared link listing Nederland first made
	 * Nederland's figure read as Utrecht's).
	 */
	@Test
	void myRegionLeadsTheTrendsWhateverTheLinksOrder() {
		open("/?tab=trends&indicator=werkloosheidspercentage&region=PV26&regions=NL01,PV21,PV26");
		List<Map<String, Object>> datasets = chart("trends");
		assertThat(datasets).extracting((d) -> d.get("label")).containsExactly("Utrecht", "Nederland", "Fryslân");
		assertThat(summary("trends")).startsWith("In ").contains("Utrecht");
		assertThat(summary("trends").indexOf("Utrecht")).isLessThan(summary("trends").indexOf("Nederland"));
	}

	/**
	 * Gemeenten side by side in Trends are drawn in the period type both have: Utrecht
	 * (GM0344) has quarters, Amersfoort (GM0307) years only, so both lines are years (a
	 * quarter left Amersfoort out as if it had no figures).
	 */
	@Test
	void trendsOfGemeentenAreDrawnInThePeriodTypeTheyShare() {
		open("/?tab=trends&indicator=werkloosheidspercentage&level=gemeente&region=GM0344&regions=GM0344,GM0307");
		List<Map<String, Object>> datasets = chart("trends");
		assertThat(datasets).extracting((d) -> d.get("label")).containsExactly("Utrecht", "Amersfoort");
		assertThat(datasets).allSatisfy((d) -> assertThat(nonNull(d)).isPositive());
		assertThat((List<?>) datasets.get(1).get("periods"))
			.allSatisfy((p) -> assertThat(p.toString()).endsWith("JJ00"));
	}

	/**
	 * The key figures' charts mark the 2021 EBB redesign as Trends does: the series break
	 * before 2021, and a line across it is no comparison.
	 */
	@Test
	void keyFigureChartsMarkTheBreakInTheirSeries() {
		open("/?tab=kerncijfers&region=PV26");
		chart("kc-werkloosheid");
		this.browser.waitUntil(() -> notes("kc-werkloosheid").contains("2021"));
		assertThat(notes("kc-werkloosheid")).containsIgnoringCase("trendbreuk");
	}

	@Test
	void mapDrawsProvincesAndClickingSelectsTheRegionEverywhere() {
		open("/?tab=kaart&indicator=werkloosheidspercentage&level=provincie");
		this.browser.waitFor(By.cssSelector("[data-figure='kaart'] svg.map path"));
		List<WebElement> paths = this.browser.driver.findElements(By.cssSelector("svg.map path.map__region"));
		assertThat(paths).hasSize(12);
		assertThat(paths.stream().map((p) -> p.getAttribute("fill")).distinct().count()).isGreaterThan(2);
		assertThat(this.browser.find("svg.map path[data-code='PV26']").getAttribute("aria-label"))
			.matches("Utrecht: \\d+,\\d\u00a0%");
		assertThat(text("[data-figure='kaart'] .figure__summary")).contains("hoogst").contains("laagst");
		this.browser.screenshot("kaart", 1366);

		this.browser.find("svg.map path[data-code='PV21']").click();
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("region=PV21"));
		this.browser
			.waitUntil(() -> this.browser.find("#region-input").getAttribute("value").equals("Fryslân (provincie)"));
		this.browser.find("#tab-kerncijfers").click();
		this.browser.waitUntil(() -> text("h2.panel__title").equals("Kerncijfers Fryslân (provincie)"));
		assertThat(chart("kc-participatie").get(0).get("label")).isEqualTo("Fryslân");
	}

	@Test
	void aSeasonallyAdjustedChartsSummarySaysItsValuesAreOurs() {
		// the adjusted values are computed here, not published: the summary that quotes
		// them says so first (it read like the source's figures)
		open("/?tab=trends&indicator=netto_arbeidsparticipatie&regions=PV26,PV21&sa=1");
		chart("trends");
		assertThat(summary("trends"))
			.startsWith("Seizoengecorrigeerde waarden, berekend door LLO Monitor (geen cijfers van de bron). In ");
		open("/?tab=trends&indicator=netto_arbeidsparticipatie&regions=PV26,PV21");
		chart("trends");
		assertThat(summary("trends")).doesNotContain("Seizoengecorrigeerd");
	}

	@Test
	void yearlyFiguresOfferNoSeasonalAdjustment() {
		// a link asking for it on a yearly series still draws the figures themselves
		open("/?tab=trends&indicator=llo_deelname_eurostat&regions=NL01&sa=1");
		List<Map<String, Object>> datasets = chart("trends");
		assertThat(nonNull(datasets.get(0))).isGreaterThan(5);
		assertThat(this.browser.driver.findElements(By.cssSelector("[data-focus='tr-sa']"))).isEmpty();
		assertThat(this.browser.driver.findElements(By.cssSelector("[data-focus='tr-yoy']"))).isNotEmpty();
	}

	@Test
	void aCountsTrendIsGivenWithOneDecimalMoreThanItsFigures() {
		// WW benefits are whole persons: a slope of "-2.162,67 per maand" claimed a
		// precision it has not
		open("/?tab=trends&indicator=ww_uitkeringen&level=arbeidsmarktregio&regions=AM13");
		chart("trends");
		this.browser.waitUntil(() -> notes("trends").contains("per maand"));
		assertThat(notes("trends")).containsPattern(": Trend .*: [-+−]?[\\d.]+,\\d[ \u00a0]personen per maand")
			.doesNotContainPattern("[\\d.]+,\\d{2}[ \u00a0]personen per maand");
	}

	@Test
	void aKeyFigureFromACutOffDownloadSaysSoOnItsTile() {
		// the shared 85554NED (WW benefits) stops at CBS's limit of 10,000 rows
		open("/?region=AM13");
		By tile = By.cssSelector(".tile[data-indicator='ww_uitkeringen'] .tile__incomplete");
		this.browser.waitUntil(() -> !this.browser.driver.findElements(tile).isEmpty());
		assertThat(this.browser.driver.findElement(tile).getText())
			.isEqualTo("Onvolledige bron: precies 10.000 datarijen: het bestand is waarschijnlijk afgebroken bij de"
					+ " downloadlimiet van CBS.");
		// a figure of a complete import (85268NED for a province) says nothing of the
		// kind
		open("/?region=PV26");
		this.browser.waitFor(By.cssSelector(".tile[data-indicator='werkloosheidspercentage'] .tile__value"));
		assertThat(this.browser.driver
			.findElements(By.cssSelector(".tile[data-indicator='werkloosheidspercentage'] .tile__incomplete")))
			.isEmpty();
	}

	@Test
	void arbeidsmarktregioMapHas35Regions() {
		open("/?tab=kaart&indicator=ww_uitkeringen&level=arbeidsmarktregio");
		this.browser.waitFor(By.cssSelector("[data-figure='kaart'] svg.map path"));
		assertThat(this.browser.driver.findElements(By.cssSelector("svg.map path.map__region"))).hasSize(35);
		// a count's colour grows with the region: said under the map; a rate's map says
		// nothing of it
		assertThat(notes("kaart")).contains("De kleur volgt het aantal, niet een aandeel van de bevolking");
		open("/?tab=kaart&indicator=werkloosheidspercentage&level=provincie");
		this.browser.waitFor(By.cssSelector("[data-figure='kaart'] svg.map path"));
		this.browser.waitUntil(() -> notes("kaart").contains("Nederland:"));
		assertThat(notes("kaart")).doesNotContain("De kleur volgt het aantal");
		// every province has a figure: the legend has no swatch for "geen cijfer"
		String legend = this.browser.find("[data-figure='kaart'] .map-legend").getText();
		assertThat(legend).contains("Nederland:").doesNotContain("geen cijfer");
	}

	@Test
	void withoutBoundariesTheMapShowsTheFiguresAsBars() throws IOException {
		// as with the demo data set, which holds no boundaries
		this.jdbc.deleteFrom(REGION_GEOMETRY)
			.where(REGION_GEOMETRY.REGION_CODE
				.in(DSL.select(REGION.CODE).from(REGION).where(REGION.LEVEL.eq("arbeidsmarktregio"))))
			.execute();
		this.jdbc.select(DSL.field("bump_data_version()")).fetch();
		try {
			this.browser.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
			open("/?tab=kaart&indicator=ww_uitkeringen&level=arbeidsmarktregio");
			List<Map<String, Object>> bars = chart("kaart");
			// the 35 regions; a count of Nederland is no reference for counts of its
			// parts
			@SuppressWarnings("unchecked")
			List<Object> labels = (List<Object>) bars.get(0).get("labels");
			assertThat(labels).hasSize(35).doesNotContain("Nederland (referentie)");
			assertThat(nonNull(bars.get(0))).isGreaterThan(30);
			assertThat(this.browser.driver.findElements(By.cssSelector("[data-figure='kaart'] svg.map"))).isEmpty();
			assertThat(notes("kaart")).contains("nog geen grenzen van de arbeidsmarktregio's")
				.contains("Een beheerder kan de kaart laten tekenen door de GeoJSON met de grenzen van de"
						+ " arbeidsmarktregio's");
			assertThat(summary("kaart")).contains("hoogst");
			// a rate has Nederland as its reference bar, which carries Nederland's own
			// status, footnote and source in the download
			open("/?tab=kaart&indicator=werkloosheidspercentage&level=arbeidsmarktregio");
			@SuppressWarnings("unchecked")
			List<Object> rateLabels = (List<Object>) chart("kaart").get(0).get("labels");
			assertThat(rateLabels).hasSize(36).contains("Nederland (referentie)");
			JsonNode nl = new ObjectMapper()
				.readTree(this.browser
					.js("""
							const x = new XMLHttpRequest();
							x.open('GET', '/api/v1/series?indicator=werkloosheidspercentage&regions=NL01&periodType=year&lang=nl', false);
							x.send();
							return x.responseText;
							""")
					.toString())
				.get("series")
				.get(0)
				.get("points");
			String csv = downloadCsv("kaart");
			String row = csv.lines().filter((l) -> l.startsWith("NL01;")).findFirst().orElseThrow();
			String[] cells = row.split(";", -1);
			JsonNode point = null;
			for (JsonNode p : nl) {
				if (p.get("period").asText().equals(cells[3])) {
					point = p;
				}
			}
			assertThat(point).as("Nederland's point of " + cells[3]).isNotNull();
			assertThat(cells[9]).isEqualTo(point.get("status").asText());
			assertThat(cells[11]).isEqualTo(point.get("footnote").isNull() ? "" : point.get("footnote").asText());
			assertThat(cells[12])
				.isEqualTo(point.get("missingReason").isNull() ? "" : point.get("missingReason").asText());
			assertThat(cells[14]).isEqualTo(point.get("sourceTable").asText());
		}
		finally {
			this.importService.importFile(SharedData.file("geo/arbeidsmarktregio_2024_wgs84.geojson"));
			this.browser.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
		}
	}

	@Test
	void switchingRegionAndLanguage() {
		open("/");
		this.browser.waitFor(By.cssSelector(".tile[data-indicator]"));
		this.browser.find("#region-input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "Fryslân (provincie)", Keys.ENTER);
		this.browser.waitUntil(() -> text("h2.panel__title").equals("Kerncijfers Fryslân (provincie)"));
		assertThat(this.browser.currentUrl()).contains("region=PV21");
		assertThat(chart("kc-werkloosheid")).extracting((d) -> d.get("label")).containsExactly("Fryslân", "Nederland");

		this.browser.find("#lang-toggle").click();
		this.browser.waitUntil(() -> text("#tab-kerncijfers").equals("Key figures"));
		assertThat(this.browser.currentUrl()).contains("lang=en");
		assertThat(this.browser.find("html").getAttribute("lang")).isEqualTo("en");
		this.browser.waitUntil(() -> text("h2.panel__title").equals("Key figures Fryslân (province)"));
		WebElement tile = this.browser
			.waitFor(By.cssSelector(".tile[data-indicator='netto_arbeidsparticipatie'] .tile__value"));
		assertThat(tile.getText()).matches("\\d{2}\\.\\d%");
		chart("kc-participatie");
		assertThat(summary("kc-participatie")).startsWith("In ").contains(" the ");
	}

	@Test
	void embedModeShowsOneChart() {
		open("/?tab=trends&indicator=werkloosheidspercentage&regions=PV26,NL01&embed=1");
		chart("trends");
		assertThat(this.browser.find(".site-header").isDisplayed()).isFalse();
		assertThat(this.browser.find(".controls").isDisplayed()).isFalse();
		long visibleFigures = this.browser.driver.findElements(By.cssSelector(".figure"))
			.stream()
			.filter(WebElement::isDisplayed)
			.count();
		assertThat(visibleFigures).isEqualTo(1);
	}

	@Test
	void pageRefreshesWhenTheServerAnnouncesNewData() {
		open("/?tab=trends&indicator=werkloosheidspercentage&regions=PV26,NL01");
		chart("trends");
		this.browser
			.js("window.lloBeforeRefresh = Chart.getChart(document.querySelector('[data-figure=trends] canvas')).id");
		this.browser.waitUntil(() -> Boolean.TRUE
			.equals(this.browser.js("return !!window.lloEvents && window.lloEvents.readyState === 1")));
		Long version = this.jdbc.fetchSingle("select bump_data_version()").into(Long.class);
		WebElement notice = this.browser.waitFor(By.cssSelector("#notice:not([hidden])"));
		assertThat(notice.getText()).contains(String.valueOf(version));
		// the chart was drawn again, from a fresh request
		this.browser.waitUntil(() -> Boolean.TRUE.equals(this.browser.js("""
				const c = Chart.getChart(document.querySelector('[data-figure="trends"] canvas'));
				return !!c && c.id !== window.lloBeforeRefresh && c.data.datasets[0].data.some((v) => v != null);
				""")));
	}

	@Test
	void keyboardMovesBetweenTabsAndEverythingIsServedLocally() {
		open("/");
		chart("kc-werkloosheid");
		WebElement first = this.browser.find("#tab-kerncijfers");
		assertThat(first.getAttribute("aria-selected")).isEqualTo("true");
		first.sendKeys(Keys.ARROW_RIGHT);
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("tab=llo"));
		assertThat(this.browser.js("return document.activeElement.id")).isEqualTo("tab-llo");
		assertThat(this.browser.find("#tab-llo").getAttribute("aria-selected")).isEqualTo("true");
		chart("llo-regio");
		// no CDN: every resource (Chart.js from its webjar included) comes from the app
		// itself
		@SuppressWarnings("unchecked")
		List<String> resources = (List<String>) this.browser
			.js("return performance.getEntriesByType('resource').map((e) => e.name)");
		assertThat(resources).isNotEmpty()
			.allSatisfy((url) -> assertThat(url).startsWith("http://localhost:" + this.port + "/"));
		assertThat(resources)
			.anySatisfy((url) -> assertThat(url).contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js"));
	}

	@Test
	void csvNeutralisesFormulaLeadingCells() {
		open("/");
		chart("kc-werkloosheid");
		Object csv = ((JavascriptExecutor) this.browser.driver).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						import('/js/series-model.js').then((m) => done(m.toCsv({
							title: '=HYPERLINK("http://x"), =1+1, @SUM(A1)',
							indicator: { name: 'x', unit: 'percent' },
							sources: [{ publisher: 'CBS', table: '85268NED', licence: 'CC BY 4.0' }],
							series: [{ regionCode: 'PV26', regionName: '@SUM(A1)', label: '+cmd|calc', breakdown: {}, origin: 'source',
								points: [{ period: '2023KW02', label: '-2+3', value: -0.4, low: null, high: null,
									status: 'definitief', flags: 'b', footnote: '=1+1', reason: null, sourceTable: '85268NED' }] }],
						})), (e) => done('ERROR ' + e));
						""");
		List<String> lines = csv.toString().lines().toList();
		// the title line is an unquoted comment beginning with '#' (readers skip it):
		// text,
		// never a formula; a part after the separator that would start one is neutralised
		assertThat(lines.get(0)).isEqualTo("# =HYPERLINK(\"http://x\"), '=1+1, '@SUM(A1)");
		assertThat(lines)
			.contains("PV26,'@SUM(A1),'+cmd|calc,2023KW02,'-2+3,-0.4,,,%,definitief,b,'=1+1,,bron,85268NED");
	}

	/**
	 * Counts of regions of different sizes are given side by side in the sentence, never
	 * as a difference ("160.460 personen onder Nederland").
	 */
	@Test
	void countsOfRegionsAreToldSideBySideNotAsADifference() {
		open("/?tab=trends&indicator=ww_uitkeringen&region=PV21&regions=PV21,NL01");
		chart("trends");
		assertThat(summary("trends"))
			.matches("In .+? was het cijfer voor .+? in Fryslân [0-9.]+( \\S+)?; in Nederland [0-9.]+( \\S+)?\\..*")
			.doesNotContain("onder Nederland")
			.doesNotContain("boven Nederland");
		// a rate is compared as before
		open("/?tab=trends&indicator=werkloosheidspercentage&region=PV21&regions=PV21,NL01");
		chart("trends");
		assertThat(summary("trends")).containsPattern("procentpunt (onder|boven) Nederland|gelijk aan Nederland");
	}

	/**
	 * In change mode the sentence under the Trends chart tells a change on a year
	 * earlier, never a level, in both languages; its subject stays my region when other
	 * regions are ticked.
	 */
	@Test
	void trendsInChangeModeTellAChangeAboutMyRegion() {
		String change = "(\\d+,\\d procentpunt (hoger|lager) dan een jaar eerder|even hoog als een jaar eerder)";
		open("/?tab=trends&indicator=werkloosheidspercentage&region=PV21&yoy=1");
		chart("trends");
		assertThat(summary("trends")).matches("In .+? was de werkloosheid in Fryslân " + change
				+ ", in Nederland (\\d+,\\d procentpunt (hoger|lager)|even hoog)\\.");
		// a quarter without a change to compute says why in the data table
		@SuppressWarnings("unchecked")
		List<String> statuses = (List<String>) this.browser.js("return [...document.querySelectorAll("
				+ "'[data-figure=\"trends\"] .figure__table tbody td.status')].map((td) => td.textContent.trim());");
		assertThat(statuses)
			.contains("geen verandering te berekenen: geen cijfer een jaar eerder, of een trendbreuk" + " ertussen")
			.doesNotContain("geen waarde");
		// a second region ticked: the sentence stays about Fryslân
		open("/?tab=trends&indicator=werkloosheidspercentage&region=PV21&regions=NL01,PV26,PV21&yoy=1");
		assertThat(chart("trends")).hasSize(3);
		assertThat(summary("trends")).matches("In .+? was de werkloosheid in Fryslân " + change
				+ ", in (Nederland|Utrecht) .* en in (Nederland|Utrecht) .*\\.");
		this.browser.figureScreenshot("trends", "trends-verandering");
		open("/?tab=trends&indicator=werkloosheidspercentage&region=PV21&yoy=1&lang=en");
		chart("trends");
		assertThat(summary("trends"))
			.matches("In .+? the unemployment rate in Fryslân was (\\d+\\.\\d percentage points? "
					+ "(higher|lower) than|the same as) a year earlier, in the Netherlands .*\\.");
		// without change mode it is the level, still about Fryslân
		open("/?tab=trends&indicator=werkloosheidspercentage&region=PV21&regions=NL01,PV26,PV21");
		chart("trends");
		assertThat(summary("trends")).matches("In .+? was de werkloosheid in Fryslân \\d+,\\d %.*")
			.doesNotContain("jaar eerder,");
	}

	/**
	 * A source that publishes one bound of the 95 % interval (WW benefits, 85554NED: the
	 * lower bound) has it in Vergelijk's data table, named; it showed a dash.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aPublishedLowerBoundIsInTheDataTable() {
		open("/?tab=vergelijk&indicator=ww_uitkeringen&level=provincie&regions=PV26,PV21");
		chart("vergelijk");
		List<List<String>> rows = (List<List<String>>) this.browser.js("""
				const t = document.querySelector('[data-figure="vergelijk"] .figure__table table');
				return [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent.trim()));
				""");
		assertThat(rows).anySatisfy((row) -> {
			assertThat(row.get(0)).startsWith("Utrecht");
			assertThat(row.get(2)).matches("ondergrens [0-9.]+");
		});
	}

	/**
	 * The data table of every chart gives each value's status beside it (Kerncijfers and
	 * Trends as Vergelijk), in both languages.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void everyChartsDataTableGivesEachValuesStatus() {
		for (String lang : List.of("nl", "en")) {
			for (String[] view : new String[][] { { "/?region=PV26", "kc-werkloosheid" },
					{ "/?tab=trends&indicator=werkloosheidspercentage&regions=PV26,NL01", "trends" },
					{ "/?tab=vergelijk&indicator=werkloosheidspercentage&regions=PV26,NL01", "vergelijk" } }) {
				open(view[0] + "&lang=" + lang);
				chart(view[1]);
				Map<String, Object> table = (Map<String, Object>) this.browser.js("""
						const t = document.querySelector('[data-figure="' + arguments[0] + '"] .figure__table table');
						const text = (el) => el.textContent.trim();
						return { head: [...t.querySelectorAll('thead th')].map(text),
							rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map(text)),
							status: [...t.querySelectorAll('tbody td.status')].map(text) };
						""", view[1]);
				List<String> head = (List<String>) table.get("head");
				List<List<String>> rows = (List<List<String>>) table.get("rows");
				List<String> status = (List<String>) table.get("status");
				String where = lang + " " + view[1];
				assertThat(head).as(where).contains("Status");
				assertThat(rows).as(where).isNotEmpty();
				// a status for every value (a value and a status per series and period)
				long values = rows.stream().mapToLong((r) -> r.size() - 1).sum();
				if (!view[1].equals("vergelijk")) {
					assertThat(status).as(where).hasSize((int) (values / 2));
				}
				assertThat(status).as(where).isNotEmpty().allMatch((x) -> !x.isBlank());
				assertThat(String.join(" ", status)).as(where)
					.containsPattern(lang.equals("nl") ? "definitief|voorlopig" : "final|provisional");
			}
		}
	}

	// ---------------------------------------------------------------------------------------

	private void open(String path) {
		this.browser.driver.get("http://localhost:" + this.port + path);
	}

	private String text(String css) {
		return this.browser.find(css).getText();
	}

	/** Waits until the figure's chart drew data, then returns its value datasets. */
	private List<Map<String, Object>> chart(String figure) {
		return this.browser.chart(figure, true);
	}

	private String summary(String figure) {
		return text("[data-figure='" + figure + "'] .figure__summary");
	}

	private String notes(String figure) {
		return text("[data-figure='" + figure + "'] .figure__notes");
	}

	@SuppressWarnings("unchecked")
	private static long nonNull(Map<String, Object> dataset) {
		return ((List<Object>) dataset.get("values")).stream().filter((v) -> v != null).count();
	}

	@SuppressWarnings("unchecked")
	private static Double valueAt(Map<String, Object> dataset, String period) {
		List<Object> periods = (List<Object>) dataset.get("periods");
		List<Object> values = (List<Object>) dataset.get("values");
		int i = periods.indexOf(period);
		assertThat(i).as("period %s in %s", period, dataset.get("label")).isNotNegative();
		return (values.get(i) != null) ? ((Number) values.get(i)).doubleValue() : null;
	}

	/**
	 * Clicks the figure's CSV link (a blob: URL generated in the page) and reads the
	 * downloaded file.
	 */
	private String downloadCsv(String figure) throws IOException {
		WebElement link = this.browser.find("[data-figure='" + figure + "'] a.tool--csv");
		assertThat(link.getAttribute("href")).startsWith("blob:");
		String name = link.getAttribute("download");
		assertThat(name).endsWith(".csv");
		Path file = this.browser.downloads.resolve(name);
		Files.deleteIfExists(file);
		link.click();
		this.browser
			.waitUntil(() -> Files.isRegularFile(file) && !Files.exists(file.resolveSibling(name + ".crdownload")));
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	/**
	 * A full-page screenshot into target/screenshots (copied to docs/ by hand when the UI
	 * changes).
	 */

}
