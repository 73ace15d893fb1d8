package nl.llomonitor.indicator;

import nl.llomonitor.system.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /api/v1/tables} on the demo store: every table is listed with a title, the
 * one its mapping file gives where the import brought none (Alle tabellen showed bare
 * codes such as "82220NED").
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@Import(TestDatabaseConfiguration.class)
class TableCatalogIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aMappedTableHasItsMappingFilesTitle() {
		this.client.get()
			.uri("/api/v1/tables")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '82220NED')].title")
			.isEqualTo("Regionale bevolkingsprognose 2014-2040; regio-indeling 2013")
			.jsonPath("$[?(@.id == '82220NED')].source")
			.isEqualTo("CBS")
			.jsonPath("$[?(@.id == 'trng_lfse_04')].source")
			.isEqualTo("Eurostat")
			.jsonPath("$[?(!@.title)]")
			.isEmpty();
		this.client.get()
			.uri("/api/v1/tables/85268NED")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isNotEmpty();
	}

}
