package nl.llomonitor.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a link or a choice asks that cannot be shown as asked (from a user's tour): every
 * view opens on figures, a bad or stale parameter is replaced by what is shown and the
 * page says so in its language, the region search ignores diacritics. In a real browser
 * on the whole app with the shared published data, as
 * {@link DashboardBrowserIntegrationTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardLinksBrowserIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ImportService importService;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	private HeadlessChromium browser;

	private final List<String> allowedConsoleErrors = new ArrayList<>();

	@BeforeAll
	void startBrowser() {
		for (String file : DashboardBrowserIntegrationTests.SHARED_FILES) {
			this.importService.importFile(SharedData.file(file), true);
		}
		for (String file : List.of("cbs/60039fvw.csv", "cbs/82220NED.csv")) {
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
		this.allowedConsoleErrors.clear();
	}

	@AfterEach
	void noConsoleErrors() {
		assertThat(this.browser.consoleErrorsExcept(this.allowedConsoleErrors)).as("browser console errors").isEmpty();
	}

	/**
	 * Grijze druk is observed up to 2017 (60039fvw), while the list of its periods runs
	 * on: Vergelijk and Kaart open on 2017, not on an empty later year.
	 */
	@Test
	void compareAndMapOpenOnTheLatestPeriodWithFigures() {
		open("/?tab=kaart&indicator=grijze_druk&level=provincie");
		this.browser.waitFor(By.cssSelector("[data-figure='kaart'] svg.map path"));
		assertThat(selected("map-period")).isEqualTo("2017JJ00");
		List<WebElement> paths = this.browser.driver.findElements(By.cssSelector("svg.map path.map__region"));
		assertThat(paths).hasSize(12);
		assertThat(paths.stream().map((p) -> p.getAttribute("fill")).distinct().count()).isGreaterThan(2);

		open("/?tab=vergelijk&indicator=grijze_druk&level=provincie");
		List<Map<String, Object>> bars = chart("vergelijk");
		assertThat(selected("cmp-period")).isEqualTo("2017JJ00");
		assertThat(nonNull(bars.get(0))).isEqualTo(13);
		assertThat(text(".differences__list")).doesNotContain("geen verschil te berekenen");
		// a default is no correction: nothing to say, and the link stays short
		assertThat(this.browser.driver.findElements(By.cssSelector(".corrections:not([hidden])"))).isEmpty();
		assertThat(this.browser.currentUrl()).doesNotContain("period=");
		// the periods offered are those with figures at the level: 2023 (Nederland only)
		// is not one of them, and a link asking for it is corrected and says so
		assertThat(this.browser.driver.findElements(By.cssSelector("select[data-focus='cmp-period'] option")))
			.extracting((o) -> o.getAttribute("value"))
			.contains("2017JJ00")
			.doesNotContain("2018JJ00", "2023JJ00");
		open("/?tab=vergelijk&indicator=grijze_druk&level=provincie&period=2023JJ00");
		this.browser.waitUntil(() -> text(".corrections").equals(
				"Voor grijze druk zijn er geen cijfers over 2023; getoond wordt 2017, de laatste periode met cijfers."));
		assertThat(chart("vergelijk")).isNotEmpty();
		assertThat(this.browser.driver.findElements(By.cssSelector(".differences__list li"))).isNotEmpty();
	}

	/**
	 * WW benefits are monthly; our seasonal adjustment is of quarters only: no box for
	 * it, and a link asking for it draws the figures themselves and says why.
	 */
	@Test
	void aMonthlySeriesOffersNoSeasonalAdjustmentAndALinkAskingForItStillDraws() {
		open("/?tab=trends&indicator=ww_uitkeringen&level=arbeidsmarktregio&regions=AM13&sa=1");
		List<Map<String, Object>> lines = chart("trends");
		assertThat(nonNull(lines.get(0))).isGreaterThan(10);
		assertThat(this.browser.driver.findElements(By.cssSelector("[data-focus='tr-sa']"))).isEmpty();
		assertThat(text(".corrections")).isEqualTo("Seizoencorrectie berekent LLO Monitor alleen voor kwartaalcijfers;"
				+ " deze grafiek toont cijfers per maand, dus zonder correctie.");
		assertThat(this.browser.currentUrl()).doesNotContain("sa=1");
		assertThat(text("[data-figure='trends'] .figure__title")).doesNotContain("eizoen");
		// a quarterly series still offers it
		open("/?tab=trends&indicator=werkloosheidspercentage&regions=PV26");
		chart("trends");
		assertThat(this.browser.driver.findElements(By.cssSelector("[data-focus='tr-sa']"))).hasSize(1);
	}

	@Test
	void regionSearchIgnoresDiacriticsCaseAndApostrophes() {
		open("/");
		this.browser.waitFor(By.cssSelector(".tile[data-indicator]"));
		List<Map.Entry<String, String>> searches = List.of(Map.entry("fryslan", "region=PV21"),
				Map.entry("SUDWEST FRYSLAN", "region=GM1900"), Map.entry("s-hertogenbosch", "region=GM0796"));
		for (Map.Entry<String, String> search : searches) {
			this.browser.find("#region-input").sendKeys(Keys.chord(Keys.CONTROL, "a"), search.getKey(), Keys.ENTER);
			this.browser.waitUntil(() -> this.browser.currentUrl().contains(search.getValue()));
		}
		this.browser.waitUntil(
				() -> this.browser.find("#region-input").getAttribute("value").equals("'s-Hertogenbosch (gemeente)"));
		// the browser's suggestions find it without diacritics too
		assertThat(this.browser.js("""
				return [...document.querySelectorAll('#region-options option')]
					.filter((o) => (o.label || o.value).includes('fryslan')).map((o) => o.value);
				""").toString()).contains("Fryslân (provincie)").contains("Súdwest-Fryslân (gemeente)");
	}

	/**
	 * The region search follows the page's language: after a switch from English to Dutch
	 * its suggestions are the Dutch names and "Nederland" is found (the list stayed in
	 * the language the page was opened in); a name with its level in brackets is found
	 * also where the label carries none ("Nederland (land)").
	 */
	@Test
	void regionSearchFollowsTheLanguageAndTakesANameWithItsLevel() {
		open("/?region=PV21&lang=en");
		this.browser.waitFor(By.cssSelector(".tile[data-indicator]"));
		this.browser.waitUntil(() -> optionValues().contains("Netherlands"));
		this.browser.find("#lang-toggle").click();
		this.browser.waitUntil(() -> optionValues().contains("Nederland"));
		assertThat(optionValues()).doesNotContain("Netherlands").contains("Noord-Nederland (landsdeel)");
		this.browser.find("#region-input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "Nederland", Keys.ENTER);
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("region=NL01"));
		this.browser.find("#region-input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "Fryslân (provincie)", Keys.ENTER);
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("region=PV21"));
		this.browser.find("#region-input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "Nederland (land)", Keys.ENTER);
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("region=NL01"));
	}

	/**
	 * With Nederland as my region, Vergelijk and Kaart open on the provinces (a level of
	 * one region compares nothing), with Nederland beside them in Vergelijk; Kerncijfers
	 * does not say that Nederland is shown beside itself.
	 */
	@Test
	void nederlandAsMyRegionComparesTheProvinces() {
		open("/?region=NL01");
		this.browser.waitUntil(() -> text("h2.panel__title").equals("Kerncijfers Nederland"));
		assertThat(text(".panel__intro")).contains("in Nederland").doesNotContain("ernaast");
		open("/?tab=vergelijk&region=NL01&indicator=netto_arbeidsparticipatie");
		List<Map<String, Object>> bars = chart("vergelijk");
		assertThat(selected("cmp-level")).isEqualTo("provincie");
		assertThat(nonNull(bars.get(0))).isEqualTo(13);
		assertThat(this.browser.driver.findElements(By.cssSelector(".corrections:not([hidden])"))).isEmpty();
		open("/?tab=kaart&region=NL01&indicator=netto_arbeidsparticipatie");
		this.browser.waitFor(By.cssSelector("[data-figure='kaart'] svg.map path"));
		assertThat(selected("map-level")).isEqualTo("provincie");
		assertThat(this.browser.driver.findElements(By.cssSelector("svg.map path.map__region"))).hasSize(12);
	}

	/**
	 * A significant difference of two counts of provinces is mostly one of size: the
	 * differences say so under their test; those of a rate do not.
	 */
	@Test
	void aSignificantDifferenceOfCountsSaysThatACountFollowsSize() {
		open("/?tab=vergelijk&region=PV26&indicator=werkzame_beroepsbevolking&level=provincie");
		this.browser.waitFor(By.cssSelector(".differences__list .difference--significant"));
		assertThat(text(".differences__count"))
			.startsWith("Dit cijfer is een aantal: het volgt de omvang van de regio.");
		open("/?tab=vergelijk&region=PV26&indicator=netto_arbeidsparticipatie&level=provincie");
		this.browser.waitFor(By.cssSelector(".differences__list .difference"));
		assertThat(this.browser.driver.findElements(By.cssSelector(".differences__count"))).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private List<String> optionValues() {
		return (List<String>) this.browser
			.js("return [...document.querySelectorAll('#region-options option')].map((o) => o.value);");
	}

	/**
	 * An unknown region code in a link: said once, in the page's language, the default
	 * region shown and the link corrected; no error boxes with a retry that cannot help.
	 */
	@Test
	void anUnknownRegionCodeShowsTheDefaultRegionAndSaysSo() {
		this.allowedConsoleErrors.add("/api/v1/regions/GM9999");
		open("/?region=GM9999");
		this.browser.waitUntil(() -> text("h2.panel__title").equals("Kerncijfers Utrecht (provincie)"));
		assertThat(text(".corrections"))
			.isEqualTo("De regiocode ‘GM9999’ uit de link is onbekend; getoond wordt Utrecht (provincie).");
		this.browser.waitFor(By.cssSelector(".tile[data-indicator='werkloosheidspercentage'] .tile__value"));
		chart("kc-werkloosheid");
		assertThat(this.browser.driver.findElements(By.cssSelector(".error-box"))).isEmpty();
		assertThat(this.browser.currentUrl()).doesNotContain("GM9999");
		this.browser
			.waitUntil(() -> this.browser.find("#region-input").getAttribute("value").equals("Utrecht (provincie)"));
		// in English too
		open("/?region=GM9999&lang=en");
		this.browser.waitUntil(() -> text(".corrections")
			.equals("The region code ‘GM9999’ in the link is unknown; Utrecht (province) is shown instead."));
		// unknown codes among the ticked regions are left out and named
		open("/?tab=trends&indicator=werkloosheidspercentage&region=PV26&regions=PV21,ZZ99");
		chart("trends");
		assertThat(text(".corrections")).isEqualTo("Onbekende regiocodes uit de link zijn weggelaten: ZZ99.");
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("regions=PV21")
				&& !this.browser.currentUrl().contains("ZZ99"));
	}

	/**
	 * A region an edition ended (Haren, merged into Groningen in 2019) is still known to
	 * the store with the day it ended: the page says so.
	 */
	@Test
	void anEndedRegionSaysWhenItEnded() {
		// only a row this test adds is removed again (other classes share the database)
		boolean added = this.jdbc.insertInto(REGION)
			.set(REGION.CODE, "GM0017")
			.set(REGION.LEVEL, "gemeente")
			.set(REGION.NAME_NL, "Haren")
			.set(REGION.NAME_EN, "Haren")
			.set(REGION.VALID_FROM, LocalDate.of(1900, 1, 1))
			.set(REGION.VALID_TO, LocalDate.of(2019, 1, 1))
			.onConflictDoNothing()
			.execute() == 1;
		this.jdbc.select(DSL.field("bump_data_version()")).fetch();
		try {
			this.browser.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
			open("/?tab=trends&region=GM0017");
			this.browser.waitUntil(
					() -> text(".corrections").startsWith("Haren (GM0017) bestaat sinds 1 januari 2019 niet meer"));
			assertThat(text(".corrections")).contains("getoond wordt Utrecht (provincie)");
			chart("trends");
			assertThat(this.browser.currentUrl()).doesNotContain("GM0017");
		}
		finally {
			if (added) {
				this.jdbc.deleteFrom(REGION).where(REGION.CODE.eq("GM0017")).execute();
			}
			this.jdbc.select(DSL.field("bump_data_version()")).fetch();
		}
	}

	/**
	 * 'from' after 'to': both periods exist, so they are swapped, said in Dutch, and the
	 * link holds the range drawn; never the API's English detail nor a retry button.
	 */
	@Test
	void aRangeTheWrongWayRoundIsSwappedAndSaid() {
		open("/?tab=trends&indicator=werkloosheidspercentage&regions=PV26&from=2024KW04&to=2015KW01");
		List<Map<String, Object>> lines = chart("trends");
		assertThat(nonNull(lines.get(0))).isEqualTo(40);
		assertThat(text(".corrections")).isEqualTo(
				"De beginperiode (2024 4e kwartaal) lag na de eindperiode (2015 1e kwartaal); ze zijn omgewisseld.");
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("from=2015KW01")
				&& this.browser.currentUrl().contains("to=2024KW04"));
		assertThat(this.browser.driver.findElements(By.cssSelector(".error-box"))).isEmpty();
		assertThat(selected("tr-from")).isEqualTo("2015KW01");
		// a bound of another period type is left out, and said
		open("/?tab=trends&indicator=werkloosheidspercentage&regions=PV26&from=2019MM05");
		chart("trends");
		assertThat(text(".corrections"))
			.isEqualTo("Voor werkloosheid zijn er geen cijfers over mei 2019; die grens is weggelaten.");
		assertThat(this.browser.currentUrl()).doesNotContain("from=");
	}

	/**
	 * A period of another type or without figures, and an indicator the level has not:
	 * the view shows what it can, says what it changed, and the link holds it.
	 */
	@Test
	void aPeriodOrIndicatorTheViewCannotShowIsReplacedInTheLinkAndSaid() {
		for (String period : List.of("2019MM05", "2030KW01")) {
			open("/?tab=vergelijk&indicator=netto_arbeidsparticipatie&level=provincie&period=" + period);
			chart("vergelijk");
			String shown = selected("cmp-period");
			assertThat(shown).isEqualTo("2024KW04");
			assertThat(text(".corrections")).startsWith("Voor netto arbeidsparticipatie zijn er geen cijfers over ")
				.endsWith("; getoond wordt 2024 4e kwartaal, de laatste periode met cijfers.");
			this.browser.waitUntil(() -> this.browser.currentUrl().contains("period=2024KW04"));
		}
		// a quarter where the level has years only (arbeidsmarktregio's: 86088NED): the
		// latest year, said, not an empty map
		open("/?tab=vergelijk&indicator=netto_arbeidsparticipatie&level=arbeidsmarktregio&period=2024KW04");
		chart("vergelijk");
		String year = selected("cmp-period");
		assertThat(year).endsWith("JJ00");
		assertThat(text(".corrections")).startsWith("Voor netto arbeidsparticipatie zijn er geen cijfers over ");
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("period=" + year));
		// a level the view has not (the map has no level land)
		open("/?tab=kaart&indicator=werkloosheidspercentage&level=land");
		this.browser.waitFor(By.cssSelector("[data-figure='kaart'] svg.map path"));
		assertThat(text(".corrections"))
			.isEqualTo("Deze weergave heeft geen niveau ‘land’; getoond worden provincies.");
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("level=provincie"));
		// WW benefits are not published per gemeente
		open("/?tab=vergelijk&region=GM0344&indicator=ww_uitkeringen");
		chart("vergelijk");
		String indicator = selected("cmp-indicator");
		assertThat(indicator).isNotEqualTo("ww_uitkeringen");
		assertThat(text(".corrections")).startsWith(
				"De indicator ‘Personen met een WW-uitkering’ heeft geen cijfers voor gemeenten; getoond wordt ");
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("indicator=" + indicator));
		// a code no indicator has: said to be unknown, not to lack figures at the level
		open("/?tab=kaart&level=arbeidsmarktregio&indicator=werkloosheid");
		this.browser.waitUntil(() -> text(".corrections")
			.startsWith("De indicatorcode ‘werkloosheid’ in de link is onbekend; getoond wordt "));
		// a forecast in a view of observations: said by its name, for that reason
		open("/?tab=kaart&indicator=grijze_druk_prognose");
		this.browser.waitUntil(() -> text(".corrections").startsWith("‘Grijze druk (prognose)’ is een prognose, en"
				+ " deze weergave toont alleen waarnemingen; getoond wordt "));
		assertThat(this.browser.currentUrl()).doesNotContain("grijze_druk_prognose");
	}

	/**
	 * A problem the page has no words of its own for: a Dutch page names the parameter in
	 * Dutch rather than showing the API's English detail.
	 */
	@Test
	void aProblemsDetailIsInThePagesLanguage() {
		open("/?tab=trends");
		this.browser.waitFor(By.cssSelector("[data-focus='tr-indicator']"));
		Object details = ((JavascriptExecutor) this.browser.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				import('/js/api.js').then((m) => {
					const bad = new m.ApiError({ type: '/problems/invalid-parameter', parameter: 'from',
						detail: "Period 'from' (2024KW04) lies after 'to' (2015KW01)." }, 400, '/api/v1/series');
					const month = new m.ApiError({ type: '/problems/unsupported-period-type', parameter: 'periodType',
						value: 'month', detail: 'Indicator x has no figures per month.' }, 400, '/api/v1/series');
					const wide = new m.ApiError({ type: '/problems/range-too-wide', parameter: 'to',
						detail: 'At most 400 periods per request.' }, 400, '/api/v1/series');
					done([bad.title, bad.detail, month.title, month.detail, wide.detail]);
				}, (e) => done('ERROR ' + e));
				""");
		assertThat(details).isEqualTo(List.of("Ongeldige parameter",
				"De waarde van ‘from’ in het verzoek is niet bruikbaar.", "Periodesoort niet beschikbaar",
				"Deze indicator heeft geen cijfers van de gevraagde periodesoort.",
				"Het bereik bij ‘to’ is te groot voor één verzoek (te veel perioden of regio's); kies een kleiner bereik."));
	}

	/**
	 * Trends with an indicator my region's level has no figures for: the level moves to
	 * one the indicator has (my region's nearest parent with figures), the page says so
	 * above the view, in its language, and the link holds the level shown.
	 */
	@Test
	void trendsMovesToALevelTheIndicatorHasAndSaysSo() {
		// published for Nederland only: no checklist of gemeenten with one line drawn
		open("/?tab=trends&indicator=llo_deelnemers&region=GM0080");
		chart("trends");
		assertThat(text(".corrections")).isEqualTo("De indicator ‘Deelnemers leven lang ontwikkelen’ heeft geen"
				+ " cijfers voor gemeenten; getoond wordt het niveau ‘Land’.");
		assertThat(selected("tr-level")).isEqualTo("land");
		assertThat(selected("tr-indicator")).isEqualTo("llo_deelnemers");
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("level=land"));
		assertThat(this.browser.currentUrl()).contains("indicator=llo_deelnemers");
		assertThat(text("[data-figure='trends']")).doesNotContain("Geen cijfers over");
		// published down to provinces: Leeuwarden's province, in English
		open("/?tab=trends&indicator=vacatures&region=GM0080&lang=en");
		chart("trends");
		assertThat(text(".corrections")).isEqualTo("The indicator ‘Job vacancies’ has no figures for municipalities;"
				+ " the level ‘Provinces’ is shown instead.");
		assertThat(selected("tr-level")).isEqualTo("provincie");
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("level=provincie"));
	}

	/**
	 * Regions of another level in a link to Vergelijk are named under the chart and left
	 * out of the link, which holds what is compared; the correction is no new history
	 * entry (Back leaves the view).
	 */
	@Test
	void compareLeavesRegionsOfAnotherLevelOutOfTheLink() {
		open("/?tab=kerncijfers&region=PV21");
		this.browser.waitFor(By.cssSelector(".tile[data-indicator]"));
		open("/?tab=vergelijk&regions=PV26,GM0344");
		chart("vergelijk");
		assertThat(text("[data-figure='vergelijk']"))
			.contains("Niet in deze vergelijking van provincies: Utrecht (gemeente)");
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("regions=PV26")
				&& !this.browser.currentUrl().contains("GM0344"));
		this.browser.driver.navigate().back();
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("region=PV21"));
		assertThat(this.browser.currentUrl()).doesNotContain("vergelijk");
	}

	/** "Zoek in de lijst" ignores diacritics and case, as the region search does. */
	@Test
	void theRegionListFilterIgnoresDiacritics() {
		open("/?tab=vergelijk&indicator=netto_arbeidsparticipatie&level=gemeente");
		chart("vergelijk");
		for (Map.Entry<String, List<String>> search : Map
			.of("fryslan", List.of("Noardeast-Fryslân", "Súdwest-Fryslân"), "SUDWEST", List.of("Súdwest-Fryslân"),
					"Fryslân", List.of("Noardeast-Fryslân", "Súdwest-Fryslân"))
			.entrySet()) {
			WebElement filter = this.browser.find("input[data-focus='cmp-regions-filter']");
			filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), search.getKey());
			this.browser.waitUntil(() -> visibleItems("cmp-regions").equals(search.getValue()));
		}
		open("/?tab=trends&indicator=werkloosheidspercentage&level=gemeente&region=GM1900");
		chart("trends");
		this.browser.find("input[data-focus='tr-regions-filter']").sendKeys("sudwest");
		this.browser.waitUntil(() -> visibleItems("tr-regions").equals(List.of("Súdwest-Fryslân (mijn regio)")));
	}

	@SuppressWarnings("unchecked")
	private List<String> visibleItems(String key) {
		return (List<String>) this.browser.js("return [...document.querySelectorAll(\"[data-focus='" + key
				+ "-all']\")].flatMap((b) => [...b.closest('.checklist').querySelectorAll('.checklist__item')])"
				+ ".filter((li) => !li.hidden).map((li) => li.textContent);");
	}

	/**
	 * The notice that several regions bear a name goes when another region is chosen: it
	 * does not stay on for its seconds beside the new choice.
	 */
	@Test
	void aNewRegionChoiceClearsTheNoticeOfTheOneBefore() {
		open("/?region=PV21");
		this.browser.waitFor(By.cssSelector(".tile[data-indicator]"));
		this.browser.find("#region-input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "utrecht", Keys.ENTER);
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("region=PV26"));
		assertThat(text("#notice")).startsWith("Er zijn meer regio’s met de naam “utrecht”: gekozen is Utrecht"
				+ " (provincie); kies in de lijst voor ");
		this.browser.find("#region-input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "Utrecht (gemeente)", Keys.ENTER);
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("region=GM0344"));
		assertThat(this.browser.find("#notice").isDisplayed()).isFalse();
		// a choice with something to say of its own replaces it
		this.browser.find("#region-input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "groningen", Keys.ENTER);
		this.browser.waitUntil(() -> this.browser.currentUrl().contains("region=PV20"));
		assertThat(text("#notice")).startsWith("Er zijn meer regio’s met de naam “groningen”");
	}

	/**
	 * Every count tile whose groups leave part of the total out says so: Leeuwarden's 2
	 * thousand unemployed men of 3 thousand (a gap the rounding of the two counts cannot
	 * close), as its 37 thousand employed men of 71 thousand.
	 */
	@Test
	void everyTileWhoseGroupsDoNotAddUpSaysSo() {
		open("/?region=GM0080");
		for (String indicator : List.of("werkzame_beroepsbevolking", "werkloze_beroepsbevolking")) {
			assertThat(text(".tile[data-indicator='" + indicator + "'] .tile__shares-note")).isEqualTo(
					"Deze groepen tellen niet op tot het totaal: de monitor heeft niet voor elke groep een cijfer.");
		}
	}

	/** A COROP region is called so in every English sentence, the API's too. */
	@Test
	void aCoropRegionHasOneEnglishName() {
		open("/?region=CR17&lang=en");
		this.browser.waitUntil(() -> text("h2.panel__title").equals("Key figures Utrecht (COROP region)"));
		this.browser.waitFor(By.cssSelector(".tile[data-indicator] .tile__value--none"));
		this.browser.waitUntil(() -> text("#panel").contains("for Utrecht (COROP region) in the imported sources"));
		assertThat(text("#panel")).doesNotContain("COROP area");
	}

	// ---------------------------------------------------------------------------------------

	private void open(String path) {
		this.browser.driver.get("http://localhost:" + this.port + path);
	}

	private String text(String css) {
		return this.browser.waitFor(By.cssSelector(css)).getText();
	}

	private String selected(String focusKey) {
		return new Select(this.browser.waitFor(By.cssSelector("select[data-focus='" + focusKey + "']")))
			.getFirstSelectedOption()
			.getAttribute("value");
	}

	private List<Map<String, Object>> chart(String figure) {
		return this.browser.chart(figure, true);
	}

	@SuppressWarnings("unchecked")
	private static long nonNull(Map<String, Object> dataset) {
		return ((List<Object>) dataset.get("values")).stream().filter((v) -> v != null).count();
	}

}
