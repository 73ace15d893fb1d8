package nl.llomonitor.api;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API on real PostgreSQL with a small hand-made cube ({@link ApiTestData}):
 * regions, indicators, series with vintages, formats, caching and every error type.
 */
class ApiIntegrationTests extends CubeIntegrationTestSupport {

	@Test
	void aBareRequestLearnsEveryMissingParameterAtOnce() {
		for (String path : new String[] { "/api/v1/series", "/api/v1/compare" }) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("/problems/invalid-parameter")
				.jsonPath("$.parameter")
				.isEqualTo("indicator")
				.jsonPath("$.detail")
				.isEqualTo("Parameters 'indicator' and 'regions' are required.");
		}
		this.client.get()
			.uri("/api/v1/revisions?region=PV26")
			.exchange()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Parameters 'indicator' and 'period' are required.");
	}

	@Test
	void regionsOfALevelBelowAParent() {
		this.client.get()
			.uri("/api/v1/regions?level=provincie&parent=LD03&lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.code == 'PV26')].name")
			.isEqualTo("Utrecht")
			.jsonPath("$[?(@.code == 'PV26')].parents[0]")
			.isEqualTo("NL01")
			.jsonPath("$[?(@.code == 'PV26')].parents[1]")
			.isEqualTo("LD03")
			.jsonPath("$[?(@.code == 'PV21')]")
			.doesNotExist();
	}

	@Test
	void indicatorShowsItsBreakdownsAndCoverage() {
		this.client.get()
			.uri("/api/v1/indicators/apitest_participatie")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.unit")
			.isEqualTo("percent")
			.jsonPath("$.sourceTable")
			.isEqualTo("APITEST")
			.jsonPath("$.breakdowns.sex[*].code")
			.value((List<String> codes) -> assertThat(codes).containsExactly("man", "vrouw"))
			.jsonPath("$.periodTypes[0]")
			.isEqualTo("quarter")
			.jsonPath("$.regionLevels[0]")
			.isEqualTo("provincie")
			.jsonPath("$.firstPeriod")
			.isEqualTo("2022KW01")
			.jsonPath("$.lastPeriod")
			.isEqualTo("2023KW04")
			.jsonPath("$.derived")
			.isEqualTo(false);
	}

	@Test
	void seriesGivesValuesWithStatusSourceAndVintage() {
		this.client.get()
			.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26,PV21&from=2023KW01&to=2023KW04")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.periodType")
			.isEqualTo("quarter")
			.jsonPath("$.series[0].region.code")
			.isEqualTo("PV26")
			.jsonPath("$.series[0].origin")
			.isEqualTo("source")
			.jsonPath("$.series[0].points.length()")
			.isEqualTo(4)
			.jsonPath("$.series[0].points[1].period")
			.isEqualTo("2023KW02")
			.jsonPath("$.series[0].points[1].label")
			.isEqualTo("2023 2e kwartaal")
			.jsonPath("$.series[0].points[1].value")
			.isEqualTo(75.5)
			.jsonPath("$.series[0].points[1].marginLow")
			.isEmpty()
			.jsonPath("$.series[0].points[1].recordedAt")
			.isEqualTo("2024-02-01T00:00:00Z")
			.jsonPath("$.series[1].points[1].value")
			.isEqualTo(72.6)
			.jsonPath("$.sources[0].table")
			.isEqualTo("85268NED");
	}

	@Test
	void asOfGivesTheFiguresAsKnownThen() {
		this.client.get()
			.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26&from=2023KW02&to=2023KW02&asOf=2024-01-01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.asOf")
			.isEqualTo("2024-01-01")
			.jsonPath("$.series[0].points.length()")
			.isEqualTo(1)
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(75.1)
			.jsonPath("$.series[0].points[0].recordedAt")
			.isEqualTo("2023-10-01T00:00:00Z");
		// before any vintage: nothing was known
		this.client.get()
			.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26&asOf=2023-01-01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points.length()")
			.isEqualTo(0);
	}

	@Test
	void breakdownFilterSelectsTheCell() {
		this.client.get()
			.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26&breakdown=sex:vrouw")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.breakdown.sex")
			.isEqualTo("vrouw")
			.jsonPath("$.series[0].points.length()")
			.isEqualTo(1)
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(73.0);
	}

	@Test
	void withABreakdownTheDefaultPeriodIsTheLatestOfThatBreakdown() {
		// the totals run to 2023 Q4, women only to 2023 Q2
		this.client.get()
			.uri("/api/v1/compare?indicator=apitest_participatie&regions=PV26,PV21&breakdown=sex:vrouw")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.period.code")
			.isEqualTo("2023KW02")
			.jsonPath("$.values[0].region.code")
			.isEqualTo("PV26")
			.jsonPath("$.values[0].value")
			.isEqualTo(73.0);
		this.client.get()
			.uri("/api/v1/compare?indicator=apitest_participatie&regions=PV26,PV21")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.period.code")
			.isEqualTo("2023KW04");
		// men have a yearly figure only: the period type is that of the breakdown, in
		// series and trend as in compare
		this.client.get()
			.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26&breakdown=sex:man")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.periodType")
			.isEqualTo("year")
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(77.9);
		this.client.get()
			.uri("/api/v1/compare?indicator=apitest_participatie&regions=PV26,PV21&breakdown=sex:man")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.period.code")
			.isEqualTo("2023JJ00")
			.jsonPath("$.values[0].value")
			.isEqualTo(77.9);
		this.client.get()
			.uri("/api/v1/map?indicator=apitest_participatie&level=provincie&breakdown=sex:vrouw")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.period.code")
			.isEqualTo("2023KW02");
	}

	@Test
	void derivedIndicatorIsComputedWithNumeratorAndDenominator() {
		// 790 / 1046 * 100 = 75.526 -> 75.5; for women the denominator drops the sex
		// dimension: 380 / 1046 * 100 = 36.3
		this.client.get()
			.uri("/api/v1/series?indicator=apitest_ratio&regions=PV26")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].origin")
			.isEqualTo("derived")
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(75.5)
			.jsonPath("$.series[0].points[0].numerator")
			.isEqualTo(790)
			.jsonPath("$.series[0].points[0].denominator")
			.isEqualTo(1046)
			.jsonPath("$.indicator.numerator")
			.isEqualTo("apitest_werkzaam");
		this.client.get()
			.uri("/api/v1/series?indicator=apitest_ratio&regions=PV26&breakdown=sex:vrouw")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(36.3);
	}

	@Test
	void csvHasAttributionAndNeutralisedFormulas() {
		String csv = WebAnswers.csv(this.client.get()
			.uri("/api/v1/series?indicator=apitest_participatie&regions=PV21&from=2023KW04&to=2023KW04")
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange());
		assertThat(csv).startsWith("# Bron: CBS, tabel 85268NED (CC BY 4.0)");
		assertThat(csv).contains("indicator,region,region_name,period");
		assertThat(csv).contains("apitest_participatie,PV21,Fryslân,2023KW04,2023 4e kwartaal,72.5,");
		// the footnote =HYPERLINK("x") is neutralised
		assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(csv).doesNotContain(",=HYPERLINK");
	}

	@Test
	void jsonStatIsADataset() {
		this.client.get()
			.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26,PV21&from=2023KW01&to=2023KW02&format=jsonstat")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/json+stat")
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo("2.0")
			.jsonPath("$.class")
			.isEqualTo("dataset")
			.jsonPath("$.id[1]")
			.isEqualTo("region")
			.jsonPath("$.size[1]")
			.isEqualTo(2)
			.jsonPath("$.size[2]")
			.isEqualTo(2)
			.jsonPath("$.value[1]")
			.isEqualTo(75.5)
			.jsonPath("$.value[3]")
			.isEqualTo(72.6)
			.jsonPath("$.dimension.period.category.index.2023KW02")
			.isEqualTo(1);
	}

	@Test
	void conditionalRequestGives304() {
		String etag = this.client.get()
			.uri("/api/v1/indicators/apitest_participatie")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			// kept, but asked again before every use: no cache answers from before an
			// acknowledged import
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
			.expectHeader()
			// the data version, the time it was reached (base 36), a hash of the request
			.valueMatches(HttpHeaders.ETAG, "\"[0-9]+\\.[0-9a-z]+-[0-9a-f]{24}\"")
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		this.client.get()
			.uri("/api/v1/indicators/apitest_participatie")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
			.expectBody()
			.isEmpty();
		// another request has another tag
		this.client.get()
			.uri("/api/v1/indicators/apitest_participatie?lang=en")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isOk();
		// a data change makes the old tag stale
		ApiTestData.bump(this.jdbc);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (etag.startsWith("\"" + this.versions.currentTag() + "-") && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		this.client.get()
			.uri("/api/v1/indicators/apitest_participatie")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void unknownRegionIs404() {
		problem("/api/v1/series?indicator=apitest_participatie&regions=PV26,PV99", 404, "unknown-region")
			.jsonPath("$.parameter")
			.isEqualTo("regions")
			.jsonPath("$.detail")
			.isEqualTo("Unknown region code 'PV99'.")
			// the code at fault, for clients that say it in their own words
			.jsonPath("$.value")
			.isEqualTo("PV99");
		problem("/api/v1/regions/XX01", 404, "unknown-region");
		// asked again before any reuse: the region may be imported the next moment
		this.client.get()
			.uri("/api/v1/regions/XX01")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
			.expectHeader()
			.doesNotExist(HttpHeaders.ETAG);
	}

	@Test
	void boundariesOfALevelWithoutShapesAreAnEmptyCollection() {
		// landsdelen are known regions, but no boundaries of them are ever imported;
		// "none" is revalidated before each use like every answer (boundaries may be
		// imported any moment), also from the cache
		String etag = null;
		for (String hitOrMiss : List.of("miss", "hit")) {
			etag = this.client.get()
				.uri("/api/v1/geo/landsdeel")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentType("application/geo+json")
				.expectHeader()
				.valueEquals("X-Cache", hitOrMiss)
				.expectHeader()
				.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("FeatureCollection")
				.jsonPath("$.features.length()")
				.isEqualTo(0)
				.returnResult()
				.getResponseHeaders()
				.getETag();
		}
		problem("/api/v1/geo/planeet", 404, "not-found").jsonPath("$.detail").isEqualTo("Unknown level 'planeet'.");
		this.client.get()
			.uri("/api/v1/geo/landsdeel")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache");
		// "*" is not honoured: a level the store does not know has no representation
		this.client.get()
			.uri("/api/v1/geo/planeet")
			.header(HttpHeaders.IF_NONE_MATCH, "*")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void unknownIndicatorIs404() {
		problem("/api/v1/series?indicator=nope&regions=PV26", 404, "unknown-indicator").jsonPath("$.parameter")
			.isEqualTo("indicator");
		problem("/api/v1/indicators/nope", 404, "unknown-indicator");
	}

	@Test
	void unknownPathIs404Problem() {
		problem("/api/v1/nothing-here", 404, "not-found");
	}

	@Test
	void malformedPeriodIs400NamingTheParameter() {
		problem("/api/v1/series?indicator=apitest_participatie&regions=PV26&from=2023Q2", 400, "invalid-parameter")
			.jsonPath("$.parameter")
			.isEqualTo("from")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("2023KW02").contains("2023Q2"));
		problem("/api/v1/series?indicator=apitest_participatie", 400, "invalid-parameter").jsonPath("$.parameter")
			.isEqualTo("regions");
		problem("/api/v1/series?indicator=apitest_participatie&regions=PV26&breakdown=sex:alien", 400,
				"invalid-parameter")
			.jsonPath("$.parameter")
			.isEqualTo("breakdown");
		problem("/api/v1/series?indicator=apitest_participatie&regions=PV26&asOf=yesterday", 400, "invalid-parameter")
			.jsonPath("$.parameter")
			.isEqualTo("asOf");
		problem("/api/v1/regions?lang=fr", 400, "invalid-parameter").jsonPath("$.parameter").isEqualTo("lang");
	}

	@Test
	void tooWideRangeIs400() {
		String many = String.join(",",
				java.util.stream.IntStream.range(0, 51).mapToObj((i) -> "GM" + (1000 + i)).toList());
		problem("/api/v1/series?indicator=apitest_participatie&regions=" + many, 400, "range-too-wide")
			.jsonPath("$.parameter")
			.isEqualTo("regions");
		problem("/api/v1/series?indicator=apitest_participatie&regions=PV26&from=1900MM01&to=2000MM01", 400,
				"range-too-wide")
			.jsonPath("$.parameter")
			.isEqualTo("to");
	}

	@Test
	void writeMethodsAre405() {
		for (var method : new org.springframework.http.HttpMethod[] { org.springframework.http.HttpMethod.POST,
				org.springframework.http.HttpMethod.PUT, org.springframework.http.HttpMethod.DELETE,
				org.springframework.http.HttpMethod.PATCH }) {
			this.client.method(method)
				.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26")
				.exchange()
				.expectStatus()
				.isEqualTo(405)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.value(HttpHeaders.ALLOW, (allow) -> assertThat(allow).contains("GET"))
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("/problems/method-not-allowed")
				.jsonPath("$.status")
				.isEqualTo(405);
		}
		this.client.post().uri("/").exchange().expectStatus().isEqualTo(405);
	}

	@Test
	void unsupportedAcceptIs406() {
		this.client.get()
			.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26")
			.accept(MediaType.APPLICATION_XML)
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/not-acceptable");
	}

	@Test
	void problemTypesAreExplained() {
		this.client.get()
			.uri("/problems/range-too-wide")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("Range too wide").contains("50 regions"));
	}

	@Test
	void securityHeadersAndCors() {
		this.client.get()
			.uri("/api/v1/regions")
			.header(HttpHeaders.ORIGIN, "https://example.org")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "*")
			.expectHeader()
			.value("Content-Security-Policy",
					(csp) -> assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
		this.client.get()
			.uri("/?embed=1")
			.exchange()
			.expectHeader()
			.value("Content-Security-Policy", (csp) -> assertThat(csp).contains("frame-ancestors *"))
			.expectHeader()
			.doesNotExist("X-Frame-Options");
	}

	@Test
	void englishByAcceptLanguage() {
		this.client.get()
			.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26&from=2023KW02&to=2023KW02")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.indicator.name")
			.isEqualTo("Netto arbeidsparticipatie (test EN)")
			.jsonPath("$.series[0].points[0].label")
			.isEqualTo("2023 Q2");
	}

	@Test
	void periodsOfAnIndicator() {
		this.client.get()
			.uri("/api/v1/periods?indicator=apitest_participatie&type=quarter")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(8)
			.jsonPath("$[0].code")
			.isEqualTo("2022KW01")
			.jsonPath("$[0].start")
			.isEqualTo("2022-01-01")
			.jsonPath("$[0].end")
			.isEqualTo("2022-03-31");
	}

	@Test
	void mapDefaultsToTheLatestPeriod() {
		this.client.get()
			.uri("/api/v1/map?indicator=apitest_participatie&level=provincie")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.period.code")
			.isEqualTo("2023KW04")
			.jsonPath("$.values[?(@.code == 'PV21')].value")
			.isEqualTo(72.5);
	}

	@Test
	void openApiDocumentsEveryEndpoint() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("LLO Monitor API")
			.jsonPath("$.paths['/api/v1/series'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/compare'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/trend'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/kerncijfers/{region}'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/regions'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/indicators'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/periods'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/map'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/geo/{level}'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/events'].get")
			.exists();
	}

	@Test
	void staticFilesAreServedWithoutBlockingTheEventLoop() {
		// BlockHound fails these if the jar reads happen on a Netty thread
		this.client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/webjars/chart.js/4.5.1/dist/chart.umd.min.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff");
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("LLO Monitor"));
	}

	@Test
	void responsesAreCachedUntilTheDataChanges() throws InterruptedException {
		String uri = "/api/v1/series?indicator=apitest_participatie&regions=PV26&cachetest=1";
		String first = this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		// the first hit keeps the body in a direct buffer, later hits write it again
		for (int hit = 0; hit < 3; hit++) {
			this.client.get()
				.uri(uri)
				.exchange()
				.expectHeader()
				.valueEquals("X-Cache", "hit")
				.expectBody(String.class)
				.isEqualTo(first);
		}
		ApiTestData.bumpAndAwait(this.jdbc, this.versions);
		this.client.get().uri(uri).exchange().expectHeader().valueEquals("X-Cache", "miss");
	}

	@Test
	void cancelledRequestsDoNotExhaustTheConnectionPool() {
		// 200 uncached requests whose clients give up after a few milliseconds: their
		// cancellation must not leave connections behind (the pool has 16)
		reactor.core.publisher.Flux.range(0, 200)
			.flatMap((i) -> this.client.get()
				.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26,PV21&cancel=" + i)
				.exchange()
				.returnResult(String.class)
				.getResponseBody()
				.then()
				.timeout(Duration.ofMillis(3))
				.onErrorResume((ex) -> reactor.core.publisher.Mono.empty()), 32)
			.blockLast(Duration.ofSeconds(60));
		for (int i = 0; i < 20; i++) {
			this.client.get()
				.uri("/api/v1/series?indicator=apitest_participatie&regions=PV26&after=" + i)
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	@Test
	void aQueryThatHangsGives503InsteadOfHanging() {
		// another transaction holds an exclusive lock on period: the periods query waits
		this.jdbc.transaction((tx) -> {
			tx.dsl().execute("lock table period in access exclusive mode");
			long start = System.nanoTime();
			this.client.get()
				.uri("/api/v1/periods?type=quarter&locked=" + start)
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.type")
				// the database answers (it only waits for a lock): busy, not down
				.isEqualTo("/problems/overloaded");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
		});
	}

	/**
	 * The application's mapper, which writes the answers, has the module that reads
	 * properties through generated accessors ({@link JsonConfiguration}).
	 */
	@Test
	void answersAreWrittenThroughGeneratedAccessors(
			@org.springframework.beans.factory.annotation.Autowired tools.jackson.databind.ObjectMapper mapper) {
		assertThat(mapper.registeredModules())
			.anyMatch((module) -> module instanceof tools.jackson.module.blackbird.BlackbirdModule);
	}

	private WebTestClient.BodyContentSpec problem(String uri, int status, String slug) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.doesNotExist(HttpHeaders.ETAG)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("/problems/" + slug)
			.jsonPath("$.status")
			.isEqualTo(status)
			.jsonPath("$.title")
			.isNotEmpty()
			.jsonPath("$.instance")
			.value((String instance) -> assertThat(uri).startsWith(instance))
			.jsonPath("$.trace")
			.doesNotExist();
	}

}
