package nl.llomonitor.region;

import java.time.LocalDate;
import java.util.List;

import nl.llomonitor.api.Lang;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Web slices of the region controllers (docs/api.md, {@code regions} and {@code geo}):
 * the edition date is parsed (default today), the language resolved, bad input refused
 * before any work, and boundaries are answered as GeoJSON with a short cache when none
 * are loaded.
 */
@WebFluxTest(controllers = { RegionController.class, GeoController.class })
@Import(WebSliceTestConfiguration.class)
class RegionControllersWebFluxTests {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private RegionService regions;

	@MockitoBean
	private GeoService boundaries;

	@Test
	void regionsBindLevelParentDateAndLanguage() {
		given(this.regions.list(any(), any(), any(), any())).willReturn(Mono.just(List.of(utrecht())));
		this.client.get()
			.uri("/api/v1/regions?level=provincie&parent=NL01&date=2025-01-01&lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$[0].code")
			.isEqualTo("PV26")
			.jsonPath("$[0].parents")
			.isEqualTo(List.of("NL01", "LD03"))
			// dates are ISO 8601 strings, an open start is null (docs/api.md)
			.jsonPath("$[0].validTo")
			.isEqualTo("2025-01-01")
			.jsonPath("$[0].validFrom")
			.doesNotHaveJsonPath();
		verify(this.regions).list("provincie", "NL01", LocalDate.of(2025, 1, 1), Lang.EN);
		// Accept-Language when there is no lang; an absent level and parent are null
		this.client.get()
			.uri("/api/v1/regions?date={date}", " 2024-02-29 ")
			.header("Accept-Language", "en-GB,nl;q=0.5")
			.exchange()
			.expectStatus()
			.isOk();
		verify(this.regions).list(null, null, LocalDate.of(2024, 2, 29), Lang.EN);
	}

	@Test
	void theNewestEditionAnswersWithoutADate() {
		given(this.regions.list(any(), any(), any(), any())).willReturn(Mono.just(List.of()));
		given(this.regions.get(any(), any(), any())).willReturn(Mono.just(utrecht()));
		this.client.get().uri("/api/v1/regions?level=gemeente&date=").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/api/v1/regions/PV26")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Utrecht");
		// no date: the service answers with the newest edition
		verify(this.regions).list("gemeente", null, null, Lang.NL);
		verify(this.regions).get("PV26", null, Lang.NL);
	}

	@Test
	void oneRegionBindsItsCodeAndDate() {
		given(this.regions.get(any(), any(), any())).willReturn(Mono.just(utrecht()));
		this.client.get()
			.uri("/api/v1/regions/PV26?date=2023-06-30&lang=nl")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.level")
			.isEqualTo("provincie");
		verify(this.regions).get("PV26", LocalDate.of(2023, 6, 30), Lang.NL);
	}

	@Test
	void badInputIs400BeforeAnyWork() {
		expect400("/api/v1/regions?date=2025-02-30", "date");
		expect400("/api/v1/regions?date=1-1-2025", "date");
		expect400("/api/v1/regions/PV26?date=today", "date");
		expect400("/api/v1/regions?lang=de", "lang");
		// the regions have no vintages: asOf is refused, not ignored (docs/api.md)
		expect400("/api/v1/regions?asOf=2024-01-01", "asOf");
		expect400("/api/v1/regions/PV26?asOf=2024-01-01", "asOf");
		expect400("/api/v1/geo/Provincie", "level");
		expect400("/api/v1/geo/x", "level");
		expect400("/api/v1/geo/provincie_2024", "level");
		expect400("/api/v1/geo/provincie?asOf=2024-01-01", "asOf");
		this.client.get()
			.uri("/api/v1/regions?date=2025-02-30")
			.exchange()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Invalid parameter")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("'date'").contains("2025-02-30"));
		verifyNoInteractions(this.regions, this.boundaries);
	}

	@Test
	void boundariesAreGeoJsonInTheAskedLanguage() {
		String collection = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
				+ "\"properties\":{\"code\":\"PV26\",\"name\":\"Utrecht\"},\"geometry\":null}]}";
		given(this.boundaries.boundaries("provincie", Lang.EN)).willReturn(Mono.just(collection));
		given(this.boundaries.boundaries("arbeidsmarktregio", Lang.NL))
			.willReturn(Mono.just("{\"type\":\"FeatureCollection\",\"features\":[]}"));
		this.client.get()
			.uri("/api/v1/geo/provincie?lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(GEO_JSON)
			.expectBody()
			.jsonPath("$.features[0].properties.code")
			.isEqualTo("PV26");
		this.client.get()
			.uri("/api/v1/geo/arbeidsmarktregio")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(GEO_JSON)
			.expectBody()
			.jsonPath("$.features")
			.isEmpty();
		verify(this.boundaries).boundaries("provincie", Lang.EN);
		verify(this.boundaries).boundaries("arbeidsmarktregio", Lang.NL);
	}

	private void expect400(String uri, String parameter) {
		WebAnswers.invalidParameter(this.client.get().uri(uri).exchange(), parameter);
	}

	private static RegionView utrecht() {
		return new RegionView("PV26", "Utrecht", "Utrecht", "Utrecht", "provincie", List.of("NL01", "LD03"), null,
				LocalDate.of(2025, 1, 1), null);
	}

}
