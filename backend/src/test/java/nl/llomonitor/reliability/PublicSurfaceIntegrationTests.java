package nl.llomonitor.reliability;

import java.util.List;

import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public path is read-only (write methods give 405 problem+json with Allow), and
 * every response carries the security headers: a CSP without unsafe-inline, nosniff, a
 * Referrer-Policy, and framing allowed only on the embed route.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(TestDatabaseConfiguration.class)
class PublicSurfaceIntegrationTests {

	static final List<String> PUBLIC_PATHS = List.of("/", "/index.html", "/?embed=1", "/embed", "/api/v1",
			"/api/v1/regions", "/api/v1/regions/PV26", "/api/v1/indicators",
			"/api/v1/indicators/netto_arbeidsparticipatie", "/api/v1/periods?type=quarter",
			"/api/v1/series?indicator=netto_arbeidsparticipatie&regions=PV26",
			"/api/v1/compare?indicator=netto_arbeidsparticipatie&regions=PV26,PV21",
			"/api/v1/trend?indicator=werkloosheidspercentage&region=PV26", "/api/v1/kerncijfers/PV26",
			"/api/v1/map?indicator=werkloosheidspercentage&level=provincie", "/api/v1/geo/provincie", "/api/v1/events",
			"/v3/api-docs", "/swagger-ui.html", "/actuator/health", "/actuator/health/readiness", "/problems/not-found",
			"/webjars/chart.js/4.5.1/dist/chart.umd.min.js", "/does-not-exist", "/api/v1/does-not-exist");

	@Autowired
	private WebTestClient client;

	@Test
	void writeMethodsOnEveryPublicPathAre405() {
		int checked = 0;
		for (String path : PUBLIC_PATHS) {
			for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
				this.client.method(method)
					.uri(path)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{\"value\":1}")
					.exchange()
					.expectStatus()
					.isEqualTo(405)
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.expectHeader()
					.value(HttpHeaders.ALLOW, (allow) -> assertThat(allow).contains("GET").doesNotContain("POST"))
					.expectBody()
					.jsonPath("$.type")
					.isEqualTo("/problems/method-not-allowed")
					.jsonPath("$.status")
					.isEqualTo(405);
				checked++;
			}
		}
		assertThat(checked).isEqualTo(PUBLIC_PATHS.size() * 4);
	}

	@Test
	void securityHeadersOnEveryResponse() {
		for (String path : PUBLIC_PATHS) {
			if (path.equals("/api/v1/events")) {
				continue; // an endless stream; its headers are checked below
			}
			boolean embed = path.equals("/?embed=1") || path.equals("/embed");
			WebTestClient.ResponseSpec response = this.client.get().uri(path).exchange();
			response.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.value("Referrer-Policy",
						(v) -> assertThat(v).isIn("strict-origin-when-cross-origin", "no-referrer", "same-origin",
								"strict-origin"))
				.expectHeader()
				.value("Content-Security-Policy", (csp) -> {
					assertThat(csp).as(path).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
					assertThat(csp).as(path).contains("default-src 'self'").contains("object-src 'none'");
					if (embed) {
						assertThat(csp).as(path).contains("frame-ancestors");
					}
					else {
						assertThat(csp).as(path).contains("frame-ancestors 'none'");
					}
				});
			if (!embed) {
				response.expectHeader().valueEquals("X-Frame-Options", "DENY");
			}
			else {
				response.expectHeader().doesNotExist("X-Frame-Options");
			}
		}
	}

	@Test
	void framingIsAllowedOnlyOnTheEmbedRoute() {
		for (String path : List.of("/?embed=0", "/?embed=true", "/index.html?embed=1", "/api/v1/regions?embed=1",
				"/embedded", "/api/v1/embed")) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectHeader()
				.value("Content-Security-Policy", (csp) -> assertThat(csp).as(path).contains("frame-ancestors 'none'"))
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY");
		}
	}

	@Test
	void eventStreamCarriesTheHeadersToo() {
		this.client.get()
			.uri("/api/v1/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.value("Content-Security-Policy", (csp) -> assertThat(csp).contains("frame-ancestors 'none'"))
			.returnResult(String.class)
			.getResponseBody()
			.take(1)
			.blockLast(java.time.Duration.ofSeconds(10));
	}

}
