package nl.llomonitor.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.llomonitor.api.WebAnswers;
import nl.llomonitor.api.WebSliceTestConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Web slices of the indicator and table controllers (docs/api.md, {@code indicators} and
 * {@code tables}): the language is resolved, {@code ?table=} narrows the indicators to
 * those the table feeds, in the table's order, and ids reach the catalogues with the
 * parameter a 404 will name.
 */
@WebFluxTest(controllers = { IndicatorController.class, TableController.class })
@Import(WebSliceTestConfiguration.class)
class IndicatorControllersWebFluxTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private IndicatorCatalog catalog;

	@MockitoBean
	private TableCatalog tables;

	@Test
	void allIndicatorsInTheLanguageAskedFor() {
		given(this.catalog.all()).willReturn(Mono.just(indicators()));
		this.client.get()
			.uri("/api/v1/indicators?lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$[*].code")
			.isEqualTo(List.of("cbs_85624ned__deelnemers_1", "llo_deelnemers", "werkloosheidspercentage"))
			.jsonPath("$[1].name")
			.isEqualTo("Lifelong learning participants")
			.jsonPath("$[1].breakdowns.education_level[0].name")
			.isEqualTo("Low")
			.jsonPath("$[1].firstPeriod")
			.isEqualTo("2021KW01");
		// a blank table is no filter; Dutch by default
		this.client.get()
			.uri("/api/v1/indicators?table=")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(3)
			.jsonPath("$[1].name")
			.isEqualTo("Deelnemers leven lang ontwikkelen");
		verifyNoInteractions(this.tables);
	}

	@Test
	void theIndicatorsOfOneTableInItsOrder() {
		given(this.catalog.all()).willReturn(Mono.just(indicators()));
		given(this.tables.require("85624NED", "table")).willReturn(Mono.just(table()));
		this.client.get()
			.uri("/api/v1/indicators?table=85624NED&lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			// the table's measures in its order; a measure without an indicator is left
			// out, and so is every indicator the table does not feed
			.jsonPath("$[*].code")
			.isEqualTo(List.of("llo_deelnemers", "cbs_85624ned__deelnemers_1"))
			.jsonPath("$[0].name")
			.isEqualTo("Lifelong learning participants");
		verify(this.tables).require("85624NED", "table");
	}

	@Test
	void oneIndicatorByItsCode() {
		given(this.catalog.require("llo_deelnemers", "code")).willReturn(Mono.just(indicators().get("llo_deelnemers")));
		this.client.get()
			.uri("/api/v1/indicators/llo_deelnemers")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("llo_deelnemers")
			.jsonPath("$.name")
			.isEqualTo("Lifelong learning participants")
			.jsonPath("$.unit")
			.isEqualTo("x1000")
			.jsonPath("$.periodTypes")
			.isEqualTo(List.of("quarter", "year"))
			.jsonPath("$.lastPeriod")
			.isEqualTo("2023KW04");
		verify(this.catalog).require("llo_deelnemers", "code");
	}

	@Test
	void tablesAsTheCatalogueHoldsThem() {
		given(this.tables.all()).willReturn(Mono.just(Map.of("85624NED", table())));
		given(this.tables.require("85624NED", "id")).willReturn(Mono.just(table()));
		this.client.get()
			.uri("/api/v1/tables")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id")
			.isEqualTo("85624NED")
			.jsonPath("$[0].periods.first")
			.isEqualTo("2021JJ00");
		this.client.get()
			.uri("/api/v1/tables/85624NED")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.generic")
			.isEqualTo(true)
			.jsonPath("$.measures[1].own")
			.isEqualTo(true)
			// times are ISO 8601 strings, not numbers
			.jsonPath("$.lastImport.at")
			.isEqualTo("2024-03-01T10:00:00Z")
			.jsonPath("$.completeness.warnings[0]")
			.isEqualTo("exactly 10,000 data rows: the file was probably cut off");
		verify(this.tables).require("85624NED", "id");
	}

	@Test
	void badInputIs400BeforeAnyWork() {
		// the catalogues have no vintages: asOf is refused, not ignored (docs/api.md)
		expect400("/api/v1/indicators?asOf=2024-01-01", "asOf");
		expect400("/api/v1/indicators/llo_deelnemers?asOf=2024-01-01", "asOf");
		expect400("/api/v1/tables?asOf=2024-01-01", "asOf");
		expect400("/api/v1/tables/85624NED?asOf=2024-01-01", "asOf");
		expect400("/api/v1/indicators?lang=de", "lang");
		expect400("/api/v1/indicators/llo_deelnemers?lang=", "lang");
		verifyNoInteractions(this.catalog, this.tables);
	}

	private void expect400(String uri, String parameter) {
		WebAnswers.invalidParameter(this.client.get().uri(uri).exchange(), parameter);
	}

	private static Map<String, IndicatorInfo> indicators() {
		Map<String, IndicatorInfo> all = new LinkedHashMap<>();
		all.put("cbs_85624ned__deelnemers_1", indicator("cbs_85624ned__deelnemers_1", "Deelnemers (Deelnemers_1)", null,
				"unknown", Map.of(), List.of("year"), Map.of("year", List.of("2021JJ00", "2023JJ00"))));
		all.put("llo_deelnemers", indicator("llo_deelnemers", "Deelnemers leven lang ontwikkelen",
				"Lifelong learning participants", "x1000",
				Map.of("education_level",
						new IndicatorInfo.Dimension("education_level", "Onderwijsniveau", "Education level",
								List.of(new IndicatorInfo.Member("laag", "Laag", "Low")))),
				List.of("quarter", "year"),
				Map.of("quarter", List.of("2021KW01", "2023KW04"), "year", List.of("2021JJ00", "2023JJ00"))));
		all.put("werkloosheidspercentage", indicator("werkloosheidspercentage", "Werkloosheid", "Unemployment",
				"percent", Map.of(), List.of(), Map.of()));
		return all;
	}

	private static IndicatorInfo indicator(String code, String nameNl, String nameEn, String unit,
			Map<String, IndicatorInfo.Dimension> dimensions, List<String> periodTypes,
			Map<String, List<String>> periodRanges) {
		return new IndicatorInfo(code, nameNl, nameEn, unit, 0, "definitie", "definition", null, null, "85624NED", null,
				false, null, null, BigDecimal.ONE, dimensions, periodTypes, periodRanges, List.of("land"),
				new IndicatorInfo.Roles(null, false, List.of(), null, Set.of(), false));
	}

	private static TableCatalog.Table table() {
		return new TableCatalog.Table("85624NED", null, null, "CBS", true,
				new TableCatalog.Periods(List.of("year"), "2021JJ00", "2023JJ00", 3),
				new TableCatalog.Regions(1, List.of("land")),
				List.of(new TableCatalog.Measure("llo_deelnemers", "Deelnemers leven lang ontwikkelen",
						"Lifelong learning participants", "x1000", 0, false),
						new TableCatalog.Measure("cbs_85624ned__deelnemers_1", "Deelnemers (Deelnemers_1)",
								"Deelnemers (Deelnemers_1)", "unknown", 0, true),
						new TableCatalog.Measure("cbs_85624ned__gone_2", "Gone", "Gone", "unknown", 0, true)),
				List.of(),
				new TableCatalog.LastImport(12, "cbs-csv", "85624NED.csv", "succeeded",
						OffsetDateTime.parse("2024-03-01T10:00:00Z"), null),
				new TableCatalog.Completeness(10_000, false, null, null,
						List.of("exactly 10,000 data rows: the file was probably cut off"), "en", null, null));
	}

}
