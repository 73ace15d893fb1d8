package nl.llomonitor.importer;

import java.util.ArrayList;
import java.util.List;

import nl.llomonitor.importer.catalog.Catalog;
import nl.llomonitor.importer.catalog.GenericTable;
import nl.llomonitor.importer.catalog.MappingRegistry;
import nl.llomonitor.importer.catalog.RegionDirectory;
import nl.llomonitor.importer.catalog.TableMapping;
import nl.llomonitor.importer.cbs.ODataResources;
import nl.llomonitor.importer.format.CellSink;
import nl.llomonitor.importer.store.MappingRemapper;
import org.jooq.DSLContext;

/**
 * What a reader needs while it reads one file: its name and table id, the region list,
 * the mappings and catalog, where the cells go, and the transaction (for formats that
 * write other tables than observation).
 */
public final class ImportJob {

	public final String fileName;

	public String tableId;

	public final RegionDirectory regions;

	final MappingRegistry mappings;

	public final Catalog catalog;

	public final CellSink cells;

	public final DSLContext tx;

	public final long runId;

	final List<String> warnings = new ArrayList<>();

	/** Options given with the import. */
	ImportOptions options = ImportOptions.NONE;

	/**
	 * The generated mapping when the table is imported with its own measures (no mapping
	 * file, or {@link ImportOptions#generic()}); null otherwise.
	 */
	public GenericTable generic;

	/**
	 * The mapping file applied on top of a generic import ({@link MappingRemapper}), or
	 * null.
	 */
	public TableMapping curatedOnTop;

	/**
	 * Ids (lower case) of the tables the store holds generically, read before the COPY
	 * into the staging table starts (the connection serves nothing else during it).
	 */
	java.util.Set<String> genericTables = java.util.Set.of();

	/** Region labels or codes the store does not know, with their row counts. */
	final java.util.Map<String, Integer> unknownRegions = new java.util.TreeMap<>();

	/** Other entity sets and next pages, for OData; may be null. */
	public ODataResources resources;

	/**
	 * When the source published this vintage: given with the import, or read by the
	 * reader from the source's metadata; null when unknown. Only a date given with the
	 * import places the vintage in time ({@link #backdated}); one from metadata is only
	 * recorded.
	 */
	public java.time.OffsetDateTime published;

	/**
	 * Whether this vintage is recorded at {@link #published} instead of the import time.
	 */
	public boolean backdated;

	/**
	 * The date from which a region edition is valid (regions format only); null: the day
	 * of the import.
	 */
	public java.time.LocalDate validFrom;

	/** Where {@link #published} comes from, for the report. */
	public String publishedFrom;

	/** The digest of all bytes read, to which {@link #digested} adds. */
	java.security.MessageDigest digest;

	public long rowsRead;

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
	public long otherRowsInserted;

	public long otherRowsUnchanged;

	public ImportJob(String fileName, String tableId, RegionDirectory regions, MappingRegistry mappings,
			Catalog catalog, CellSink cells, DSLContext tx, long runId) {
		this.fileName = fileName;
		this.tableId = tableId;
		this.regions = regions;
		this.mappings = mappings;
		this.catalog = catalog;
		this.cells = cells;
		this.tx = tx;
		this.runId = runId;
	}

	public ImportException error(String location, String column, String value, String expected, String problem) {
		return new ImportException(this.fileName, location, column, value, expected, problem);
	}

	public TableMapping mapping(String location) {
		TableMapping mapping = this.mappings.find(this.tableId);
		if (mapping == null) {
			throw error(location, null, this.tableId,
					"a table with a mapping file in data/mappings/ ("
							+ this.mappings.all().stream().map(TableMapping::table).toList() + ")",
					"no mapping for table");
		}
		return mapping;
	}

	/**
	 * The mapping of a CBS table: its mapping file, unless the table is imported with its
	 * own measures (it has no mapping file, {@link ImportOptions#generic()} is set, or
	 * the store already holds it that way); then a {@link GenericTable} built from the
	 * columns, and the mapping file, if any, is applied on top after the import.
	 * @param location where in the file, for errors
	 * @param generic builds the generic mapping from what the reader has seen
	 * @return the mapping
	 */
	public TableMapping mapping(String location, java.util.function.Function<String, GenericTable> generic) {
		TableMapping curated = this.mappings.find(this.tableId);
		if (curated != null && !this.options.generic() && !storedGeneric()) {
			return curated;
		}
		if (this.tableId == null) {
			throw error(location, null, null, "a CBS table id in the file name (85624NED.csv), the OData metadata"
					+ " or given with the import (--table)", "unknown table");
		}
		if (this.generic == null) {
			this.generic = generic.apply(this.tableId);
			this.curatedOnTop = curated;
			if (curated != null) {
				// the mapping's own skip list still applies (labels without a code)
				this.generic.skipRegions.addAll(curated.skipRegions());
			}
		}
		return this.generic.mapping;
	}

	private boolean storedGeneric() {
		return this.tableId != null && this.genericTables.contains(this.tableId.toLowerCase(java.util.Locale.ROOT));
	}

	/**
	 * A row whose region is not in the store: skipped and counted when the import says
	 * so, else an error naming the column and value.
	 * @return normally (the row is to be skipped)
	 * @throws ImportException unless unknown regions are skipped
	 */
	public void unknownRegion(String location, String column, String value, String expected) {
		if (!this.options.skipUnknownRegions()) {
			throw error(location, column, value, expected, "unknown region (a level or edition the store does not"
					+ " know; import with --skip-unknown-regions to skip such rows, counted in the report)");
		}
		this.unknownRegions.merge(value.strip(), 1, Integer::sum);
	}

	public java.io.InputStream digested(java.io.InputStream in) {
		return (this.digest != null) ? new java.security.DigestInputStream(in, this.digest) : in;
	}

	/**
	 * Counts one cell that carried a sign or flag.
	 * @param name the sign as reported
	 */
	public void sign(String name) {
		this.signs.merge(name, 1L, Long::sum);
	}

	/**
	 * Records that the source is probably cut off; the import is refused unless it was
	 * asked to accept an incomplete source.
	 * @param why what shows it, e.g. "exactly 10,000 records and no odata.nextLink"
	 */
	public void incomplete(String why) {
		if (!this.incomplete.contains(why)) {
			this.incomplete.add(why);
		}
	}

	public void warn(String warning) {
		if (!this.warnings.contains(warning)) {
			this.warnings.add(warning);
		}
	}

}
