package nl.llomonitor.importer.store;

import java.util.Collection;
import java.util.function.ToIntFunction;

import org.jooq.DSLContext;

/**
 * The first import of its indicators, written the way a bulk load is: into new tables
 * without indexes, whose indexes are then built once, sorted, and which then replace the
 * indicators' empty partitions of {@code observation} (migration V11:
 * {@code observation_fresh_begin} and {@code observation_fresh_finish}). Maintaining the
 * indexes row by row cost about twice as much as building them (issue 12).
 *
 * <p>
 * All of it runs in the import's transaction, so a failure or a crash leaves the empty
 * partitions as they were. While the tables are loaded and indexed, readers see the empty
 * partitions and are not blocked; the swap at the end takes an ACCESS EXCLUSIVE lock on
 * {@code observation} (for the detach of the empty partitions) until the import commits,
 * which follows at once.
 */
final class FreshPartitions {

	/**
	 * The partitioned table the new tables are written through, in this transaction only.
	 */
	private static final String LOAD = "import_fresh";

	/**
	 * Cells per indicator from which a first import loads new partitions. Each costs
	 * about a dozen DDL statements (tens of milliseconds); building indexes instead of
	 * maintaining them saves about half of the index time, which passes that at some tens
	 * of thousands of rows.
	 */
	static final long MIN_CELLS_PER_INDICATOR = 50_000;

	private FreshPartitions() {
	}

	/**
	 * @param cells the cells of the import
	 * @param indicators the number of its indicators
	 * @return whether loading new partitions saves time over writing through observation
	 */
	static boolean worthIt(long cells, int indicators) {
		return cells >= MIN_CELLS_PER_INDICATOR * Math.max(1, indicators);
	}

	/**
	 * @param tx the import's transaction
	 * @param indicators the codes of the indicators written, all without observations
	 * @param insert writes the cells into the table it is given (a partitioned table with
	 * a partition per indicator and the coverage trigger of {@code observation}) and
	 * returns the rows written; it may throw (nothing is then swapped)
	 * @return the rows written
	 */
	static int write(DSLContext tx, Collection<String> indicators, ToIntFunction<String> insert) {
		// the indicators the store knows (the staging also saw codes of rows it dropped,
		// such as a text measure's, which have no indicator and no partition)
		String[] codes = tx
			.fetch("select c from unnest(?::text[]) as c where exists (select 1 from indicator i where i.code = c)",
					(Object) indicators.toArray(String[]::new))
			.getValues(0, String.class)
			.toArray(String[]::new);
		tx.execute("select observation_fresh_begin(?::text[])", (Object) codes);
		int written = insert.applyAsInt(LOAD);
		tx.execute("select observation_fresh_finish(?::text[])", (Object) codes);
		return written;
	}

}
