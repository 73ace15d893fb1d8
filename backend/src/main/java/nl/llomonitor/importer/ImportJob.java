package nl.llomonitor.importer;

import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;

/**
 * What a reader needs while it reads one file: its name and table id, the region list,
 * the mappings and catalog, where the cells go, and the transaction (for formats that
 * write other tables than observation).
 */
final class ImportJob {

	final String fileName;

	String tableId;

	final RegionDirectory regions;

	final MappingRegistry mappings;

	final Catalog catalog;

	final CellSink cells;

	final DSLContext tx;

	final long runId;

	final List<String> warnings = new ArrayList<>();

	/** Other entity sets and next pages, for OData; may be null. */
	ODataResources resources;

	/**
	 * When the source published this vintage: given with the import, or read by the
	 * reader from the source's metadata; null when unknown. Only a date given with the
	 * import places the vintage in time ({@link #backdated}); one from metadata is only
	 * recorded.
	 */
	java.time.OffsetDateTime published;

	/**
	 * Whether this vintage is recorded at {@link #published} instead of the import time.
	 */
	boolean backdated;

	/** Where {@link #published} comes from, for the report. */
	String publishedFrom;

	/** The digest of all bytes read, to which {@link #digested} adds. */
	java.security.MessageDigest digest;

	long rowsRead;

	/**
	 * Cells per special sign or flag read ({@code "-"}, {@code "."}, {@code "x"},
	 * {@code "empty"}, v4 attributes such as {@code "Confidential"}, Eurostat {@code ":"}
	 * and flag letters), for the import report.
	 */
	final java.util.Map<String, Long> signs = new java.util.TreeMap<>();

	/**
	 * Why the source is probably incomplete (cut off); empty when it looks complete.
	 */
	final List<String> incomplete = new ArrayList<>();

	/** Rows written by formats that do not write observations (regions, geometry). */
	long otherRowsInserted;

	long otherRowsUnchanged;

	ImportJob(String fileName, String tableId, RegionDirectory regions, MappingRegistry mappings, Catalog catalog,
			CellSink cells, DSLContext tx, long runId) {
		this.fileName = fileName;
		this.tableId = tableId;
		this.regions = regions;
		this.mappings = mappings;
		this.catalog = catalog;
		this.cells = cells;
		this.tx = tx;
		this.runId = runId;
	}

	ImportException error(String location, String column, String value, String expected, String problem) {
		return new ImportException(this.fileName, location, column, value, expected, problem);
	}

	TableMapping mapping(String location) {
		TableMapping mapping = this.mappings.find(this.tableId);
		if (mapping == null) {
			throw error(location, null, this.tableId,
					"a table with a mapping file in data/mappings/ ("
							+ this.mappings.all().stream().map(TableMapping::table).toList() + ")",
					"no mapping for table");
		}
		return mapping;
	}

	java.io.InputStream digested(java.io.InputStream in) {
		return (this.digest != null) ? new java.security.DigestInputStream(in, this.digest) : in;
	}

	/**
	 * Counts one cell that carried a sign or flag.
	 * @param name the sign as reported
	 */
	void sign(String name) {
		this.signs.merge(name, 1L, Long::sum);
	}

	/**
	 * Records that the source is probably cut off; the import is refused unless it was
	 * asked to accept an incomplete source.
	 * @param why what shows it, e.g. "exactly 10,000 records and no odata.nextLink"
	 */
	void incomplete(String why) {
		if (!this.incomplete.contains(why)) {
			this.incomplete.add(why);
		}
	}

	void warn(String warning) {
		if (!this.warnings.contains(warning)) {
			this.warnings.add(warning);
		}
	}

}
