package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.llomonitor.cube.CbsSign;
import nl.llomonitor.cube.ImportWarning;
import nl.llomonitor.cube.IncompleteReason;
import nl.llomonitor.cube.MissingReason;
import nl.llomonitor.cube.Status;
import nl.llomonitor.cube.Unit;
import nl.llomonitor.importer.ImportFormat;
import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.ReadResult;
import nl.llomonitor.importer.Publication;
import nl.llomonitor.importer.catalog.GenericTable;
import nl.llomonitor.importer.catalog.TableMapping;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CBS OData responses, streamed record by record with Jackson's parser (memory stays flat
 * whatever the size): v3 {@code TypedDataSet}/{@code UntypedDataSet} (one record per cell
 * combination, one property per measure, padded keys, string values in the untyped set)
 * and v4 {@code Observations} (one record per value, {@code Measure} code). Follows
 * {@code odata.nextLink} / {@code @odata.nextLink} pages. Uses the table's other entity
 * sets when available: {@code DataProperties} (which keys are dimensions),
 * {@code Perioden}/{@code PeriodenCodes} (status), dimension code lists (titles).
 */
public final class ODataReader implements FormatReader {

	private static final Pattern TABLE = Pattern.compile("/(?:OData|odata|CBS)/([0-9]{5}[A-Za-z]{3})/");

	/**
	 * The properties of a CBS OData v4 {@code Observations} entity besides its dimensions
	 * (CBS, "Handleiding CBS Open Data v4": Id, Measure, ValueAttribute, Value,
	 * StringValue).
	 */
	static final List<String> V4_PROPERTIES = List.of("Id", "Measure", "ValueAttribute", "Value", "StringValue");

	/**
	 * The page size cap of CBS's OData APIs: a page this full without a next link is cut
	 * off.
	 */
	static final int PAGE_CAP = 10_000;

	private final boolean v4;

	private final JsonMapper json = ImportJson.mapper();

	public ODataReader(boolean v4) {
		this.v4 = v4;
	}

	@Override
	public ReadResult read(InputStream in, ImportJob job) throws IOException {
		Page page = new Page(job);
		ReadResult.Builder found = page.found;
		InputStream current = in;
		String source = job.fileName();
		int pages = 0;
		while (current != null) {
			pages++;
			String next = readPage(current, source, page);
			current = null;
			if (next != null) {
				InputStream following = (job.resources() != null) ? job.resources().openNext(next) : null;
				if (following == null) {
					found.incomplete(IncompleteReason.nextPageMissing(next));
				}
				else {
					source = next;
					page.link = next;
					current = job.digested(following);
				}
			}
		}
		if (pages > 1) {
			found.warn(ImportWarning.of(ImportWarning.ODATA_PAGES, pages));
		}
		if (!page.missingMeasures.isEmpty()) {
			found.warn(ImportWarning.of(ImportWarning.MISSING_MEASURES,
					page.missingMeasures.values().stream().mapToLong(Long::longValue).sum(),
					String.join(", ", page.missingMeasures.keySet())));
		}
		if (page.mapping != null) {
			CbsCsvReader.warnSkipped(found, page.mapping, page.skippedRegions, page.skippedLevels);
		}
		if (page.count != null && page.record < page.count) {
			found.incomplete(IncompleteReason.fewerThanCounted(page.record, page.count));
		}
		if (page.observationCount != null && page.record < page.observationCount) {
			found.incomplete(IncompleteReason.fewerThanTable(page.record, page.observationCount));
		}
		if (page.recordCount != null && page.record < page.recordCount) {
			found.incomplete(IncompleteReason.fewerThanTableRecords(page.record, page.recordCount));
		}
		moreThanCounted(found, page.record, page.count, "odata.count");
		moreThanCounted(found, page.record, page.observationCount, "Properties.ObservationCount");
		moreThanCounted(found, page.record, page.recordCount, "TableInfos.RecordCount");
		return found.build();
	}

	/** Warns when the download holds more records than the count it states. */
	private static void moreThanCounted(ReadResult.Builder found, long read, Long counted, String source) {
		if (counted != null && read > counted) {
			found.warn(ImportWarning.of(ImportWarning.ODATA_MORE_THAN_COUNTED, read, counted, source));
		}
	}

	/**
	 * State kept across the pages of one import.
	 */
	private final class Page {

		final ImportJob job;

		/** What the import found so far. */
		final ReadResult.Builder found;

		TableMapping mapping;

		final Map<String, String> periodStatus = new HashMap<>();

		final Map<String, Map<String, String>> titles = new HashMap<>();

		final Set<String> dimensionKeys = new HashSet<>();

		final Set<String> unknownProperties = new HashSet<>();

		/** Mapped measure properties that records left out, by property. */
		final Map<String, Long> missingMeasures = new TreeMap<>();

		/** Records of regions the mapping skips by label ({@code skipRegions}). */
		long skippedRegions;

		/**
		 * Records of regions at levels the mapping does not take ({@code regionLevels}),
		 * by level.
		 */
		final Map<String, Long> skippedLevels = new TreeMap<>();

		/** The codes of the mapping's {@code skipRegions} labels, once resolved. */
		Set<String> skipCodes;

		long record;

		/**
		 * The {@code ID} (v3) or {@code Id} (v4) of the last record read, or null when it
		 * gave none.
		 */
		Long lastId;

		/** The next link the page being read was reached by; null for the first page. */
		String link;

		/** {@code @odata.count} / {@code odata.count} of the first page, if given. */
		Long count;

		/** v4 {@code Properties.ObservationCount}, if available. */
		Long observationCount;

		/** v3 {@code TableInfos(value[0]).RecordCount}, if available. */
		Long recordCount;

		Page(ImportJob job) {
			this.job = job;
			this.found = ReadResult.builder(job);
		}

		/** DataProperties (v3) or Dimensions (v4), when available. */
		JsonNode properties;

		/** The region dimension named by the metadata. */
		String geoKey;

		void start(String tableFromMetadata, JsonNode first) throws IOException {
			if (this.mapping != null) {
				return;
			}
			this.found.tableIdIfUnknown(tableFromMetadata);
			loadMetadata();
			List<String> keys = new ArrayList<>(first.propertyNames());
			keys.removeIf(ODataReader::isAnnotation);
			if (ODataReader.this.v4) {
				// a dimension holds a code: a property with a number, a boolean or null
				// in the first record is none (it is warned about as outside the spec)
				keys.removeIf((k) -> !V4_PROPERTIES.contains(k) && !first.path(k).isString());
			}
			this.mapping = this.found.mapping("record 1", (table) -> generic(table, keys));
			if (this.found.generic() == null) {
				checkUnits();
			}
		}

		/**
		 * A curated mapping never changes a number: a measure whose unit the download's
		 * metadata gives (v4 {@code MeasureCodes}, v3 {@code DataProperties}) must have
		 * the unit of the indicator it feeds, where both are units the store knows
		 * (percent, x1000, persons). A table whose measure CBS changed from % to a count
		 * is refused instead of read as percentages.
		 * @throws nl.llomonitor.importer.ImportException naming the measure and both
		 * units
		 */
		private void checkUnits() throws IOException {
			JsonNode measures = ODataReader.this.v4 ? readEntitySet("MeasureCodes") : this.properties;
			if (measures == null) {
				return;
			}
			Map<String, nl.llomonitor.importer.catalog.Catalog.Indicator> indicators = this.job.catalog()
				.indicatorsByCode();
			Set<String> known = Set.of(Unit.PERCENT.code(), Unit.THOUSANDS.code(), Unit.PERSONS.code());
			for (JsonNode m : measures) {
				String key = (ODataReader.this.v4 ? m.path("Identifier") : m.path("Key")).asString("").strip();
				TableMapping.Measure measure = this.mapping.measures().get(key);
				var indicator = (measure != null && measure.indicator() != null) ? indicators.get(measure.indicator())
						: null;
				String unit = m.path("Unit").isString() ? GenericTable.unit(m.path("Unit").asString()) : null;
				if (indicator != null && unit != null && known.contains(unit) && known.contains(indicator.unit())
						&& !unit.equals(indicator.unit())) {
					throw this.job.error((ODataReader.this.v4 ? "MeasureCodes" : "DataProperties") + ".json, " + key,
							"Unit", m.path("Unit").asString(),
							"the unit of indicator " + indicator.code() + " (" + indicator.unit() + ")",
							"unit differs: the mapping would store " + unit + " as " + indicator.unit());
				}
			}
		}

		private GenericTable generic(String table, List<String> keys) {
			GenericTable generic;
			try {
				if (ODataReader.this.v4) {
					// with the table's Dimensions, a property that is none of them is no
					// dimension either (warned about as outside the spec)
					List<String> dims = (this.properties == null) ? keys
							: keys.stream()
								.filter((k) -> V4_PROPERTIES.contains(k) || this.dimensionKeys.contains(k))
								.toList();
					generic = GenericTable.ofV4(table, dims, this.geoKey);
					generic.describe(readEntitySet("MeasureCodes"), this.properties, true);
				}
				else {
					generic = GenericTable.of(table, keys, this.geoKey,
							(this.properties != null) ? this.dimensionKeys : null);
					generic.describe(this.properties, this.properties, false);
				}
				JsonNode info = ODataReader.this.v4 ? readResource("Properties") : readEntitySet("TableInfos");
				JsonNode table0 = (info == null) ? null : (ODataReader.this.v4 ? info : info.path(0));
				if (table0 != null && table0.path("Title").isString()) {
					generic.title = table0.path("Title").asString().strip();
					String summary = table0.path(ODataReader.this.v4 ? "Description" : "ShortDescription").asString("");
					generic.description = summary.isBlank() ? null : summary.strip();
				}
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			this.titles.forEach(generic::memberTitles);
			return generic;
		}

		private void loadMetadata() throws IOException {
			JsonNode properties4 = ODataReader.this.v4 ? readResource("Properties") : null;
			this.observationCount = (properties4 != null) ? count(properties4.path("ObservationCount")) : null;
			JsonNode infos3 = ODataReader.this.v4 ? null : readEntitySet("TableInfos");
			this.recordCount = (infos3 != null) ? count(infos3.path(0).path("RecordCount")) : null;
			// v3: TableInfos(value[0]).Modified, local time; v4: Properties.Modified
			JsonNode meta = ODataReader.this.v4 ? properties4 : infos3;
			JsonNode modified = (meta == null) ? null : (ODataReader.this.v4 ? meta : meta.path(0)).path("Modified");
			OffsetDateTime published = (modified != null && modified.isString())
					? Publication.parse(modified.asString()) : null;
			if (published != null && !published.isAfter(OffsetDateTime.now())) {
				// kept beside a date given with the import: a download the metadata dates
				// before the store's newest publication is never the newest release
				this.found.stated(published);
				if (this.found.published() == null) {
					// recorded in import_run.published_at; the vintage stays at its
					// import
					this.found.published(published,
							ODataReader.this.v4 ? "Properties.Modified" : "TableInfos.Modified");
				}
			}
			JsonNode properties = readEntitySet(ODataReader.this.v4 ? "Dimensions" : "DataProperties");
			this.properties = properties;
			if (properties != null) {
				for (JsonNode p : properties) {
					String type = ODataReader.this.v4 ? p.path("Kind").asString("") : p.path("Type").asString("");
					String key = ODataReader.this.v4 ? p.path("Identifier").asString("") : p.path("Key").asString("");
					if (type.contains("Dimension")) {
						this.dimensionKeys.add(key.strip());
						if (type.equals("GeoDimension")) {
							this.geoKey = key.strip();
						}
						Map<String, String> codeTitles = new HashMap<>();
						JsonNode codes = readEntitySet(ODataReader.this.v4 ? key.strip() + "Codes" : key.strip());
						if (codes != null) {
							for (JsonNode c : codes) {
								String code = (ODataReader.this.v4 ? c.path("Identifier") : c.path("Key")).asString("")
									.strip();
								codeTitles.put(code, c.path("Title").asString("").strip());
								if (type.equals("TimeDimension")) {
									this.periodStatus.put(code,
											status(ODataReader.this.v4 ? key.strip() + "Codes" : key.strip(), code,
													c.path("Status").asString(""), c.path("Title").asString("")));
								}
							}
						}
						this.titles.put(key.strip(), codeTitles);
					}
				}
			}
			else if (!ODataReader.this.v4) {
				JsonNode periods = readEntitySet("Perioden");
				if (periods != null) {
					for (JsonNode c : periods) {
						this.periodStatus.put(c.path("Key").asString("").strip(),
								status("Perioden", c.path("Key").asString("").strip(), c.path("Status").asString(""),
										c.path("Title").asString("")));
					}
				}
			}
		}

		private JsonNode readEntitySet(String name) throws IOException {
			JsonNode resource = readResource(name);
			return (resource != null) ? resource.path("value") : null;
		}

		private JsonNode readResource(String name) throws IOException {
			if (this.job.resources() == null) {
				return null;
			}
			try (InputStream in = this.job.resources().open(name)) {
				if (in == null) {
					return null;
				}
				return ODataReader.this.json.readTree(in);
			}
			catch (JacksonException ex) {
				throw this.job.error(GeoJsonImporter.location(ex), null, name + ".json", "valid JSON",
						ex.getOriginalMessage());
			}
		}

		/**
		 * @return the status a period's code list gives it
		 * @throws nl.llomonitor.importer.ImportException for a {@code Status} that is
		 * none of CBS's (it used to be dropped: the figures of the period lost their
		 * status without a word)
		 */
		String status(String resource, String code, String status, String title) {
			return ODataReader.status(this.job, resource + ".json, period " + code, status, title);
		}

	}

	/**
	 * @param where the resource and record, for the error
	 * @param status a CBS {@code Status} ("Definitief", "Voorlopig", "Nader voorlopig"),
	 * may be blank
	 * @param title the code's {@code Title}, whose {@code *} or {@code **} also say it
	 * @return the status code
	 * @throws nl.llomonitor.importer.ImportException for a non-blank status that is none
	 * of those
	 */
	static String status(ImportJob job, String where, String status, String title) {
		Status found = Status.fromCbs(status, title);
		if (found == Status.NOT_STATED && status != null && !status.isBlank()) {
			throw job.error(where, "Status", status, "Definitief, Voorlopig or Nader voorlopig", "unknown status");
		}
		return found.code();
	}

	private String readPage(InputStream in, String source, Page page) throws IOException {
		String next = null;
		// after the byte order marks, as format detection reads it (Jackson skips one)
		try (JsonParser parser = this.json.createParser(Bom.skip(in))) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw page.job.error("offset 0", null, null, "an OData JSON object with a value array",
						"not a JSON object");
			}
			boolean values = false;
			String metadata = null;
			long before = page.record;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken token = parser.nextToken();
				if (name.equals("value") && token == JsonToken.START_ARRAY) {
					values = true;
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						JsonNode record = parser.readValueAsTree();
						page.record++;
						Long id = recordId(record);
						if (page.record == before + 1) {
							laterPage(page, id, source, before);
						}
						page.lastId = id;
						if (page.mapping == null) {
							page.start(tableFrom(metadata), record);
						}
						record(record, page);
					}
					if (parser.currentToken() != JsonToken.END_ARRAY) {
						throw page.job.error("record " + (page.record + 1), "value",
								String.valueOf(parser.currentToken()), "an array of JSON objects",
								"unexpected JSON in the value array");
					}
				}
				else if (name.equals("odata.nextLink") || name.equals("@odata.nextLink")) {
					next = parser.getString();
				}
				else if ((name.equals("odata.count") || name.equals("@odata.count")) && page.count == null) {
					if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getLongValue() >= 0) {
						page.count = parser.getLongValue();
					}
					else if (parser.currentToken() == JsonToken.VALUE_STRING
							&& parser.getString().strip().matches("[0-9]{1,18}")) {
						page.count = Long.parseLong(parser.getString().strip());
					}
					else if (parser.currentToken() != JsonToken.VALUE_NULL) {
						// null: no count given
						throw page.job.error("record " + (page.record + 1), name,
								parser.currentToken().isStructStart() ? String.valueOf(parser.currentToken())
										: parser.getValueAsString(),
								"the number of records, a whole number", "not a count");
					}
				}
				else if (name.equals("odata.metadata") || name.equals("@odata.context")) {
					metadata = parser.getString();
					page.found.tableIdIfUnknown(tableFrom(metadata));
				}
				else {
					parser.skipChildren();
				}
			}
			if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
				throw page.job.error("record " + (page.record + 1), null, String.valueOf(parser.currentToken()),
						"one OData JSON object", "unexpected JSON after the response object");
			}
			if (!values) {
				throw page.job.error("record " + (page.record + 1), "value", null,
						"an OData response with a value array", "no value array");
			}
			if (next == null && page.record - before == PAGE_CAP) {
				page.found.incomplete(IncompleteReason.pageAtLimit(PAGE_CAP, source));
			}
		}
		catch (JacksonException ex) {
			throw page.job.error(location(ex, page), null, null, "complete, valid OData JSON (" + source + ")",
					ex.getOriginalMessage());
		}
		return next;
	}

	/**
	 * A page saved or sent without the pages before it, told by the ID of its first
	 * record. CBS's OData v3 data sets number their records from 0 in the table's order
	 * ({@code ID}), and a page of the API's {@code $skip} paging starts at the ID of the
	 * number of records skipped, a multiple of the page size ({@link #PAGE_CAP}): the
	 * second page of 83599NED starts at ID 10000. So a page whose first record has an ID
	 * that is a positive multiple of the page size
	 * <ul>
	 * <li>as the first page read (a {@code $skip=10000} page saved alone) makes the
	 * download incomplete: the records start at a later page
	 * ({@link IncompleteReason#startsAtLaterPage});</li>
	 * <li>as a later page, when it does not continue the IDs of the page before it (the
	 * page after 0-9999 starts at 20000) makes it incomplete too: a page between them is
	 * missing ({@link IncompleteReason#pageSkipped}).</li>
	 * </ul>
	 * Any other first ID, and gaps between the IDs of one page, are no evidence: a
	 * download filtered on purpose ({@code $filter} on a region, a selection) keeps the
	 * table's own IDs, so it starts where its first selected record stands and skips the
	 * rest (such a download is incomplete by the table's {@code RecordCount} or
	 * {@code ObservationCount} when its metadata comes with it). A page reached through a
	 * next link that holds {@code $filter} is not checked either. The v4
	 * {@code Observations} number their {@code Id} the same way but leave gaps (80072ned:
	 * 4,409 observations, Id 0 to 4718), so for v4 only the first rule holds (a later
	 * page may start past a gap), and a {@code $skip} page saved alone is told only when
	 * its first Id is a multiple of the page size. A filtered download whose first
	 * selected record happens to stand at such an ID is marked incomplete too; it is a
	 * selection of its table, and imported with {@code allowIncomplete} as any other.
	 * @param page the import
	 * @param id the first record's ID, or null
	 * @param source the page (file or next link)
	 * @param before records read before this page
	 */
	private void laterPage(Page page, Long id, String source, long before) {
		if (id == null || !laterPageStart(id) || filtered(page.link)) {
			return;
		}
		if (before == 0) {
			page.found.incomplete(IncompleteReason.startsAtLaterPage(id, source));
		}
		else if (!this.v4 && page.lastId != null && id != page.lastId + 1) {
			page.found.incomplete(IncompleteReason.pageSkipped(id, source, page.lastId));
		}
	}

	/**
	 * @param id the ID of a first record
	 * @return whether it is where a later page of the API's {@code $skip} paging starts:
	 * a positive multiple of {@link #PAGE_CAP} ({@link #laterPage} gives the rule)
	 */
	static boolean laterPageStart(long id) {
		return id > 0 && id % PAGE_CAP == 0;
	}

	/**
	 * The records of a file saved from one page of {@code $skip} without the pages before
	 * it (the v4 CSV's {@code Id}, the CBS CSV's {@code ID}): a first ID that is a
	 * positive multiple of the API's page size ({@link #laterPageStart};
	 * {@link #laterPage} gives the rule and why other first IDs and gaps are no evidence)
	 * marks the download incomplete.
	 * @param found the import's result
	 * @param id the first record's ID, stripped (not a number: no evidence)
	 * @param file the file's name
	 */
	static void laterPageSavedAlone(ReadResult.Builder found, String id, String file) {
		if (id.matches("[0-9]{1,18}")) {
			long first = Long.parseLong(id);
			if (laterPageStart(first)) {
				found.incomplete(IncompleteReason.startsAtLaterPage(first, file));
			}
		}
	}

	/**
	 * @param link a next link, or null
	 * @return whether it holds a {@code $filter} (also URL-encoded)
	 */
	private static boolean filtered(String link) {
		if (link == null) {
			return false;
		}
		String lower = link.toLowerCase(java.util.Locale.ROOT);
		return lower.contains("$filter") || lower.contains("%24filter");
	}

	/**
	 * @param record a record of a data set
	 * @return its {@code ID} (v3) or {@code Id} (v4), a whole number or one written as
	 * text; null when it has none
	 */
	private static Long recordId(JsonNode record) {
		JsonNode id = record.has("ID") ? record.get("ID") : record.get("Id");
		return (id != null) ? count(id) : null;
	}

	private static String location(JacksonException ex, Page page) {
		String where = GeoJsonImporter.location(ex);
		return "record " + (page.record + 1) + ((where != null) ? " (" + where + ")" : "");
	}

	/**
	 * @param node a count of the metadata: a number, or a number written as text
	 * @return it, or null when it is missing or no whole number
	 */
	private static Long count(JsonNode node) {
		if (node.isIntegralNumber()) {
			return node.asLong();
		}
		if (node.isString() && node.asString().strip().matches("[0-9]{1,18}")) {
			return Long.parseLong(node.asString().strip());
		}
		return null;
	}

	/**
	 * @param key a property of a record
	 * @return whether it is an OData annotation, not data: {@code @odata.etag},
	 * {@code Value@odata.type} (v4), {@code odata.id}, {@code odata.editLink} (v3 full
	 * metadata), {@code __metadata} (v2 verbose)
	 */
	public static boolean isAnnotation(String key) {
		return key.startsWith("@") || key.startsWith("odata.") || key.contains("@odata.") || key.equals("__metadata");
	}

	/**
	 * @return a measure's value as text, or null for JSON null
	 * @throws nl.llomonitor.importer.ImportException for an array or object, which is no
	 * value (it used to read as empty: a published figure withdrawn without a word)
	 */
	private static String scalar(ImportJob job, String where, String key, JsonNode node) {
		if (node.isNull()) {
			return null;
		}
		if (node.isContainer()) {
			throw job.error(where, key, ImportFormat.abbreviate(node.toString()), "a number, a CBS sign or null",
					"not a number");
		}
		return node.asString("");
	}

	/**
	 * @param region a region code as the record gives it, stripped
	 * @return whether the mapping's {@code skipRegions} (CBS labels, as in its CSV form)
	 * name the region: by the region code each label resolves to, or by the title the
	 * data set's own code list gives the code (also a code the store does not know)
	 */
	private static boolean skipsRegion(Page page, String region) {
		List<String> labels = page.mapping.skipRegions();
		if (labels.isEmpty()) {
			return false;
		}
		if (page.skipCodes == null) {
			page.skipCodes = new HashSet<>();
			for (String label : labels) {
				String code = page.job.regions().resolveLabel(label);
				if (code != null) {
					page.skipCodes.add(code);
				}
			}
			page.titles.getOrDefault(page.mapping.regionColumn(), Map.of()).forEach((code, title) -> {
				if (title != null && labels.contains(title.strip())) {
					page.skipCodes.add(code.strip());
				}
			});
		}
		return page.skipCodes.contains(region);
	}

	private static String tableFrom(String metadata) {
		if (metadata == null) {
			return null;
		}
		Matcher m = TABLE.matcher(metadata);
		return m.find() ? m.group(1) : null;
	}

	private void record(JsonNode record, Page page) {
		ImportJob job = page.job;
		ReadResult.Builder found = page.found;
		TableMapping mapping = page.mapping;
		String where = "record " + page.record;
		found.row();
		String region = mapping.region();
		String period = null;
		String status = Status.NOT_STATED.code();
		String recordStatus = null;
		String memberStatus = null;
		Map<String, String> breakdown = new TreeMap<>();
		String indicatorOverride = null;
		// the first member the mapping skips (skip: true): its property and code
		String[] skippedBy = null;
		Map<String, String> measures = new TreeMap<>();
		char part = CellSink.VALUE;
		for (Map.Entry<String, JsonNode> property : record.properties()) {
			String key = property.getKey();
			JsonNode node = property.getValue();
			if (key.equals("ID") || key.equals("Id") || key.equals("ValueAttribute")
					|| (this.v4 && key.equals("StringValue")) || isAnnotation(key)) {
				continue;
			}
			if (key.equals(mapping.periodColumn())) {
				String code = node.asString("").strip();
				if (!Periods.isCode(code)) {
					throw job.error(where, key, node.asString(""), "a CBS period code such as 2023KW02",
							"invalid period");
				}
				period = code;
				status = page.periodStatus.getOrDefault(code, Status.NOT_STATED.code());
			}
			else if (key.equals(mapping.regionColumn())) {
				if (skipsRegion(page, node.asString("").strip())) {
					// skipped by label as in CSV, also a region without a code today
					// (Niet in te delen), before the rest of the record is read
					page.skippedRegions++;
					return;
				}
				region = job.regions().byCode(node.asString(""));
				if (region == null) {
					// an error, or skipped and counted when the import says so
					found.unknownRegion(where, key, node.asString(""), "a CBS region code such as PV26");
					return;
				}
			}
			else if (this.v4 && key.equals("Measure")) {
				measures.put(node.asString("").strip(), null);
			}
			else if (this.v4 && key.equals("Value")) {
				measures.put("\u0000value", scalar(job, where, key, node));
			}
			else if (mapping.dimensions().containsKey(key) || page.dimensionKeys.contains(key)) {
				Map<String, TableMapping.Member> members = mapping.dimensions().get(key);
				String code = node.asString("").strip();
				TableMapping.Member member = (members != null) ? members.get(code) : null;
				if (member == null && members != null) {
					member = members.get(page.titles.getOrDefault(key, Map.of()).getOrDefault(code, "\u0000"));
				}
				if (member == null && members != null) {
					member = members.get(TableMapping.OTHERS);
				}
				if (member == null && members == null) {
					// a dimension of the table by its own Dimensions that the curated
					// mapping does not know: its members would be stored as the total
					throw job.error(where, key, node.asString(""),
							"a dimension named in data/mappings/" + mapping.table()
									+ ".yaml, each member mapped to a breakdown or skipped (skip: true)",
							"dimension " + key + " of the table (" + (this.v4 ? "Dimensions" : "DataProperties")
									+ ".json) is not in the mapping: its members would be stored as the total");
				}
				if (member == null) {
					throw job.error(where, key, node.asString(""), "one of " + members.keySet(),
							"unknown dimension member");
				}
				if (member.skipped() && skippedBy == null) {
					skippedBy = new String[] { key, code };
				}
				breakdown.putAll(member.breakdown());
				if (member.indicator() != null) {
					indicatorOverride = member.indicator();
				}
				if (member.part() != null) {
					part = CbsCsvReader.part(member.part());
				}
				if (member.status() != null) {
					memberStatus = member.status();
				}
			}
			else if (!this.v4 && mapping.measures().containsKey(key)) {
				measures.put(key, scalar(job, where, key, node));
			}
			else if (mapping.ignore().contains(key)) {
				continue;
			}
			else if (this.v4 && key.equals("Status")) {
				recordStatus = status(job, where, node.asString(""), "");
			}
			else if (this.v4) {
				// outside the spec of the v4 Observations entity and not in the mapping:
				// named once, not a failure
				if (page.unknownProperties.add(key)) {
					found.warn(ImportWarning.of(ImportWarning.V4_UNKNOWN_PROPERTY, key, String.valueOf(V4_PROPERTIES),
							mapping.table()));
				}
			}
			else {
				throw job.error(where, key, key, "a property named in data/mappings/" + mapping.table() + ".yaml",
						"unknown property for table " + mapping.table());
			}
		}
		if (period == null) {
			throw job.error(where, mapping.periodColumn(), null, "a period property", "missing property");
		}
		if (region == null) {
			throw job.error(where, mapping.regionColumn(), null, "a region property", "missing property");
		}
		if (skippedBy != null) {
			found.skippedByMapping(skippedBy[0], skippedBy[1]);
			return;
		}
		if (!mapping.regionLevels().isEmpty() && !mapping.regionLevels().contains(job.regions().level(region))) {
			page.skippedLevels.merge(String.valueOf(job.regions().level(region)), 1L, Long::sum);
			return;
		}
		if (memberStatus != null) {
			status = memberStatus;
		}
		else if (recordStatus != null && !recordStatus.equals(Status.NOT_STATED.code())) {
			status = recordStatus;
		}
		if (this.v4) {
			String measureCode = measures.keySet()
				.stream()
				.filter((k) -> !k.startsWith("\u0000"))
				.findFirst()
				.orElse(null);
			TableMapping.Measure measure = (measureCode != null) ? mapping.measures().get(measureCode) : null;
			if (measure == null) {
				throw job.error(where, "Measure", measureCode, "one of " + mapping.measures().keySet(),
						"unknown measure");
			}
			JsonNode attributeNode = record.path("ValueAttribute");
			String attribute = attributeNode.isString() ? attributeNode.asString().strip() : "None";
			if (!attribute.isEmpty() && !attribute.matches("[A-Za-z]{1,40}")) {
				throw job.error(where, "ValueAttribute", ImportFormat.abbreviate(attribute),
						"a CBS value attribute code such as None or Confidential", "invalid value attribute");
			}
			JsonNode stringValue = record.path("StringValue");
			String text = stringValue.isString() ? stringValue.asString().strip() : null;
			boolean statesAttribute = !attribute.isEmpty() && !attribute.equalsIgnoreCase("None");
			if (!record.has("Value") && (text == null || text.isEmpty()) && !statesAttribute) {
				// a record that says nothing of its value (a $select without Value) is no
				// withdrawal: refused instead of stored as "not available"
				throw job.error(where, "Value", "(no Value property)",
						"an observation with Value (a number or null), a StringValue or a ValueAttribute other than None",
						"no value stated");
			}
			String value = measures.get("\u0000value");
			V4Cell cell = V4Cell.read(job, where, (value != null) ? value.strip() : null, text, attribute, found);
			value = cell.value();
			String reason = cell.reason();
			String footnote = cell.footnote();
			emit(job, page, where, "Value", value, reason, measure, indicatorOverride, region, period, breakdown, part,
					status, footnote, mapping);
			return;
		}
		if (measures.size() < mapping.measures().size()) {
			// a record without a property the mapping maps (a $select, an edited file):
			// those cells are not given, counted and named, never a silent gap
			for (String key : mapping.measures().keySet()) {
				if (!measures.containsKey(key)) {
					page.missingMeasures.merge(key, 1L, Long::sum);
				}
			}
		}
		for (Map.Entry<String, String> m : measures.entrySet()) {
			String raw = m.getValue();
			String value;
			String reason = null;
			if (raw == null) {
				// the typed data set writes every special sign as null: which one is lost
				found.sign("null");
				value = null;
				reason = MissingReason.NIET_BESCHIKBAAR.code();
			}
			else {
				value = raw.strip();
				CbsSign sign = CbsSign.of(value);
				if (sign != null) {
					found.sign(sign.reportName());
					value = sign.value();
					reason = (sign.reason() != null) ? sign.reason().code() : null;
				}
				else if (!Numbers.isDecimal(value)) {
					throw job.error(where, m.getKey(), raw,
							"a decimal number such as 135.5, or a CBS sign (-, ., x, empty)", "not a number");
				}
			}
			emit(job, page, where, m.getKey(), value, reason, mapping.measures().get(m.getKey()), indicatorOverride,
					region, period, breakdown, part, status, null, mapping);
		}
	}

	private static void emit(ImportJob job, Page page, String where, String column, String value, String reason,
			TableMapping.Measure measure, String indicatorOverride, String region, String period,
			Map<String, String> breakdown, char part, String status, String footnote, TableMapping mapping) {
		ReadResult.Builder found = page.found;
		if (value != null && !Numbers.isDecimal(value)) {
			// a number with a decimal comma is a garbled number, never a text topic
			boolean comma = Numbers.isDecimalComma(value.strip());
			// (a value that is not a number in a column with numbers is refused once
			// the file is read: GenericTable.dropTextMeasures)
			if (!comma && found.generic() != null
					&& found.generic()
						.textMeasure(column.equals("Value") ? measure.indicator() : column, where, column, value,
								"a decimal number such as 135.5")) {
				return;
			}
			throw job.error(where, column, value, "a decimal number such as 135.5",
					comma ? "not a number: a decimal comma" : "not a number");
		}
		String indicator = (indicatorOverride != null) ? indicatorOverride : measure.indicator();
		if (indicator == null) {
			return;
		}
		Map<String, String> all = breakdown;
		if (!measure.breakdown().isEmpty()) {
			all = new TreeMap<>(breakdown);
			all.putAll(measure.breakdown());
		}
		char cellPart = (measure.part() != null) ? CbsCsvReader.part(measure.part()) : part;
		// a margin without a value is staged as such: this release states that the cell
		// has
		// no such bound, so a bound an earlier release gave is not carried over
		job.cells()
			.add(page.record, indicator, region, period, Breakdowns.key(all), cellPart, value, reason, status, "",
					footnote, mapping.table());
	}

}
