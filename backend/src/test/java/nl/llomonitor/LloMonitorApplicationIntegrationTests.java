package nl.llomonitor;

import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts the whole app on a random port against real PostgreSQL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "llo.admin.token=" + LloMonitorApplicationIntegrationTests.TOKEN)
@AutoConfigureWebTestClient
@Import(TestDatabaseConfiguration.class)
class LloMonitorApplicationIntegrationTests {

	static final String TOKEN = "app-test-token";

	@Autowired
	private WebTestClient client;

	@Autowired
	private nl.llomonitor.importer.ImportService importer;

	@Test
	void healthReportsTheDatabaseWithTheAdminTokenOnly() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT);
		this.client.get()
			.uri("/actuator/health")
			.header("Authorization", "Bearer " + TOKEN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.database.status")
			.isEqualTo("UP")
			.jsonPath("$.components.imports.status")
			.isEqualTo("UP");
	}

	@Test
	void prometheusMetricsNeedTheAdminToken() {
		this.client.get().uri("/api/v1/indicators").exchange().expectStatus().isOk();
		this.client.get().uri("/api/v1/indicators").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		// an import that is not an admin upload (command line, start-up) counts too
		this.importer.importFile(SharedData.file("cbs/80474ned.csv"));
		String metrics = this.client.get()
			.uri("/actuator/prometheus")
			.header("Authorization", "Bearer " + TOKEN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		org.assertj.core.api.Assertions.assertThat(metrics)
			// latency per endpoint
			.contains("http_server_requests_seconds_bucket{")
			.contains("uri=\"/api/v1/indicators\"")
			// cache hits and misses, import rows, pool usage
			.contains("llo_cache_requests_total{result=\"hit\"")
			.contains("llo_cache_requests_total{result=\"miss\"")
			.contains("llo_import_rows_total")
			.containsPattern("llo_import_rows_total(\\{[^}]*\\})? [1-9]")
			.contains("r2dbc_pool_acquired_connections")
			.contains("hikaricp_connections_active");
	}

	@Test
	void dashboardIsServed() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((html) -> org.assertj.core.api.Assertions.assertThat(html).contains("LLO Monitor"));
	}

}
