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
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.llomonitor.system.DatabaseConfiguration;
import org.jooq.DSLContext;
import org.jooq.JSONB;
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

	/** Formats read line by line: a file of these must end with a line break. */
	static final java.util.Set<ImportFormat> LINE_FORMATS = java.util.EnumSet.of(ImportFormat.CBS_CSV,
			ImportFormat.CBS_V4_CSV, ImportFormat.EUROSTAT_TSV, ImportFormat.REGIONS, ImportFormat.DEMO);

	private static final Pattern CBS_TABLE = Pattern.compile("^([0-9]{5}[A-Za-z]{3})");

	private final DSLContext jdbc;

	private final ImportProperties properties;

	private final Catalog catalog;

	private final RegionDirectory regions;

	private final MappingRegistry mappings;

	private final Map<ImportFormat, FormatReader> readers = new EnumMap<>(ImportFormat.class);

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * @param jdbc the JDBC DSLContext
	 * @param properties importer settings
	 */
	public ImportService(@Qualifier(DatabaseConfiguration.JDBC_DSL) DSLContext jdbc, ImportProperties properties) {
		this.jdbc = jdbc;
		this.properties = (properties != null) ? properties : new ImportProperties(null, null, null, null, null, null);
		this.catalog = Catalog.load();
		this.regions = RegionDirectory.load();
		this.mappings = MappingRegistry.load(this.catalog);
		this.readers.put(ImportFormat.CBS_CSV, new CbsCsvReader());
		this.readers.put(ImportFormat.DEMO, new DemoFormat.Reader());
		this.readers.put(ImportFormat.REGIONS, new RegionsImporter());
		this.readers.put(ImportFormat.CBS_V4_CSV, new CbsV4CsvReader());
		this.readers.put(ImportFormat.EUROSTAT_TSV, new EurostatTsvReader());
		this.readers.put(ImportFormat.GEOJSON, new GeoJsonImporter());
		this.readers.put(ImportFormat.CBS_ODATA3, new ODataReader(false));
		this.readers.put(ImportFormat.CBS_ODATA4, new ODataReader(true));
	}

	Catalog catalog() {
		return this.catalog;
	}

	RegionDirectory regions() {
		return this.regions;
	}

	MappingRegistry mappings() {
		return this.mappings;
	}

	FormatReader reader(ImportFormat format) {
		return this.readers.get(format);
	}

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
		return importFile(file, format, tableId, null, null);
	}

	/**
	 * Imports an older download as the vintage a source published at a given moment: its
	 * values are recorded at that moment, as history. It never replaces a value of a
	 * later vintage of the same table, so an older download imported after a newer one
	 * does not become current, and {@code asOf} shows it for its time.
	 * @param file the file
	 * @param format its format, or null to detect it
	 * @param tableId the source table id, or null to take it from the file name
	 * @param published when the source published it, or null (then: the import time)
	 * @return the report
	 * @throws ImportException when the file is bad; nothing is written then
	 */
	public ImportReport importFile(Path file, ImportFormat format, String tableId, OffsetDateTime published) {
		return importFile(file, format, tableId, published, null);
	}

	ImportReport importFile(Path file, ImportFormat format, String tableId, OffsetDateTime published,
			java.util.function.LongConsumer progress) {
		Path data = Files.isDirectory(file) ? ODataFolder.dataFile(file) : file;
		ImportFormat actual = (format != null) ? format : ImportFormat.detect(data);
		String name = file.getFileName().toString();
		String table = (tableId != null && !tableId.isBlank()) ? tableId.strip() : tableId(name);
		ODataResources resources = null;
		if (actual == ImportFormat.CBS_ODATA3 || actual == ImportFormat.CBS_ODATA4) {
			Path dir = data.toAbsolutePath().getParent();
			resources = new ODataResources.Folder(dir);
			if (table == null) {
				table = ODataFolder.tableId(dir);
			}
		}
		Source source = (progress == null) ? () -> Files.newInputStream(data)
				: () -> new Counting(Files.newInputStream(data), progress);
		return run(name, actual, table, source, resources, published);
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
		if (!tableId.matches("[0-9]{5}[A-Za-z]{3}")) {
			throw new ImportException(tableId, null, null, tableId, "a CBS table id such as 83599NED",
					"invalid table id");
		}
		String base = v4 ? this.properties.odata4Url() : this.properties.odata3Url();
		String tableUrl = base.replaceAll("/+$", "") + "/" + tableId;
		String dataUrl = v4 ? tableUrl + "/Observations" : tableUrl + "/TypedDataSet?$format=json";
		ImportFormat format = v4 ? ImportFormat.CBS_ODATA4 : ImportFormat.CBS_ODATA3;
		CbsODataClient client = new CbsODataClient(this.properties.fetchAttempts(), this.properties.fetchBackoff());
		org.jooq.Record previous = this.jdbc.select(IMPORT_RUN.REPORT)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.FILE_NAME.eq(dataUrl), IMPORT_RUN.STATUS.in("succeeded", "unchanged"))
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
		return run(dataUrl, format, tableId, source, new CbsODataClient.Resources(client, tableUrl, v4));
	}

	private ImportReport recordNotModified(String url, ImportFormat format, String tableId,
			Map<String, Object> validators) {
		Map<String, Object> details = new LinkedHashMap<>(validators);
		details.put("notModified", true);
		details.put("warnings", List.of("not modified since the last fetch (HTTP 304)"));
		return this.jdbc.transactionResult((cfg) -> {
			var run = cfg.dsl()
				.insertInto(IMPORT_RUN)
				.set(IMPORT_RUN.FORMAT, format.code())
				.set(IMPORT_RUN.FILE_NAME, url)
				.set(IMPORT_RUN.CHECKSUM, "")
				.set(IMPORT_RUN.TABLE_ID, tableId)
				.set(IMPORT_RUN.STATUS, "unchanged")
				.set(IMPORT_RUN.FINISHED_AT, OffsetDateTime.now())
				.set(IMPORT_RUN.REPORT, JSONB.valueOf(this.json.writeValueAsString(details)))
				.returningResult(IMPORT_RUN.ID, IMPORT_RUN.STARTED_AT, IMPORT_RUN.FINISHED_AT)
				.fetchSingle();
			return new ImportReport(run.value1(), format.code(), url, tableId, "", "unchanged", 0, 0, 0,
					List.of("not modified since the last fetch (HTTP 304)"), null, run.value2(), run.value3(), null);
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
				.and(IMPORT_RUN.STATUS.in("succeeded", "unchanged")));
		}
		MessageDigest sha = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			return false;
		}
		return this.jdbc.fetchExists(IMPORT_RUN, IMPORT_RUN.CHECKSUM.eq(HexFormat.of().formatHex(sha.digest()))
			.and(IMPORT_RUN.STATUS.in("succeeded", "unchanged")));
	}

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
		return m.find() ? m.group(1) : null;
	}

	ImportReport run(String fileName, ImportFormat format, String tableId, Source source) {
		return run(fileName, format, tableId, source, null);
	}

	ImportReport run(String fileName, ImportFormat format, String tableId, Source source, ODataResources resources) {
		return run(fileName, format, tableId, source, resources, null);
	}

	private ImportReport run(String fileName, ImportFormat format, String tableId, Source source,
			ODataResources resources, OffsetDateTime published) {
		if (published != null) {
			Publication.notInFuture(published, fileName, published.toString());
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
					.returningResult(IMPORT_RUN.ID, IMPORT_RUN.STARTED_AT)
					.fetchSingle();
				long runId = run.value1();
				// one import at a time, across all instances: vintages are decided
				// against the
				// current values, which a concurrent import of the same cells would
				// change
				OffsetDateTime lockedAt = ImportLock.acquire(tx, fileName, runId);
				tx.execute("set local work_mem = '64MB'");
				StagingSink stage = (format == ImportFormat.REGIONS || format == ImportFormat.GEOJSON) ? null
						: StagingSink.open(tx);
				ImportJob job = new ImportJob(fileName, tableId, this.regions, this.mappings, this.catalog, stage, tx,
						runId);
				job.resources = resources;
				job.published = published;
				job.backdated = published != null;
				job.publishedFrom = (published != null) ? "given with the import" : null;
				job.digest = sha;
				LastByte last = new LastByte(new BufferedInputStream(source.open(), 1 << 16));
				try (InputStream in = new DigestInputStream(last, sha)) {
					reader.read(new java.io.FilterInputStream(in) {
						@Override
						public void close() {
							// the digest needs the rest of the bytes
						}
					}, job);
					in.transferTo(OutputStream.nullOutputStream());
					if (LINE_FORMATS.contains(format) && last.value >= 0 && last.value != '\n' && last.value != '\r') {
						// a cut-off last line can still parse (75.5 -> 75.): refuse it
						throw new ImportException(fileName, "end of file", null, null,
								"a file that ends with a line break", "the last line is cut off: probably truncated");
					}
					if (stage != null) {
						stage.finish();
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
				long cells = job.otherRowsInserted + job.otherRowsUnchanged;
				long inserted = job.otherRowsInserted;
				if (stage != null) {
					// an older download, dated with the import, is placed at its
					// publication, everything else at its import (a date from metadata
					// is only recorded: an undated file imported earlier may be older)
					// (dated when the lock was granted: vintages follow commit order)
					OffsetDateTime vintageAt = job.backdated ? job.published : lockedAt;
					ObservationStore.Result result = ObservationStore.merge(tx, stage, job, vintageAt);
					cells += result.cells();
					inserted += result.inserted();
				}
				Long version = (inserted > 0) ? tx.fetchSingle("select bump_data_version()").get(0, Long.class) : null;
				String status = (inserted > 0) ? "succeeded" : "unchanged";
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("warnings", job.warnings);
				details.put("cells", cells);
				if (job.tableId != null) {
					details.put("table", job.tableId);
				}
				details.putAll(source.details());
				if (job.published != null) {
					details.put("published", job.published.toString());
					details.put("publishedFrom", job.publishedFrom);
				}
				if (version != null) {
					details.put("dataVersion", version);
				}
				String checksum = HexFormat.of().formatHex(sha.digest());
				OffsetDateTime finished = tx.update(IMPORT_RUN)
					.set(IMPORT_RUN.CHECKSUM, checksum)
					.set(IMPORT_RUN.TABLE_ID, job.tableId)
					.set(IMPORT_RUN.STATUS, status)
					.set(IMPORT_RUN.PUBLISHED_AT, job.published)
					.set(IMPORT_RUN.BACKDATED, job.backdated)
					.set(IMPORT_RUN.ROWS_READ, job.rowsRead)
					.set(IMPORT_RUN.ROWS_INSERTED, inserted)
					.set(IMPORT_RUN.ROWS_UNCHANGED, cells - inserted)
					.set(IMPORT_RUN.REPORT, JSONB.valueOf(this.json.writeValueAsString(details)))
					.set(IMPORT_RUN.FINISHED_AT, org.jooq.impl.DSL.field("clock_timestamp()", OffsetDateTime.class))
					.where(IMPORT_RUN.ID.eq(runId))
					.returningResult(IMPORT_RUN.FINISHED_AT)
					.fetchSingle()
					.value1();
				return new ImportReport(runId, format.code(), fileName, job.tableId, checksum, status, job.rowsRead,
						inserted, cells - inserted, List.copyOf(job.warnings), version, lockedAt, finished, null);
			});
			logger.info("Imported {} ({}, table {}): {} rows read, {} written, {} unchanged in {} ms{}", fileName,
					format.code(), report.tableId(), report.rowsRead(), report.rowsInserted(), report.rowsUnchanged(),
					(System.nanoTime() - started) / 1_000_000,
					report.warnings().isEmpty() ? "" : "; warnings: " + report.warnings());
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

	private static ImportException findImportException(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ImportException ie) {
				return ie;
			}
		}
		return null;
	}

	private void recordFailure(String fileName, ImportFormat format, String tableId, MessageDigest sha, String error) {
		try {
			this.jdbc.transaction((cfg) -> cfg.dsl()
				.insertInto(IMPORT_RUN)
				.set(IMPORT_RUN.FORMAT, format.code())
				.set(IMPORT_RUN.FILE_NAME, fileName)
				.set(IMPORT_RUN.CHECKSUM, HexFormat.of().formatHex(sha.digest()))
				.set(IMPORT_RUN.TABLE_ID, tableId)
				.set(IMPORT_RUN.STATUS, "failed")
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
