package nl.llomonitor.importer.store;

import java.time.OffsetDateTime;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.OBSERVATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Observation has no per-row foreign keys (migration V9): an import checks the keys of
 * its cells once, set-based, and fails naming an unknown one with nothing written; the
 * database still refuses to delete, re-key or truncate a row that observations refer to.
 * A cell given twice is refused, naming both lines, in a first import of its indicator
 * and in a later one alike.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class ObservationKeysIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@BeforeEach
	void importTable() {
		this.importer.importFile(SharedData.file("cbs/85268NED.csv"));
	}

	@Test
	void anUnknownRegionFailsTheMergeNamingItsLineAndNothingIsWritten() {
		long rows = this.jdbc.fetchCount(OBSERVATION);
		assertThatThrownBy(() -> merge("werkloosheidspercentage", "GM9998")).isInstanceOfSatisfying(
				ImportException.class,
				(ex) -> assertThat(ex.getMessage()).contains("line 3")
					.contains("unknown region GM9998")
					.contains("werkloosheidspercentage GM9998 2023KW02"));
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(rows);
	}

	@Test
	void anUnknownIndicatorFailsTheMergeNamingIt() {
		assertThatThrownBy(() -> merge("no_such_indicator", "PV26")).isInstanceOfSatisfying(ImportException.class,
				(ex) -> assertThat(ex.getMessage()).contains("line 3").contains("unknown indicator no_such_indicator"));
	}

	@Test
	void knownKeysPassTheCheck() {
		assertThat(merge("werkloosheidspercentage", "PV26").cells()).isEqualTo(2);
	}

	@Test
	void aCellGivenTwiceFailsNamingBothLinesWhereTheCellHasValues() {
		assertThatThrownBy(() -> merge(null, new String[] { "werkloosheidspercentage", "PV26", "2023KW01" },
				new String[] { "werkloosheidspercentage", "PV21", "2023KW01" },
				new String[] { "werkloosheidspercentage", "PV26", "2023KW01" }))
			.isInstanceOfSatisfying(ImportException.class,
					(ex) -> assertThat(ex.getMessage()).contains("lines 2 and 4")
						.contains("the same cell is given twice")
						.contains("werkloosheidspercentage PV26 2023KW01"));
	}

	@Test
	void aCellGivenTwiceFailsNamingBothLinesInAFirstImportOfItsIndicator() {
		String indicator = "insert into indicator (code, name_nl, name_en, unit, definition_nl, definition_en)"
				+ " values ('repeated_cell_test', 'n', 'n', 'persons', 'd', 'd')";
		assertThat(merge(indicator, new String[] { "repeated_cell_test", "PV26", "2023KW01" },
				new String[] { "repeated_cell_test", "PV26", "2023KW02" }))
			.isEqualTo(new ObservationStore.Result(2, 2, 0, java.util.List.of()));
		assertThatThrownBy(() -> merge(indicator, new String[] { "repeated_cell_test", "PV26", "2023KW02" },
				new String[] { "repeated_cell_test", "PV26", "2023KW01" },
				new String[] { "repeated_cell_test", "PV26", "2023KW02" }))
			.isInstanceOfSatisfying(ImportException.class, (ex) -> assertThat(ex.getMessage()).contains("lines 2 and 4")
				.contains("the same cell is given twice"));
	}

	@Test
	void aReferencedRowCannotBeDeletedReKeyedOrTruncated() {
		assertThatThrownBy(() -> this.jdbc.execute("delete from region where code = 'PV26'"))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("region PV26 is still referenced by observations");
		assertThatThrownBy(
				() -> this.jdbc.execute("update indicator set code = 'renamed' where code = 'werkloosheidspercentage'"))
			.hasMessageContaining("indicator werkloosheidspercentage is still referenced by observations");
		assertThatThrownBy(() -> this.jdbc.execute("delete from period where code = '2023KW02'"))
			.hasMessageContaining("still referenced by observations");
		assertThatThrownBy(() -> this.jdbc
			.execute("delete from import_run where id = (select max(import_run_id) from observation)"))
			.hasMessageContaining("still referenced by observations");
		assertThatThrownBy(() -> this.jdbc.execute("truncate region cascade"))
			.hasMessageContaining("cannot truncate region");
		assertThat(this.jdbc.fetchExists(OBSERVATION, OBSERVATION.REGION_CODE.eq("PV26"))).isTrue();
	}

	@Test
	void anUnreferencedRowCanStillBeDeletedAndReKeyed() {
		this.jdbc.execute("insert into period (code, type, year, number, start_date, end_date)"
				+ " values ('1701JJ00', 'year', 1701, 1, '1701-01-01', '1701-12-31') on conflict do nothing");
		assertThat(this.jdbc.execute("update period set code = '1702JJ00' where code = '1701JJ00'")).isEqualTo(1);
		assertThat(this.jdbc.execute("delete from period where code = '1702JJ00'")).isEqualTo(1);
	}

	/**
	 * Stages two cells (lines 2 and 3, the second with the given keys) and merges them.
	 */
	private ObservationStore.Result merge(String indicator, String region) {
		return merge(null, new String[] { "werkloosheidspercentage", "PV26", "2023KW01" },
				new String[] { indicator, region, "2023KW02" });
	}

	/**
	 * Stages the given cells (indicator, region, period) on lines 2, 3, ... and merges
	 * them in one transaction, which is then rolled back.
	 * @param setup SQL run first in the transaction, or null
	 */
	private ObservationStore.Result merge(String setup, String[]... cells) {
		try {
			this.jdbc.transaction((cfg) -> stageAndMerge(cfg.dsl(), setup, cells));
		}
		catch (Rollback ex) {
			return ex.result;
		}
		throw new AssertionError("the merge neither failed nor was rolled back");
	}

	private static void stageAndMerge(DSLContext tx, String setup, String[]... cells) {
		if (setup != null) {
			tx.execute(setup);
		}
		long run = tx.fetchSingle(
				"insert into import_run (format, file_name, checksum) values ('cbs-csv', 'keys.csv', '') returning id")
			.get(0, Long.class);
		ImportJob job = new ImportJob("keys.csv", "85268NED", null, null, null, null, tx, run);
		try (StagingSink stage = StagingSink.open(tx)) {
			long line = 2;
			for (String[] cell : cells) {
				stage.add(line, cell[0], cell[1], cell[2], "", StagingSink.VALUE, String.valueOf(line), null,
						"definitief", "", null, "85268NED");
				line++;
			}
			stage.finish();
			ObservationStore.Result result = ObservationStore.merge(tx, stage, job, OffsetDateTime.now());
			// whatever passed, leave the shared store as it was
			throw new Rollback(result);
		}
	}

	private static final class Rollback extends RuntimeException {

		private final transient ObservationStore.Result result;

		Rollback(ObservationStore.Result result) {
			super(null, null, false, false);
			this.result = result;
		}

	}

}
