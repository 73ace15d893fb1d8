package nl.llomonitor.observation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.llomonitor.api.Lang;
import nl.llomonitor.api.WebAnswers;
import nl.llomonitor.api.WebSliceTestConfiguration;
import nl.llomonitor.indicator.IndicatorView;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Web slices of the observation controllers and the {@link Dataset} writer: requests are
 * bound and checked before any work, and a dataset is written as JSON, CSV or JSON-stat
 * by {@code ?format=} first, then {@code Accept}.
 */
@WebFluxTest(controllers = { SeriesController.class, MapController.class, PeriodController.class })
@Import(WebSliceTestConfiguration.class)
class ObservationControllersWebFluxTests {

	private static final OffsetDateTime NEW_YEAR_2024 = OffsetDateTime.parse("2024-01-01T00:00:00+01:00");

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private SeriesAnswers series;

	@MockitoBean
	private MapService maps;

	@MockitoBean
	private PeriodService periods;

	@Test
	void aSeriesDatasetInEveryRepresentation() {
		given(this.series.series("x", List.of("PV26", "PV21"), PeriodCode.of("2023KW01"), PeriodCode.of("2023KW02"),
				null, null, null, null, Lang.NL))
			.willReturn(Mono.just(dataset()));
		String uri = "/api/v1/series?indicator=x&regions=PV26,PV21&from=2023KW01&to=2023KW02";
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.answer")
			.isEqualTo(42);
		// format comes before Accept
		String csv = this.client.get()
			.uri(uri + "&format=csv")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Disposition", "attachment; filename=\"series-x.csv\"")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv.lines().toList()).containsExactly(
				"# Bron: CBS, tabel 85268NED (CC BY 4.0), "
						+ "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85268NED",
				"# LLO Monitor, data version 7", "indicator,region,region_name,period,period_label,value,note",
				"x,PV26,Utrecht,2023KW02,2023 Q2,1.5,", "x,PV21,Fryslân,2023KW01,2023 Q1,,'=SUM(A1)");
		// RFC 4180 for programs (docs/api.md): CRLF records, no byte order mark; the
		// Dutch-Excel variant is the dashboard's own download
		assertThat(csv).doesNotStartWith("\uFEFF").contains("value,note\r\nx,PV26").endsWith("\r\n");
		// JSON-stat: dense, row-major (region x period), null where there is no value
		this.client.get()
			.uri(uri)
			.accept(MediaType.parseMediaType("application/vnd.json-stat+json"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("application/vnd.json-stat+json"))
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(List.of("indicator", "region", "period"))
			.jsonPath("$.size")
			.isEqualTo(List.of(1, 2, 2))
			.jsonPath("$.value.length()")
			.isEqualTo(4)
			.jsonPath("$.value[1]")
			.isEqualTo(1.5)
			.jsonPath("$.status['2']")
			.isEqualTo("voorlopig");
		this.client.get().uri(uri).accept(MediaType.APPLICATION_XML).exchange().expectStatus().isEqualTo(406);
	}

	@Test
	void badInputIs400BeforeAnyWork() {
		expect400("/api/v1/series?indicator=x&regions=PV26&format=xml", "format");
		expect400("/api/v1/series?indicator=x&regions=PV26&asOf=2024-02-30", "asOf");
		expect400("/api/v1/series?indicator=x", "regions");
		expect400("/api/v1/map?indicator=x&period=2023-Q1", "period");
		expect400("/api/v1/map?indicator=x&asOf=soon", "asOf");
		expect400("/api/v1/periods?type=week", "type");
		expect400("/api/v1/periods?asOf=1-1-2024", "asOf");
		verifyNoInteractions(this.series, this.maps, this.periods);
	}

	@Test
	void periodsEchoAsOfInAHeader() {
		given(this.periods.periods(any(), any(), any(), any(), any())).willReturn(Mono.just(List.of()));
		this.client.get()
			.uri("/api/v1/periods?indicator=x&type=quarter&asOf=2024-01-01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-As-Of", "2024-01-01");
		verify(this.periods).periods("x", "quarter", NEW_YEAR_2024, null, Lang.NL);
		this.client.get().uri("/api/v1/periods").exchange().expectHeader().doesNotExist("X-As-Of");
	}

	private void expect400(String uri, String parameter) {
		WebAnswers.invalidParameter(this.client.get().uri(uri).exchange(), parameter);
	}

	private static Dataset dataset() {
		Dataset.Dimension region = Dataset.Dimension.of("region", "Regio / region", "region_name");
		region.categories().put("PV26", "Utrecht");
		region.categories().put("PV21", "Fryslân");
		Dataset.Dimension period = Dataset.Dimension.of("period", "Periode / period", "period_label");
		period.categories().put("2023KW01", "2023 Q1");
		period.categories().put("2023KW02", "2023 Q2");
		IndicatorView indicator = new IndicatorView("x", "X", "percent", 1, null, null, null, null, false, false, false,
				null, null, null, Map.of(), List.of(), List.of(), null, null, List.of());
		List<Object> formula = new java.util.ArrayList<>();
		formula.add("=SUM(A1)");
		List<Object> none = new java.util.ArrayList<>();
		none.add(null);
		return new Dataset(Map.of("answer", 42), "series-x", indicator, List.of(region, period), List.of("note"),
				List.of(new Dataset.Cell(List.of("PV26", "2023KW02"), new BigDecimal("1.5"), "definitief", none),
						new Dataset.Cell(List.of("PV21", "2023KW01"), null, "voorlopig", formula)),
				List.of(new Source("85268NED", "CBS", "CC BY 4.0",
						"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85268NED")),
				7L, null, List.of(), new LinkedHashMap<>(), Lang.NL);
	}

}
