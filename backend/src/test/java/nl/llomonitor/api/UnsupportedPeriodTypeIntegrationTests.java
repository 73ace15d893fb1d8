package nl.llomonitor.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

/**
 * A period type the indicator has no figures of is a 400 {@code unsupported-period-type}
 * on every endpoint that takes a period type or a period, naming the parameter, the type
 * asked and the indicator's own types: never a 200 with empty points, which reads as
 * figures that are missing. The hand-made {@code apitest_participatie} of
 * {@link ApiTestData} has quarters and years, no months.
 */
class UnsupportedPeriodTypeIntegrationTests extends CubeIntegrationTestSupport {

	private static final String INDICATOR = "apitest_participatie";

	@Test
	void everyEndpointRefusesAPeriodTypeTheIndicatorHasNot() {
		unsupported("/api/v1/series?indicator=" + INDICATOR + "&regions=PV26&periodType=month", "periodType");
		unsupported("/api/v1/series?indicator=" + INDICATOR + "&regions=PV26&from=2023MM01", "from");
		unsupported("/api/v1/series?indicator=" + INDICATOR + "&regions=PV26&to=2023MM05", "to");
		unsupported("/api/v1/trend?indicator=" + INDICATOR + "&region=PV26&periodType=month", "periodType");
		unsupported("/api/v1/compare?indicator=" + INDICATOR + "&regions=PV26,PV21&period=2023MM05", "period");
		unsupported("/api/v1/map?indicator=" + INDICATOR + "&level=provincie&period=2023MM05", "period");
		unsupported("/api/v1/periods?indicator=" + INDICATOR + "&type=month", "type");
		unsupported("/api/v1/revisions?indicator=" + INDICATOR + "&region=PV26&period=2023MM05", "period");
	}

	@Test
	void aTypeTheIndicatorHasStillAnswers() {
		this.client.get()
			.uri("/api/v1/series?indicator=" + INDICATOR + "&regions=PV26&periodType=quarter")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points.length()")
			.isEqualTo(8);
		this.client.get().uri("/api/v1/periods?indicator=" + INDICATOR + "&type=year").exchange().expectStatus().isOk();
	}

	private void unsupported(String uri, String parameter) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/unsupported-period-type")
			.jsonPath("$.parameter")
			.isEqualTo(parameter)
			.jsonPath("$.value")
			.isEqualTo("month")
			.jsonPath("$.periodTypes")
			.isEqualTo(List.of("quarter", "year"))
			.jsonPath("$.detail")
			.isEqualTo("Indicator '" + INDICATOR + "' has no figures per month; its period types are quarter, year.");
	}

}
