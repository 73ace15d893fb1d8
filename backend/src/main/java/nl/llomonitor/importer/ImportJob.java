package nl.llomonitor.importer;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import nl.llomonitor.cube.DutchTime;
import nl.llomonitor.importer.catalog.Catalog;
import nl.llomonitor.importer.catalog.MappingRegistry;
import nl.llomonitor.importer.catalog.RegionDirectory;
import nl.llomonitor.importer.catalog.TableMapping;
import nl.llomonitor.importer.cbs.ODataResources;
import nl.llomonitor.importer.format.CellSink;
import nl.llomonitor.importer.store.MappingRemapper;
import org.jooq.DSLContext;

/**
 * What a reader is given to read one file: its name and table id, the region list, the
 * mappings and catalog, where the cells go, the transaction (for formats that write other
 * tables than observation) and the options of the import. Immutable: a reader hands back
 * what it found as a {@link ReadResult}, started with {@link ReadResult#builder}.
 *
 * @param fileName the file's name, for errors and the report
 * @param tableId the source table id given with the import or taken from the file name;
 * null when unknown (a reader may find it, see {@link ReadResult#tableId()})
 * @param regions the region list the labels and codes resolve against
 * @param mappings the mapping files
 * @param catalog indicators and dimensions
 * @param cells where the cells go; null for formats that write other tables
 * @param tx the import's transaction; null outside the database (reader tests)
 * @param runId the {@code import_run} row of this import
 * @param options the options given with the import (never null)
 * @param genericTables ids (lower case) of the tables the store holds generically, read
 * before the COPY into the staging table starts (the connection serves nothing else
 * during it)
 * @param resources other entity sets and next pages, for OData; may be null
 * @param curatedOnTop the mapping file applied on top of the stored table
 * ({@link MappingRemapper}); given for the mapping format, found by
 * {@link ReadResult.Builder#mapping} otherwise; may be null
 * @param digest the digest of all bytes read, to which {@link #digested} adds; may be
 * null
 */
public record ImportJob(String fileName, String tableId, RegionDirectory regions, MappingRegistry mappings,
		Catalog catalog, CellSink cells, DSLContext tx, long runId, ImportOptions options, Set<String> genericTables,
		ODataResources resources, TableMapping curatedOnTop, MessageDigest digest) {

	public ImportJob {
		options = (options != null) ? options : ImportOptions.NONE;
		genericTables = (genericTables != null) ? Set.copyOf(genericTables) : Set.of();
	}

	/**
	 * A job without options, resources or digest.
	 */
	public ImportJob(String fileName, String tableId, RegionDirectory regions, MappingRegistry mappings,
			Catalog catalog, CellSink cells, DSLContext tx, long runId) {
		this(fileName, tableId, regions, mappings, catalog, cells, tx, runId, ImportOptions.NONE, Set.of(), null, null,
				null);
	}

	public ImportJob withTableId(String id) {
		return new ImportJob(this.fileName, id, this.regions, this.mappings, this.catalog, this.cells, this.tx,
				this.runId, this.options, this.genericTables, this.resources, this.curatedOnTop, this.digest);
	}

	public ImportJob withOptions(ImportOptions given) {
		return new ImportJob(this.fileName, this.tableId, this.regions, this.mappings, this.catalog, this.cells,
				this.tx, this.runId, given, this.genericTables, this.resources, this.curatedOnTop, this.digest);
	}

	public ImportJob withGenericTables(Set<String> ids) {
		return new ImportJob(this.fileName, this.tableId, this.regions, this.mappings, this.catalog, this.cells,
				this.tx, this.runId, this.options, ids, this.resources, this.curatedOnTop, this.digest);
	}

	public ImportJob withResources(ODataResources given) {
		return new ImportJob(this.fileName, this.tableId, this.regions, this.mappings, this.catalog, this.cells,
				this.tx, this.runId, this.options, this.genericTables, given, this.curatedOnTop, this.digest);
	}

	public ImportJob withCuratedOnTop(TableMapping mapping) {
		return new ImportJob(this.fileName, this.tableId, this.regions, this.mappings, this.catalog, this.cells,
				this.tx, this.runId, this.options, this.genericTables, this.resources, mapping, this.digest);
	}

	public ImportJob withDigest(MessageDigest given) {
		return new ImportJob(this.fileName, this.tableId, this.regions, this.mappings, this.catalog, this.cells,
				this.tx, this.runId, this.options, this.genericTables, this.resources, this.curatedOnTop, given);
	}

	/**
	 * When the source published this vintage, as given with the import; null when not
	 * given (a reader may still find a date in the source's metadata, see
	 * {@link ReadResult#published()}).
	 */
	public OffsetDateTime published() {
		return this.options.published();
	}

	/**
	 * Whether this vintage is recorded at {@link #published} instead of the import time:
	 * only a moment given with the import places the vintage in time. Today's date (the
	 * start of today, Dutch time, as the admin form and the CLI give a date) is not one:
	 * a release published today is as new as any, while recorded at the start of today it
	 * would lie before the imports made earlier today, also those of downloads years old,
	 * and never become current. Nor is a date later than the publication of every import
	 * of the table the store holds ({@link ImportOptions#newestRelease()}): that download
	 * is the newest release, and recorded at its date it would lie before the imports of
	 * older downloads made since, and never become current.
	 */
	public boolean backdated() {
		OffsetDateTime published = this.options.published();
		return published != null && !this.options.newestRelease()
				&& !published.isEqual(DutchTime.startOf(LocalDate.now(DutchTime.ZONE)));
	}

	/**
	 * The date from which a region edition is valid (regions format only); null: the day
	 * of the import.
	 */
	public LocalDate validFrom() {
		return this.options.validFrom();
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
	 * Whether the store already holds the table generically (with its own measures).
	 * @param id the table id, may be null
	 */
	boolean storedGeneric(String id) {
		return id != null && this.genericTables.contains(id.toLowerCase(java.util.Locale.ROOT));
	}

	public java.io.InputStream digested(java.io.InputStream in) {
		return (this.digest != null) ? new java.security.DigestInputStream(in, this.digest) : in;
	}

}
