package nl.llomonitor.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.catalog.ReferenceFiles;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.DatabaseEndpoint;
import nl.llomonitor.system.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.web.reactive.server.WebTestClient;

import static nl.llomonitor.db.Tables.REGION_EDITION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The startup bootstrap dates the region edition it imports by
 * {@code data/reference.yaml} (85755NED: 2024-01-01), not by the day of the first start:
 * a later edition imported afterwards with its own, earlier date (2025-01-01) then states
 * today's links, instead of applying only up to the day the store was first started. Runs
 * on a database of its own, since editions change the region list every other test reads.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(BootstrapIntegrationTests.OwnDatabase.class)
class BootstrapIntegrationTests {

	private static final Path CASES = SharedData.root().getParent().resolve("cases/2026-11-30");

	@Autowired
	private StoreInitializer initializer;

	@Autowired
	private ImportService importer;

	@Autowired
	private WebTestClient client;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnDatabase {

		private static final Supplier<DatabaseEndpoint> DATABASE = TestDatabase.ownDatabase("llo_bootstrap");

		@Bean
		DynamicPropertyRegistrar ownDatabaseProperties() {
			return TestDatabase.properties(DATABASE);
		}

	}

	@Test
	void bootstrapDatesTheRegionEditionByReferenceDataSoALaterEditionStatesTodaysLinks(@TempDir Path dir)
			throws IOException {
		assertThat(ReferenceFiles.load().editions()).containsEntry("cbs/85755NED.csv", LocalDate.of(2024, 1, 1));
		Files.createDirectories(dir.resolve("cbs"));
		Files.createSymbolicLink(dir.resolve("cbs/85755NED.csv"), SharedData.file("cbs/85755NED.csv"));

		List<ImportReport> reports = this.initializer.bootstrap(dir);

		assertThat(reports).hasSize(1);
		assertThat(reports.get(0).status()).isEqualTo("succeeded");
		assertThat(this.jdbc.select(REGION_EDITION.VALID_FROM, REGION_EDITION.FILE_NAME).from(REGION_EDITION).fetch())
			.extracting((r) -> r.value1(), (r) -> r.value2())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 1, 1), "85755NED.csv"));

		// case 10's later edition (Waalwijk GM0867 moves from AM26 to AM27), dated
		// 2025-01-01: it gives today's links; the 2024 edition gives 2024's
		ImportReport later = this.importer.importFile(CASES.resolve("10-gebieden-am-reassigned.csv"),
				ImportFormat.REGIONS, null, null, LocalDate.of(2025, 1, 1), null);
		assertThat(later.status()).isEqualTo("succeeded");
		assertThat(parents("GM0867", null)).contains("AM27").doesNotContain("AM26");
		assertThat(parents("GM0867", "2024-06-01")).contains("AM26").doesNotContain("AM27");
		assertThat(parents("GM0867", "2025-06-01")).contains("AM27").doesNotContain("AM26");

		// the bootstrap knows the file by its checksum and does not import it again
		assertThat(this.initializer.bootstrap(dir)).isEmpty();
		assertThat(parents("GM0867", null)).contains("AM27").doesNotContain("AM26");
	}

	/**
	 * A user's import of a table stands against the bootstrap: at this start or any later
	 * one the bootstrap skips its shared file of that table (the later import would be
	 * the current vintage), and an import of the bootstrap that got the import lock after
	 * the user's (the check before it passed) is refused under the lock, saying why. Two
	 * bootstrap files of one table (83599NED) are both imported: the bootstrap's own runs
	 * do not count.
	 */
	@Test
	void theBootstrapDoesNotWriteOverATableAUserImported(@TempDir Path dir) throws IOException {
		String line = "\n0;Nederland;2013 1e kwartaal;12617;9162;8427;7205;1222;0;773;3688;1412;2415;139;735;";
		Path upload = SharedData.changedCopy("cbs/85268NED.csv", false, Files.createDirectories(dir.resolve("upload")),
				(text) -> text.replace(line + "8.0;", line + "8.3;"));
		ImportReport user = this.importer.importFile(upload);
		assertThat(user.status()).isEqualTo("succeeded");
		Files.createDirectories(dir.resolve("boot/cbs"));
		Files.createSymbolicLink(dir.resolve("boot/cbs/85268NED.csv"), SharedData.file("cbs/85268NED.csv"));
		Files.createSymbolicLink(dir.resolve("boot/cbs/83599NED.csv"), SharedData.file("cbs/83599NED.csv"));
		Files.createSymbolicLink(dir.resolve("boot/cbs/odata3_83599NED"),
				SharedData.file("cbs/83599NED.csv").resolveSibling("odata3_83599NED"));

		assertThat(this.initializer.bootstrap(dir.resolve("boot")))
			.extracting(ImportReport::fileName, ImportReport::tableId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("odata3_83599NED", "83599NED"),
					org.assertj.core.groups.Tuple.tuple("83599NED.csv", "83599NED"));
		assertThat(unemploymentNl2013Q1()).isEqualByComparingTo("8.3");
		// a later start
		assertThat(this.initializer.bootstrap(dir.resolve("boot"))).isEmpty();
		assertThat(unemploymentNl2013Q1()).isEqualByComparingTo("8.3");

		// the check under the lock: the bootstrap's import of the file itself
		assertThatThrownBy(() -> this.importer.importFile(SharedData.file("cbs/85268NED.csv"), null, null,
				ImportOptions.NONE.allowingIncomplete(true).asSeed(), null))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("import run " + user.id())
			.hasMessageContaining("the bootstrap does not write its shared file over it");
		assertThat(unemploymentNl2013Q1()).isEqualByComparingTo("8.3");
		// the same file imported by hand is taken
		assertThat(this.importer.importFile(SharedData.file("cbs/85268NED.csv")).status()).isEqualTo("succeeded");
		assertThat(unemploymentNl2013Q1()).isEqualByComparingTo("8.0");
	}

	private java.math.BigDecimal unemploymentNl2013Q1() {
		return this.jdbc.fetchSingle("""
				select value from observation
				where indicator_code = 'werkloosheidspercentage' and region_code = 'NL01' and period_code = '2013KW01'
				  and breakdown_id = 0
				order by recorded_at desc, id desc limit 1""").get(0, java.math.BigDecimal.class);
	}

	@SuppressWarnings("unchecked")
	private List<String> parents(String code, String date) {
		Map<String, Object> region = this.client.get()
			.uri("/api/v1/regions/" + code + ((date != null) ? "?date=" + date : ""))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		return (List<String>) region.get("parents");
	}

}
