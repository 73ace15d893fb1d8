package nl.llomonitor.revision;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.llomonitor.api.Lang;
import nl.llomonitor.api.WebAnswers;
import nl.llomonitor.api.WebSliceTestConfiguration;
import nl.llomonitor.indicator.IndicatorView;
import nl.llomonitor.observation.Dataset;
import nl.llomonitor.observation.PeriodCode;
import nl.llomonitor.observation.PeriodRef;
import nl.llomonitor.region.RegionRef;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Web slice of the revision controller (docs/api.md, {@code revisions} and
 * {@code feeds/changes.atom}): one cell is bound from its parsed parts, bad input is
 * refused before any work, the vintages are written as JSON, CSV or JSON-stat, and the
 * change feed is Atom for one region.
 */
@WebFluxTest(controllers = RevisionController.class)
@Import(WebSliceTestConfiguration.class)
class RevisionControllerWebFluxTests {

	private static final OffsetDateTime NEW_YEAR_2024 = OffsetDateTime.parse("2024-01-01T00:00:00+01:00");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml");

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private RevisionService revisions;

	@Test
	void revisionsBindOneCellAndAnswerInEveryRepresentation() {
		given(this.revisions.revisions(any(), any(), any(), any(), any(), any())).willReturn(Mono.just(dataset()));
		String uri = "/api/v1/revisions?indicator=werkloosheidspercentage&region=pv26&period=2023KW02"
				+ "&breakdown=education_level:laag&asOf=2024-01-01&lang=en";
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.revised")
			.isEqualTo(true)
			.jsonPath("$.vintages[1].importRun")
			.isEqualTo(3)
			.jsonPath("$.vintages[1].recordedAt")
			.isEqualTo("2024-02-01T00:00:00Z")
			.jsonPath("$.period.code")
			.isEqualTo("2023KW02");
		verify(this.revisions).revisions("werkloosheidspercentage", "PV26", PeriodCode.of("2023KW02"),
				"education_level:laag", NEW_YEAR_2024, Lang.EN);
		// format comes before Accept
		String csv = WebAnswers
			.csv(this.client.get().uri(uri + "&format=csv").accept(MediaType.APPLICATION_JSON).exchange());
		assertThat(csv.lines().toList()).contains("x,PV26,Utrecht,2023KW02,,2,2023-10-01T00:00:00Z,75.1,definitief",
				"x,PV26,Utrecht,2023KW02,,3,2024-02-01T00:00:00Z,75.5,definitief");
		this.client.get()
			.uri(uri + "&format=csv")
			.exchange()
			.expectHeader()
			.valueEquals("Content-Disposition", "attachment; filename=\"revisions-x-PV26-2023KW02.csv\"");
		this.client.get()
			.uri(uri)
			.accept(MediaType.parseMediaType("application/json+stat"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(List.of("indicator", "region", "period", "breakdown", "import_run"))
			.jsonPath("$.value")
			.isEqualTo(Arrays.asList(75.1, 75.5));
		this.client.get()
			.uri(uri + "&format=jsonstat")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("application/json+stat"));
		this.client.get().uri(uri).accept(MediaType.APPLICATION_XML).exchange().expectStatus().isEqualTo(406);
	}

	@Test
	void badInputIs400BeforeAnyWork() {
		String cell = "indicator=x&region=PV26&period=2023KW02";
		expect400("/api/v1/revisions?" + cell + "&format=xlsx", "format");
		expect400("/api/v1/revisions?" + cell + "&asOf=2024-13-01", "asOf");
		expect400("/api/v1/revisions?" + cell + "&lang=fr", "lang");
		expect400("/api/v1/revisions?indicator=x&period=2023KW02", "region");
		expect400("/api/v1/revisions?indicator=x&region=PV26,PV21&period=2023KW02", "region");
		expect400("/api/v1/revisions?indicator=x&region=Utrecht&period=2023KW02", "region");
		expect400("/api/v1/revisions?indicator=x&region=PV26", "period");
		expect400("/api/v1/revisions?indicator=x&region=PV26&period=2023-Q2", "period");
		// several missing at once are named together
		this.client.get()
			.uri("/api/v1/revisions")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/invalid-parameter")
			.jsonPath("$.title")
			.isEqualTo("Invalid parameter")
			.jsonPath("$.parameter")
			.isEqualTo("indicator")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("'indicator'", "'region'", "'period'"));
		expect400("/api/v1/feeds/changes.atom", "region");
		expect400("/api/v1/feeds/changes.atom?region=", "region");
		expect400("/api/v1/feeds/changes.atom?region=PV26,PV21", "region");
		// the feed has no vintages: asOf is refused, not ignored (docs/api.md)
		expect400("/api/v1/feeds/changes.atom?region=PV26&asOf=2024-01-01", "asOf");
		verifyNoInteractions(this.revisions);
	}

	@Test
	void theChangeFeedIsAtomForOneRegion() {
		String atom = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>";
		given(this.revisions.feed(any(), any(), any(), any())).willReturn(Mono.just(atom));
		this.client.get()
			.uri("/api/v1/feeds/changes.atom?region={region}&indicator=werkloosheidspercentage&lang=en", " pv26 ")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.expectBody(String.class)
			.isEqualTo(atom);
		ArgumentCaptor<String> self = ArgumentCaptor.forClass(String.class);
		verify(this.revisions).feed(eq("PV26"), eq("werkloosheidspercentage"), self.capture(), eq(Lang.EN));
		// the feed's own address, for its self link
		assertThat(self.getValue())
			.endsWith("/api/v1/feeds/changes.atom?region=%20pv26%20&indicator=werkloosheidspercentage&lang=en");
		this.client.get().uri("/api/v1/feeds/changes.atom?region=PV21").accept(ATOM).exchange().expectStatus().isOk();
		verify(this.revisions).feed(eq("PV21"), eq(null), any(), eq(Lang.NL));
		// only Atom is produced
		this.client.get()
			.uri("/api/v1/feeds/changes.atom?region=PV21")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-acceptable");
	}

	private void expect400(String uri, String parameter) {
		WebAnswers.invalidParameter(this.client.get().uri(uri).exchange(), parameter);
	}

	private static Dataset<RevisionService.RevisionsResponse> dataset() {
		IndicatorView indicator = new IndicatorView("x", "X", "percent", 1, null, null, null, null, false, false, false,
				null, null, null, Map.of(), List.of(), List.of(), null, null, List.of());
		List<RevisionService.Vintage> vintages = List.of(
				new RevisionService.Vintage(new BigDecimal("75.1"), null, null, "definitief", "", null, null, 2,
						OffsetDateTime.parse("2023-10-01T00:00:00Z"), null, "85268NED", null, null),
				new RevisionService.Vintage(new BigDecimal("75.5"), null, null, "definitief", "", null, null, 3,
						OffsetDateTime.parse("2024-02-01T00:00:00Z"), null, "85268NED", null, null));
		RevisionService.RevisionsResponse response = new RevisionService.RevisionsResponse(indicator,
				new RegionRef("PV26", "Utrecht", "provincie"), new PeriodRef("2023KW02", "2023 Q2"), Map.of(), true,
				vintages, List.of(), NEW_YEAR_2024.toLocalDate());
		Dataset.Dimension region = Dataset.Dimension.of("region", "Regio / region", "region_name");
		region.categories().put("PV26", "Utrecht");
		Dataset.Dimension period = Dataset.Dimension.of("period", "Periode / period", null);
		period.categories().put("2023KW02", "2023 Q2");
		Dataset.Dimension breakdown = Dataset.Dimension.of("breakdown", "Uitsplitsing / breakdown", null);
		breakdown.categories().put("", "");
		Dataset.Dimension run = Dataset.Dimension.of("import_run", "Import", "recorded_at");
		run.categories().put("2", "2023-10-01T00:00:00Z");
		run.categories().put("3", "2024-02-01T00:00:00Z");
		List<Dataset.Cell> cells = vintages.stream()
			.map((v) -> new Dataset.Cell(List.of("PV26", "2023KW02", "", String.valueOf(v.importRun())), v.value(),
					v.status(), List.<Object>of(v.status())))
			.toList();
		return new Dataset<>(response, "revisions-x-PV26-2023KW02", indicator, List.of(region, period, breakdown, run),
				List.of("status"), cells, List.of(), null, NEW_YEAR_2024.toLocalDate(), List.of(),
				new LinkedHashMap<>(), Lang.EN);
	}

}
