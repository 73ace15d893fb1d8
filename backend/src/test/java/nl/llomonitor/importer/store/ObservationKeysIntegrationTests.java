package nl.llomonitor.importer.store;

import java.time.OffsetDateTime;
import java.util.List;

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
			.isEqualTo(new ObservationStore.Result(2, 2, 0, 0, java.util.List.of()));
		assertThatThrownBy(() -> merge(indicator, new String[] { "repeated_cell_test", "PV26", "2023KW02" },
				new String[] { "repeated_cell_test", "PV26", "2023KW01" },
				new String[] { "repeated_cell_test", "PV26", "2023KW02" }))
			.isInstanceOfSatisfying(ImportException.class, (ex) -> assertThat(ex.getMessage()).contains("lines 2 and 4")
				.contains("the same cell is given twice"));
	}

	/**
	 * A staged cell whose breakdown key was never registered (a fault of a reader or of a
	 * re-keying, simulated by changing the staged key behind the sink's back) fails the
	 * merge naming the cell, with nothing written, in a first import of its indicator and
	 * in a later one. The insert joined the cells to their breakdowns, so such a cell was
	 * left out and the run counted it as unchanged.
	 */
	@Test
	void aCellWhoseBreakdownWasNeverRegisteredFailsTheMergeInsteadOfBeingDropped() {
		String unregistered = "update import_stage set breakdown_key = 'geslacht=nooit_geregistreerd'"
				+ " where line = 3";
		long rows = this.jdbc.fetchCount(OBSERVATION);
		assertThatThrownBy(
				() -> mergeStaged(null, unregistered, new String[] { "werkloosheidspercentage", "PV26", "2023KW01" },
						new String[] { "werkloosheidspercentage", "PV21", "2023KW01" }))
			.isInstanceOfSatisfying(ImportException.class,
					(ex) -> assertThat(ex.getMessage()).contains("line 3")
						.contains("geslacht=nooit_geregistreerd")
						.contains("werkloosheidspercentage PV21 2023KW01")
						.contains("breakdown not registered"));
		String indicator = "insert into indicator (code, name_nl, name_en, unit, definition_nl, definition_en)"
				+ " values ('unregistered_test', 'n', 'n', 'persons', 'd', 'd')";
		assertThatThrownBy(
				() -> mergeStaged(indicator, unregistered, new String[] { "unregistered_test", "PV26", "2023KW01" },
						new String[] { "unregistered_test", "PV21", "2023KW01" }))
			.isInstanceOfSatisfying(ImportException.class,
					(ex) -> assertThat(ex.getMessage()).contains("line 3").contains("breakdown not registered"));
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(rows);
	}

	private static final String SEGMENT_INDICATOR = "insert into indicator (code, name_nl, name_en, unit,"
			+ " definition_nl, definition_en) values ('segment_test', 'n', 'n', 'persons', 'd', 'd')";

	/** The tables named as segments, attached or not. */
	private int segmentTables() {
		return this.jdbc
			.fetchSingle("select count(*)::int from pg_class where relkind in ('r', 'p')"
					+ " and relname like 'observation\\_segment\\_%'")
			.get(0, Integer.class);
	}

	/**
	 * A first import of at least segmentCells cells writes them into a table of its own
	 * with every index of observation but its primary key, read as an inheritance child
	 * of observation, with the coverage the same cells get when written into observation.
	 */
	@Test
	void aLargeFirstMergeWritesASegmentOfItsOwnWithTheIndexesAndCoverageOfObservation() {
		int tables = segmentTables();
		String[][] cells = { { "segment_test", "PV26", "2023KW01" }, { "segment_test", "PV26", "2023KW02" },
				{ "segment_test", "PV21", "2023JJ00" } };
		String coverage = "select source_table || ' ' || indicator_code || ' ' || region_code || ' ' || period_type"
				+ " || ' ' || cells || ' ' || first_period || ' ' || last_period from observation_coverage"
				+ " where import_run_id = ? union all select 'period ' || period_code from observation_coverage_period"
				+ " where import_run_id = ? union all select 'breakdown ' || breakdown_id from observation_coverage_breakdown"
				+ " where import_run_id = ? order by 1";
		List<String> plain = new java.util.ArrayList<>();
		merge(SEGMENT_INDICATOR, ObservationStore.NO_SEGMENTS, (tx, run) -> {
			assertThat(tx.fetchValue("select to_regclass(?)", "observation_segment_" + run)).isNull();
			plain.addAll(tx.fetch(coverage, run, run, run).getValues(0, String.class));
		}, cells);
		assertThat(plain).hasSize(2 + 3 + 1);
		ObservationStore.Result result = merge(SEGMENT_INDICATOR, 3, (tx, run) -> {
			String segment = "observation_segment_" + run;
			assertThat(tx.fetchValue("select inhparent::regclass::text from pg_inherits where inhrelid = ?::regclass",
					segment))
				.isEqualTo("observation");
			assertThat(tx
				.fetch("select tableoid::regclass::text, import_run_id, value from observation"
						+ " where indicator_code = 'segment_test' order by region_code desc, period_code")
				.map((r) -> r.get(0) + " " + r.get(1) + " " + r.get(2)))
				.containsExactly(segment + " " + run + " 2", segment + " " + run + " 3", segment + " " + run + " 4");
			// the indexes of observation (but its primary key), its cell index unique on
			// the cell and its moment (migration V19)
			String definitions = "select case when indisunique then 'UNIQUE ' else '' end"
					+ " || substr(pg_get_indexdef(indexrelid), strpos(pg_get_indexdef(indexrelid), 'USING '))"
					+ " from pg_index where indrelid = ?::regclass and not indisprimary";
			String cellIndex = "USING btree (indicator_code, region_code, breakdown_id, period_code, recorded_at DESC";
			assertThat(tx.fetch(definitions, segment).getValues(0, String.class))
				.containsExactlyInAnyOrderElementsOf(tx.fetch(definitions, "observation")
					.getValues(0, String.class)
					.stream()
					.map((d) -> d.replace(cellIndex + ", id DESC)", "UNIQUE " + cellIndex + ")"))
					.toList())
				.contains("UNIQUE " + cellIndex + ")");
			assertThat(tx.fetch(coverage, run, run, run).getValues(0, String.class)).isEqualTo(plain);
		}, cells);
		assertThat(result).isEqualTo(new ObservationStore.Result(3, 3, 0, 0, java.util.List.of()));
		assertThat(segmentTables()).as("rolled back with the import").isEqualTo(tables);
	}

	/**
	 * A new vintage of indicators the store holds values of writes only the cells that
	 * changed: into observation itself, however many cells it stages (no segment per
	 * vintage, no changed cells written twice).
	 */
	@Test
	void aNewVintageIsWrittenIntoObservationNotASegment() {
		String earlier = SEGMENT_INDICATOR + "; insert into observation (indicator_code, region_code, period_code,"
				+ " import_run_id, recorded_at, value, status, source_table) select 'segment_test', 'PV26', p, r.id,"
				+ " now() - interval '1 day', v, 'definitief', '85268NED' from (values ('2023KW01', 2), ('2023KW02', 3))"
				+ " as c (p, v), (select max(id) as id from import_run) r";
		int tables = segmentTables();
		ObservationStore.Result result = merge(earlier, 2, (tx, run) -> {
			assertThat(tx.fetchValue("select to_regclass(?)", "observation_segment_" + run)).isNull();
			assertThat(tx
				.fetch("select tableoid::regclass::text, period_code, value from observation where import_run_id = ?",
						run)
				.map((r) -> r.get(0) + " " + r.get(1) + " " + r.get(2))).containsExactly("observation 2023KW03 4");
		}, new String[] { "segment_test", "PV26", "2023KW01" }, new String[] { "segment_test", "PV26", "2023KW02" },
				new String[] { "segment_test", "PV26", "2023KW03" });
		assertThat(result.inserted()).isEqualTo(1);
		assertThat(segmentTables()).isEqualTo(tables);
	}

	/**
	 * A segment that ends up smaller than its minimum is moved into observation (with its
	 * ids and coverage), and observation_segments_fold moves every segment into
	 * observation: afterwards observation has no children and reads the same rows.
	 */
	@Test
	void aSmallSegmentIsMovedAndSegmentsFoldIntoObservation() {
		int tables = segmentTables();
		try {
			this.jdbc.transaction((cfg) -> {
				DSLContext tx = cfg.dsl();
				tx.execute(SEGMENT_INDICATOR);
				String insert = "insert into %s (indicator_code, region_code, period_code, import_run_id, recorded_at,"
						+ " value, status, source_table) values ('segment_test', 'PV26', '%s', %d, now(), %d,"
						+ " 'definitief', '85268NED')";
				long small = tx
					.fetchSingle("insert into import_run (format, file_name, checksum)"
							+ " values ('cbs-csv', 'small.csv', '') returning id")
					.get(0, Long.class);
				String table = tx.fetchSingle("select observation_segment_create(?)", small).get(0, String.class);
				tx.execute(insert.formatted(table, "2023KW01", small, 7));
				long id = tx.fetchSingle("select id from " + table).get(0, Long.class);
				assertThat(tx.fetchSingle("select observation_segment_attach(?, 2)", small).get(0, Boolean.class))
					.isFalse();
				assertThat(tx.fetchValue("select to_regclass(?)", table)).isNull();
				assertThat(tx
					.fetchSingle("select tableoid::regclass::text || ' ' || id || ' ' || value from observation"
							+ " where import_run_id = ?", small)
					.get(0, String.class)).isEqualTo("observation " + id + " 7");
				assertThat(tx
					.fetchSingle("select sum(cells)::int from observation_coverage where import_run_id = ?", small)
					.get(0, Integer.class)).isEqualTo(1);

				long large = tx
					.fetchSingle("insert into import_run (format, file_name, checksum)"
							+ " values ('cbs-csv', 'large.csv', '') returning id")
					.get(0, Long.class);
				table = tx.fetchSingle("select observation_segment_create(?)", large).get(0, String.class);
				tx.execute(insert.formatted(table, "2023KW02", large, 8));
				tx.execute(insert.formatted(table, "2023KW03", large, 9));
				assertThat(tx.fetchSingle("select observation_segment_attach(?, 2)", large).get(0, Boolean.class))
					.isTrue();
				String current = "select string_agg(period_code || '=' || value, ' ' order by period_code)"
						+ " from observation_current where indicator_code = 'segment_test'";
				String before = tx.fetchSingle(current).get(0, String.class);
				assertThat(before).isEqualTo("2023KW01=7 2023KW02=8 2023KW03=9");
				assertThat(tx.fetchSingle("select observation_segments_fold()").get(0, Long.class))
					.isGreaterThanOrEqualTo(2);
				assertThat(tx
					.fetchSingle("select count(*)::int from pg_inherits where inhparent = 'observation'::regclass")
					.get(0, Integer.class)).isZero();
				assertThat(tx.fetchSingle(current).get(0, String.class)).isEqualTo(before);
				assertThat(tx
					.fetchSingle("select sum(cells)::int from observation_coverage where import_run_id = ?", large)
					.get(0, Integer.class)).as("counted once").isEqualTo(2);
				throw new Rollback(null);
			});
		}
		catch (Rollback ex) {
			// as intended: the shared store stays as it was
		}
		assertThat(segmentTables()).isEqualTo(tables);
	}

	/**
	 * A cell whose source states no status (a bare OData v4 Observations) is written into
	 * a segment as "niet vermeld", as into observation itself.
	 */
	@Test
	void aCellWithoutAStatedStatusIsWrittenIntoASegmentAsNotStated() {
		String[][] cells = { { "segment_test", "PV26", "2023KW01" }, { "segment_test", "PV26", "2023KW02" } };
		for (long segmentCells : new long[] { ObservationStore.NO_SEGMENTS, 1 }) {
			List<String> written = new java.util.ArrayList<>();
			try {
				this.jdbc.transaction((cfg) -> stageAndMerge(cfg.dsl(), SEGMENT_INDICATOR,
						"update " + StagingSink.TABLE + " set status = null where line = 3", segmentCells,
						(tx, run) -> written.addAll(tx
							.fetch("select tableoid::regclass::text like 'observation_segment_%' as seg, period_code,"
									+ " status from observation where import_run_id = ? order by period_code", run)
							.map((r) -> r.get(0) + " " + r.get(1) + " " + r.get(2))),
						cells));
			}
			catch (Rollback ex) {
				assertThat(ex.result.inserted()).isEqualTo(2);
			}
			boolean segment = segmentCells == 1;
			assertThat(written).containsExactly(segment + " 2023KW01 definitief",
					segment + " 2023KW02 " + nl.llomonitor.cube.Status.NOT_STATED.code());
		}
	}

	@Test
	void aCellGivenTwiceOrAnUnknownKeyFailsALargeMergeAndLeavesNoSegment() {
		int tables = segmentTables();
		assertThatThrownBy(() -> merge(SEGMENT_INDICATOR, 1, (tx, run) -> {
		}, new String[] { "segment_test", "PV26", "2023KW01" }, new String[] { "segment_test", "PV21", "2023KW01" },
				new String[] { "segment_test", "PV26", "2023KW01" }))
			.isInstanceOfSatisfying(ImportException.class, (ex) -> assertThat(ex.getMessage()).contains("lines 2 and 4")
				.contains("the same cell is given twice"));
		assertThatThrownBy(() -> merge(SEGMENT_INDICATOR, 1, (tx, run) -> {
		}, new String[] { "segment_test", "PV26", "2023KW01" }, new String[] { "segment_test", "GM9998", "2023KW01" }))
			.isInstanceOfSatisfying(ImportException.class,
					(ex) -> assertThat(ex.getMessage()).contains("line 3").contains("unknown region GM9998"));
		assertThat(segmentTables()).isEqualTo(tables);
		assertThat(this.jdbc.fetchCount(OBSERVATION, OBSERVATION.INDICATOR_CODE.eq("segment_test"))).isZero();
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
		return merge(setup, ObservationStore.NO_SEGMENTS, (tx, run) -> {
		}, cells);
	}

	/**
	 * As {@link #merge(String, String[]...)}, running {@code afterStaging} on the staged
	 * cells.
	 */
	private ObservationStore.Result mergeStaged(String setup, String afterStaging, String[]... cells) {
		try {
			this.jdbc.transaction(
					(cfg) -> stageAndMerge(cfg.dsl(), setup, afterStaging, ObservationStore.NO_SEGMENTS, (tx, run) -> {
					}, cells));
		}
		catch (Rollback ex) {
			return ex.result;
		}
		throw new AssertionError("the merge neither failed nor was rolled back");
	}

	/**
	 * As {@link #merge(String, String[]...)}, with the given segment size, running the
	 * check in the transaction after the merge (with the run id).
	 */
	private ObservationStore.Result merge(String setup, long segmentCells,
			java.util.function.BiConsumer<DSLContext, Long> check, String[]... cells) {
		try {
			this.jdbc.transaction((cfg) -> stageAndMerge(cfg.dsl(), setup, null, segmentCells, check, cells));
		}
		catch (Rollback ex) {
			return ex.result;
		}
		throw new AssertionError("the merge neither failed nor was rolled back");
	}

	private static void stageAndMerge(DSLContext tx, String setup, String afterStaging, long segmentCells,
			java.util.function.BiConsumer<DSLContext, Long> check, String[]... cells) {
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
			if (afterStaging != null) {
				tx.execute(afterStaging);
			}
			ObservationStore.Result result = ObservationStore.merge(tx, stage, job, OffsetDateTime.now(), segmentCells);
			check.accept(tx, run);
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
