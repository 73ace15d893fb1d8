package nl.llomonitor.api;

import java.util.List;
import java.util.Map;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API on the real published files, imported through the importer: CBS 85268NED
 * (Arbeidsdeelname; provincie), 83599NED (vacancies), 85554NED (WW benefits, with
 * margins) and Eurostat trng_lfse_04 (adult learning, NUTS 2). Values asserted are the
 * published ones (checked against cbs.nl: Utrecht 2023 Q2 netto participation 75.5 %,
 * Fryslân 72.6 %).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@Import(TestDatabaseConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedFiguresIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ImportService importer;

	@Autowired
	private DataChangeListener versions;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@BeforeAll
	void importRealFiles() throws InterruptedException {
		for (String file : new String[] { "cbs/85268NED.csv", "cbs/83599NED.csv", "cbs/85554NED.csv",
				"eurostat/trng_lfse_04_NL_subset.tsv", "geo/provincie_2023_wgs84.geojson", "cbs/85315NED.csv",
				"cbs/85314NED.csv", "cbs/86088NED.csv", "cbs/60039fvw.csv", "cbs/82220NED.csv" }) {
			this.importer.importFile(SharedData.file(file), true);
		}
		ApiTestData.bumpAndAwait(this.jdbc, this.versions);
	}

	@Test
	void utrechtAgainstFryslanIsSignificantByTheEbbRule() {
		this.client.get()
			.uri("/api/v1/compare?indicator=netto_arbeidsparticipatie&regions=PV26,PV21&period=2023KW02")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.values[0].region.name")
			.isEqualTo("Utrecht")
			.jsonPath("$.values[0].value")
			.isEqualTo(75.5)
			.jsonPath("$.values[1].region.name")
			.isEqualTo("Fryslân")
			.jsonPath("$.values[1].value")
			.isEqualTo(72.6)
			.jsonPath("$.values[0].sourceTable")
			.isEqualTo("85268NED")
			.jsonPath("$.differences[0].difference")
			.isEqualTo(2.9)
			.jsonPath("$.differences[0].method")
			.isEqualTo("ebb-rule")
			// bases 1,035 and 483 thousand: se 0.598 and 0.908, z = 2.9 / 1.087 = 2.67
			.jsonPath("$.differences[0].z")
			.isEqualTo(2.67)
			.jsonPath("$.differences[0].significant")
			.isEqualTo(true)
			.jsonPath("$.summary")
			.isEqualTo("In 2023 2e kwartaal lag de netto arbeidsparticipatie in Utrecht (75,5 %) 2,9 procentpunt boven "
					+ "Fryslân (72,6 %); dit verschil is significant.");
	}

	@Test
	void publishedUnemploymentRates() {
		this.client.get()
			.uri("/api/v1/series?indicator=werkloosheidspercentage&regions=PV26,PV21&from=2023KW02&to=2023KW02")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(3.3)
			.jsonPath("$.series[1].points[0].value")
			.isEqualTo(3.5)
			.jsonPath("$.series[0].points[0].sourceTable")
			.isEqualTo("85268NED")
			.jsonPath("$.series[0].points[0].importRun")
			.isNumber();
	}

	@Test
	void trendRespectsTheEbbRedesignAndAdjustsForSeason() {
		this.client.get()
			.uri("/api/v1/trend?indicator=netto_arbeidsparticipatie&region=PV26")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periodType")
			.isEqualTo("quarter")
			.jsonPath("$.breaks[0]")
			.isEqualTo("2021KW01")
			.jsonPath("$.segments.length()")
			.isEqualTo(2)
			.jsonPath("$.segments[0].from")
			.isEqualTo("2013KW01")
			.jsonPath("$.segments[0].to")
			.isEqualTo("2020KW04")
			.jsonPath("$.segments[1].from")
			.isEqualTo("2021KW01")
			.jsonPath("$.segments[1].basis")
			.isEqualTo("seasonally-adjusted")
			.jsonPath("$.seasonalAdjustment.applied")
			.isEqualTo(true)
			.jsonPath("$.seasonalAdjustment.origin")
			.isEqualTo("adjusted")
			// 2021 Q1 (71.9) against 2020 Q4 (72.7) crosses the break: no change given
			.jsonPath("$.points[?(@.period == '2021KW01')].changeOnPeriod")
			.value((java.util.List<Object> v) -> assertThat(v).containsExactly((Object) null))
			// 2024 Q4 75.4 against 2023 Q4 75.9
			.jsonPath("$.points[?(@.period == '2024KW04')].changeOnYear")
			.isEqualTo(-0.5);
		// a range from the break: the year before is read for the changes, so the break
		// between is found and reported, and 2021 has no change on a year earlier
		this.client.get()
			.uri("/api/v1/trend?indicator=netto_arbeidsparticipatie&region=PV26&from=2021KW01&to=2022KW04")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.breaks")
			.value((java.util.List<Object> v) -> assertThat(v).containsExactly("2021KW01"))
			.jsonPath("$.points[0].period")
			.isEqualTo("2021KW01")
			.jsonPath("$.points[?(@.period == '2021KW04')].changeOnYear")
			.value((java.util.List<Object> v) -> assertThat(v).containsExactly((Object) null))
			.jsonPath("$.points[?(@.period == '2022KW01')].changeOnYear")
			.value((java.util.List<Object> v) -> assertThat(v).singleElement().isInstanceOf(Number.class))
			.jsonPath("$.segments.length()")
			.isEqualTo(1);
		// a range of the most periods a request may ask for stays allowed: the year
		// before is read beside it, not counted in it
		this.client.get()
			.uri("/api/v1/trend?indicator=netto_arbeidsparticipatie&region=PV26&from=1900KW01&to=2049KW04")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void kerncijfersOfUtrecht() {
		this.client.get()
			.uri("/api/v1/kerncijfers/PV26")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.figures[2].code")
			.isEqualTo("netto_arbeidsparticipatie")
			.jsonPath("$.figures[2].period.code")
			.isEqualTo("2024KW04")
			.jsonPath("$.figures[2].value")
			.isEqualTo(75.4)
			.jsonPath("$.figures[2].previous.period.code")
			.isEqualTo("2023KW04")
			.jsonPath("$.figures[2].previous.value")
			.isEqualTo(75.9)
			.jsonPath("$.figures[2].direction")
			.isEqualTo("down")
			// within the margin: neither good nor bad
			.jsonPath("$.figures[2].assessment")
			.isEmpty()
			.jsonPath("$.figures[2].explanation")
			// Utrecht the province, told from Utrecht the gemeente
			.isEqualTo("Netto arbeidsparticipatie in Utrecht (provincie) was 75,4 % in 2024 4e kwartaal, minder dan"
					+ " 75,9 % in " + "2023 4e kwartaal (binnen de marge).")
			.jsonPath("$.figures[2].significance.verdict")
			.isEqualTo("stable")
			.jsonPath("$.figures[2].significance.method")
			.isEqualTo("ebb-rule")
			.jsonPath("$.figures[1].explanation")
			.isEqualTo(
					"Werklozen in Utrecht (provincie): 29 duizend in 2024 4e kwartaal, meer dan 27 duizend in 2023 4e kwartaal "
							+ "(binnen de marge).")
			.jsonPath("$.figures[0].code")
			.isEqualTo("werkzame_beroepsbevolking")
			.jsonPath("$.figures[0].value")
			.isEqualTo(790)
			.jsonPath("$.figures[0].direction")
			.isEqualTo("flat")
			.jsonPath("$.figures[7].code")
			.isEqualTo("grijze_druk")
			// 60039fvw Utrecht 2017: (120,203 + 63,060 + 24,367) / 770,776 x 100, the
			// latest
			// observation; 82220NED's forecast to 2040 is never the tile's value
			.jsonPath("$.figures[7].value")
			.isEqualTo(26.9)
			.jsonPath("$.figures[7].period.code")
			.isEqualTo("2017JJ00")
			.jsonPath("$.figures[7].denominator.value")
			.isEqualTo(770776.0);
	}

	/**
	 * The key figures of Utrecht the gemeente name it "Utrecht (gemeente)" in every
	 * sentence, explanation and reason alike: "Utrecht" alone reads as the province.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void theSentencesOfAGemeenteSharingItsProvincesNameSayWhichUtrecht() {
		Map<String, Object> tiles = WebAnswers.ok(this.client.get().uri("/api/v1/kerncijfers/GM0344").exchange(),
				Map.class);
		List<String> sentences = ((List<Map<String, Object>>) tiles.get("figures")).stream()
			.flatMap((f) -> java.util.stream.Stream.of(f.get("explanation"), f.get("reason")))
			.filter((text) -> text != null && text.toString().contains("Utrecht"))
			.map(Object::toString)
			.toList();
		assertThat(sentences).isNotEmpty()
			.allSatisfy(
					(text) -> assertThat(text).contains("Utrecht (gemeente)").doesNotContain("Utrecht (provincie)"));
		assertThat(((Map<String, Object>) tiles.get("region")).get("name")).isEqualTo("Utrecht");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aKeyFigureWithOnlyOneMarginBoundIsTestedAsCompareTestsIt() {
		// 85554NED in the shared file has lower bounds only: the interval is taken as
		// symmetric around the value, in the tile's verdict as in compare
		Map<String, Object> tiles = WebAnswers.ok(this.client.get().uri("/api/v1/kerncijfers/PV26").exchange(),
				Map.class);
		Map<String, Object> ww = ((List<Map<String, Object>>) tiles.get("figures")).stream()
			.filter((f) -> "ww_uitkeringen".equals(f.get("code")))
			.findFirst()
			.orElseThrow();
		Map<String, Object> significance = (Map<String, Object>) ww.get("significance");
		assertThat(significance).containsEntry("method", "margins").containsKey("z");
		String last = (String) ((Map<String, Object>) ww.get("period")).get("code");
		String previous = (String) ((Map<String, Object>) ((Map<String, Object>) ww.get("previous")).get("period"))
			.get("code");
		Map<String, Object> series = WebAnswers.ok(this.client.get()
			.uri("/api/v1/series?indicator=ww_uitkeringen&regions=PV26&from=" + previous + "&to=" + last)
			.exchange(), Map.class);
		List<Map<String, Object>> points = (List<Map<String, Object>>) ((List<Map<String, Object>>) series
			.get("series")).get(0).get("points");
		Map<String, Object> a = points.get(points.size() - 1);
		Map<String, Object> b = points.get(0);
		assertThat(a.get("period")).isEqualTo(last);
		assertThat(b.get("period")).isEqualTo(previous);
		assertThat(a.get("marginHigh")).isNull();
		double va = ((Number) a.get("value")).doubleValue();
		double vb = ((Number) b.get("value")).doubleValue();
		double seA = (va - ((Number) a.get("marginLow")).doubleValue()) / 1.959964;
		double seB = (vb - ((Number) b.get("marginLow")).doubleValue()) / 1.959964;
		double z = (va - vb) / Math.sqrt(seA * seA + seB * seB);
		assertThat(((Number) significance.get("z")).doubleValue()).isCloseTo(z,
				org.assertj.core.api.Assertions.within(0.01));
		assertThat(significance.get("verdict")).isEqualTo((Math.abs(z) > 1.96) ? "significant" : "stable");
	}

	@Test
	void mapOfProvinces() {
		this.client.get()
			.uri("/api/v1/map?indicator=netto_arbeidsparticipatie&level=provincie&period=2023KW02")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.values.length()")
			.isEqualTo(12)
			.jsonPath("$.values[?(@.code == 'PV26')].value")
			.isEqualTo(75.5)
			.jsonPath("$.sources[0].table")
			.isEqualTo("85268NED")
			.jsonPath("$.sources[0].licence")
			.isEqualTo("CC BY 4.0");
	}

	@Test
	void compareAsCsvAndJsonStat() {
		String csv = this.client.get()
			.uri("/api/v1/compare?indicator=netto_arbeidsparticipatie&regions=PV26,PV21&period=2023KW02")
			.header("Accept", "text/csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).startsWith("# Bron: CBS, tabel 85268NED (CC BY 4.0)")
			.contains("netto_arbeidsparticipatie,PV26,Utrecht,2023KW02,75.5,")
			.contains("netto_arbeidsparticipatie,PV21,Fryslân,2023KW02,72.6,");
		this.client.get()
			.uri("/api/v1/compare?indicator=netto_arbeidsparticipatie&regions=PV26,PV21&period=2023KW02")
			.header("Accept", "application/vnd.json-stat+json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.class")
			.isEqualTo("dataset")
			.jsonPath("$.value[0]")
			.isEqualTo(75.5)
			.jsonPath("$.value[1]")
			.isEqualTo(72.6)
			.jsonPath("$.dimension.region.category.label.PV21")
			.isEqualTo("Fryslân");
	}

	@Test
	void wwBenefitsCompareByPublishedMargins() {
		// 85554NED June 2023: Utrecht 9,620 (lower bound 9,120), Fryslân 4,890 (4,390);
		// only
		// the lower bounds are in the shared file, so the interval is taken as symmetric
		this.client.get()
			.uri("/api/v1/compare?indicator=ww_uitkeringen&regions=PV26,PV21&period=2023MM06&lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.period.label")
			.isEqualTo("June 2023")
			.jsonPath("$.values[0].value")
			.isEqualTo(9620)
			.jsonPath("$.values[0].marginLow")
			.isEqualTo(9120)
			.jsonPath("$.differences[0].difference")
			.isEqualTo(4730)
			.jsonPath("$.differences[0].method")
			.isEqualTo("margins")
			.jsonPath("$.differences[0].significant")
			.isEqualTo(true)
			.jsonPath("$.differences[0].explanation")
			.value((String text) -> assertThat(text).contains("taken as symmetric"));
		// Nederland's count holds Utrecht's: the difference is one of size, not tested
		// (both have margins)
		this.client.get()
			.uri("/api/v1/compare?indicator=ww_uitkeringen&regions=PV26,NL01&period=2023MM06&lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.differences[0].method")
			.isEqualTo("not-testable")
			.jsonPath("$.differences[0].significant")
			.isEmpty()
			.jsonPath("$.differences[0].explanation")
			.value((String text) -> assertThat(text).contains("The Netherlands includes Utrecht")
				.contains("one of size, not of sampling"));
		// a rate of Nederland is its average: tested against a region as before
		this.client.get()
			.uri("/api/v1/compare?indicator=werkloosheidspercentage&regions=PV26,NL01&period=2023KW02")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.differences[0].method")
			.value((String method) -> assertThat(method).isNotEqualTo("not-testable"));
	}

	@Test
	void regionsThatShareGemeentenAreNotTestedAsIndependent() {
		// 2024: the unemployed of Utrecht (85268NED, 29 thousand) hold those of
		// Midden-Utrecht (86088NED, 19 thousand), whose gemeenten all lie in Utrecht;
		// their
		// difference is one of size ("significant, z = 6.55" before)
		compare("werkloze_beroepsbevolking", "PV26,AM13").jsonPath("$.differences[0].method")
			.isEqualTo("not-testable")
			.jsonPath("$.differences[0].significant")
			.isEmpty()
			.jsonPath("$.differences[0].explanation")
			.value((String text) -> assertThat(text)
				.endsWith("Utrecht includes Midden-Utrecht: the difference is one of size, not of sampling."));
		// Gooi en Vechtstreek crosses the border of Utrecht and Noord-Holland
		compare("werkloze_beroepsbevolking", "PV26,AM12").jsonPath("$.differences[0].significant")
			.isEmpty()
			.jsonPath("$.differences[0].explanation")
			.value((String text) -> assertThat(text).endsWith("Utrecht and Gooi en Vechtstreek share municipalities"
					+ " (gemeenten): their counts are not independent estimates."));
		// rates: Midden-Utrecht's labour force is 64 % of Utrecht's (526 of 821
		// thousand), which gives the covariance of the two estimates; the binomial
		// standard errors (0.15 and 0.18) give z = -0.43 as if independent, -0.93 with it
		compare("werkloosheidspercentage", "PV26,AM13").jsonPath("$.differences[0].method")
			.isEqualTo("ebb-rule")
			.jsonPath("$.differences[0].z")
			.isEqualTo(-0.93)
			.jsonPath("$.differences[0].significant")
			.isEqualTo(false)
			.jsonPath("$.differences[0].explanation")
			.value((String text) -> assertThat(text).contains("z = −0.43.")
				.endsWith("Midden-Utrecht lies within Utrecht, and the sample base of Midden-Utrecht is 64% of that"
						+ " of Utrecht: with that overlap z = −0.93 (as if independent: −0.43)."));
		// Nederland against a province, in Dutch: Utrecht's labour force is 8 % of
		// Nederland's; 0.66 as if independent, 0.72 with the overlap
		compare("werkloosheidspercentage", "NL01,PV26", "nl").jsonPath("$.differences[0].z")
			.isEqualTo(0.72)
			.jsonPath("$.differences[0].explanation")
			.value((String text) -> assertThat(text).endsWith("Utrecht ligt binnen Nederland, en de steekproefbasis"
					+ " van Utrecht is 8 % van die van Nederland: met die overlap is z = 0,72 (als onafhankelijk:"
					+ " 0,66)."));
		// the province of Groningen lies within the arbeidsmarktregio Groningen, which
		// also holds gemeenten of Drenthe: two regions of one name are told apart
		compare("werkloosheidspercentage", "PV20,AM01").jsonPath("$.differences[0].explanation")
			.value((String text) -> assertThat(text)
				.contains("Groningen (province) lies within Groningen (labour market region), and the sample base of"
						+ " Groningen (province) is"));
		// Friesland, the arbeidsmarktregio, is Fryslân: one population, no test
		compare("werkloosheidspercentage", "PV21,AM02").jsonPath("$.differences[0].method")
			.isEqualTo("not-testable")
			.jsonPath("$.differences[0].explanation")
			.value((String text) -> assertThat(text).endsWith("Fryslân and Friesland consist of the same"
					+ " municipalities (gemeenten): a difference comes from the sources, not from" + " sampling."));
		// a partial overlap has no share to correct by: a difference the independent
		// test finds stands, one it does not find cannot be ruled out
		compare("netto_arbeidsparticipatie", "PV26,AM12").jsonPath("$.differences[0].significant")
			.isEqualTo(true)
			.jsonPath("$.differences[0].explanation")
			.value((String text) -> assertThat(text).endsWith("which only makes a difference harder to call"
					+ " significant, so the difference is significant."));
		compare("werkloosheidspercentage", "PV26,AM12").jsonPath("$.differences[0].significant")
			.isEmpty()
			.jsonPath("$.differences[0].method")
			.isEqualTo("not-testable")
			.jsonPath("$.differences[0].explanation")
			.value((String text) -> assertThat(text).contains("cannot rule one out"));
		// regions apart are tested as before
		compare("werkloze_beroepsbevolking", "PV26,AM15").jsonPath("$.differences[0].method")
			.isEqualTo("ebb-rule")
			.jsonPath("$.differences[0].significant")
			.isEqualTo(true);
	}

	private WebTestClient.BodyContentSpec compare(String indicator, String regions) {
		return compare(indicator, regions, "en");
	}

	private WebTestClient.BodyContentSpec compare(String indicator, String regions, String lang) {
		return this.client.get()
			.uri("/api/v1/compare?indicator=" + indicator + "&regions=" + regions + "&period=2024JJ00&lang=" + lang)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	@Test
	void spanningsindicatorIsDerivedFromVacanciesAndWw() {
		// 2023 Q2: 41.2 thousand vacancies / 9,620 WW benefits in June 2023 = 4.28
		this.client.get()
			.uri("/api/v1/series?indicator=spanningsindicator&regions=PV26&from=2023KW02&to=2023KW02")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.indicator.derived")
			.isEqualTo(true)
			.jsonPath("$.series[0].origin")
			.isEqualTo("derived")
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(4.28)
			.jsonPath("$.series[0].points[0].numerator")
			.isEqualTo(41.2)
			.jsonPath("$.series[0].points[0].denominator")
			.isEqualTo(9620)
			.jsonPath("$.series[0].points[0].sourceTable")
			.isEqualTo("83599NED / 85554NED");
		// kerncijfers: 2024 Q4 35.9 / 11,720 (December 2024) = 3.06: krap
		this.client.get()
			.uri("/api/v1/kerncijfers/PV26")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.figures[6].code")
			.isEqualTo("spanningsindicator")
			.jsonPath("$.figures[6].period.code")
			.isEqualTo("2024KW04")
			.jsonPath("$.figures[6].value")
			.isEqualTo(3.06)
			.jsonPath("$.figures[6].category.code")
			.isEqualTo("krap")
			.jsonPath("$.figures[6].category.label")
			.isEqualTo("Krap")
			.jsonPath("$.figures[6].origin")
			.isEqualTo("derived")
			.jsonPath("$.figures[6].numerator.indicator")
			.isEqualTo("vacatures")
			.jsonPath("$.figures[6].numerator.value")
			.isEqualTo(35.9)
			.jsonPath("$.figures[6].denominator.value")
			.isEqualTo(11720);
		// the classes are data (data/indicators.yaml), and the API gives them with the
		// indicator
		this.client.get()
			.uri("/api/v1/indicators/spanningsindicator?lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.classes[*].code")
			.isEqualTo(List.of("zeer_ruim", "ruim", "gemiddeld", "krap", "zeer_krap"))
			.jsonPath("$.classes[3].name")
			.isEqualTo("Tight")
			.jsonPath("$.classes[3].below")
			.isEqualTo(4)
			.jsonPath("$.classes[4].below")
			.doesNotExist();
		this.client.get()
			.uri("/api/v1/indicators/werkloosheidspercentage")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.classes")
			.doesNotExist();
	}

	@Test
	void adultLearningTrendStopsAtEurostatBreaks() {
		// NL31 (Utrecht): breaks flagged b in 2003, 2005, 2006, 2011, 2013 and 2021
		this.client.get()
			.uri("/api/v1/trend?indicator=llo_deelname_eurostat&region=PV26")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periodType")
			.isEqualTo("year")
			.jsonPath("$.breaks")
			.isEqualTo(java.util.List.of("2003JJ00", "2005JJ00", "2006JJ00", "2011JJ00", "2013JJ00", "2021JJ00"))
			.jsonPath("$.segments[*].from")
			.isEqualTo(java.util.List.of("2000JJ00", "2006JJ00", "2013JJ00", "2021JJ00"))
			.jsonPath("$.segments[3].n")
			.isEqualTo(3)
			.jsonPath("$.seasonalAdjustment.applied")
			.isEqualTo(false)
			.jsonPath("$.points[?(@.period == '2021JJ00')].changeOnPeriod")
			.value((java.util.List<Object> v) -> assertThat(v).containsExactly((Object) null))
			.jsonPath("$.points[?(@.period == '2023JJ00')].changeOnPeriod")
			.isEqualTo(-0.3);
		this.client.get()
			.uri("/api/v1/kerncijfers/PV26?lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.figures[8].code")
			.isEqualTo("llo_deelname_eurostat")
			.jsonPath("$.figures[8].value")
			.isEqualTo(28.7)
			.jsonPath("$.figures[8].previous.value")
			.isEqualTo(29.0)
			// Eurostat publishes no margin: the fall cannot be tested, so it is neither
			// called a deterioration nor assessed as bad (honest arrows)
			.jsonPath("$.figures[8].significance.verdict")
			.isEqualTo("not-testable")
			.jsonPath("$.figures[8].direction")
			.isEqualTo("down")
			.jsonPath("$.figures[8].assessment")
			.isEmpty()
			.jsonPath("$.figures[8].explanation")
			.isEqualTo("Participation in education and training (aged 25–64) in Utrecht (province) was 28.7% in 2023,"
					+ " down from 29.0% in 2022 (not testable: margin unknown).")
			// split by sex, same year (Eurostat NL31 2023: women 30.4, men 27.0)
			.jsonPath("$.figures[8].shares[?(@.breakdown.sex == 'vrouw')].value")
			.isEqualTo(30.4)
			.jsonPath("$.figures[8].shares[?(@.breakdown.sex == 'man')].value")
			.isEqualTo(27.0)
			.jsonPath("$.figures[8].shares[?(@.breakdown.sex == 'man')].label")
			.isEqualTo("Men")
			.jsonPath("$.figures[7].value")
			.isEqualTo(26.9);
	}

	@Test
	void provinceShapesAsGeoJson() {
		this.client.get()
			.uri("/api/v1/geo/provincie")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/geo+json")
			.expectHeader()
			.valueEquals("Cache-Control", "no-cache")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("FeatureCollection")
			.jsonPath("$.features.length()")
			.isEqualTo(12)
			.jsonPath("$.features[?(@.id == 'PV26')].properties.name")
			.isEqualTo("Utrecht")
			.jsonPath("$.features[?(@.id == 'PV21')].geometry.type")
			.value((java.util.List<String> types) -> assertThat(types.get(0)).isIn("Polygon", "MultiPolygon"));
	}

	@Test
	void lloParticipationIsDerivedAndTheDenominatorDropsDimensionsItLacks() {
		// 85315NED 2023: 4,311 of 13,326 thousand took part: 32.4 %; formal education
		// 2,473:
		// 18.6 % (llo_populatie has no llo_type, so the total population is the base);
		// hbo/wo 1,613 of 4,848: 33.3 %, formal 603 of 4,848: 12.4 %
		String uri = "/api/v1/series?indicator=llo_deelname&regions=NL01&from=2023JJ00&to=2023JJ00";
		expectValue(uri, 32.4, 4311, 13326);
		expectValue(uri + "&breakdown=llo_type:formeel", 18.6, 2473, 13326);
		expectValue(uri + "&breakdown=education_level:hoog", 33.3, 1613, 4848);
		expectValue(uri + "&breakdown=llo_type:formeel,education_level:hoog", 12.4, 603, 4848);
	}

	@Test
	void lloParticipationOfEmployedPeopleByEmploymentRelationship() {
		// 85314NED 2023 (x1000): permanent 1,540 of 5,416 = 28.4 %; flexible 1,556 of
		// 2,735 = 56.9 %; self-employed 418 of 1,586 = 26.4 %
		String uri = "/api/v1/series?indicator=llo_deelname_werkenden&regions=NL01&from=2023JJ00&to=2023JJ00";
		expectValue(uri + "&breakdown=employment_relation:vast", 28.4, 1540, 5416);
		expectValue(uri + "&breakdown=employment_relation:flexibel", 56.9, 1556, 2735);
		expectValue(uri + "&breakdown=employment_relation:zelfstandig", 26.4, 418, 1586);
	}

	private void expectValue(String uri, double value, int numerator, int denominator) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].origin")
			.isEqualTo("derived")
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(value)
			.jsonPath("$.series[0].points[0].numerator")
			.isEqualTo(numerator)
			.jsonPath("$.series[0].points[0].denominator")
			.isEqualTo(denominator);
	}

	@Test
	void arbeidsmarktregioHasYearsWhereProvincesHaveQuarters() {
		// 86088NED, Rijk van Nijmegen (AM08): werkzame beroepsbevolking 185 (2023), 189
		// (2024)
		// thousand; netto participation 72.9 and 73.4 %. 85268NED has quarters, but not
		// for
		// arbeidsmarktregio's: the finest period type with data for the region is used.
		this.client.get()
			.uri("/api/v1/kerncijfers/AM08")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.figures[0].code")
			.isEqualTo("werkzame_beroepsbevolking")
			.jsonPath("$.figures[0].period.code")
			.isEqualTo("2024JJ00")
			.jsonPath("$.figures[0].value")
			.isEqualTo(189)
			.jsonPath("$.figures[0].previous.value")
			.isEqualTo(185)
			.jsonPath("$.figures[0].comparison")
			.isEqualTo("previous-period")
			.jsonPath("$.figures[0].significance.verdict")
			.isEqualTo("stable")
			// within the margin: neither good nor bad
			.jsonPath("$.figures[0].assessment")
			.isEmpty()
			.jsonPath("$.figures[2].value")
			.isEqualTo(73.4);
		this.client.get()
			.uri("/api/v1/series?indicator=netto_arbeidsparticipatie&regions=AM08")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periodType")
			.isEqualTo("year")
			.jsonPath("$.series[0].points[?(@.period == '2024JJ00')].value")
			.isEqualTo(73.4);
		this.client.get()
			.uri("/api/v1/map?indicator=netto_arbeidsparticipatie&level=arbeidsmarktregio")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.period.code")
			.isEqualTo("2024JJ00")
			.jsonPath("$.values[?(@.code == 'AM08')].value")
			.isEqualTo(73.4);
		// beside Nederland, which has quarters too: the type both have, so the
		// arbeidsmarktregio is not left without points (it was: quarters, none for AM08)
		this.client.get()
			.uri("/api/v1/series?indicator=netto_arbeidsparticipatie&regions=AM08,NL01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periodType")
			.isEqualTo("year")
			.jsonPath("$.series[?(@.region.code == 'AM08')].points[?(@.period == '2024JJ00')].value")
			.isEqualTo(73.4);
		this.client.get()
			.uri("/api/v1/compare?indicator=netto_arbeidsparticipatie&regions=AM08,NL01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.period.code")
			.isEqualTo("2024JJ00")
			.jsonPath("$.values[0].value")
			.isEqualTo(73.4);
	}

}
