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

	/**
	 * The date from which a region edition is valid (regions format only); null: the day
	 * of the import.
	 */
	java.time.LocalDate validFrom;

	/** Where {@link #published} comes from, for the report. */
	String publishedFrom;

	/** The digest of all bytes read, to which {@link #digested} adds. */
	java.security.MessageDigest digest;

	long rowsRead;

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

	void warn(String warning) {
		if (!this.warnings.contains(warning)) {
			this.warnings.add(warning);
		}
	}

}
