package nl.llomonitor.importer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import nl.llomonitor.cube.ImportRunState;

/**
 * The outcome of one import run (the same data as its {@code import_run} row).
 *
 * @param id the import run id
 * @param format the format code
 * @param fileName the file name
 * @param tableId the source table id, if known
 * @param checksum sha-256 of the bytes read
 * @param status {@code succeeded}, {@code unchanged} or {@code failed}
 * @param rowsRead records read from the file
 * @param rowsInserted new cells and new vintages written
 * @param rowsUnchanged cells identical to their current vintage
 * @param warnings warnings, e.g. a file that was probably cut off
 * @param dataVersion the data version after the import, or null when nothing changed
 * @param startedAt when the run started (the recorded_at of its vintages, unless it was
 * back-dated with a publication date)
 * @param finishedAt when it finished
 * @param error the error, for a failed run
 * @param signs cells per CBS special sign ({@code "-"}, {@code "."}, {@code "x"},
 * {@code "?"}, {@code "empty"}), v4 value attribute ({@code "Confidential"}, ...), typed
 * null ({@code "null"}), Eurostat {@code ":"} and flag letter read
 * @param cellsWithdrawn cells that had a number and have none from this run on
 * @param complete false when the source was probably cut off and imported only because
 * that was allowed ({@code --allow-incomplete}, {@code allowIncomplete=true})
 * @param incompleteReason why the source is probably incomplete, or null
 */
public record ImportReport(long id, String format, String fileName, String tableId, String checksum, String status,
		long rowsRead, long rowsInserted, long rowsUnchanged, List<String> warnings, Long dataVersion,
		OffsetDateTime startedAt, OffsetDateTime finishedAt, String error, Map<String, Long> signs, long cellsWithdrawn,
		boolean complete, String incompleteReason) {

	/**
	 * A report of a complete run without signs or withdrawals (the shape before signs,
	 * withdrawals and completeness were reported).
	 */
	public ImportReport(long id, String format, String fileName, String tableId, String checksum, String status,
			long rowsRead, long rowsInserted, long rowsUnchanged, List<String> warnings, Long dataVersion,
			OffsetDateTime startedAt, OffsetDateTime finishedAt, String error) {
		this(id, format, fileName, tableId, checksum, status, rowsRead, rowsInserted, rowsUnchanged, warnings,
				dataVersion, startedAt, finishedAt, error, Map.of(), 0, true, null);
	}

	/**
	 * @return whether the run changed data
	 */
	public boolean changed() {
		return ImportRunState.SUCCEEDED.code().equals(this.status) && this.rowsInserted > 0;
	}

}
