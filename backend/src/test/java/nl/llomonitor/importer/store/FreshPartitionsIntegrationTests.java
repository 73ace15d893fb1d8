package nl.llomonitor.importer.store;

import java.time.OffsetDateTime;
import java.util.List;

import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Observation has a partition per indicator (migration V11), made with the indicator; the
 * first import of an indicator loads a new table, indexes it and swaps it in for the
 * empty partition ({@link FreshPartitions}), in the import's transaction: after a failure
 * the empty partition is there as before.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class FreshPartitionsIntegrationTests {

	private static final String INDICATOR = "fresh_partition_test";

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	private String partition;

	@BeforeEach
	void indicator() {
		this.jdbc.execute("insert into indicator (code, name_nl, name_en, unit, definition_nl, definition_en)"
				+ " values (?, 'n', 'n', 'persons', 'd', 'd')", INDICATOR);
		this.partition = this.jdbc.fetchSingle("select observation_partition_name(?)", INDICATOR).get(0, String.class);
	}

	@AfterEach
	void dropIndicator() {
		this.jdbc.execute("delete from indicator where code = ?", INDICATOR);
		assertThat(exists(this.jdbc, this.partition)).as("the partition goes with its indicator").isFalse();
	}

	@Test
	void anIndicatorHasAnEmptyIndexedPartitionFromTheStart() {
		assertThat(attached(this.jdbc, this.partition)).isTrue();
		assertThat(this.jdbc.fetchCount(this.jdbc.selectFrom(this.partition))).isZero();
		assertThat(indexesAttached(this.jdbc, this.partition)).isEqualTo(parentIndexes(this.jdbc));
	}

	@Test
	void aFirstImportSwapsInAnIndexedPartitionHoldingItsRowsAndTheirCoverage() {
		rolledBack((tx) -> {
			long oid = tx.fetchSingle("select ?::regclass::oid", this.partition).get(0, Long.class);
			List<String[]> cells = large(tx);
			ObservationStore.Result result = merge(tx, cells.toArray(String[][]::new));
			assertThat(result.inserted()).isEqualTo(cells.size());
			assertThat(tx.fetchSingle("select ?::regclass::oid", this.partition).get(0, Long.class))
				.as("a new table took the empty partition's place")
				.isNotEqualTo(oid);
			assertThat(attached(tx, this.partition)).isTrue();
			assertThat(tx.fetchSingle("select count(*) from observation where indicator_code = ?", INDICATOR)
				.get(0, Long.class)).isEqualTo(cells.size());
			assertThat(indexesAttached(tx, this.partition)).isEqualTo(parentIndexes(tx));
			assertThat(tx.fetch("select relname from pg_class where relname like 'import\\_fresh%'")).isEmpty();
			// the coverage its trigger wrote equals the coverage read again from
			// observation
			String coverage = "select region_code, period_type, cells, first_period, last_period, first_valued,"
					+ " last_valued from observation_coverage where indicator_code = ? order by region_code";
			var written = tx.fetch(coverage, INDICATOR);
			assertThat(written).hasSizeGreaterThan(400);
			tx.execute("select observation_coverage_recompute(array(select distinct import_run_id from observation"
					+ " where indicator_code = ?))", INDICATOR);
			assertThat(tx.fetch(coverage, INDICATOR)).isEqualTo(written);
			// readers of the indicator read its partition alone
			String plan = String.join("\n",
					tx.fetch("explain select * from observation where indicator_code = ?" + " and region_code = 'PV26'",
							INDICATOR)
						.getValues(0, String.class));
			assertThat(plan).contains(this.partition)
				.doesNotContainPattern(
						"observation_(?!" + this.partition.substring("observation_".length()) + ")[0-9a-f]{16}");
		});
	}

	@Test
	void aFailedFirstImportLeavesTheEmptyPartitionAsItWas() {
		long oid = this.jdbc.fetchSingle("select ?::regclass::oid", this.partition).get(0, Long.class);
		assertThatThrownBy(() -> this.jdbc.transaction((cfg) -> {
			List<String[]> cells = large(cfg.dsl());
			cells.add(cells.get(1));
			merge(cfg.dsl(), cells.toArray(String[][]::new));
		})).isInstanceOfSatisfying(ImportException.class,
				(ex) -> assertThat(ex.getMessage()).contains("lines 3 and ").contains("the same cell is given twice"));
		assertThat(this.jdbc.fetchSingle("select ?::regclass::oid", this.partition).get(0, Long.class)).isEqualTo(oid);
		assertThat(attached(this.jdbc, this.partition)).isTrue();
		assertThat(indexesAttached(this.jdbc, this.partition)).isEqualTo(parentIndexes(this.jdbc));
		assertThat(this.jdbc.fetch("select relname from pg_class where relname like 'import\\_fresh%'")).isEmpty();
		assertThat(this.jdbc.fetchCount(this.jdbc.selectFrom(this.partition))).isZero();
	}

	@Test
	void aSmallFirstImportWritesThroughObservation() {
		rolledBack((tx) -> {
			long oid = tx.fetchSingle("select ?::regclass::oid", this.partition).get(0, Long.class);
			assertThat(merge(tx, cell("PV26", "2023KW01"), cell("PV21", "2023KW01")).inserted()).isEqualTo(2);
			assertThat(tx.fetchSingle("select ?::regclass::oid", this.partition).get(0, Long.class)).isEqualTo(oid);
			assertThat(tx.fetchCount(tx.selectFrom(this.partition))).isEqualTo(2);
		});
	}

	@Test
	void anIndicatorWithObservationsKeepsItsPartition() {
		rolledBack((tx) -> {
			merge(tx, cell("PV26", "2023KW01"));
			assertThatThrownBy(() -> tx.execute("delete from indicator where code = ?", INDICATOR))
				.hasMessageContaining("still referenced by observations");
		});
	}

	/** Runs the checks in a transaction that is then rolled back. */
	private void rolledBack(java.util.function.Consumer<DSLContext> checks) {
		assertThatThrownBy(() -> this.jdbc.transaction((cfg) -> {
			checks.accept(cfg.dsl());
			throw new RolledBack();
		})).isInstanceOf(RolledBack.class);
	}

	/**
	 * Cells enough for the load into new partitions: every region of the store for as
	 * many years as it takes.
	 */
	private static List<String[]> large(DSLContext tx) {
		List<String> regions = tx.fetch("select code from region order by code").getValues(0, String.class);
		List<String[]> cells = new java.util.ArrayList<>();
		for (int year = 1800; cells.size() < FreshPartitions.MIN_CELLS_PER_INDICATOR; year++) {
			for (String region : regions) {
				cells.add(cell(region, year + "JJ00"));
			}
		}
		return cells;
	}

	private static String[] cell(String region, String period) {
		return new String[] { INDICATOR, region, period };
	}

	/**
	 * Stages the cells (indicator, region, period) on lines 2, 3, ... and merges them.
	 */
	private static ObservationStore.Result merge(DSLContext tx, String[]... cells) {
		long run = tx.fetchSingle(
				"insert into import_run (format, file_name, checksum) values ('cbs-csv', 'fresh.csv', '') returning id")
			.get(0, Long.class);
		ImportJob job = new ImportJob("fresh.csv", "85268NED", null, null, null, null, tx, run);
		try (StagingSink stage = StagingSink.open(tx)) {
			long line = 2;
			for (String[] cell : cells) {
				stage.add(line, cell[0], cell[1], cell[2], "", StagingSink.VALUE, String.valueOf(line), null,
						"definitief", "", null, "85268NED");
				line++;
			}
			stage.finish();
			return ObservationStore.merge(tx, stage, job, OffsetDateTime.now());
		}
	}

	private static boolean exists(DSLContext dsl, String table) {
		return dsl.fetchSingle("select to_regclass(?) is not null", table).get(0, Boolean.class);
	}

	private static boolean attached(DSLContext dsl, String table) {
		return dsl
			.fetchSingle("select exists (select 1 from pg_inherits"
					+ " where inhrelid = ?::regclass and inhparent = 'observation'::regclass)", table)
			.get(0, Boolean.class);
	}

	/** The indexes of observation that the table's indexes are attached to. */
	private static List<String> indexesAttached(DSLContext dsl, String table) {
		return dsl.fetch("""
				select p.relname from pg_index i
				join pg_inherits h on h.inhrelid = i.indexrelid
				join pg_class p on p.oid = h.inhparent
				where i.indrelid = ?::regclass order by p.relname""", table).getValues(0, String.class);
	}

	private static List<String> parentIndexes(DSLContext dsl) {
		return dsl.fetch("""
				select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid
				where i.indrelid = 'observation'::regclass order by c.relname""").getValues(0, String.class);
	}

	private static final class RolledBack extends RuntimeException {

		RolledBack() {
			super(null, null, false, false);
		}

	}

}
