package nl.llomonitor.stats;

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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Web slices of the stats controllers: they bind the request (parsed region codes,
 * periods, {@code asOf}, language), refuse bad input before any work, and render what
 * their service answers, in the representation asked for.
 */
@WebFluxTest(controllers = { CompareController.class, TrendController.class, KerncijfersController.class })
@Import(WebSliceTestConfiguration.class)
class StatsControllersWebFluxTests {

	private static final OffsetDateTime NEW_YEAR_2024 = OffsetDateTime.parse("2024-01-01T00:00:00+01:00");

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private CompareService compare;

	@MockitoBean
	private TrendService trends;

	@MockitoBean
	private KerncijfersService kerncijfers;

	@Test
	void compareBindsTheRequestAndRendersItsDatasetAsAskedFor() {
		given(this.compare.compare(eq("werkloosheidspercentage"), eq(List.of("PV26", "PV21")),
				eq(PeriodCode.of("2023KW02")), eq(null), eq(NEW_YEAR_2024), eq(Lang.EN)))
			.willReturn(Mono.just(dataset()));
		String uri = "/api/v1/compare?indicator=werkloosheidspercentage&regions=pv26,PV21,PV26&period=2023KW02"
				+ "&asOf=2024-01-01&lang=en";
		this.client.get().uri(uri).exchange().expectStatus().isOk().expectBody().jsonPath("$.answer").isEqualTo(42);
		String csv = WebAnswers.csv(this.client.get().uri(uri + "&format=csv").exchange());
		assertThat(csv).contains("LLO Monitor, data version 7, as known on 2024-01-01")
			.contains("indicator,region,region_name,period,value,status")
			.contains("x,PV26,Utrecht,2023KW02,3.3,voorlopig");
		this.client.get()
			.uri(uri)
			.accept(MediaType.parseMediaType("application/json+stat"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.value")
			.isEqualTo(Arrays.asList(3.3, null))
			.jsonPath("$.status['0']")
			.isEqualTo("voorlopig");
	}

	@Test
	void badInputIs400BeforeAnyWork() {
		expect400("/api/v1/compare?indicator=x&regions=PV26,PV21&format=xlsx", "format");
		expect400("/api/v1/compare?indicator=x&regions=PV26,PV21&asOf=gisteren", "asOf");
		expect400("/api/v1/compare?indicator=x&regions=PV26;PV21", "regions");
		expect400("/api/v1/trend?indicator=x&region=PV26,PV21", "region");
		expect400("/api/v1/trend?indicator=x&region=PV26&from=2023Q1", "from");
		expect400("/api/v1/kerncijfers/PV26?asOf=2024-13-01", "asOf");
		expect400("/api/v1/kerncijfers/PV26?lang=fr", "lang");
		verifyNoInteractions(this.compare, this.trends, this.kerncijfers);
	}

	@Test
	void trendAndKerncijfersPassTheParsedRequestOn() {
		given(this.trends.trend(any(), any(), any(), any(), any(), any(), any(), any())).willReturn(Mono.empty());
		given(this.kerncijfers.kerncijfers(any(), any(), any())).willReturn(Mono.empty());
		this.client.get()
			.uri("/api/v1/trend?indicator=x&region=pv26&from=2022KW01&periodType=quarter&asOf=2024-01-01")
			.exchange()
			.expectStatus()
			.isOk();
		verify(this.trends).trend("x", "PV26", null, PeriodCode.of("2022KW01"), null, "quarter", NEW_YEAR_2024,
				Lang.NL);
		this.client.get().uri("/api/v1/kerncijfers/PV26?asOf=2024-01-01&lang=en").exchange().expectStatus().isOk();
		verify(this.kerncijfers).kerncijfers("PV26", NEW_YEAR_2024, Lang.EN);
	}

	private void expect400(String uri, String parameter) {
		WebAnswers.invalidParameter(this.client.get().uri(uri).exchange(), parameter);
	}

	private static Dataset dataset() {
		Dataset.Dimension region = Dataset.Dimension.of("region", "Regio / region", "region_name");
		region.categories().put("PV26", "Utrecht");
		region.categories().put("PV21", "Fryslân");
		Dataset.Dimension period = Dataset.Dimension.of("period", "Periode / period", null);
		period.categories().put("2023KW02", "2023 Q2");
		IndicatorView indicator = new IndicatorView("x", "X", "percent", 1, null, null, null, null, false, false, false,
				null, null, null, Map.of(), List.of(), List.of(), null, null, List.of());
		return new Dataset(Map.of("answer", 42), "compare-x", indicator, List.of(region, period), List.of("status"),
				List.of(new Dataset.Cell(List.of("PV26", "2023KW02"), new BigDecimal("3.3"), "voorlopig",
						List.of("voorlopig"))),
				List.of(), 7L, NEW_YEAR_2024.toLocalDate(), List.of(), new LinkedHashMap<>(), Lang.EN);
	}

}
