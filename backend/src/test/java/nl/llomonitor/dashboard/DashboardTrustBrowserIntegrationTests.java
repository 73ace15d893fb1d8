package nl.llomonitor.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as a province would use and share it (issue 11), in Debian's headless
 * Chromium on the whole app with the shared published data: my region stays put, every
 * region level shows what exists, arrows only for significant changes, embeds and
 * downloads work, axe-core finds no violations on any view in NL and EN on desktop and
 * phone, and the unit tests of series-model.js and url-state.js pass in the browser.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTrustBrowserIntegrationTests {

	private static final List<String> VIEWS = List.of("kerncijfers", "llo", "vergelijk", "trends", "kaart");

	/**
	 * What axe-core checks: every view, and the "Alle tabellen" view as chart and as map.
	 */
	private static final List<String> AXE_PAGES = List.of("kerncijfers", "llo", "vergelijk", "trends", "kaart",
			"tabellen&table=85268NED", "tabellen&table=85268NED&mode=kaart&level=provincie");

	private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	/**
	 * True when every figure of the current view finished (drawn, empty with a message,
	 * or an error).
	 */
	private static final String SETTLED = """
			const panel = document.getElementById('panel');
			if (panel.dataset.rendered !== arguments[0]) { return false; }
			if (document.querySelector('.tiles[aria-busy]')) { return false; }
			return [...document.querySelectorAll('.figure')].every((f) => !f.classList.contains('is-loading'));
			""";

	/** For every figure: how it ended and what it says. */
	private static final String FIGURES = """
			return [...document.querySelectorAll('.figure')].map((f) => {
				const canvas = f.querySelector('canvas');
				const chart = canvas && window.Chart && Chart.getChart(canvas);
				const values = chart ? chart.data.datasets.filter((d) => d.lloRole === 'value')
					.flatMap((d) => d.data).filter((v) => v != null).length : 0;
				return { id: f.dataset.figure, values, map: f.querySelectorAll('.map__region').length,
					state: f.querySelector('.figure__state').innerText.trim(),
					notes: f.querySelector('.figure__notes').innerText.trim() };
			});
			""";

	@LocalServerPort
	private int port;

	@Autowired
	private ImportService importService;

	private HeadlessChromium browser;

	private final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	void start() {
		for (String file : DashboardBrowserIntegrationTests.SHARED_FILES) {
			this.importService.importFile(SharedData.file(file), true);
		}
		this.browser = HeadlessChromium.start(1366, 900);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@BeforeEach
	void desktop() {
		this.browser.consoleEntries();
		this.browser.driver.manage().window().setSize(new Dimension(1366, 900));
	}

	@AfterEach
	void noConsoleErrors() {
		assertThat(this.browser.consoleErrors()).as("browser console errors").isEmpty();
	}

	@Test
	void myRegionStaysPutWhileComparisonRegionsAreTickedAndUnticked() {
		open("/?tab=vergelijk&region=PV26&level=provincie");
		settle("vergelijk");
		// the headline compares my region with Nederland, the reference, not with the
		// province that sorts first (Drenthe)
		assertThat(text("[data-figure='vergelijk'] .figure__summary")).startsWith("In ")
			.containsPattern("^In [^.]* Utrecht [^.]*Nederland")
			.doesNotContain("Drenthe");
		long history = historyLength();
		// untick my own region, another region, and tick them again: my region never
		// changes
		for (String code : List.of("PV26", "PV21", "PV21", "PV26")) {
			clickCheckbox("cmp-regions", code);
			settle("vergelijk");
			assertThat(this.browser.currentUrl()).contains("region=PV26");
			assertThat(regionInput()).isEqualTo("Utrecht (provincie)");
		}
		assertThat(query("regions").split(",")).doesNotHaveDuplicates().hasSize(12);
		// "none" and "all of this level"
		this.browser.find("[data-focus='cmp-regions-none']").click();
		settle("vergelijk");
		assertThat(query("regions")).isEmpty();
		assertThat(text("[data-figure='vergelijk'] .figure__state")).contains("Geen regio's gekozen");
		// a choice, not a failure: no error box, no "retry"
		assertThat(this.browser.driver.findElements(By.cssSelector("[data-figure='vergelijk'] .error-box"))).isEmpty();
		this.browser.find("[data-focus='cmp-regions-all']").click();
		settle("vergelijk");
		assertThat(query("regions").split(",")).hasSize(12);
		assertThat(this.browser.currentUrl()).contains("region=PV26");
		// arrow keys in a picker replace the history entry instead of adding one
		WebElement period = this.browser.find("select[data-focus='cmp-period']");
		period.sendKeys(Keys.ARROW_DOWN);
		settle("vergelijk");
		this.browser.find("select[data-focus='cmp-period']").sendKeys(Keys.ARROW_DOWN);
		settle("vergelijk");
		assertThat(historyLength()).isEqualTo(history);
		// Nederland is the reference bar
		assertThat(strings("const c = Chart.getChart(document.querySelector('[data-figure=vergelijk] canvas'));"
				+ "return c.data.datasets[0].regionCodes;"))
			.contains("NL01");
	}

	@Test
	void theSearchablePickerTellsRegionsOfTheSameNameApart() {
		open("/");
		settle("kerncijfers");
		List<String> options = strings("return [...document.querySelectorAll('#region-options option')]"
				+ ".map((o) => o.value).filter((v) => v.startsWith('Groningen'))");
		assertThat(options).contains("Groningen (provincie)", "Groningen (arbeidsmarktregio)", "Groningen (gemeente)");
		assertThat(strings("return [...document.querySelectorAll('#region-options option')].map((o) => o.value)"))
			.doesNotHaveDuplicates();
		long history = historyLength();
		this.browser.find("#region-input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "Groningen (gemeente)", Keys.ENTER);
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("region=GM0014"));
		settle("kerncijfers");
		assertThat(text("h2.panel__title")).isEqualTo("Kerncijfers Groningen (gemeente)");
		assertThat(historyLength()).isEqualTo(history + 1);
	}

	@Test
	void aNameOfSeveralRegionsChoosesTheHighestLevelAndNamesTheOthers() {
		open("/?region=PV26");
		settle("kerncijfers");
		this.browser.find("#region-input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "Groningen", Keys.ENTER);
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("region=PV20"));
		settle("kerncijfers");
		assertThat(regionInput()).isEqualTo("Groningen (provincie)");
		String notice = text("#notice");
		assertThat(notice).doesNotContain("Geen regio gevonden")
			.contains("Groningen (arbeidsmarktregio)", "Groningen (gemeente)");
	}

	@Test
	void trendsOfferTheIndicatorsOfEveryTickedRegionAlsoNederlandsOwn() throws Exception {
		// an indicator only Nederland has (none of the gemeenten has it)
		String national = null;
		for (JsonNode indicator : get("/api/v1/indicators")) {
			List<String> levels = new java.util.ArrayList<>();
			indicator.get("regionLevels").forEach((l) -> levels.add(l.asText()));
			if (indicator.hasNonNull("lastPeriod") && levels.equals(List.of("land")) && national == null) {
				national = indicator.get("code").asText();
			}
		}
		assertThat(national).as("an indicator of Nederland alone").isNotNull();
		// a gemeente as my region and Nederland ticked: Nederland's indicator is offered
		open("/?tab=trends&region=GM0344&level=gemeente&regions=NL01");
		settle("trends");
		assertThat(this.browser.find("select[data-focus='tr-indicator']").findElements(By.tagName("option")))
			.extracting((o) -> o.getAttribute("value"))
			.contains(national);
		// and chosen, it is drawn at a level that has it (Nederland's), not beside a
		// checklist of gemeenten without it; the page says so
		new Select(this.browser.find("select[data-focus='tr-indicator']")).selectByValue(national);
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("level=land"));
		settle("trends");
		assertThat(text(".corrections"))
			.contains("heeft geen cijfers voor gemeenten; getoond wordt het niveau ‘Land’.");
		assertThat(this.browser.find("input[data-focus='tr-regions-NL01']").isSelected()).isTrue();
		assertThat(this.browser.find("select[data-focus='tr-indicator']").getAttribute("value")).isEqualTo(national);
		for (String select : List.of("tr-from", "tr-to")) {
			assertThat(this.browser.find("select[data-focus='" + select + "']").findElements(By.tagName("option")))
				.as(select)
				.isNotEmpty();
		}
		List<Map<String, Object>> figures = maps(FIGURES);
		assertThat(figures).hasSize(1);
		assertThat(((Number) figures.get(0).get("values")).longValue()).as("Nederland is drawn").isPositive();
		// Nederland and Utrecht ticked: Utrecht has no line and no legend entry, and the
		// page says why
		open("/?tab=trends&region=GM0344&level=gemeente&regions=NL01,GM0344&indicator=" + national);
		settle("trends");
		assertThat(strings("const c = Chart.getChart(document.querySelector('[data-figure=trends] canvas'));"
				+ "return c.data.datasets.filter((d) => d.lloRole === 'value').map((d) => d.label)"))
			.noneMatch((label) -> label.contains("Utrecht"));
		assertThat(text(".corrections")).contains("heeft geen cijfers voor gemeenten");
	}

	@Test
	void anArbeidsmarktregioAndAGemeenteShowWhatExistsOnEveryView() {
		for (String region : List.of("AM01", "GM0014")) {
			for (String view : VIEWS) {
				open("/?tab=" + view + "&region=" + region);
				settle(view);
				List<Map<String, Object>> figures = maps(FIGURES);
				assertThat(figures).as("%s %s", region, view).isNotEmpty();
				for (Map<String, Object> f : figures) {
					long drawn = ((Number) f.get("values")).longValue() + ((Number) f.get("map")).longValue();
					assertThat(drawn > 0 || !f.get("state").toString().isBlank())
						.as("%s %s figure %s is drawn or says why: %s", region, view, f.get("id"), f)
						.isTrue();
				}
				if (view.equals("kerncijfers")) {
					List<Map<String, Object>> tiles = maps("""
							return [...document.querySelectorAll('.tile')].map((t) => ({
								value: (t.querySelector('.tile__value') || {}).innerText || '',
								why: (t.querySelector('.tile__explanation') || {}).innerText || '',
								reference: (t.querySelector('.tile__reference') || {}).innerText || '' }));
							""");
					assertThat(tiles).hasSizeGreaterThanOrEqualTo(9);
					for (Map<String, Object> tile : tiles) {
						if (tile.get("value").toString().startsWith("Geen cijfers")) {
							assertThat(tile.get("why").toString()).as("%s %s", region, tile).isNotBlank();
						}
						else {
							assertThat(tile.get("reference").toString()).as("%s %s", region, tile)
								.startsWith("Nederland");
						}
					}
					this.browser.screenshot(
							region.startsWith("AM") ? "kerncijfers-arbeidsmarktregio" : "kerncijfers-gemeente", 1366);
				}
				else {
					long withData = figures.stream()
						.filter((f) -> ((Number) f.get("values")).longValue() + ((Number) f.get("map")).longValue() > 0)
						.count();
					assertThat(withData).as("%s %s draws data", region, view).isPositive();
				}
			}
		}
		open("/?tab=vergelijk&region=GM0014&level=gemeente");
		settle("vergelijk");
		assertThat(strings("const c = Chart.getChart(document.querySelector('[data-figure=vergelijk] canvas'));"
				+ "return c.data.datasets[0].regionCodes;"))
			.contains("GM0014", "NL01");
		this.browser.screenshot("vergelijk-gemeenten", 1366);
	}

	@Test
	void aChartOfNederlandAloneIsNeverTitledNederlandEnNederland() {
		open("/?tab=kerncijfers&region=NL01");
		settle("kerncijfers");
		assertThat(text("[data-figure='kc-werkloosheid'] .figure__title")).isEqualTo("Werkloosheid: Nederland");
		assertThat(text("[data-figure='kc-participatie'] .figure__title"))
			.isEqualTo("Netto arbeidsparticipatie: Nederland");
		assertThat(text("[data-figure='kc-grijze-druk'] .figure__title")).isEqualTo("Grijze druk: Nederland");
	}

	@Test
	void aRegionWithoutFiguresInAChartLeavesTheLegendAndGetsANote() {
		// AM13 (Midden-Utrecht) and GM0344 (Utrecht) have no grijze druk figures in this
		// data set
		for (String region : List.of("AM13", "GM0344")) {
			open("/?tab=kerncijfers&region=" + region);
			settle("kerncijfers");
			for (String id : List.of("kc-werkloosheid", "kc-participatie", "kc-grijze-druk")) {
				String title = text("[data-figure='" + id + "'] .figure__title");
				assertThat(title).as(id).doesNotContain("Nederland en Nederland");
				// every legend entry has a line with values
				List<String> empty = strings("const c = Chart.getChart(document.querySelector(" + "`[data-figure='" + id
						+ "'] canvas`)); return c.data.datasets"
						+ ".filter((d) => d.lloRole === 'value' && !d.data.some((v) => v != null)).map((d) => d.label)");
				assertThat(empty).as("%s %s series without points", region, id).isEmpty();
			}
			assertThat(text("[data-figure='kc-grijze-druk'] .figure__title")).isEqualTo("Grijze druk: Nederland");
			assertThat(text("[data-figure='kc-grijze-druk'] .figure__notes"))
				.contains("zijn er geen cijfers over grijze druk; de grafiek toont Nederland.");
		}
	}

	@Test
	void aChangeOfZeroReadsAsTheSameInBothLanguages() throws Exception {
		String found = null;
		String indicator = null;
		for (JsonNode region : get("/api/v1/regions?level=provincie")) {
			for (JsonNode figure : get("/api/v1/kerncijfers/" + region.get("code").asText()).get("figures")) {
				if (figure.hasNonNull("change") && figure.get("change").asDouble() == 0.0 && found == null) {
					found = region.get("code").asText();
					indicator = figure.get("code").asText();
				}
			}
		}
		assertThat(found).as("a province with a change of zero").isNotNull();
		for (String lang : List.of("nl", "en")) {
			open("/?region=" + found + "&lang=" + lang);
			settle("kerncijfers");
			String change = text(".tile[data-indicator='" + indicator + "'] .tile__change");
			assertThat(change).as(lang)
				.startsWith(lang.equals("nl") ? "evenveel als " : "the same as ")
				.doesNotContain("0 duizend")
				.doesNotContain("0 thousand");
		}
	}

	@Test
	void anArrowOnlyForASignificantChangeAndASmallChangeIsStable() throws Exception {
		// a region whose participation changed by at most 0.1 point on a year earlier
		String found = null;
		for (JsonNode region : get("/api/v1/regions?level=provincie")) {
			JsonNode figures = get("/api/v1/kerncijfers/" + region.get("code").asText()).get("figures");
			for (JsonNode figure : figures) {
				if (figure.get("code").asText().equals("netto_arbeidsparticipatie") && figure.hasNonNull("change")
						&& Math.abs(figure.get("change").asDouble()) <= 0.1) {
					assertThat(figure.at("/significance/verdict").asText()).isEqualTo("stable");
					assertThat(figure.at("/significance/method").asText()).isEqualTo("ebb-rule");
					found = region.get("code").asText();
				}
			}
		}
		assertThat(found).as("a province with a change of at most 0.1 point").isNotNull();
		open("/?region=" + found);
		settle("kerncijfers");
		WebElement tile = this.browser.find(".tile[data-indicator='netto_arbeidsparticipatie']");
		assertThat(tile.getAttribute("data-verdict")).isEqualTo("stable");
		assertThat(tile.getAttribute("class")).contains("tile--neutral");
		assertThat(tile.findElements(By.cssSelector(".tile__arrow"))).isEmpty();
		assertThat(tile.findElement(By.cssSelector(".tile__verdict")).getText()).isEqualTo("stabiel (binnen de marge)");
		assertThat(tile.findElements(By.cssSelector("svg.tile__spark"))).hasSize(1);
		// every arrow on the page belongs to a significant change
		assertThat((Boolean) this.browser.js("return [...document.querySelectorAll('.tile__arrow')]"
				+ ".every((a) => a.closest('.tile').dataset.verdict === 'significant')"))
			.isTrue();
	}

	@Test
	void aTileSaysWhenItsGroupsLeavePartOutAndShowsNoShareTheRoundingCannotCarry() {
		// 86088NED Amersfoort 2024: 4 thousand unemployed, 2 thousand of them men; the
		// shared download is cut off before the women's rows. A share of 2 in 4
		// (thousands, rounded) may be anything from 33 to 71 %: shown as the count. That
		// the men are not the whole is said.
		open("/?region=GM0307");
		settle("kerncijfers");
		List<Map<String, Object>> unemployed = groups("werkloze_beroepsbevolking");
		assertThat(unemployed).extracting((g) -> g.get("name")).containsExactly("Mannen");
		assertThat(unemployed.get(0).get("value")).isEqualTo("2 duizend");
		assertThat(text(".tile[data-indicator='werkloze_beroepsbevolking'] .tile__shares-note"))
			.isEqualTo("Deze groepen tellen niet op tot het totaal: de monitor heeft niet voor elke groep een cijfer.");
		// no bar drawn at a share the rounding cannot carry
		assertThat((String) this.browser
			.js("return document.querySelector(\".tile[data-indicator='werkloze_beroepsbevolking']"
					+ " .share__fill\").style.width"))
			.isEmpty();
		// 48 of 93 thousand employed: 51.6 %, give or take 0.8 point: the count too
		assertThat(groups("werkzame_beroepsbevolking").get(0).get("value")).isEqualTo("48 duizend");
		// a rate is shown per group
		assertThat(groups("netto_arbeidsparticipatie").get(0).get("value")).isEqualTo("79,9 %");
	}

	/**
	 * The groups of a key-figure tile: name and value as shown (no-break spaces as
	 * spaces).
	 */
	private List<Map<String, Object>> groups(String indicator) {
		return maps("return [...document.querySelectorAll(\".tile[data-indicator='" + indicator + "'] .share\")]"
				+ ".map((s) => ({ name: s.querySelector('.share__name').innerText,"
				+ " value: s.querySelector('.share__value').innerText.replace(/\\u00a0/g, ' ') }));");
	}

	@Test
	void embedCodeWorksInAFrameAndChartsDownloadAsPngSvgAndDutchCsv() throws Exception {
		open("/?tab=vergelijk&region=PV26&level=provincie&indicator=werkloosheidspercentage");
		settle("vergelijk");
		this.browser.find("[data-figure='vergelijk'] .figure__tools button[aria-controls^='fig-embed']").click();
		String code = this.browser.find("[data-figure='vergelijk'] .embed__code").getAttribute("value");
		assertThat(code).startsWith("<iframe src=\"http://localhost:" + this.port + "/?tab=vergelijk")
			.contains("embed=1")
			.contains("chart=vergelijk");
		assertThat(this.browser.find("[data-figure='vergelijk'] .embed__link").getAttribute("value"))
			.contains("embed=1");
		// PNG and SVG
		byte[] png = Files.readAllBytes(download("[data-figure='vergelijk'] [data-download='png']", ".png"));
		assertThat(png).startsWith(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		String svg = Files.readString(download("[data-figure='vergelijk'] [data-download='svg']", ".svg"));
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<title>");
		// the NL CSV: BOM, ';' and decimal comma, attribution lines one cell each
		WebElement link = this.browser.find("[data-figure='vergelijk'] a.tool--csv");
		Path file = this.browser.downloads.resolve(link.getAttribute("download"));
		Files.deleteIfExists(file);
		link.click();
		this.browser.waitUntil(() -> Files.isRegularFile(file)
				&& !Files.exists(file.resolveSibling(file.getFileName() + ".crdownload")));
		byte[] bytes = Files.readAllBytes(file);
		assertThat(bytes).startsWith(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).startsWith("# ").doesNotContain(";");
		// a source line is one cell: quoted where it holds a ';' (several sources)
		assertThat(lines.get(1)).matches("(# Bron: [^;\"]+|\"# Bron: .*\")");
		// after the comment lines (an incomplete source adds one), the header
		String[] header = lines.stream().filter((l) -> !l.startsWith("#")).findFirst().orElseThrow().split(";", -1);
		assertThat(header).hasSize(15).contains("regio_code", "waarde", "vlaggen", "voetnoot", "reden_ontbreekt");
		String utrecht = lines.stream().filter((l) -> l.startsWith("PV26;")).findFirst().orElseThrow();
		String[] cells = utrecht.split(";", -1);
		assertThat(cells).hasSize(15);
		assertThat(cells[5]).matches("\\d+,\\d");
		// the embed code pasted into a page of another site (its own server and port)
		com.sun.net.httpserver.HttpServer site = com.sun.net.httpserver.HttpServer
			.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		byte[] page = ("<!doctype html><html lang=\"en\"><title>A province's site</title><body>" + code
				+ "</body></html>")
			.getBytes(StandardCharsets.UTF_8);
		site.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		site.start();
		try {
			this.browser.driver.get("http://127.0.0.1:" + site.getAddress().getPort() + "/");
			this.browser.driver.switchTo().frame(this.browser.find("iframe"));
			this.browser.waitUntil(() -> (Boolean) this.browser
				.js("const c = document.querySelector('[data-figure=vergelijk] canvas');"
						+ "return !!(c && window.Chart && Chart.getChart(c));"));
			assertThat((Boolean) this.browser.js("return document.body.classList.contains('embed')")).isTrue();
			this.browser.driver.switchTo().defaultContent();
		}
		finally {
			site.stop(0);
		}
	}

	@Test
	void apiErrorTitlesAppearInThePagesLanguage() {
		open("/?tab=vergelijk&indicator=werkloosheidspercentage&region=PV26");
		settle("vergelijk");
		Object nl = this.browser
			.js("return import('/js/api.js').then((m) => m.get('/series', { indicator: 'nope', regions: 'PV26' })"
					+ ".catch((e) => e.title));");
		assertThat(nl).isEqualTo("Onbekende indicator");
		open("/?tab=vergelijk&lang=en&region=PV26");
		settle("vergelijk");
		Object en = this.browser
			.js("return import('/js/api.js').then((m) => m.get('/series', { indicator: 'nope', regions: 'PV26' })"
					+ ".catch((e) => e.title));");
		assertThat(en).isEqualTo("Unknown indicator");
		// the two 404s asked for on purpose
		assertThat(this.browser.consoleErrors()).hasSize(2).allSatisfy((e) -> assertThat(e).contains("indicator=nope"));
	}

	@Test
	void onAPhoneEveryTabIsReachableAndControlsComeBeforeTheChart() {
		this.browser.driver.manage().window().setSize(new Dimension(390, 844));
		open("/?tab=vergelijk&region=PV26");
		settle("vergelijk");
		int width = ((Number) this.browser.js("return document.documentElement.clientWidth")).intValue();
		for (String view : VIEWS) {
			Map<String, Object> box = map(
					"const r = document.getElementById('tab-' + arguments[0])"
							+ ".getBoundingClientRect(); return { left: r.left, right: r.right, height: r.height };",
					view);
			assertThat(((Number) box.get("left")).doubleValue()).as(view).isGreaterThanOrEqualTo(0);
			assertThat(((Number) box.get("right")).doubleValue()).as(view).isLessThanOrEqualTo(width);
		}
		assertThat((Boolean) this.browser.js("const c = document.querySelector('.controls').getBoundingClientRect();"
				+ "const f = document.querySelector('.figure').getBoundingClientRect(); return c.top < f.top;"))
			.isTrue();
		assertThat(((Number) this.browser.js("return document.documentElement.scrollWidth")).intValue())
			.isLessThanOrEqualTo(width);
		open("/?region=PV26");
		settle("kerncijfers");
		assertThat((Boolean) this.browser.js("return [...document.querySelectorAll('.tile__value')]"
				+ ".every((v) => v.scrollWidth <= v.clientWidth + 1)"))
			.as("no clipped numbers")
			.isTrue();
		this.browser.screenshot("kerncijfers-telefoon", 390);
		// in English too ("35.9 thousand" ran out of its tile), and no title of a figure
		// (CBS table titles are long) runs out of it, on a phone and on a desktop
		for (int w : new int[] { 390, 1280 }) {
			this.browser.driver.manage().window().setSize(new Dimension(w, 900));
			for (String path : List.of("/?region=PV26&lang=en", "/?region=GM0344&lang=en", "/?region=PV26&lang=nl",
					"/?tab=tabellen&region=PV26&lang=nl")) {
				open(path);
				settle(path.contains("tabellen") ? "tabellen" : "kerncijfers");
				assertThat((Boolean) this.browser
					.js("return [...document.querySelectorAll('.tile__value, .figure__title')]"
							+ ".every((v) => v.scrollWidth <= v.clientWidth + 1)"))
					.as("nothing runs out of its box at " + w + " px: " + path)
					.isTrue();
				// a value wraps between number and unit, never inside a word ("35.9
				// thousan|d")
				assertThat((String) this.browser.js(BROKEN_WORDS)).as("words broken in a tile at " + w + " px: " + path)
					.isEmpty();
				assertThat((String) this.browser.js("return document.querySelector('.skip-link').textContent"))
					.isEqualTo(path.contains("lang=en") ? "Skip to content" : "Naar de inhoud");
			}
		}
	}

	/** The words of the key figures' values that are drawn on more than one line. */
	private static final String BROKEN_WORDS = """
			const broken = [];
			for (const v of document.querySelectorAll('.tile__value')) {
				const walker = document.createTreeWalker(v, NodeFilter.SHOW_TEXT);
				for (let n = walker.nextNode(); n; n = walker.nextNode()) {
					const word = /[^\\s\\u00a0]+/g;
					let m;
					while ((m = word.exec(n.data))) {
						const r = document.createRange();
						r.setStart(n, m.index);
						r.setEnd(n, m.index + m[0].length);
						if (new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1) {
							broken.push(m[0]);
						}
					}
				}
			}
			return broken.join(' | ');
			""";

	@Test
	void axeFindsNoViolationsOnAnyViewInBothLanguagesOnDesktopAndPhone() throws IOException {
		String axe;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(AXE)) {
			assertThat(in).as(AXE).isNotNull();
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<String> violations = new ArrayList<>();
		for (int width : new int[] { 1366, 390 }) {
			this.browser.driver.manage().window().setSize(new Dimension(width, 900));
			for (String lang : List.of("nl", "en")) {
				for (String page : AXE_PAGES) {
					String view = page.split("&")[0];
					open("/?tab=" + page + "&lang=" + lang + "&region=PV26");
					settle(view);
					this.browser.js(axe);
					Object result = ((JavascriptExecutor) this.browser.driver).executeAsyncScript(
							"""
									const done = arguments[arguments.length - 1];
									axe.run(document, { resultTypes: ['violations'] }).then((r) => done(r.violations.map((v) =>
										v.id + ': ' + v.help + ' @ ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', '))));
									""");
					for (Object v : (List<?>) result) {
						violations.add(view + " " + lang + " " + width + "px: " + v);
					}
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void unitTestsOfSeriesModelAndUrlStatePassInTheBrowser() throws IOException {
		// a tab of its own: the history tests count entries, and a browser keeps at most
		// 50
		String first = this.browser.driver.getWindowHandle();
		this.browser.driver.switchTo().newWindow(WindowType.TAB);
		try {
			open("/?region=PV26");
			settle("kerncijfers");
			for (String name : List.of("series-model.test.js", "url-state.test.js")) {
				String script;
				try (InputStream in = getClass().getResourceAsStream("/dashboard/" + name)) {
					assertThat(in).as(name).isNotNull();
					script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
				Object result = ((JavascriptExecutor) this.browser.driver).executeAsyncScript(script);
				@SuppressWarnings("unchecked")
				Map<String, Object> report = (Map<String, Object>) result;
				assertThat((List<?>) report.get("failures")).as(name).isEmpty();
				assertThat(((Number) report.get("passed")).intValue()).as(name).isGreaterThan(5);
			}
		}
		finally {
			this.browser.driver.close();
			this.browser.driver.switchTo().window(first);
		}
	}

	@Test
	void everySentenceThePageGeneratesIsWellFormedInBothLanguagesForEveryIndicatorAndRegion() throws IOException {
		open("/?region=PV26");
		settle("kerncijfers");
		String script;
		try (InputStream in = getClass().getResourceAsStream("/dashboard/sentences.test.js")) {
			assertThat(in).isNotNull();
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		this.browser.driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
		@SuppressWarnings("unchecked")
		Map<String, Object> report = (Map<String, Object>) ((JavascriptExecutor) this.browser.driver)
			.executeAsyncScript(script);
		assertThat((List<?>) report.get("problems")).isEmpty();
		// every region of every level of every indicator with data, twice (NL and EN)
		assertThat(((Number) report.get("checked")).intValue()).isGreaterThan(1500);
		// the change on a year earlier told for every indicator and level with a year of
		// figures, in NL and EN
		assertThat(((Number) report.get("changes")).intValue()).isGreaterThan(20);
	}

	/**
	 * The sentences of the API (kerncijfers of every region of every level, compare of
	 * every indicator at every level it has), in NL and EN: no placeholder or missing
	 * word, no stray spaces or punctuation, a full stop at the end, the country with its
	 * article in English, and none of the other language's words outside the names.
	 */
	@Test
	void everySentenceTheApiWritesIsWellFormedInBothLanguages() throws Exception {
		java.util.regex.Pattern dutch = java.util.regex.Pattern.compile(
				"\\b(de|het|een|telde|boven|onder|hoger|lager|procentpunt|duizend|kwartaal|geen|gegevens|verbetering)\\b");
		java.util.regex.Pattern english = java.util.regex.Pattern
			.compile("\\b(the|above|below|higher|lower|thousand|quarter|percentage points|no data|improvement)\\b");
		List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
		java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();
		List<String> levels = List.of("land", "landsdeel", "provincie", "corop", "arbeidsmarktregio", "gemeente");
		for (String lang : List.of("nl", "en")) {
			List<String> names = new ArrayList<>();
			Map<String, List<String>> codesByLevel = new java.util.LinkedHashMap<>();
			for (String level : levels) {
				List<String> codes = new ArrayList<>();
				for (JsonNode region : get("/api/v1/regions?level=" + level + "&lang=" + lang)) {
					codes.add(region.get("code").asText());
					names.add(region.get("name").asText());
				}
				codesByLevel.put(level, codes);
			}
			JsonNode indicators = get("/api/v1/indicators?lang=" + lang);
			for (JsonNode indicator : indicators) {
				names.add(indicator.get("name").asText());
			}
			names.sort(java.util.Comparator.comparingInt(String::length).reversed());
			java.util.function.BiConsumer<String, String> check = (where, text) -> {
				checked.incrementAndGet();
				String bare = text;
				for (String name : names) {
					bare = bare.replace(name, "").replace(name.toLowerCase(java.util.Locale.ROOT), "");
				}
				boolean wrong = text.isBlank() || text.matches("(?s).*(undefined|null|NaN|[{}]|\\s{2,}|\\s[.,;:]|,,).*")
						|| !text.endsWith(".")
						|| ("en".equals(lang)
								? dutch.matcher(bare).find() || text
									.matches("(?s).*\\b(in|above|below|than|to|from|for|of) Netherlands\\b.*")
								: english.matcher(bare).find());
				if (wrong) {
					problems.add(lang + " " + where + ": " + text);
				}
			};
			List<java.util.concurrent.CompletableFuture<Void>> pending = new ArrayList<>();
			java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(6);
			HttpClient http = HttpClient.newHttpClient();
			for (String code : codesByLevel.values().stream().flatMap(List::stream).toList()) {
				slots.acquire();
				pending.add(http.sendAsync(HttpRequest
					.newBuilder(URI
						.create("http://localhost:" + this.port + "/api/v1/kerncijfers/" + code + "?lang=" + lang))
					.build(), HttpResponse.BodyHandlers.ofString()).thenAccept((response) -> {
						try {
							for (JsonNode figure : this.json.readTree(response.body()).get("figures")) {
								check.accept("kerncijfers " + code + " " + figure.get("code").asText(),
										figure.get("explanation").asText());
							}
						}
						catch (IOException ex) {
							problems.add(lang + " kerncijfers " + code + ": " + ex.getMessage());
						}
					}).whenComplete((ok, ex) -> slots.release()));
			}
			java.util.concurrent.CompletableFuture.allOf(pending.toArray(java.util.concurrent.CompletableFuture[]::new))
				.join();
			for (JsonNode indicator : indicators) {
				if (!indicator.hasNonNull("lastPeriod")) {
					continue;
				}
				for (JsonNode level : indicator.path("regionLevels")) {
					List<String> codes = codesByLevel.getOrDefault(level.asText(), List.of());
					if (codes.isEmpty()) {
						continue;
					}
					List<String> chosen = new ArrayList<>(codes.subList(0, Math.min(codes.size(), 49)));
					if (!chosen.contains("NL01")) {
						chosen.add("NL01");
					}
					JsonNode compare = get("/api/v1/compare?indicator=" + indicator.get("code").asText() + "&regions="
							+ String.join(",", chosen) + "&lang=" + lang);
					String where = "compare " + indicator.get("code").asText() + " " + level.asText();
					if (compare.hasNonNull("summary") && !compare.get("summary").asText().isEmpty()) {
						check.accept(where, compare.get("summary").asText());
					}
					for (JsonNode difference : compare.get("differences")) {
						check.accept(where + " " + difference.get("a").asText() + "-" + difference.get("b").asText(),
								difference.get("explanation").asText());
					}
				}
			}
		}
		// one example per kind of sentence, with how often it went wrong
		Map<String, Long> kinds = problems.stream()
			.collect(java.util.stream.Collectors.groupingBy((p) -> p.replaceAll(" [A-Z]{2}\\d{2,4}\\b.*", ""),
					java.util.TreeMap::new, java.util.stream.Collectors.counting()));
		List<String> examples = kinds.keySet()
			.stream()
			.map((k) -> kinds.get(k) + "x " + problems.stream().filter((p) -> p.startsWith(k)).findFirst().orElse(k))
			.toList();
		assertThat(examples).isEmpty();
		assertThat(checked.get()).isGreaterThan(5000);
	}

	@Test
	void staticFilesAreCompressedAndCachedByContentHash() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<byte[]> script = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/js/i18n.js"))
				.header("Accept-Encoding", "gzip")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(script.headers().firstValue("Cache-Control")).hasValue("no-cache");
		String etag = script.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		HttpResponse<Void> again = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/js/i18n.js"))
				.header("If-None-Match", etag)
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(again.statusCode()).isEqualTo(304);
		HttpResponse<Void> chart = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/webjars/chart.js/4.5.1/dist/chart.umd.min.js"))
			.header("Accept-Encoding", "gzip")
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(chart.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
		assertThat(chart.headers().firstValue("Content-Encoding")).hasValue("gzip");
	}

	// helpers

	private void open(String path) {
		this.browser.driver.get("http://localhost:" + this.port + path);
	}

	private void settle(String view) {
		new WebDriverWait(this.browser.driver, HeadlessChromium.WAIT).ignoring(RuntimeException.class)
			.withMessage(() -> view + " did not settle: " + this.browser.driver.findElement(By.id("main")).getText())
			.until((d) -> Boolean.TRUE.equals(this.browser.js(SETTLED, view)));
	}

	private JsonNode get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private Path download(String css, String suffix) throws IOException {
		long before = System.currentTimeMillis();
		this.browser.find(css).click();
		Path[] found = new Path[1];
		this.browser.waitUntil(() -> {
			try (var files = Files.list(this.browser.downloads)) {
				found[0] = files.filter((p) -> p.toString().endsWith(suffix))
					.filter((p) -> p.toFile().lastModified() >= before - 1000)
					.findFirst()
					.orElse(null);
				return found[0] != null;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return found[0];
	}

	private void clickCheckbox(String key, String code) {
		this.browser.find("input[data-focus='" + key + "-" + code + "']").click();
	}

	private String query(String name) {
		return (String) this.browser.js("return new URLSearchParams(location.search).get(arguments[0]) ?? ''", name);
	}

	private String regionInput() {
		return this.browser.find("#region-input").getAttribute("value");
	}

	private long historyLength() {
		return ((Number) this.browser.js("return history.length")).longValue();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> maps(String script) {
		return (List<Map<String, Object>>) this.browser.js(script);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(String script, Object... args) {
		return (Map<String, Object>) this.browser.js(script, args);
	}

	@SuppressWarnings("unchecked")
	private List<String> strings(String script) {
		return (List<String>) this.browser.js(script);
	}

	private String text(String css) {
		return this.browser.find(css).getText();
	}

}
