package nl.llomonitor.api;

import java.nio.file.Path;
import java.util.List;

import nl.llomonitor.TwoVintages;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import static nl.llomonitor.TwoVintages.BEFORE;
import static nl.llomonitor.TwoVintages.BETWEEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code asOf} on every read endpoint, on two vintages of the real table 85268NED (see
 * {@link TwoVintages}): before the revision each answers the published 2.8, without
 * {@code asOf} the revised 3.0, and each echoes the date it was asked for.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@Import(TestDatabaseConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsOfIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ImportService importer;

	@Autowired
	private DataChangeListener versions;

	@BeforeAll
	void importTwoVintages(@TempDir Path temp) {
		TwoVintages.importBoth(this.importer, this.versions, temp);
	}

	@AfterAll
	void restore() {
		TwoVintages.restore(this.importer, this.versions);
	}

	@Test
	void series() {
		String uri = "/api/v1/series?indicator=werkloosheidspercentage&regions=PV29&from=2024KW04&to=2024KW04";
		json(uri + "&asOf=" + BETWEEN).jsonPath("$.asOf")
			.isEqualTo(BETWEEN)
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(2.8);
		json(uri).jsonPath("$.asOf").isEmpty().jsonPath("$.series[0].points[0].value").isEqualTo(3.0);
		json(uri + "&asOf=" + BEFORE).jsonPath("$.series[0].points.length()").isEqualTo(0);
		// asOf is part of the cache key and the ETag
		assertThat(etag(uri + "&asOf=" + BETWEEN)).isNotEqualTo(etag(uri)).isNotEqualTo(etag(uri + "&asOf=" + BEFORE));
	}

	private String etag(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
	}

	@Test
	void compare() {
		String uri = "/api/v1/compare?indicator=werkloosheidspercentage&regions=PV29,PV26&period=2024KW04";
		json(uri + "&asOf=" + BETWEEN).jsonPath("$.asOf")
			.isEqualTo(BETWEEN)
			.jsonPath("$.values[0].value")
			.isEqualTo(2.8);
		json(uri).jsonPath("$.asOf").isEmpty().jsonPath("$.values[0].value").isEqualTo(3.0);
		// the default period is the latest known then: nothing was
		json("/api/v1/compare?indicator=werkloosheidspercentage&regions=PV29,PV26&asOf=" + BEFORE).jsonPath("$.period")
			.isEmpty()
			.jsonPath("$.values.length()")
			.isEqualTo(0);
		String csv = this.client.get()
			.uri(uri + "&asOf=" + BETWEEN + "&format=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).contains("as known on " + BETWEEN).contains("PV29,Zeeland,2024KW04,2.8,");
	}

	@Test
	void trend() {
		String uri = "/api/v1/trend?indicator=werkloosheidspercentage&region=PV29&from=2024KW01&to=2024KW04";
		json(uri + "&asOf=" + BETWEEN).jsonPath("$.asOf")
			.isEqualTo(BETWEEN)
			.jsonPath("$.points[3].value")
			.isEqualTo(2.8)
			.jsonPath("$.points[3].revised")
			.isEqualTo(false);
		json(uri).jsonPath("$.asOf")
			.isEmpty()
			.jsonPath("$.points[3].value")
			.isEqualTo(3.0)
			.jsonPath("$.points[3].revised")
			.isEqualTo(true)
			.jsonPath("$.points[2].revised")
			.isEqualTo(false);
	}

	@Test
	void kerncijfers() {
		String figure = "$.figures[?(@.code == 'werkloosheidspercentage')]";
		json("/api/v1/kerncijfers/PV29?asOf=" + BETWEEN).jsonPath("$.asOf")
			.isEqualTo(BETWEEN)
			.jsonPath(figure + ".period.code")
			.isEqualTo(List.of("2024KW04"))
			.jsonPath(figure + ".value")
			.isEqualTo(List.of(2.8))
			.jsonPath(figure + ".revised")
			.isEqualTo(List.of(false));
		json("/api/v1/kerncijfers/PV29").jsonPath(figure + ".value")
			.isEqualTo(List.of(3.0))
			.jsonPath(figure + ".revised")
			.isEqualTo(List.of(true));
		json("/api/v1/kerncijfers/PV29?asOf=" + BEFORE).jsonPath(figure + ".value")
			.isEqualTo(java.util.Collections.singletonList(null));
	}

	@Test
	void map() {
		String uri = "/api/v1/map?indicator=werkloosheidspercentage&level=provincie&period=2024KW04";
		String zeeland = "$.values[?(@.code == 'PV29')].value";
		json(uri + "&asOf=" + BETWEEN).jsonPath("$.asOf").isEqualTo(BETWEEN).jsonPath(zeeland).isEqualTo(List.of(2.8));
		json(uri).jsonPath("$.asOf").isEmpty().jsonPath(zeeland).isEqualTo(List.of(3.0));
		json(uri + "&asOf=" + BEFORE).jsonPath(zeeland).isEqualTo(java.util.Collections.singletonList(null));
	}

	@Test
	void periods() {
		String uri = "/api/v1/periods?indicator=werkloosheidspercentage&type=quarter";
		this.client.get()
			.uri(uri + "&asOf=" + BEFORE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-As-Of", BEFORE)
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
		json(uri + "&asOf=" + BETWEEN).jsonPath("$[-1].code").isEqualTo("2024KW04");
		json("/api/v1/periods?type=quarter&asOf=" + BETWEEN).jsonPath("$[?(@.code == '2024KW04')]").exists();
		json("/api/v1/periods?type=quarter&asOf=2000-01-01").jsonPath("$[?(@.code == '2024KW04')]").doesNotExist();
	}

	@Test
	void aMalformedAsOfIs400OnEveryEndpoint() {
		for (String uri : List.of("/api/v1/series?indicator=werkloosheidspercentage&regions=PV29",
				"/api/v1/compare?indicator=werkloosheidspercentage&regions=PV29,PV26",
				"/api/v1/trend?indicator=werkloosheidspercentage&region=PV29", "/api/v1/kerncijfers/PV29?x=1",
				"/api/v1/map?indicator=werkloosheidspercentage", "/api/v1/periods?x=1",
				"/api/v1/revisions?indicator=werkloosheidspercentage&region=PV29&period=2024KW04")) {
			this.client.get()
				.uri(uri + "&asOf=yesterday")
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.parameter")
				.isEqualTo("asOf");
		}
	}

	@Test
	void anEndpointWithoutVintagesRefusesAsOf() {
		for (String uri : List.of("/api/v1/indicators?asOf=2024-01-01",
				"/api/v1/regions?level=provincie&asOf=2024-01-01", "/api/v1/tables?asOf=2024-01-01",
				"/api/v1/tables/85268NED?asOf=2024-01-01", "/api/v1/geo/provincie?asOf=2024-01-01",
				"/api/v1/feeds/changes.atom?region=PV29&asOf=2024-01-01")) {
			WebAnswers.invalidParameter(this.client.get().uri(uri).exchange(), "asOf");
		}
	}

	private WebTestClient.BodyContentSpec json(String uri) {
		return this.client.get().uri(uri).exchange().expectStatus().isOk().expectBody();
	}

}
