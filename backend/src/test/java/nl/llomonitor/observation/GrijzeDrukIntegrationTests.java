package nl.llomonitor.observation;

import java.util.List;
import java.util.Map;

import nl.llomonitor.SharedData;
import nl.llomonitor.api.WebAnswers;
import nl.llomonitor.importer.ImportReport;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grijze druk (issue 11) from the shared 60039fvw (observed, 2007-2017) and 82220NED (the
 * CBS/PBL regional forecast 2014-2040, base year 2013), and forecasts marked as such
 * (issue 10): published figures through the API, the observation winning where both cover
 * a year, and no forecast value used as an observation by kerncijfers, compare or map.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(TestDatabaseConfiguration.class)
class GrijzeDrukIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ImportService importer;

	@Autowired
	private DataChangeListener versions;

	@BeforeEach
	void importBothTables() throws InterruptedException {
		long version = 0;
		for (String file : List.of("cbs/60039fvw.csv", "cbs/82220NED.csv")) {
			// 60039fvw stops at CBS's 10,000-row download limit: imported as incomplete
			ImportReport report = this.importer.importFile(SharedData.file(file), true);
			assertThat(report.status()).isIn("succeeded", "unchanged");
			version = Math.max(version, (report.dataVersion() != null) ? report.dataVersion() : 0);
		}
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (this.versions.currentVersion() < version && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	@Test
	void observedGrijzeDrukWithNumeratorAndDenominatorAsPublished() {
		// 60039fvw Nederland 2017: 65-74 1,823,500 + 75-84 974,004 + 85+ 362,156 =
		// 3,159,660 per 10,104,674 aged 20-64
		Map<String, Object> nl2017 = point("grijze_druk", "NL01", "2017JJ00", null);
		assertThat(nl2017.get("value")).isEqualTo(31.3);
		assertThat(nl2017.get("numerator")).isEqualTo(3159660.0);
		assertThat(nl2017.get("denominator")).isEqualTo(10104674.0);
		assertThat(nl2017.get("kind")).isEqualTo("observation");
		assertThat(nl2017.get("status")).isEqualTo("voorlopig");
		// numerator and denominator from the same table: its id once
		assertThat(nl2017.get("sourceTable")).isEqualTo("60039fvw");
		// Utrecht 2007: 153,045 / 738,744; Fryslân 2016: 128,867 / 367,684
		assertThat(point("grijze_druk", "PV26", "2007JJ00", null).get("value")).isEqualTo(20.7);
		assertThat(point("grijze_druk", "PV21", "2016JJ00", null).get("value")).isEqualTo(35.0);
		// the COROP area Utrecht (CR17) too
		assertThat(point("grijze_druk", "CR17", "2017JJ00", null).get("value")).isEqualTo(26.9);
		assertThat(point("bevolking_65_plus", "PV26", "2017JJ00", null).get("value")).isEqualTo(207630.0);
	}

	@Test
	void forecastIsMarkedAndTheObservationWinsWhereBothCoverAYear() {
		// 82220NED Nederland 2040: 4,726.1 / 9,281.8 (x1000) x 100
		Map<String, Object> nl2040 = point("grijze_druk_prognose", "NL01", "2040JJ00", null);
		assertThat(nl2040.get("value")).isEqualTo(50.9);
		assertThat(nl2040.get("kind")).isEqualTo("forecast");
		// the forecast has 31.6 for 2017; the observation (31.3) wins in the combined
		// series
		assertThat(point("grijze_druk_prognose", "NL01", "2017JJ00", null).get("value")).isEqualTo(31.6);
		Map<String, Object> combined = series("grijze_druk", "NL01", "grijze_druk_prognose");
		List<Map<String, Object>> points = points(combined);
		assertThat(points).extracting((p) -> p.get("period")).first().isEqualTo("2007JJ00");
		assertThat(points).extracting((p) -> p.get("period")).last().isEqualTo("2040JJ00");
		assertThat(points).hasSize(34);
		Map<String, Object> y2017 = points.stream().filter((p) -> p.get("period").equals("2017JJ00")).findFirst().get();
		assertThat(y2017.get("value")).isEqualTo(31.3);
		assertThat(y2017.get("kind")).isEqualTo("observation");
		Map<String, Object> y2018 = points.stream().filter((p) -> p.get("period").equals("2018JJ00")).findFirst().get();
		assertThat(y2018.get("value")).isEqualTo(32.5);
		assertThat(y2018.get("kind")).isEqualTo("forecast");
		assertThat(points.stream().filter((p) -> "forecast".equals(p.get("kind")))).hasSize(23);
		// Fryslân: the forecast's label Friesland (PV) resolves to PV21
		assertThat(point("grijze_druk_prognose", "PV21", "2040JJ00", null).get("value")).isEqualTo(61.6);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> forecasts = (List<Map<String, Object>>) combined.get("forecasts");
		assertThat(forecasts).singleElement().satisfies((f) -> {
			assertThat(f.get("table")).isEqualTo("82220NED");
			assertThat(f.get("baseYear")).isEqualTo(2013);
		});
		// JSON-stat gives each cell one status: the forecasts (2018, 2019) say so, the
		// observation (2017) keeps the source's; a current answer has no asOf
		this.client.get()
			.uri("/api/v1/series?indicator=grijze_druk&regions=NL01&periodType=year&forecast=grijze_druk_prognose"
					+ "&from=2017JJ00&to=2019JJ00&format=jsonstat")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.value.length()")
			.isEqualTo(3)
			// 2017 is the observation, with its source's status (60039fvw: provisional)
			.jsonPath("$.status['0']")
			.isEqualTo("voorlopig")
			.jsonPath("$.status['1']")
			.isEqualTo("prognose")
			.jsonPath("$.status['2']")
			.isEqualTo("prognose")
			.jsonPath("$.extension.asOf")
			.doesNotExist();
	}

	@Test
	void kerncijferTileShowsTheLatestObservedValue() {
		Map<String, Object> body = this.client.get()
			.uri("/api/v1/kerncijfers/PV26")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> figures = (List<Map<String, Object>>) body.get("figures");
		Map<String, Object> grijzeDruk = figures.stream()
			.filter((f) -> "grijze_druk".equals(f.get("code")))
			.findFirst()
			.orElseThrow();
		assertThat(grijzeDruk.get("value")).isEqualTo(26.9);
		assertThat(((Map<?, ?>) grijzeDruk.get("period")).get("code")).isEqualTo("2017JJ00");
		assertThat(((Map<?, ?>) grijzeDruk.get("numerator")).get("value")).isEqualTo(207630.0);
	}

	@Test
	@SuppressWarnings("unchecked")
	void thePeriodsOfALevelAreThoseWithFiguresThere() {
		// 60039fvw: Nederland to 2023, the provinces to 2017
		List<Map<String, Object>> all = WebAnswers
			.ok(this.client.get().uri("/api/v1/periods?indicator=grijze_druk&type=year").exchange(), List.class);
		List<Map<String, Object>> provinces = WebAnswers.ok(
				this.client.get().uri("/api/v1/periods?indicator=grijze_druk&type=year&level=provincie").exchange(),
				List.class);
		assertThat(all.get(all.size() - 1).get("code")).isEqualTo("2023JJ00");
		assertThat(provinces.get(provinces.size() - 1).get("code")).isEqualTo("2017JJ00");
		assertThat(provinces).isNotEmpty().hasSizeLessThan(all.size());
		WebAnswers.invalidParameter(
				this.client.get().uri("/api/v1/periods?indicator=grijze_druk&type=year&level=planeet").exchange(),
				"level");
		WebAnswers.invalidParameter(this.client.get().uri("/api/v1/periods?level=provincie").exchange(), "level");
	}

	@Test
	void aRatioWithoutItsNumeratorSaysWhyInTheReadersLanguage() {
		// 60039fvw has Nederland to 2023 but the provinces to 2017: the provinces' 2023
		// grijze druk has no numerator, so no value, with a reason and a footnote in the
		// language asked for (not both in one string)
		for (String lang : List.of("nl", "en")) {
			this.client.get()
				.uri("/api/v1/compare?indicator=grijze_druk&regions=PV26,NL01&period=2023JJ00&lang=" + lang)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.values[?(@.region.code=='PV26')].value")
				.isEqualTo(java.util.Collections.singletonList(null))
				.jsonPath("$.values[?(@.region.code=='PV26')].missingReason")
				.isEqualTo(List.of("niet_beschikbaar"))
				.jsonPath("$.values[?(@.region.code=='PV26')].footnote")
				.isEqualTo(List.of(lang.equals("nl") ? "De teller ontbreekt" : "The numerator is missing"));
		}
		this.client.get()
			.uri("/api/v1/series?indicator=grijze_druk&regions=PV26&from=2023JJ00&to=2023JJ00&lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points[0].missingReason")
			.isEqualTo("niet_beschikbaar")
			.jsonPath("$.series[0].points[0].footnote")
			.isEqualTo("The numerator is missing");
	}

	@Test
	void aSumWithoutOneOfItsTermsSaysSoInTheReadersLanguage() {
		// 60039fvw's provinces end in 2017 for some of the age groups bevolking_65_plus
		// adds up: from 2018 the sum has no value, stored with one footnote that the API
		// gives in the language asked for, in JSON and in CSV
		for (String lang : List.of("nl", "en")) {
			String footnote = lang.equals("nl") ? "Een van de termen van deze som heeft geen waarde"
					: "One of the terms of this sum has no value";
			this.client.get()
				.uri("/api/v1/series?indicator=bevolking_65_plus&regions=PV26&from=2018JJ00&to=2018JJ00&lang=" + lang)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.series[0].points[0].value")
				.doesNotExist()
				.jsonPath("$.series[0].points[0].missingReason")
				.isEqualTo("niet_beschikbaar")
				.jsonPath("$.series[0].points[0].footnote")
				.isEqualTo(footnote);
			String csv = WebAnswers.csv(this.client.get()
				.uri("/api/v1/series?indicator=bevolking_65_plus&regions=PV26&from=2018JJ00&to=2018JJ00&format=csv&lang="
						+ lang)
				.exchange());
			assertThat(csv).contains(footnote).doesNotContain(lang.equals("nl") ? "terms of this sum" : "termen");
			// and in the cell's vintages
			this.client.get()
				.uri("/api/v1/revisions?indicator=bevolking_65_plus&region=PV26&period=2018JJ00&lang=" + lang)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.vintages[0].missingReason")
				.isEqualTo("niet_beschikbaar")
				.jsonPath("$.vintages[0].footnote")
				.isEqualTo(footnote);
		}
	}

	@Test
	void compareAndMapNeverUseForecastValuesAsObservations() {
		Map<String, Object> compare = this.client.get()
			.uri("/api/v1/compare?indicator=grijze_druk_prognose&regions=PV26,PV21&period=2040JJ00")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> values = (List<Map<String, Object>>) compare.get("values");
		assertThat(values).hasSize(2).allSatisfy((v) -> {
			assertThat(v.get("value")).isNull();
			assertThat(v.get("footnote")).isEqualTo("Prognose, geen waarneming");
		});
		// in the language asked for
		this.client.get()
			.uri("/api/v1/compare?indicator=grijze_druk_prognose&regions=PV26,PV21&period=2040JJ00&lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.values[0].footnote")
			.isEqualTo("Forecast, not an observation");
		String map = this.client.get()
			.uri("/api/v1/map?indicator=bevolking_65_plus_prognose&level=provincie&period=2040JJ00")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		// 82220NED Utrecht (PV) 2040: 339.9 (x1000), a forecast
		assertThat(map).doesNotContain("339.9");
	}

	@Test
	void aDerivedFigureNamesTheIncompleteTableBehindIt() {
		// 60039fvw stops at CBS's download limit; grijze druk is derived from two of its
		// measures, and says so in the reader's language
		for (String lang : List.of("nl", "en")) {
			this.client.get()
				.uri("/api/v1/series?indicator=grijze_druk&regions=PV26&periodType=year&lang=" + lang)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.series[0].origin")
				.isEqualTo("derived")
				.jsonPath("$.sources[0].table")
				.isEqualTo("60039fvw")
				.jsonPath("$.sources[0].incomplete")
				.isEqualTo(lang.equals("nl")
						? "precies 10.000 datarijen: het bestand is waarschijnlijk afgebroken bij de downloadlimiet van CBS"
						: "exactly 10,000 data rows: the file was probably cut off at CBS's download limit");
		}
	}

	@Test
	void theIndicatorsSayWhichAreForecasts() {
		List<Map<String, Object>> indicators = this.client.get()
			.uri("/api/v1/indicators")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		Map<String, Object> forecast = new java.util.TreeMap<>();
		indicators.forEach((i) -> forecast.put((String) i.get("code"), i.get("forecast")));
		// 82220NED is declared a forecast by its mapping; a ratio of two forecasts is one
		assertThat(forecast).containsEntry("bevolking_65_plus_prognose", true)
			.containsEntry("bevolking_20_64_prognose", true)
			.containsEntry("grijze_druk_prognose", true)
			.containsEntry("bevolking_65_plus", false)
			.containsEntry("grijze_druk", false)
			.containsEntry("werkloosheidspercentage", false);
		assertThat(forecast.values()).allSatisfy((f) -> assertThat(f).isInstanceOf(Boolean.class));
	}

	private Map<String, Object> point(String indicator, String region, String period, String forecast) {
		return points(series(indicator, region, forecast)).stream()
			.filter((p) -> p.get("period").equals(period))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + period + " for " + indicator + " in " + region));
	}

	private Map<String, Object> series(String indicator, String region, String forecast) {
		return this.client.get()
			.uri("/api/v1/series?indicator=" + indicator + "&regions=" + region + "&periodType=year"
					+ ((forecast != null) ? "&forecast=" + forecast : ""))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> points(Map<String, Object> series) {
		return (List<Map<String, Object>>) ((List<Map<String, Object>>) series.get("series")).get(0).get("points");
	}

}
