package nl.llomonitor.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import nl.llomonitor.SharedData;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.DatabaseEndpoint;
import nl.llomonitor.system.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
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
 * Every value is credited to the import it now stands on. An import that finds a value
 * unchanged whose current vintage came from the demo data set (any real import), or from
 * a probably cut-off import (a complete import), writes a confirming vintage credited to
 * itself: the value's source, vintage and completeness are then those of the real file;
 * the demo's own vintage of it gives way (the demo is no publication, so no history).
 * Before, the cut-off state of a real download was lost behind the demo's figures, and a
 * complete re-import left a table marked cut off for good. Runs on a database of its own
 * that starts with the demo data set, as a fresh installation does; the steps build on
 * each other.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(ConfirmedVintagesIntegrationTests.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfirmedVintagesIntegrationTests {

	/** A cell of 83599NED the demo data set holds: vacancies, Nederland, 2011 Q1. */
	private static final String CELL = "indicator=vacatures&region=NL01&period=2011KW01";

	@Autowired
	private WebTestClient client;

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@TempDir
	static Path temp;

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnDatabase {

		private static final Supplier<DatabaseEndpoint> DATABASE = TestDatabase
			.ownDatabase("llo_confirmed_vintages_" + ProcessHandle.current().pid());

		@Bean
		DynamicPropertyRegistrar ownDatabaseProperties() {
			return TestDatabase.properties(DATABASE);
		}

	}

	/**
	 * The shared 83599NED download is cut off at CBS's 10,000 rows. Over the demo data
	 * set, whose 83599NED figures are the same, it used to write only the cells the demo
	 * lacks: the demo's cells kept the demo as their source, complete.
	 */
	@Test
	@Order(1)
	void cutOffImportOverTheDemoTakesTheDemosValuesAsItsOwn() {
		long demo = this.jdbc.fetchSingle("select id from import_run where format = 'demo'").get(0, Long.class);
		long demoCells = currentCells(demo);
		assertThat(demoCells).isGreaterThan(900);
		assertThat(vintageRuns()).containsExactly((int) demo);

		ImportReport cutOff = this.importer.importFile(SharedData.file("cbs/83599NED.csv"), true);
		assertThat(cutOff.complete()).isFalse();
		long confirmed = confirmed(cutOff.id());
		assertThat(confirmed).isEqualTo(demoCells);
		// every other cell of the file is new
		assertThat(cutOff.rowsUnchanged()).isEqualTo(confirmed);
		assertThat(currentCells(demo)).isZero();
		assertThat(currentCells(cutOff.id())).isEqualTo(cutOff.rowsInserted() + cutOff.rowsUnchanged());

		// the value tells it stands on a cut-off download, in series and revisions
		this.client.get()
			.uri("/api/v1/series?indicator=vacatures&regions=NL01&from=2011KW01&to=2011KW01&lang=en")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(135.5)
			.jsonPath("$.sources[0].table")
			.isEqualTo("83599NED")
			.jsonPath("$.sources[0].incomplete")
			.isEqualTo("exactly 10,000 data rows: the file was probably cut off at CBS's download limit");
		revisions().jsonPath("$.revised")
			.isEqualTo(false)
			.jsonPath("$.vintages[0].importRun")
			.isEqualTo((int) cutOff.id())
			.jsonPath("$.vintages[0].incomplete")
			.exists();
		// the demo's vintage gave way: it is no publication, so no history of the cell
		assertThat(vintageRuns()).containsExactly((int) cutOff.id());

		// the same file again writes nothing
		ImportReport again = this.importer.importFile(SharedData.file("cbs/83599NED.csv"), true);
		assertThat(again.status()).isEqualTo("unchanged");
		assertThat(again.rowsInserted()).isZero();
		assertThat(confirmed(again.id())).isZero();
		assertThat(vintageRuns()).containsExactly((int) cutOff.id());
	}

	/**
	 * A complete download of the same table confirms the cut-off run's values: the table
	 * is complete again, the run is marked superseded, and the change feed names only
	 * what changed.
	 */
	@Test
	@Order(2)
	void completeImportTakesOverFromTheCutOffRun() throws IOException {
		long cutOff = this.jdbc
			.fetchSingle("select max(id) from import_run where table_id = '83599NED' and status = 'succeeded'")
			.get(0, Long.class);
		long cutOffCells = currentCells(cutOff);
		this.client.get()
			.uri("/api/v1/tables/83599NED")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.completeness.complete")
			.isEqualTo(false);

		// the same rows and one more: no longer exactly CBS's limit
		String rows = Files.readString(SharedData.file("cbs/83599NED.csv"), StandardCharsets.UTF_8);
		Path complete = Files.writeString(Files.createDirectories(temp.resolve("complete")).resolve("83599NED.csv"),
				rows + "10000;H Vervoer en opslag;Flevoland (PV);2011 1e kwartaal;1.0\n", StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(complete);
		assertThat(report.complete()).isTrue();
		assertThat(report.rowsInserted()).isEqualTo(1);
		assertThat(confirmed(report.id())).isEqualTo(cutOffCells);
		assertThat(currentCells(cutOff)).isZero();
		assertThat(
				this.jdbc.fetchSingle("select superseded_by from import_run where id = ?", cutOff).get(0, Long.class))
			.isEqualTo(report.id());

		this.client.get()
			.uri("/api/v1/tables/83599NED")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.completeness.complete")
			.isEqualTo(true)
			.jsonPath("$.completeness.incompleteRun")
			.doesNotExist();
		this.client.get()
			.uri("/api/v1/series?indicator=vacatures&regions=NL01&from=2011KW01&to=2011KW01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sources[0].incomplete")
			.doesNotExist();
		revisions().jsonPath("$.revised")
			.isEqualTo(false)
			.jsonPath("$.vintages[1].importRun")
			.isEqualTo((int) report.id())
			.jsonPath("$.vintages[1].incomplete")
			.doesNotExist()
			.jsonPath("$.sources[0].incomplete")
			.doesNotExist();

		// a confirmation is no change: the feed of Nederland has no entry for the run,
		// Flevoland's names the one new figure only
		String nl = feed("NL01");
		assertThat(nl).contains("changes:run:" + cutOff + ":").doesNotContain("changes:run:" + report.id() + ":");
		String flevoland = feed("PV24");
		assertThat(flevoland).contains("changes:run:" + report.id() + ":");
		String entry = flevoland.substring(flevoland.indexOf("changes:run:" + report.id() + ":"));
		String content = entry.substring(entry.indexOf("<content"), entry.indexOf("</content>"));
		assertThat(content.lines().filter((line) -> line.startsWith("- "))).hasSize(1)
			.first()
			.asString()
			.contains("2011");

		// a cut-off download again confirms nothing of a complete run
		ImportReport later = this.importer.importFile(SharedData.file("cbs/83599NED.csv"), true);
		assertThat(later.rowsInserted()).isZero();
		assertThat(confirmed(later.id())).isZero();
		assertThat(currentCells(report.id())).isEqualTo(cutOffCells + 1);
	}

	/**
	 * A back-dated download (an older one, given with its publication date) over the demo
	 * data set: its vintages are older than the demo's, which used to stay current, so
	 * the demo's copy of a figure outranked the real file. The demo data set stands in
	 * for real data until they arrive: a real vintage of a cell replaces the demo's.
	 */
	@Test
	@Order(3)
	void backDatedImportOverTheDemoIsCurrentAndTheDemoStandsNoLonger() {
		long demo = this.jdbc.fetchSingle("select id from import_run where format = 'demo'").get(0, Long.class);
		String cell = "indicator=bevolking_65_plus&region=NL01&period=2017JJ00";
		assertThat(runsOf(cell)).containsExactly((int) demo);

		ImportReport report = this.importer.importFile(SharedData.file("cbs/60039fvw.csv"), null, null,
				java.time.OffsetDateTime.parse("2024-03-01T00:00:00+01:00"), true);
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(runsOf(cell)).containsExactly((int) report.id());
		this.client.get()
			.uri("/api/v1/series?indicator=bevolking_65_plus&regions=NL01&from=2017JJ00&to=2017JJ00")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.series[0].points[0].value")
			.isEqualTo(3159660)
			.jsonPath("$.series[0].points[0].importRun")
			.isEqualTo((int) report.id());
		// no cell of the table stands on the demo any more; other tables' cells still do
		assertThat(this.jdbc
			.fetchSingle("select count(*) from observation where import_run_id = ? and source_table = '60039fvw'", demo)
			.get(0, Long.class)).isZero();
		assertThat(this.jdbc
			.fetchSingle("select count(*) from observation where import_run_id = ? and source_table = '85554NED'", demo)
			.get(0, Long.class)).isGreaterThan(1000);
	}

	/**
	 * A real file that finds the demo's figure unchanged but states no status of its own
	 * (here a user's file in the project's own format with an empty status) is written
	 * with no status stated: the demo's status is not handed on to it, since the demo's
	 * vintage gives way.
	 */
	@Test
	@Order(4)
	void aRealFileWithoutStatusOverTheDemoStatesNone() throws IOException {
		String cell = "indicator=ww_uitkeringen&region=PV26&period=2024MM12";
		assertThat(runsOf(cell)).hasSize(1);
		String line = "85554NED;ww_uitkeringen;PV26;2024MM12;;11720.0;11220.0;;definitief;";
		assertThat(new String(
				new org.springframework.core.io.ClassPathResource("data/demo/observations.csv").getContentAsByteArray(),
				StandardCharsets.UTF_8))
			.contains(line);
		Path own = Files.writeString(temp.resolve("observations.csv"),
				"# LLO Monitor observations v1\n"
						+ "table;indicator;region;period;breakdown;value;margin_low;margin_high;" + "status;flags\n"
						+ line.replace(";definitief;", ";;") + "\n",
				StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(own);
		// the same value: a confirmation only, so the run's status stays unchanged
		assertThat(report.status()).isEqualTo("unchanged");
		assertThat(confirmed(report.id())).isEqualTo(1);
		assertThat(runsOf(cell)).containsExactly((int) report.id());
		assertThat(this.jdbc
			.fetchSingle("select status from observation where import_run_id = ? and region_code = 'PV26'"
					+ " and period_code = '2024MM12'", report.id())
			.get(0, String.class)).isEqualTo("niet_vermeld");
	}

	/**
	 * The runs of the vintages of a cell ({@code indicator=&region=&period=}), oldest
	 * first.
	 */
	private java.util.List<Integer> runsOf(String cell) {
		return com.jayway.jsonpath.JsonPath.read(new String(this.client.get()
			.uri("/api/v1/revisions?" + cell)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8), "$.vintages[*].importRun");
	}

	/** The answer of {@code revisions} for {@link #CELL}. */
	private WebTestClient.BodyContentSpec revisions() {
		return this.client.get().uri("/api/v1/revisions?" + CELL).exchange().expectStatus().isOk().expectBody();
	}

	/** The runs of the vintages of {@link #CELL}, oldest first. */
	private java.util.List<Integer> vintageRuns() {
		return com.jayway.jsonpath.JsonPath.read(
				new String(revisions().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8),
				"$.vintages[*].importRun");
	}

	/** The cells of 83599NED whose current vintage the run wrote. */
	private long currentCells(long run) {
		return this.jdbc.fetchSingle("""
				select count(*) from observation o
				where o.import_run_id = ? and o.source_table = '83599NED'
				  and not exists (select 1 from observation l
				                  where l.indicator_code = o.indicator_code and l.region_code = o.region_code
				                    and l.breakdown_id = o.breakdown_id and l.period_code = o.period_code
				                    and (l.recorded_at, l.id) > (o.recorded_at, o.id))""", run).get(0, Long.class);
	}

	/** The vintages a run wrote only to take an unchanged value as its own. */
	private long confirmed(long run) {
		return this.jdbc.fetchSingle("select (report ->> 'confirmed')::bigint from import_run where id = ?", run)
			.get(0, Long.class);
	}

	private String feed(String region) {
		return this.client.get()
			.uri("/api/v1/feeds/changes.atom?region=" + region)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
