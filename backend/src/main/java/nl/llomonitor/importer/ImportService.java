package nl.llomonitor.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;
import nl.llomonitor.cube.DutchTime;
import nl.llomonitor.cube.ImportRunState;
import nl.llomonitor.cube.ImportWarning;
import nl.llomonitor.importer.catalog.Catalog;
import nl.llomonitor.importer.catalog.GenericTable;
import nl.llomonitor.importer.catalog.MappingRegistry;
import nl.llomonitor.importer.catalog.RegionDirectory;
import nl.llomonitor.importer.catalog.TableMapping;
import nl.llomonitor.importer.cbs.CbsODataClient;
import nl.llomonitor.importer.cbs.ODataResources;
import nl.llomonitor.importer.format.FormatReader;
import nl.llomonitor.importer.format.ODataFolder;
import nl.llomonitor.importer.store.ImportLock;
import nl.llomonitor.importer.store.MappingRemapper;
import nl.llomonitor.importer.store.ObservationStore;
import nl.llomonitor.importer.store.StagingSink;
import nl.llomonitor.importer.store.TableKinds;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.DatabaseConfiguration;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import static nl.llomonitor.db.Tables.IMPORT_RUN;

/**
 * Imports files into the statistical store. Every import is one JDBC transaction: it
 * writes an {@code import_run} row, appends a new vintage only for cells that changed (so
 * the same file twice changes nothing), and bumps the data version (which notifies
 * channel {@code llo_data_changed}) when it changed data. A failed import writes nothing
 * but its failed {@code import_run} row. Blocking: never call it on an event-loop thread.
 */
@Service
@org.springframework.boot.context.properties.EnableConfigurationProperties(ImportProperties.class)
public class ImportService {

	private static final Logger logger = LoggerFactory.getLogger(ImportService.class);

	/** Key of the transaction-scoped advisory lock that serialises imports. */
	static final long IMPORT_LOCK = ImportLock.KEY;

	private static final Pattern CBS_TABLE = Pattern.compile("^([0-9]{5}[A-Za-z]{3})");

	/**
	 * A CBS table id as a word of a file name (between characters that are no letter or
	 * digit).
	 */
	private static final Pattern CBS_TABLE_WORD = Pattern
		.compile("(?<![A-Za-z0-9])([0-9]{5}[A-Za-z]{3})(?![A-Za-z0-9])");

	private final DSLContext jdbc;

	private final ImportProperties properties;

	private final Catalog catalog;

	/** The built-in region list: seeds an empty store only; imports read the store. */
	private final RegionDirectory seedRegions;

	private final MappingRegistry mappings;

	private final Map<ImportFormat, FormatReader> readers = new EnumMap<>(ImportFormat.class);

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * @param jdbc the JDBC DSLContext
	 * @param properties importer settings
	 */
	private nl.llomonitor.importer.store.ImportMetrics metrics;

	/**
	 * @param metrics where every import's rows and time are counted (none outside Spring)
	 */
	@org.springframework.beans.factory.annotation.Autowired(required = false)
	void metrics(nl.llomonitor.importer.store.ImportMetrics metrics) {
		this.metrics = metrics;
	}

	private DataChangeListener versions;

	public ImportService(@Qualifier(DatabaseConfiguration.JDBC_DSL) DSLContext jdbc, ImportProperties properties) {
		this.jdbc = jdbc;
		this.properties = (properties != null) ? properties
				: new ImportProperties(null, null, null, null, null, null, null);
		this.catalog = Catalog.load();
		this.seedRegions = RegionDirectory.load();
		this.mappings = MappingRegistry.load(this.catalog);
		for (ImportFormat format : ImportFormat.values()) {
			this.readers.put(format, format.reader());
		}
	}

	/**
	 * @param versions the app's data version in memory; absent in the command-line import
	 */
	@org.springframework.beans.factory.annotation.Autowired(required = false)
	void setDataChanges(DataChangeListener versions) {
		this.versions = versions;
	}

	/**
	 * After a commit that changed data: this instance's caches follow at once (the 200 of
	 * the import is never followed by an answer from before it), not only when the change
	 * notification has come round.
	 */
	private void observeCommittedVersion() {
		if (this.versions == null) {
			return;
		}
		try {
			Record2<Long, Long> v = this.jdbc
				.resultQuery("select version, (extract(epoch from changed_at) * 1000000)::bigint from data_version"
						+ " where id = 1")
				.coerce(org.jooq.impl.DSL.field("version", Long.class),
						org.jooq.impl.DSL.field("changed_at", Long.class))
				.fetchSingle();
			this.versions.observe(v.value1(), v.value2());
		}
		catch (RuntimeException ex) {
			// the notification still reaches the listener; only the shortcut is lost
			logger.warn("Could not read the data version after an import: {}", ex.getMessage());
		}
	}

	public Catalog catalog() {
		return this.catalog;
	}

	/**
	 * Records what every mapping declares about its table (observations or forecasts).
	 * Bumps no data version: the caller does when nothing else it loads does.
	 * @return rows changed
	 */
	int recordTableKinds() {
		return this.jdbc.transactionResult((cfg) -> TableKinds.record(cfg.dsl(), this.mappings.all()));
	}

	public RegionDirectory seedRegions() {
		return this.seedRegions;
	}

	public MappingRegistry mappings() {
		return this.mappings;
	}

	FormatReader reader(ImportFormat format) {
		return this.readers.get(format);
	}

	/** A CBS or Eurostat table id: 85268NED, 80072ned, trng_lfse_04. */
	private static final java.util.regex.Pattern TABLE_ID = java.util.regex.Pattern
		.compile("[A-Za-z0-9][A-Za-z0-9_]{0,63}");

	/**
	 * Imports a file, detecting its format.
	 * @param file the file
	 * @return the report
	 * @throws ImportException when the file is bad; nothing is written then
	 */
	public ImportReport importFile(Path file) {
		return importFile(file, null, null);
	}

	/**
	 * Imports a file in a given format.
	 * @param file the file
	 * @param format its format
	 * @return the report
	 * @throws ImportException when the file is bad; nothing is written then
	 */
	public ImportReport importFile(Path file, ImportFormat format) {
		return importFile(file, format, null);
	}

	/**
	 * Imports a file in a given format as a given table.
	 * @param file the file
	 * @param format its format, or null to detect it
	 * @param tableId the source table id, or null to take it from the file name
	 * @return the report
	 * @throws ImportException when the file is bad; nothing is written then
	 */
	public ImportReport importFile(Path file, ImportFormat format, String tableId) {
		return importFile(file, format, tableId, ImportOptions.NONE, null);
	}

	/**
	 * Imports an older download as the vintage a source published at a given moment: its
	 * values are recorded at that moment, as history. It never replaces a value of a
	 * later vintage of the same table, so an older download imported after a newer one
	 * does not become current, and {@code asOf} shows it for its time. A moment after the
	 * publication of every import of the table the store holds (that the download's own
	 * metadata does not contradict), or the start of today, makes it the newest release
	 * instead: recorded at the import, with its date kept.
	 * @param file the file
	 * @param format its format, or null to detect it
	 * @param tableId the source table id, or null to take it from the file name
	 * @param published when the source published it, or null (then: the import time)
	 * @return the report
	 * @throws ImportException when the file is bad; nothing is written then
	 */
	public ImportReport importFile(Path file, ImportFormat format, String tableId, OffsetDateTime published) {
		return importFile(file, format, tableId, published, false, null);
	}

	/**
	 * Imports a file that may be incomplete: a file or response that is probably cut off
	 * (exactly 10,000 records; fewer records than the source counts; a full page without
	 * its next link) is refused by the other methods; here it is imported and its run is
	 * marked incomplete ({@code import_run.complete = false} with the reason).
	 * @param file the file
	 * @param allowIncomplete whether a probably cut-off file is imported (marked
	 * incomplete) instead of refused
	 * @return the report
	 * @throws ImportException when the file is bad; nothing is written then
	 */
	public ImportReport importFile(Path file, boolean allowIncomplete) {
		return importFile(file, null, null, null, allowIncomplete, null);
	}

	/**
	 * Imports a file, see {@link #importFile(Path, ImportFormat, String, OffsetDateTime)}
	 * and {@link #importFile(Path, boolean)}.
	 * @param file the file
	 * @param format its format, or null to detect it
	 * @param tableId the source table id, or null to take it from the file name
	 * @param published when the source published it, or null (then: the import time)
	 * @param allowIncomplete whether a probably cut-off file is imported (marked
	 * incomplete) instead of refused
	 * @return the report
	 * @throws ImportException when the file is bad or probably cut off (and that is not
	 * allowed); nothing is written then
	 */
	public ImportReport importFile(Path file, ImportFormat format, String tableId, OffsetDateTime published,
			boolean allowIncomplete) {
		return importFile(file, format, tableId, published, allowIncomplete, null);
	}

	ImportReport importFile(Path file, ImportFormat format, String tableId, OffsetDateTime published,
			boolean allowIncomplete, java.util.function.LongConsumer progress) {
		return importFile(file, format, tableId,
				new ImportOptions(published, false, false).allowingIncomplete(allowIncomplete), progress);
	}

	/**
	 * Imports a file; a "Gebieden in Nederland" edition is valid from {@code validFrom}.
	 * @param file the file
	 * @param format its format, or null to detect it
	 * @param tableId the source table id, or null to take it from the file name
	 * @param published when the source published it, or null
	 * @param validFrom the date from which a region edition is valid, or null for the day
	 * of the import; refused for other formats
	 * @param progress bytes read so far, may be null
	 * @return the report
	 * @throws ImportException when the file is bad; nothing is written then
	 */
	public ImportReport importFile(Path file, ImportFormat format, String tableId, OffsetDateTime published,
			java.time.LocalDate validFrom, java.util.function.LongConsumer progress) {
		return importFile(file, format, tableId, new ImportOptions(published, false, false).withValidFrom(validFrom),
				progress);
	}

	/**
	 * Imports a file with options (publication date, generic import, unknown regions,
	 * incomplete sources).
	 * @param file the file
	 * @param format its format, or null to detect it
	 * @param tableId the source table id, or null to take it from the file name
	 * @param options the options
	 * @param progress told the bytes read so far, or null
	 * @return the report
	 * @throws ImportException when the file is bad; nothing is written then
	 */
	public ImportReport importFile(Path file, ImportFormat format, String tableId, ImportOptions options,
			java.util.function.LongConsumer progress) {
		return importFile(file, format, tableId, tableId != null && !tableId.isBlank(), options, progress);
	}

	/**
	 * As
	 * {@link #importFile(Path, ImportFormat, String, ImportOptions, java.util.function.LongConsumer)};
	 * {@code tableGiven} false for a table id read from a name (of a zip archive), which
	 * the response's own metadata must confirm as a name of the file itself must.
	 */
	private ImportReport importFile(Path file, ImportFormat format, String tableId, boolean tableGiven,
			ImportOptions options, java.util.function.LongConsumer progress) {
		if (tableId != null && !tableId.isBlank() && !TABLE_ID.matcher(tableId).matches()) {
			// a table id names tables and a generic table's indicators: checked
			// before anything is read (a space or a dot used to fail deep in the
			// store, as an internal error)
			throw new ImportException(file.getFileName().toString(), null, "tableId", ImportFormat.abbreviate(tableId),
					"a table id of letters, digits and '_', such as 85268NED or trng_lfse_04", "not a table id");
		}
		boolean gzip = ZipUpload.isGzip(file);
		if (gzip || ZipUpload.isZip(file)) {
			// a saved OData folder or one zipped (or gzipped) file: unpacked beside
			// nothing else, imported as such, and deleted afterwards
			// (named as uploads are, so that one left by a killed app is swept at start)
			Path dir = null;
			String archive = file.getFileName().toString();
			String recordedFormat = (format != null) ? format.code() : gzip ? "gzip" : "zip";
			try {
				dir = Files.createTempDirectory(
						AdminImportController.UPLOAD_PREFIX + "-" + ProcessHandle.current().pid() + "-zip-");
				Path unpacked;
				try {
					unpacked = gzip ? ZipUpload.gunzip(file, dir, ZipUpload.MAX_BYTES) : ZipUpload.unpack(file, dir);
				}
				catch (ImportException ex) {
					recordRefusal(archive, recordedFormat, tableId, ex);
					throw ex;
				}
				// a zipped file named only "data.csv" keeps the table id of the
				// archive's name (83599NED.zip)
				String table = (tableId != null && !tableId.isBlank()) ? tableId
						: (tableId(unpacked.getFileName().toString()) == null) ? tableId(archive) : null;
				return importFile(unpacked, format, table, tableId != null && !tableId.isBlank(), options, progress);
			}
			catch (IOException ex) {
				ImportException refused = new ImportException(archive, null, null, null,
						"a zip archive that can be unpacked", "not unpacked: " + ex.getMessage(), ex);
				recordRefusal(archive, recordedFormat, tableId, refused);
				throw refused;
			}
			finally {
				Uploads.delete(dir);
			}
		}
		java.time.LocalDate validFrom = options.validFrom();
		String name = file.getFileName().toString();
		ImportFormat actual = format;
		String table = (tableId != null && !tableId.isBlank()) ? tableId.strip() : null;
		ODataResources resources = null;
		Path data;
		try {
			data = Files.isDirectory(file) ? ODataFolder.dataFile(file) : file;
			// UTF-16 or binary content is named as such, whatever the format given
			byte[] head = ImportFormat.requireText(data, name);
			actual = (format != null) ? format : ImportFormat.detect(data.getFileName().toString(), head);
			table = (table != null) ? table : tableId(name);
			if (actual == ImportFormat.CBS_ODATA3 || actual == ImportFormat.CBS_ODATA4) {
				Path dir = data.toAbsolutePath().getParent();
				resources = new ODataResources.Folder(dir);
				if (table == null) {
					table = ODataFolder.tableId(dir);
				}
				if (table == null && Files.isRegularFile(data)) {
					table = ODataFolder.tableIdFromTail(data);
				}
				else if (!tableGiven && table != null && Files.isRegularFile(data)) {
					// a table read from the name (copy-of-80072ned.json) must be the one
					// the response itself names, or its figures go to another table
					String named = ODataFolder.tableIdFromMetadata(data);
					if (named != null && !named.equalsIgnoreCase(table)) {
						throw new ImportException(name, null, "tableId", table,
								"the table the response's OData metadata names (" + named
										+ "), or the table given with the import (--table, admin form field tableId)",
								"the name names table " + table + ", the response's metadata " + named);
					}
				}
			}
			if (validFrom != null && actual != ImportFormat.REGIONS) {
				throw new ImportException(name, null, "validFrom", validFrom.toString(),
						"a validity date only with a 'Gebieden in Nederland' file (format regions)",
						"not a region edition");
			}
		}
		catch (ImportException ex) {
			// refused before its run began (unreadable file, unknown format, a validity
			// date with another format): recorded as a failed run too
			recordRefusal(name, actual, table, ex);
			throw ex;
		}
		Path read = data;
		Source source = (progress == null) ? () -> Files.newInputStream(read)
				: () -> new Counting(Files.newInputStream(read), progress);
		return run(name, actual, table, source, resources, options);
	}

	/**
	 * Fetches a table from the live CBS OData API (v3 {@code TypedDataSet}, or v4
	 * {@code Observations}) and imports it, following the pages. A conditional request
	 * with the validators of the last fetch of the table answers "not modified" without
	 * reading anything; the run is then recorded as unchanged.
	 * @param tableId CBS table id, e.g. 83599NED
	 * @param v4 whether to use the OData v4 API
	 * @return the report
	 * @throws ImportException when the table cannot be fetched or is bad
	 */
	public ImportReport fetchTable(String tableId, boolean v4) {
		return fetchTable(tableId, v4, ImportOptions.NONE);
	}

	/**
	 * Fetches a table, see {@link #fetchTable(String, boolean)}; a response that is
	 * probably cut off is imported (marked incomplete) when allowed, else refused.
	 * @param tableId CBS table id, e.g. 83599NED
	 * @param v4 whether to use the OData v4 API
	 * @param allowIncomplete whether a probably cut-off response is imported
	 * @return the report
	 * @throws ImportException when the table cannot be fetched, is bad or is incomplete
	 */
	public ImportReport fetchTable(String tableId, boolean v4, boolean allowIncomplete) {
		return fetchTable(tableId, v4, ImportOptions.NONE.allowingIncomplete(allowIncomplete));
	}

	/**
	 * Fetches a table from the live CBS OData API with options (generic import, unknown
	 * regions, incomplete responses; a publication date is refused: a live fetch is the
	 * current publication).
	 * @param tableId CBS table id, e.g. 83599NED
	 * @param v4 whether to use the OData v4 API
	 * @param options the options
	 * @return the report
	 * @throws ImportException when the table cannot be fetched or is bad
	 */
	public ImportReport fetchTable(String tableId, boolean v4, ImportOptions options) {
		if (!tableId.matches("[0-9]{5}[A-Za-z]{3}")) {
			ImportException ex = new ImportException(tableId, null, null, tableId, "a CBS table id such as 83599NED",
					"invalid table id");
			recordRefusal(tableId, v4 ? ImportFormat.CBS_ODATA4 : ImportFormat.CBS_ODATA3, null, ex);
			throw ex;
		}
		String base = v4 ? this.properties.odata4Url() : this.properties.odata3Url();
		String tableUrl = base.replaceAll("/+$", "") + "/" + tableId;
		String dataUrl = v4 ? tableUrl + "/Observations" : tableUrl + "/TypedDataSet?$format=json";
		ImportFormat format = v4 ? ImportFormat.CBS_ODATA4 : ImportFormat.CBS_ODATA3;
		CbsODataClient client = new CbsODataClient(this.properties.fetchAttempts(), this.properties.fetchBackoff());
		org.jooq.Record previous = this.jdbc.select(IMPORT_RUN.REPORT)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.FILE_NAME.eq(dataUrl),
					IMPORT_RUN.STATUS.in(ImportRunState.SUCCEEDED, ImportRunState.UNCHANGED))
			.orderBy(IMPORT_RUN.ID.desc())
			.limit(1)
			.fetchOne();
		Map<String, Object> validators = new LinkedHashMap<>();
		if (previous != null) {
			tools.jackson.databind.JsonNode report = this.json.readTree(previous.get(IMPORT_RUN.REPORT).data());
			if (report.hasNonNull("etag")) {
				validators.put("etag", report.get("etag").asString());
			}
			if (report.hasNonNull("lastModified")) {
				validators.put("lastModified", report.get("lastModified").asString());
			}
		}
		CbsODataClient.Response[] first = new CbsODataClient.Response[1];
		try {
			first[0] = client.get(dataUrl, (String) validators.get("etag"), (String) validators.get("lastModified"));
		}
		catch (IOException ex) {
			ImportException error = new ImportException(dataUrl, null, null, null, "a reachable CBS OData API",
					ex.getMessage(), ex);
			recordFailure(dataUrl, format, tableId, sha256(), error.getMessage());
			throw error;
		}
		if (first[0].status() == 404) {
			ImportException error = new ImportException(dataUrl, null, null, tableId, "a table that CBS publishes",
					"table not found (404)");
			recordFailure(dataUrl, format, tableId, sha256(), error.getMessage());
			throw error;
		}
		if (first[0].status() == 304) {
			return recordNotModified(dataUrl, format, tableId, validators);
		}
		Source source = new Source() {

			@Override
			public InputStream open() {
				return first[0].body();
			}

			@Override
			public Map<String, Object> details() {
				Map<String, Object> details = CbsODataClient.validators(first[0]);
				details.put("url", dataUrl);
				return details;
			}

		};
		return run(dataUrl, format, tableId, source, new CbsODataClient.Resources(client, tableUrl, v4),
				new ImportOptions(null, options.generic(), options.skipUnknownRegions(), options.allowIncomplete()));
	}

	/**
	 * Applies the current mapping file of a table to what the store holds of it (its own
	 * indicators, from a generic import), as a new vintage in one transaction. Does
	 * nothing when the store holds no generic data of the table.
	 * @param tableId the table id
	 * @return the report of the run, or null when there was nothing to re-map
	 * @throws ImportException when the mapping does not fit the stored table; nothing is
	 * written then
	 */
	public ImportReport remap(String tableId) {
		if (!this.jdbc.fetchExists(org.jooq.impl.DSL.selectOne()
			.from("source_table_info")
			.where("lower(id) = lower(?) and generic", tableId))) {
			return null;
		}
		return run("mapping " + tableId, ImportFormat.MAPPING, tableId, InputStream::nullInputStream, null,
				ImportOptions.NONE);
	}

	private ImportReport recordNotModified(String url, ImportFormat format, String tableId,
			Map<String, Object> validators) {
		Map<String, Object> details = new LinkedHashMap<>(validators);
		details.put("notModified", true);
		ImportWarning notModified = ImportWarning.of(ImportWarning.NOT_MODIFIED);
		details.put("warnings", List.of(Messages.warning(Lang.EN, notModified)));
		details.put("warningDetails", List.of(notModified));
		return this.jdbc.transactionResult((cfg) -> {
			var run = cfg.dsl()
				.insertInto(IMPORT_RUN)
				.set(IMPORT_RUN.FORMAT, format.code())
				.set(IMPORT_RUN.FILE_NAME, url)
				.set(IMPORT_RUN.CHECKSUM, "")
				.set(IMPORT_RUN.TABLE_ID, tableId)
				.set(IMPORT_RUN.STATUS, ImportRunState.UNCHANGED)
				.set(IMPORT_RUN.FINISHED_AT, OffsetDateTime.now())
				.set(IMPORT_RUN.REPORT, JSONB.valueOf(this.json.writeValueAsString(details)))
				.returningResult(IMPORT_RUN.ID, IMPORT_RUN.STARTED_AT, IMPORT_RUN.FINISHED_AT)
				.fetchSingle();
			return new ImportReport(run.value1(), format.code(), url, tableId, "", ImportRunState.UNCHANGED.code(), 0,
					0, 0, List.of(Messages.warning(Lang.EN, notModified)), null, run.value2(), run.value3(), null,
					Map.of(), 0, true, null);
		});
	}

	/**
	 * Reports the bytes read so far.
	 */
	static final class Counting extends java.io.FilterInputStream {

		private final java.util.function.LongConsumer progress;

		private long count;

		Counting(InputStream in, java.util.function.LongConsumer progress) {
			super(in);
			this.progress = progress;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.progress.accept(++this.count);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
				this.progress.accept(this.count);
			}
			return n;
		}

	}

	/**
	 * Source of the bytes of one import.
	 */
	interface Source {

		InputStream open() throws IOException;

		/**
		 * @return details to keep in the run's report (e.g. HTTP validators), known after
		 * {@link #open()}
		 */
		default Map<String, Object> details() {
			return Map.of();
		}

	}

	/**
	 * @param file a file
	 * @return whether a run with the same bytes succeeded (or found nothing to change)
	 * before
	 */
	boolean alreadyImported(Path file) {
		if (Files.isDirectory(file)) {
			return this.jdbc.fetchExists(IMPORT_RUN, IMPORT_RUN.FILE_NAME.eq(file.getFileName().toString())
				.and(IMPORT_RUN.STATUS.in(ImportRunState.SUCCEEDED, ImportRunState.UNCHANGED)));
		}
		MessageDigest sha = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			return false;
		}
		return this.jdbc.fetchExists(IMPORT_RUN, IMPORT_RUN.CHECKSUM.eq(HexFormat.of().formatHex(sha.digest()))
			.and(IMPORT_RUN.STATUS.in(ImportRunState.SUCCEEDED, ImportRunState.UNCHANGED)));
	}

	/**
	 * The table a file's name names: a table with a mapping or a CBS table id
	 * ({@code 85624NED}) at its start ({@code 85624NED.csv},
	 * {@code 85624NED_UntypedDataSet_03122026_101500.csv}, as CBS names its downloads),
	 * else one named as a word of it ({@code utrecht-85624NED.csv},
	 * {@code estat_trng_lfse_04.tsv}); a mapped table's own spelling wins over the
	 * file's. A name with two different tables in it names none.
	 * @param fileName the file name, without folders
	 * @return the table id, or null when the name names no table or more than one
	 */
	String tableId(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		String best = null;
		for (TableMapping mapping : this.mappings.all()) {
			if (lower.startsWith(mapping.table().toLowerCase(Locale.ROOT))
					&& (best == null || mapping.table().length() > best.length())) {
				best = mapping.table();
			}
		}
		if (best != null) {
			return best;
		}
		Matcher m = CBS_TABLE.matcher(fileName);
		if (m.find()) {
			return m.group(1);
		}
		// a table named as a word of the name: by a mapping, else as a CBS table id
		java.util.Map<String, String> named = new java.util.LinkedHashMap<>();
		for (TableMapping mapping : this.mappings.all()) {
			String table = mapping.table().toLowerCase(Locale.ROOT);
			for (int at = lower.indexOf(table); at >= 0; at = lower.indexOf(table, at + 1)) {
				int end = at + table.length();
				if ((at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1)))
						&& (end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end)))) {
					named.put(table, mapping.table());
				}
			}
		}
		Matcher word = CBS_TABLE_WORD.matcher(fileName);
		while (word.find()) {
			named.putIfAbsent(word.group(1).toLowerCase(Locale.ROOT), word.group(1));
		}
		return (named.size() == 1) ? named.values().iterator().next() : null;
	}

	ImportReport run(String fileName, ImportFormat format, String tableId, Source source) {
		return run(fileName, format, tableId, source, null);
	}

	ImportReport run(String fileName, ImportFormat format, String tableId, Source source, ODataResources resources) {
		return run(fileName, format, tableId, source, resources, ImportOptions.NONE);
	}

	/**
	 * Imports the demo data set: a stand-in whose vintages give way to the first real
	 * vintage of each cell ({@code import_run.stand_in}, migration V16).
	 * @param fileName its name, for the run
	 * @param source its contents, in the project's own format ({@link ImportFormat#DEMO})
	 * @return the report
	 * @throws ImportException when it is bad; nothing is written then
	 */
	ImportReport runStandIn(String fileName, Source source) {
		return run(fileName, ImportFormat.DEMO, null, source, null, ImportOptions.NONE, true);
	}

	private ImportReport run(String fileName, ImportFormat format, String tableId, Source source,
			ODataResources resources, ImportOptions options) {
		return run(fileName, format, tableId, source, resources, options, false);
	}

	private ImportReport run(String fileName, ImportFormat format, String tableId, Source source,
			ODataResources resources, ImportOptions options, boolean standIn) {
		OffsetDateTime published = options.published();
		if (published != null) {
			try {
				Publication.notInFuture(published, fileName, published.toString());
			}
			catch (ImportException ex) {
				recordRefusal(fileName, format, tableId, ex);
				throw ex;
			}
		}
		FormatReader reader = this.readers.get(format);
		if (reader == null) {
			throw new ImportException(fileName, null, null, format.code(),
					"one of the formats " + this.readers.keySet(), "format not supported yet");
		}
		MessageDigest sha = sha256();
		long started = System.nanoTime();
		try {
			ImportReport report = this.jdbc.transactionResult((cfg) -> {
				DSLContext tx = cfg.dsl();
				Record2<Long, OffsetDateTime> run = tx.insertInto(IMPORT_RUN)
					.set(IMPORT_RUN.FORMAT, format.code())
					.set(IMPORT_RUN.FILE_NAME, fileName)
					.set(IMPORT_RUN.CHECKSUM, "")
					.set(IMPORT_RUN.TABLE_ID, tableId)
					.set(IMPORT_RUN.STAND_IN, standIn)
					.returningResult(IMPORT_RUN.ID, IMPORT_RUN.STARTED_AT)
					.fetchSingle();
				long runId = run.value1();
				// one import at a time, across all instances: vintages are decided
				// against the
				// current values, which a concurrent import of the same cells would
				// change
				OffsetDateTime lockedAt = ImportLock.acquire(tx, fileName, runId);
				// memory for this transaction's sorts and aggregations over the staged
				// cells
				// (one import at a time): a million cells sort in memory
				tx.execute("set local work_mem = '256MB'");
				tx.execute("set local maintenance_work_mem = '256MB'");
				java.util.Set<String> genericTables = java.util.Set.copyOf(
						tx.fetch("select lower(id) from source_table_info where generic").getValues(0, String.class));
				// labels and codes resolve against the store: an edition imported a
				// moment ago is usable at once (read before the staging COPY holds the
				// connection)
				RegionDirectory regions = RegionDirectory.fromStore(tx, LocalDate.now());
				StagingSink stage = (format == ImportFormat.REGIONS || format == ImportFormat.GEOJSON) ? null
						: StagingSink.open(tx);
				TableMapping onTop = null;
				if (format == ImportFormat.MAPPING) {
					onTop = this.mappings.find(tableId);
					if (onTop == null) {
						throw new ImportException(fileName, null, null, tableId, "a table with a mapping file",
								"no mapping for table");
					}
				}
				ImportJob given = new ImportJob(fileName, tableId, regions, this.mappings, this.catalog, stage, tx,
						runId, options, genericTables, resources, onTop, sha);
				ReadResult found;
				LastByte last = new LastByte(new BufferedInputStream(source.open(), 1 << 16));
				try (InputStream in = new DigestInputStream(last, sha)) {
					found = reader.read(new java.io.FilterInputStream(in) {
						@Override
						public void close() {
							// the digest needs the rest of the bytes
						}
					}, given);
					in.transferTo(OutputStream.nullOutputStream());
					if (format.lineBased() && format != ImportFormat.REGIONS && found.rowsRead() == 0) {
						// a header alone (or with blank lines) is no release of a
						// table: taken, it would read as a run that found everything
						// unchanged (a region list counts its gemeenten, not its rows,
						// and has its own checks)
						throw new ImportException(fileName, null, null, null, "at least one data row after the header",
								"no data rows: the file holds a header only");
					}
					if (format.lineBased() && last.value >= 0 && last.value != '\n' && last.value != '\r') {
						// a cut-off last line can still parse (75.5 -> 75.): refuse it
						throw new ImportException(fileName, "end of file", null, null,
								"a file that ends with a line break", "the last line is cut off: probably truncated");
					}
					if (stage != null) {
						stage.finish();
						logger.debug("run {}: {} cell parts read and staged in {} ms", runId, stage.parts(),
								(System.nanoTime() - started) / 1_000_000);
					}
				}
				catch (IOException ex) {
					throw new ImportException(fileName, null, null, null, "a readable file", ex.toString(), ex);
				}
				finally {
					if (stage != null) {
						stage.close();
					}
				}
				// the job as the read left it: with the table id and the mapping on top
				// found
				ImportJob job = found.applyTo(given);
				// kept as keys and arguments (cube/ImportWarning), which the read side
				// gives in each reader's language, and reported in English
				List<ImportWarning> warnings = new java.util.ArrayList<>(found.warnings());
				// stored in English (the run's record; the API's language) and as keys,
				// which the read side gives in each reader's language
				String readIncomplete = found.incomplete().isEmpty() ? null
						: Messages.incomplete(Lang.EN, found.incomplete());
				if (readIncomplete != null && !options.allowIncomplete()) {
					throw new ImportException(fileName, null, null, null,
							"a complete source, or the import run with --allow-incomplete (admin form field"
									+ " allowIncomplete=true), which marks it incomplete",
							"the source is probably incomplete: " + readIncomplete);
				}
				// a mapping applied to the stored table derives its cells from the
				// table's
				// imports: where one of them was probably cut off, so is this run (and it
				// must not confirm, and so supersede, that import's values as complete)
				Record inherited = (format == ImportFormat.MAPPING && readIncomplete == null)
						? incompleteSource(tx, job) : null;
				String incompleteReason = (readIncomplete != null) ? readIncomplete
						: (inherited != null) ? inherited.get(0, String.class) : null;
				OffsetDateTime publishedAt = found.published();
				boolean samePublication = false;
				if (stage != null && job.options().published() == null) {
					// the same bytes as a file imported as history are that publication:
					// placed at its date, they do not become current when imported again
					// without one
					Record earlier = sameFile(tx, job, sha, runId);
					if (earlier != null) {
						samePublication = true;
						publishedAt = earlier.get(1, OffsetDateTime.class);
						job = job.withOptions(job.options().withPublished(publishedAt));
						warnings.add(ImportWarning.of(ImportWarning.SAME_FILE, earlier.get(0, Long.class),
								publishedAt.atZoneSameInstant(DutchTime.ZONE).toLocalDate().toString(),
								earlier.get(2, String.class)));
					}
				}
				refuseOlderDownload(tx, job, found, runId);
				if (stage != null) {
					// (the moment of the same file's earlier import is not a publication
					// date to weigh against the others: it stays there)
					if (job.backdated() && !samePublication && newestRelease(tx, job, found.statedPublished(), runId)) {
						job = job.withOptions(job.options().asNewestRelease());
					}
					refuseSeedOverOtherImport(tx, job, runId);
				}
				TableMapping declared = (job.tableId() != null) ? this.mappings.find(job.tableId()) : null;
				// a forecast table is known as one before its values are read; the read
				// side keeps the kinds per data version, so a change bumps it
				boolean kindChanged = declared != null && TableKinds.record(tx, java.util.List.of(declared)) > 0;
				long cells = found.otherRowsInserted() + found.otherRowsUnchanged();
				long defined = 0;
				long inserted = found.otherRowsInserted();
				long withdrawn = 0;
				long confirmed = 0;
				int superseded = 0;
				java.util.Set<Long> writtenOver = new java.util.HashSet<>();
				if (stage != null) {
					// an older download, dated with the import, is placed at its
					// publication, everything else at its import (a date from metadata
					// is only recorded: an undated file imported earlier may be older)
					// (dated when the lock was granted: vintages follow commit order)
					OffsetDateTime vintageAt = job.backdated() ? job.published() : lockedAt;
					if (found.generic() != null) {
						// the table's own indicators, dimensions and members first: the
						// cells refer to them
						warn(warnings, found.generic().dropTextMeasures(tx, fileName));
						found.generic().reconcile(tx, stage).forEach((w) -> warn(warnings, w));
						defined = found.generic().register(tx, GenericTable.decimalsSeen(tx));
					}
					// the merge reads whether this run is complete (a complete run
					// confirms the unchanged values of a cut-off one), and superseding
					// reads its table
					tx.update(IMPORT_RUN)
						.set(IMPORT_RUN.COMPLETE, incompleteReason == null)
						.set(IMPORT_RUN.INCOMPLETE_REASON, incompleteReason)
						.set(IMPORT_RUN.TABLE_ID, job.tableId())
						.where(IMPORT_RUN.ID.eq(runId))
						.execute();
					ObservationStore.Result result = ObservationStore.merge(tx, stage, job, vintageAt,
							this.properties.segmentCells());
					cells += result.cells();
					inserted += result.inserted();
					confirmed += result.confirmed();
					writtenOver.addAll(result.writtenOver());
					withdrawn = result.withdrawn();
					result.warnings().forEach((w) -> warn(warnings, w));
					if (job.curatedOnTop() != null) {
						// a mapping file adds meaning: the canonical indicators it names
						// are derived from the table's own, as they now stand
						ObservationStore.dropStaged(tx);
						ObservationStore.Result mapped = MappingRemapper.apply(tx, job, vintageAt,
								this.properties.segmentCells());
						cells += mapped.cells();
						inserted += mapped.inserted();
						confirmed += mapped.confirmed();
						writtenOver.addAll(mapped.writtenOver());
						withdrawn += mapped.withdrawn();
						mapped.warnings().forEach((w) -> warn(warnings, w));
					}
					superseded = ObservationStore.supersedeCutOffRuns(tx, runId, writtenOver);
					otherTablesReplaced(tx, job, runId, writtenOver).forEach((w) -> warn(warnings, w));
				}
				TableMapping described = (found.generic() == null && stage != null && cells > 0)
						? this.mappings.find(job.tableId()) : null;
				if (described != null) {
					// the table list shows what the mapping file says of the table
					tx.execute(
							"insert into source_table_info (id, title, publisher) values (?, ?, coalesce(?, 'CBS'))"
									+ " on conflict (id) do nothing",
							described.table(), described.title(), described.publisher());
				}
				Map<String, Integer> unknownRegions = found.unknownRegions();
				if (!unknownRegions.isEmpty()) {
					int rows = unknownRegions.values().stream().mapToInt(Integer::intValue).sum();
					List<String> labels = unknownRegions.keySet().stream().limit(20).toList();
					warn(warnings, ImportWarning.of(ImportWarning.UNKNOWN_REGIONS_SKIPPED, rows, unknownRegions.size(),
							labels + ((unknownRegions.size() > labels.size()) ? " ..." : "")));
				}
				// a confirmed value is credited to another run, a superseded cut-off
				// run no longer makes its table incomplete: every cached answer giving
				// them must go
				Long version = (inserted > 0 || defined > 0 || confirmed > 0 || superseded > 0)
						? tx.fetchSingle("select bump_data_version()").get(0, Long.class) : null;
				if (version == null && kindChanged) {
					tx.fetchValue("select bump_data_version()");
				}
				ImportRunState status = (inserted > 0 || defined > 0) ? ImportRunState.SUCCEEDED
						: ImportRunState.UNCHANGED;
				Map<String, Object> details = new LinkedHashMap<>();
				// in English (the CLI, the admin answer, older readers), the cut-off
				// first
				List<String> english = new java.util.ArrayList<>();
				if (readIncomplete != null) {
					english.add("INCOMPLETE: " + incompleteReason + "; imported because allowIncomplete was given");
				}
				else if (incompleteReason != null) {
					english.add("INCOMPLETE: " + incompleteReason + " (so was import " + inherited.get(2, Long.class)
							+ " of the table, whose cells this mapping maps)");
				}
				warnings.forEach((w) -> english.add(Messages.warning(Lang.EN, w)));
				details.put("warnings", english);
				details.put("warningDetails", warnings);
				details.put("cells", cells);
				details.put("signs", found.signs());
				details.put("withdrawn", withdrawn);
				// unchanged values now credited to this run (they stood on the demo data
				// set or a cut-off import)
				details.put("confirmed", confirmed);
				details.put("complete", incompleteReason == null);
				if (incompleteReason != null) {
					details.put("incompleteReason", incompleteReason);
				}
				if (job.tableId() != null) {
					details.put("table", job.tableId());
				}
				if (found.generic() != null) {
					details.put("generic", true);
				}
				if (options.seed()) {
					// the bootstrap's own: it may write over this run (see NOT_SEEDED)
					details.put("seed", true);
				}
				if (!unknownRegions.isEmpty()) {
					details.put("skippedRegions", unknownRegions);
				}
				if (!found.incomplete().isEmpty()) {
					// keys and arguments (cube/IncompleteReason): read back in each
					// reader's language
					details.put("incompleteReasons", found.incomplete());
				}
				else if (inherited != null && inherited.get(1, String.class) != null) {
					// those of the import it maps
					details.put("incompleteReasons", this.json.readTree(inherited.get(1, String.class)));
					details.put("incompleteFrom", inherited.get(2, Long.class));
				}
				details.putAll(source.details());
				if (found.published() != null) {
					details.put("published", found.published().toString());
					details.put("publishedFrom", found.publishedFrom());
				}
				if (version != null) {
					details.put("dataVersion", version);
				}
				String checksum = HexFormat.of().formatHex(sha.digest());
				OffsetDateTime finished = tx.update(IMPORT_RUN)
					.set(IMPORT_RUN.CHECKSUM, checksum)
					.set(IMPORT_RUN.TABLE_ID, job.tableId())
					.set(IMPORT_RUN.STATUS, status)
					.set(IMPORT_RUN.PUBLISHED_AT, publishedAt)
					.set(IMPORT_RUN.BACKDATED, job.backdated())
					.set(IMPORT_RUN.ROWS_READ, found.rowsRead())
					.set(IMPORT_RUN.ROWS_INSERTED, inserted)
					.set(IMPORT_RUN.ROWS_UNCHANGED, cells - inserted)
					.set(IMPORT_RUN.SIGNS, JSONB.valueOf(this.json.writeValueAsString(found.signs())))
					.set(IMPORT_RUN.CELLS_WITHDRAWN, withdrawn)
					.set(IMPORT_RUN.COMPLETE, incompleteReason == null)
					.set(IMPORT_RUN.INCOMPLETE_REASON, incompleteReason)
					.set(IMPORT_RUN.REPORT, JSONB.valueOf(this.json.writeValueAsString(details)))
					.set(IMPORT_RUN.FINISHED_AT, org.jooq.impl.DSL.field("clock_timestamp()", OffsetDateTime.class))
					.where(IMPORT_RUN.ID.eq(runId))
					.returningResult(IMPORT_RUN.FINISHED_AT)
					.fetchSingle()
					.value1();
				return new ImportReport(runId, format.code(), fileName, job.tableId(), checksum, status.code(),
						found.rowsRead(), inserted, cells - inserted, List.copyOf(english), version, lockedAt, finished,
						null, Map.copyOf(found.signs()), withdrawn, incompleteReason == null, incompleteReason);
			});
			if (report.dataVersion() != null) {
				observeCommittedVersion();
			}
			logger.info("Imported {} ({}, table {}): {} rows read, {} written, {} unchanged in {} ms{}", fileName,
					format.code(), report.tableId(), report.rowsRead(), report.rowsInserted(), report.rowsUnchanged(),
					(System.nanoTime() - started) / 1_000_000,
					report.warnings().isEmpty() ? "" : "; warnings: " + report.warnings());
			if (this.metrics != null) {
				this.metrics.record(report.rowsRead(), System.nanoTime() - started);
			}
			return report;
		}
		catch (ImportException ex) {
			recordFailure(fileName, format, tableId, sha, ex.getMessage());
			throw ex;
		}
		catch (RuntimeException ex) {
			ImportException cause = findImportException(ex);
			if (cause != null) {
				recordFailure(fileName, format, tableId, sha, cause.getMessage());
				throw cause;
			}
			if (isBadInput(ex)) {
				// malformed input a reader did not anticipate: still the file's fault,
				// not a bug
				ImportException bad = new ImportException(fileName, null, null, null,
						"a well-formed " + format.code() + " file", "unreadable input: " + rootMessage(ex), ex);
				recordFailure(fileName, format, tableId, sha, bad.getMessage());
				throw bad;
			}
			recordFailure(fileName, format, tableId, sha, ex.toString());
			throw ex;
		}
	}

	/** Adds a warning unless it is there already or null. */
	private static void warn(List<ImportWarning> warnings, ImportWarning warning) {
		if (warning != null && !warnings.contains(warning)) {
			warnings.add(warning);
		}
	}

	/**
	 * Whether a failure comes from the input (malformed CSV records, bytes PostgreSQL
	 * refuses, values over a limit) rather than from a lost connection or a bug.
	 */
	static boolean isBadInput(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof java.sql.SQLTransientConnectionException
					|| t instanceof java.sql.SQLNonTransientConnectionException) {
				return false;
			}
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
				// 22: data exception (invalid bytes, value too long); 54: program limit
				// (index row too large)
				return sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("54");
			}
		}
		return ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
				|| ex instanceof IndexOutOfBoundsException || ex instanceof java.io.UncheckedIOException
				|| ex instanceof tools.jackson.core.JacksonException;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		return (message.length() > 300) ? message.substring(0, 297) + "..." : message;
	}

	/** Remembers the last byte read, to tell a cut-off last line. */
	static final class LastByte extends java.io.FilterInputStream {

		int value = -1;

		LastByte(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.value = b;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.value = buffer[offset + n - 1] & 0xff;
			}
			return n;
		}

	}

	/**
	 * Refuses a download whose own metadata dates it ({@code Properties.Modified},
	 * {@code TableInfos.Modified}) before a publication of its table the store already
	 * holds, unless its date was given with the import: imported at today's date, its
	 * older figures would replace the newer ones as if they were revisions. Given its
	 * date ({@code published}), it is placed in history at that date instead.
	 * @throws ImportException naming both dates and the option that adds it as history
	 */
	private static void refuseOlderDownload(DSLContext tx, ImportJob job, ReadResult found, long runId) {
		if (job.options().published() != null || found.published() == null || job.tableId() == null) {
			// a date given with the import places the download itself: today's
			// as current, an earlier one in history
			return;
		}
		OffsetDateTime newest = tx
			.fetchSingle(
					"select max(published_at) from import_run where lower(table_id) = lower(?) and id <> ?"
							+ " and status in (?, ?)",
					job.tableId(), runId, ImportRunState.SUCCEEDED.code(), ImportRunState.UNCHANGED.code())
			.get(0, OffsetDateTime.class);
		if (newest != null && found.published().isBefore(newest)) {
			String date = found.published().toLocalDate().toString();
			throw new ImportException(job.fileName(), null, found.publishedFrom(), found.published().toString(),
					"a download at least as new as the publication of " + job.tableId() + " the store holds ("
							+ newest.toLocalDate() + "), or this one with its publication date given (admin form"
							+ " field published=" + date + ", CLI --published=" + date + ") to add it as history",
					"an older download than the store's figures of this table: imported as new, its figures"
							+ " would replace newer ones as revisions");
		}
	}

	/**
	 * A warning per other table whose current figures this import replaced: the runs it
	 * wrote over ({@code writtenOver}) that imported another table (not the demo data
	 * set, which stands in for the real tables). Two tables feeding the same cells make
	 * the figures change with the order of the imports (85315NED and a mapping of
	 * 85624NED both giving {@code llo_deelnemers} for Nederland).
	 * @param tx the import's transaction
	 * @param job the import (its table id)
	 * @param runId this run
	 * @param writtenOver the runs whose current vintages this run wrote over
	 * @return the warnings, one per other table, in the order of the table ids
	 */
	private static List<ImportWarning> otherTablesReplaced(DSLContext tx, ImportJob job, long runId,
			java.util.Set<Long> writtenOver) {
		if (writtenOver.isEmpty() || job.tableId() == null) {
			return List.of();
		}
		return tx.fetch("""
				select r.table_id, string_agg(r.id::text, ', ' order by r.id)
				from import_run r
				where r.id = any(?::bigint[]) and r.id <> ? and r.table_id is not null
				  and lower(r.table_id) <> lower(?) and not r.stand_in
				group by r.table_id order by r.table_id""", writtenOver.toArray(Long[]::new), runId, job.tableId())
			.map((r) -> ImportWarning.of(ImportWarning.OTHER_TABLE_REPLACED, job.tableId(), r.get(0, String.class),
					r.get(1, String.class)));
	}

	/**
	 * The newest import marked probably incomplete that a current cell of the job's
	 * stored table comes from (the table's own indicators, which a mapping on top maps).
	 * @param tx the import's transaction
	 * @param job the mapping run (its table id)
	 * @return (its incomplete reason in English, its reason keys as JSON or null, its
	 * id), or null when every import the cells come from was complete
	 */
	private static Record incompleteSource(DSLContext tx, ImportJob job) {
		if (job.tableId() == null) {
			return null;
		}
		return tx.fetchOne("""
				select r.incomplete_reason, (r.report -> 'incompleteReasons')::text, r.id
				from import_run r
				where r.incomplete_reason is not null
				  and r.id in (select o.import_run_id from observation_current o
				               where o.indicator_code = any (array(
				                   select i.code from indicator i
				                   where lower(i.source_table) = lower(?) and i.source_key is not null)))
				order by r.id desc limit 1""", job.tableId());
	}

	/**
	 * The first successful import of the job's table from a file with the same bytes
	 * (sha-256 of everything read) that was imported as history (back-dated: its
	 * publication date was given) and never as current, with that date. Imported again
	 * without a date, the file is placed there: its cells are then as they were
	 * (unchanged), instead of its old figures becoming current as a new release. The same
	 * bytes as a file imported as current stay an ordinary import: a CSV carries no date
	 * of its own, and a later release can give the figures of an earlier one again (a
	 * revision taken back); a download that states its own date older than the store's
	 * newest publication is refused by {@link #refuseOlderDownload}.
	 * @param tx the import's transaction, holding the import lock
	 * @param job the import (its table id)
	 * @param sha the digest of the bytes read so far (the whole file; copied, not reset)
	 * @param runId this run
	 * @return (run id, its publication date, checksum), or null
	 */
	private static Record sameFile(DSLContext tx, ImportJob job, MessageDigest sha, long runId) {
		if (job.tableId() == null) {
			return null;
		}
		String checksum;
		try {
			checksum = HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
		}
		catch (CloneNotSupportedException ex) {
			return null;
		}
		return tx.fetchOne("""
				select r.id, r.published_at, r.checksum
				from import_run r
				where lower(r.table_id) = lower(?) and r.checksum = ? and r.id <> ?
				  and r.status in (?, ?) and r.finished_at is not null
				  and r.backdated
				  -- never imported as current: then imported again, it is made current again
				  and not exists (select 1 from import_run s
				                  where lower(s.table_id) = lower(r.table_id) and s.checksum = r.checksum
				                    and s.id <> ? and s.status in (?, ?) and not s.backdated)
				order by r.id limit 1""", job.tableId(), checksum, runId, ImportRunState.SUCCEEDED.code(),
				ImportRunState.UNCHANGED.code(), runId, ImportRunState.SUCCEEDED.code(),
				ImportRunState.UNCHANGED.code());
	}

	/**
	 * Whether the publication date given with an import lies after the publication of
	 * every successful import of its table (the date its source's metadata stated or that
	 * was given with it, else its import time, the latest it can have been published):
	 * then the download is the newest release and becomes current
	 * ({@link ImportOptions#newestRelease()}), even where an older download was imported
	 * after the date given (an OData download of 2020 imported today without a date, then
	 * yesterday's release given with yesterday's date). A table the store does not hold
	 * yet gives false: the first download given with a date is history at that date.
	 * @param tx the import's transaction, holding the import lock
	 * @param job the import, with its table id and the date given
	 * @param stated the publication date the download's own metadata states, or null
	 * @param runId this run
	 */
	private static boolean newestRelease(DSLContext tx, ImportJob job, OffsetDateTime stated, long runId) {
		if (job.tableId() == null) {
			return false;
		}
		OffsetDateTime newest = tx
			.fetchSingle("""
					select max(coalesce(r.published_at, r.started_at)) from import_run r
					where lower(r.table_id) = lower(?) and r.id <> ? and r.status in (?, ?)""", job.tableId(), runId,
					ImportRunState.SUCCEEDED.code(), ImportRunState.UNCHANGED.code())
			.get(0, OffsetDateTime.class);
		// a download whose own metadata dates it before that stays history, whatever date
		// it was given (an old download given the day it was downloaded)
		return newest != null && job.published().isAfter(newest) && (stated == null || !stated.isBefore(newest));
	}

	/**
	 * The successful, current import of a table that the startup bootstrap did not make
	 * (a user's upload or fetch, or a bootstrap run of a version before runs were marked
	 * as the bootstrap's): written vintages, not back-dated, not marked {@code seed} in
	 * its report (bound: table id, the run to leave out or 0, succeeded).
	 */
	private static final String NOT_SEEDED = """
			select r.id, r.file_name, r.started_at from import_run r
			where lower(r.table_id) = lower(?) and r.id <> ? and r.status = ? and not r.backdated
			  and r.rows_inserted > 0 and coalesce((r.report ->> 'seed')::boolean, false) = false
			order by r.started_at desc limit 1""";

	/**
	 * Names an import of the table that the startup bootstrap would write over
	 * ({@link #NOT_SEEDED}): the bootstrap then skips its shared file.
	 * @param tableId the table of a bootstrap file, or null
	 * @return the run's id, file and start, or null when there is none
	 */
	String importedByOthers(String tableId) {
		return notSeeded(this.jdbc, tableId, 0L);
	}

	/**
	 * @param db the store, or the import's transaction
	 * @param tableId the table, or null
	 * @param runId the run to leave out, or 0
	 * @return the import of {@link #NOT_SEEDED} as "import run id (file, start)", or null
	 * when there is none
	 */
	private static String notSeeded(DSLContext db, String tableId, long runId) {
		if (tableId == null) {
			return null;
		}
		org.jooq.Record run = db.fetchOne(NOT_SEEDED, tableId, runId, ImportRunState.SUCCEEDED.code());
		return (run == null) ? null : "import run " + run.get(0) + " (" + run.get(1) + ", " + run.get(2) + ")";
	}

	/**
	 * Refuses an import of the startup bootstrap ({@link ImportOptions#seed()}) of a
	 * table the store holds a current import of that the bootstrap did not make
	 * ({@link #NOT_SEEDED}): the bootstrap checks before it imports a file, and this
	 * check, under the import lock, covers an upload that got the lock in between.
	 * @param tx the import's transaction, holding the import lock
	 * @param job the import, with its table id
	 * @param runId this run
	 * @throws ImportException naming the import that stands
	 */
	private static void refuseSeedOverOtherImport(DSLContext tx, ImportJob job, long runId) {
		String other = job.options().seed() ? notSeeded(tx, job.tableId(), runId) : null;
		if (other != null) {
			throw new ImportException(job.fileName(), null, null, job.tableId(),
					"a table the store holds no import of but the bootstrap's",
					other + " wrote this table: the bootstrap does not write its shared file over it"
							+ " (import the file by hand to add it)");
		}
	}

	private static ImportException findImportException(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ImportException ie) {
				return ie;
			}
		}
		return null;
	}

	/**
	 * Records an import refused before its run began, as a failed {@code import_run}
	 * (format {@code unknown} when it could not be told).
	 */
	private void recordRefusal(String fileName, ImportFormat format, String tableId, ImportException ex) {
		recordRefusal(fileName, (format != null) ? format.code() : "unknown", tableId, ex);
	}

	private void recordRefusal(String fileName, String format, String tableId, ImportException ex) {
		recordFailure(fileName, format, tableId, sha256(), ex.getMessage());
	}

	private void recordFailure(String fileName, ImportFormat format, String tableId, MessageDigest sha, String error) {
		recordFailure(fileName, format.code(), tableId, sha, error);
	}

	private void recordFailure(String fileName, String format, String tableId, MessageDigest sha, String error) {
		try {
			this.jdbc.transaction((cfg) -> cfg.dsl()
				.insertInto(IMPORT_RUN)
				.set(IMPORT_RUN.FORMAT, format)
				.set(IMPORT_RUN.FILE_NAME, fileName)
				.set(IMPORT_RUN.CHECKSUM, HexFormat.of().formatHex(sha.digest()))
				.set(IMPORT_RUN.TABLE_ID, tableId)
				.set(IMPORT_RUN.STATUS, ImportRunState.FAILED)
				.set(IMPORT_RUN.FINISHED_AT, OffsetDateTime.now())
				.set(IMPORT_RUN.ERROR, error)
				.execute());
			logger.warn("Import of {} failed: {}", fileName, error);
		}
		catch (RuntimeException ex) {
			logger.error("Import of {} failed ({}) and the failure could not be recorded", fileName, error, ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
