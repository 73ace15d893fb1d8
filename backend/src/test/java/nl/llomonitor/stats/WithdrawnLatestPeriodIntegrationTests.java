package nl.llomonitor.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportReport;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DatabaseEndpoint;
import nl.llomonitor.system.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kind 07: when a later release withdraws every figure of the latest period, the default
 * period of {@code compare} and {@code map} is the latest period that still has a value,
 * not the withdrawn one shown as nothing but gaps. Runs on a database of its own, since
 * it withdraws figures other tests read.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(WithdrawnLatestPeriodIntegrationTests.OwnDatabase.class)
class WithdrawnLatestPeriodIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ImportService importer;

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnDatabase {

		private static final Supplier<DatabaseEndpoint> DATABASE = TestDatabase.ownDatabase("llo_withdrawn_latest");

		@Bean
		DynamicPropertyRegistrar ownDatabaseProperties() {
			return TestDatabase.properties(DATABASE);
		}

	}

	@Test
	void defaultPeriodsSkipAPeriodWhoseFiguresWereAllWithdrawn(@TempDir Path dir) throws IOException {
		Path original = SharedData.file("eurostat/trng_lfse_04_NL_subset.tsv");
		ImportReport first = this.importer.importFile(original);
		assertThat(first.status()).isIn("succeeded", "unchanged");
		assertThat(defaultPeriod("compare?indicator=llo_deelname_eurostat&regions=PV26,PV21")).isEqualTo("2023JJ00");
		assertThat(defaultPeriod("map?indicator=llo_deelname_eurostat&level=provincie")).isEqualTo("2023JJ00");
		assertThat(provincePeriods()).contains("2023JJ00");

		// a later release: every 2023 figure confidential (": c"), the last column
		List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
		String withdrawn = lines.get(0) + "\n"
				+ lines.stream()
					.skip(1)
					.map((l) -> l.substring(0, l.lastIndexOf('\t') + 1) + ": c")
					.collect(Collectors.joining("\n"))
				+ "\n";
		Path later = Files.writeString(dir.resolve("trng_lfse_04.tsv"), withdrawn, StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(later);
		assertThat(report.cellsWithdrawn()).isEqualTo(lines.size() - 1);

		assertThat(defaultPeriod("compare?indicator=llo_deelname_eurostat&regions=PV26,PV21")).isEqualTo("2022JJ00");
		assertThat(defaultPeriod("map?indicator=llo_deelname_eurostat&level=provincie")).isEqualTo("2022JJ00");
		// the periods with a value at a level leave 2023 out too
		assertThat(provincePeriods()).contains("2022JJ00").doesNotContain("2023JJ00");
		// asked for explicitly, 2023 is answered, its values withdrawn with their reason
		this.client.get()
			.uri("/api/v1/compare?indicator=llo_deelname_eurostat&regions=PV26,PV21&period=2023JJ00")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.values[0].value")
			.doesNotExist()
			.jsonPath("$.values[0].missingReason")
			.isEqualTo("vertrouwelijk");
	}

	/**
	 * The periods with a value for a provincie, as the dashboard's pickers offer them.
	 */
	private List<String> provincePeriods() {
		return com.jayway.jsonpath.JsonPath.read(new String(this.client.get()
			.uri("/api/v1/periods?indicator=llo_deelname_eurostat&level=provincie")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8), "$[*].code");
	}

	private String defaultPeriod(String query) {
		return com.jayway.jsonpath.JsonPath.read(new String(this.client.get()
			.uri("/api/v1/" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8), "$.period.code");
	}

}
