package nl.llomonitor.importer.catalog;

import java.text.Normalizer;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import nl.llomonitor.cube.ImportWarning;
import nl.llomonitor.cube.Status;
import nl.llomonitor.cube.Unit;
import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.store.StagingSink;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import tools.jackson.databind.JsonNode;

import static nl.llomonitor.db.Tables.DIMENSION;
import static nl.llomonitor.db.Tables.DIMENSION_MEMBER;
import static nl.llomonitor.db.Tables.INDICATOR;

/**
 * The mapping of a CBS table that has no mapping file: every measure becomes an indicator
 * of that table, every dimension other than region and period a breakdown dimension of
 * that table, and a status dimension ({@code StatusCijfer}) the status of the values.
 * Members are created as they are met while the file streams; {@link #register} writes
 * the indicators, dimensions and members into the store before the cells are merged.
 * <p>
 * Codes are table-scoped and cannot collide with curated ones ({@link #RESERVED}):
 * indicator {@code cbs_
 *
<table>
 * __<measure key>}, dimension {@code cbs_
 *
<table>
 * __<dimension key>} (lower case, other characters as {@code _}); a member keeps its CBS
 * key (OData), or a slug of its title (CSV label form). The total member of a dimension
 * (CBS key {@code T001038}-style, or a title starting with {@code Totaal}) means "no
 * breakdown".
 */
public final class GenericTable {

	/**
	 * Codes of this form are generated; curated indicators and dimensions may not use it.
	 */
	static final Pattern RESERVED = Pattern.compile("^cbs_[0-9]{5}[a-z]{3}__.*");

	private static final Pattern MEASURE_KEY = Pattern.compile(".*_[0-9]+$");

	private static final Pattern TOTAL_KEY = Pattern.compile("^T[0-9]{6}$");

	private static final Set<String> V4_FIXED = Set.of("Id", "ID", "Measure", "Value", "ValueAttribute", "StringValue",
			"Status");

	/** The status a member of a status dimension sets, by lower-case title. */
	private static final Map<String, Status> STATUS = Map.of("definitief", Status.DEFINITIEF, "voorlopig",
			Status.VOORLOPIG, "nader voorlopig", Status.NADER_VOORLOPIG, "voorlopige cijfers", Status.VOORLOPIG,
			"definitieve cijfers", Status.DEFINITIEF, "nader voorlopige cijfers", Status.NADER_VOORLOPIG);

	final String table;

	private final String prefix;

	final String regionKey;

	final String periodKey;

	/** Title and description of the table, when the format has metadata. */
	public String title;

	public String description;

	final Map<String, Measure> measures = new LinkedHashMap<>();

	/** Region labels whose rows are skipped (those of a mapping file applied on top). */
	public final List<String> skipRegions = new ArrayList<>();

	final Map<String, Dimension> dimensions = new LinkedHashMap<>();

	/**
	 * Measures met with a value that is not a number (CBS text topics such as
	 * {@code Regiocode}): not imported, with the first such value.
	 */
	final Map<String, String> textMeasures = new LinkedHashMap<>();

	/**
	 * The first cell that is not a number of each measure in {@link #textMeasures} that
	 * the data (not the metadata) made one: where it is, for the error when the measure
	 * turns out to hold numbers too.
	 */
	private final Map<String, TextCell> textCells = new HashMap<>();

	/** Whether the measures' metadata (title, unit, decimals) came with the data. */
	boolean measureMetadata;

	public final TableMapping mapping;

	private GenericTable(String table, String regionKey, String periodKey, List<String> measureKeys,
			List<String> dimensionKeys, boolean dynamicMeasures) {
		this.table = table;
		this.prefix = "cbs_" + table.toLowerCase(Locale.ROOT) + "__";
		this.regionKey = regionKey;
		this.periodKey = periodKey;
		for (String key : measureKeys) {
			measure(key);
		}
		Map<String, Map<String, TableMapping.Member>> dims = new LinkedHashMap<>();
		for (String key : dimensionKeys) {
			Dimension dimension = new Dimension(key, code(key), key.toLowerCase(Locale.ROOT).startsWith("status"));
			this.dimensions.put(key, dimension);
			dims.put(key, dimension.view);
		}
		Map<String, TableMapping.Measure> measureView = dynamicMeasures ? new DynamicMeasures() : new LinkedHashMap<>();
		if (!dynamicMeasures) {
			this.measures.forEach((key, m) -> measureView.put(key, m.view));
		}
		this.mapping = new TableMapping(table, null, "CBS", "CC BY 4.0",
				"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/" + table, null, null, regionKey,
				(regionKey != null) ? null : "NL01", periodKey, null, this.skipRegions, measureView, null, dims, null,
				null, null);
	}

	/**
	 * @param table table id
	 * @param columns the columns of a CBS CSV header or the properties of an OData v3
	 * record (without {@code ID}): {@code Perioden} is the period, {@code RegioS...} the
	 * region, a key ending in {@code _<n>} a measure, anything else a dimension
	 * @param geo the region dimension named by the metadata, or null
	 * @param dimensionsFromMetadata dimension keys named by the metadata, or null when
	 * unknown
	 * @return the generic mapping
	 */
	public static GenericTable of(String table, List<String> columns, String geo, Set<String> dimensionsFromMetadata) {
		String region = geo;
		String period = null;
		List<String> measures = new ArrayList<>();
		List<String> dims = new ArrayList<>();
		for (String column : columns) {
			if (column.equals("ID") || column.equals("Id")) {
				continue;
			}
			if (period == null && column.startsWith("Perioden")) {
				period = column;
			}
			else if (region == null && column.startsWith("RegioS")) {
				region = column;
			}
			else if (column.equals(region)) {
				continue;
			}
			else if ((dimensionsFromMetadata != null) ? !dimensionsFromMetadata.contains(column)
					: MEASURE_KEY.matcher(column).matches()) {
				measures.add(column);
			}
			else {
				dims.add(column);
			}
		}
		return new GenericTable(table, region, (period != null) ? period : "Perioden", measures, dims, false);
	}

	/**
	 * @param table table id
	 * @param properties the properties of an OData v4 observation: {@code Measure} holds
	 * the measure code, the others besides
	 * {@code Id}/{@code Value}/{@code ValueAttribute} are dimensions
	 * @param geo the region dimension named by the metadata, or null
	 * @return the generic mapping; measures are created as their codes are met
	 */
	public static GenericTable ofV4(String table, List<String> properties, String geo) {
		List<String> rest = properties.stream().filter((p) -> !V4_FIXED.contains(p)).toList();
		String region = geo;
		String period = null;
		List<String> dims = new ArrayList<>();
		for (String p : rest) {
			if (period == null && p.startsWith("Perioden")) {
				period = p;
			}
			else if (region == null && (p.startsWith("RegioS") || p.equals("RegioCode"))) {
				region = p;
			}
			else if (!p.equals(region)) {
				dims.add(p);
			}
		}
		return new GenericTable(table, region, (period != null) ? period : "Perioden", List.of(), dims, true);
	}

	/**
	 * A measure with a value that is not a number is a text topic when none of its values
	 * is a number: it is left out whole (its cells read so far are dropped before the
	 * merge), never stored in part. Whether one of its other values is a number is known
	 * when the file has been read: then the measure is a number column with a bad cell,
	 * and {@link #dropTextMeasures} refuses the import naming the first such cell.
	 * @param keyOrCode the measure key, or the indicator code (v4)
	 * @param location where the value is, as the reader names it ({@code line 3})
	 * @param column the column or property that holds it
	 * @param value the value met, as given
	 * @param expected what a value of a number column is, for the error
	 * @return true: the measure is left out, unless it turns out to hold numbers
	 */
	public boolean textMeasure(String keyOrCode, String location, String column, String value, String expected) {
		Measure measure = this.measures.get(keyOrCode);
		if (measure == null) {
			measure = this.measures.values().stream().filter((m) -> m.code.equals(keyOrCode)).findFirst().orElse(null);
		}
		if (measure == null) {
			return false;
		}
		if (this.textMeasures.putIfAbsent(measure.key, value.strip()) == null) {
			this.textCells.put(measure.key, new TextCell(location, column, value, expected));
		}
		return true;
	}

	/**
	 * Drops the staged cells of text measures and reports them. A measure the data made
	 * one (a value not a number) that has a number among its values too is not text: a
	 * column of numbers with a bad cell ({@code 4 300}, a word typed over a figure) is
	 * refused, naming the first such cell, rather than left out whole with the values of
	 * its other rows.
	 * @param tx the import's transaction, with the staging table filled
	 * @param fileName the file read, for the error
	 * @return the warning naming them, or null when there were none
	 * @throws ImportException when a measure holds both numbers and values that are not
	 */
	public ImportWarning dropTextMeasures(DSLContext tx, String fileName) {
		if (this.textMeasures.isEmpty()) {
			return null;
		}
		Map<String, String> keysByCode = new LinkedHashMap<>();
		this.textCells.keySet().forEach((key) -> keysByCode.put(this.measures.get(key).code, key));
		if (!keysByCode.isEmpty()) {
			// the first number staged of each such measure, in the file's order
			var numbers = tx.fetch("select distinct on (indicator_code) indicator_code, line, value::text from "
					+ StagingSink.TABLE + " where indicator_code = any(?::text[]) and value is not null"
					+ " order by indicator_code, line", (Object) keysByCode.keySet().toArray(String[]::new));
			for (String code : keysByCode.keySet()) {
				var number = numbers.stream().filter((r) -> code.equals(r.get(0, String.class))).findFirst();
				if (number.isPresent()) {
					TextCell cell = this.textCells.get(keysByCode.get(code));
					throw new ImportException(fileName, cell.location(), cell.column(), cell.value(), cell.expected(),
							"not a number, in a column of numbers (such as " + number.get().get(2, String.class) + ")");
				}
			}
		}
		List<String> codes = new ArrayList<>();
		this.textMeasures.forEach((key, value) -> {
			Measure m = this.measures.remove(key);
			codes.add(m.code);
		});
		tx.execute("delete from " + StagingSink.TABLE + " where indicator_code = any(?::text[])",
				(Object) codes.toArray(String[]::new));
		return ImportWarning.of(ImportWarning.TEXT_MEASURES, String.valueOf(
				this.textMeasures.entrySet().stream().map((e) -> e.getKey() + " ('" + e.getValue() + "')").toList()));
	}

	/** The first value of a measure that is not a number, where the data gives it. */
	private record TextCell(String location, String column, String value, String expected) {

	}

	String code(String key) {
		return this.prefix + key.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
	}

	private Measure measure(String key) {
		return this.measures.computeIfAbsent(key, (k) -> new Measure(k, code(k)));
	}

	/**
	 * Takes the metadata of an OData v3 table ({@code DataProperties}: Topic entries with
	 * Title, Unit, Decimals, Description; Dimension entries with Title) or v4
	 * ({@code MeasureCodes}: Identifier, Title, Unit, Decimals, Description;
	 * {@code Dimensions}: Identifier, Title).
	 * @param measureEntries topic or measure-code entries, may be null
	 * @param dimensionEntries dimension entries, may be null
	 * @param v4 whether the entries are v4's
	 */
	public void describe(JsonNode measureEntries, JsonNode dimensionEntries, boolean v4) {
		if (measureEntries != null) {
			Map<Integer, String> groups = new HashMap<>();
			for (JsonNode m : measureEntries) {
				if (m.path("Type").asString("").equals("TopicGroup") && m.path("ID").isNumber()) {
					groups.put(m.path("ID").asInt(), text(m.path("Title")));
				}
			}
			for (JsonNode m : measureEntries) {
				if (!v4 && !m.path("Type").asString("").equals("Topic")) {
					continue;
				}
				String key = (v4 ? m.path("Identifier") : m.path("Key")).asString("").strip();
				Measure measure = v4 ? measure(key) : this.measures.get(key);
				if (measure == null) {
					continue;
				}
				if (m.path("Datatype").asString("Double").equals("String")
						|| m.path("DataType").asString("Float").equals("String")) {
					this.textMeasures.putIfAbsent(key, "(text topic)");
					// text by its metadata: a value that reads as a number is no fault
					this.textCells.remove(measure.key);
				}
				measure.title = text(m.path("Title"));
				String group = m.path("ParentID").isNumber() ? groups.get(m.path("ParentID").asInt()) : null;
				if (group != null && measure.title != null) {
					// CBS repeats titles such as 'Totaal' under several topic groups
					measure.title = group + ": " + measure.title;
				}
				measure.unit = unit(text(m.path("Unit")));
				measure.decimals = m.path("Decimals").isNumber() ? m.path("Decimals").asInt() : null;
				measure.description = text(m.path("Description"));
				this.measureMetadata = true;
			}
		}
		if (dimensionEntries != null) {
			for (JsonNode d : dimensionEntries) {
				String key = (v4 ? d.path("Identifier") : d.path("Key")).asString("").strip();
				Dimension dimension = this.dimensions.get(key);
				if (dimension != null) {
					dimension.title = text(d.path("Title"));
				}
			}
		}
	}

	/**
	 * @param dimensionKey a dimension
	 * @param titles the titles of its member keys (OData code lists)
	 */
	public void memberTitles(String dimensionKey, Map<String, String> titles) {
		Dimension dimension = this.dimensions.get(dimensionKey);
		if (dimension != null) {
			dimension.titles.putAll(titles);
		}
	}

	private static String text(JsonNode node) {
		String s = node.isString() ? node.asString().strip() : null;
		return (s == null || s.isEmpty()) ? null : s;
	}

	/**
	 * @param cbs a CBS unit ({@code %}, {@code 1 000}, {@code x 1 000}, {@code aantal})
	 * @return the store's unit: percent, x1000, persons, or the CBS text
	 */
	public static String unit(String cbs) {
		if (cbs == null) {
			return Unit.UNKNOWN;
		}
		String u = cbs.strip().toLowerCase(Locale.ROOT);
		if (u.equals("%") || u.startsWith("% ") || u.equals("procent")) {
			return Unit.PERCENT.code();
		}
		if (u.matches("^(x ?)?1[ .]?000( .*)?$")) {
			return Unit.THOUSANDS.code();
		}
		if (u.equals("aantal") || u.equals("personen")) {
			return Unit.PERSONS.code();
		}
		return cbs.strip();
	}

	/**
	 * @param key a CBS key such as {@code k_65JaarOfOuder_4}
	 * @return a readable name: {@code 65 jaar of ouder}
	 */
	static String readable(String key) {
		String k = key.strip().replaceAll("_[0-9]+$", "").replaceAll("^k_", "");
		String spaced = k.replaceAll("([a-z])([A-Z0-9])", "$1 $2")
			.replaceAll("([0-9])([A-Za-z])", "$1 $2")
			.replace('_', ' ')
			.strip()
			.toLowerCase(Locale.ROOT);
		return spaced.isEmpty() ? key : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	/**
	 * @param title a member title
	 * @return the title as members are matched by it: stripped, spaces collapsed, in
	 * lower case (unlike {@link #slug}, {@code < 25} and {@code > 25} stay apart)
	 */
	static String sameTitle(String title) {
		return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	/**
	 * @param title a member title
	 * @return a code for the API: lower case letters, digits and {@code -}
	 */
	static String slug(String title) {
		String ascii = Normalizer.normalize(title.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return slug.isEmpty() ? "leeg" : slug;
	}

	/**
	 * Settles the members met in this file against those the store holds of the table,
	 * before {@link #register}: a member is the same as a stored one by its CBS key, else
	 * by its title, exactly, then in any case or spacing (an OData download and a label
	 * CSV of one table meet there; a member with a key only a stored one without), and
	 * takes that one's code; a new member whose code another stored member has gets a
	 * free one ({@code code-2}); the total of a dimension is the stored total where the
	 * file has it (none where the file lacks it), else, of the members that could be, a
	 * CBS total key, then the title {@code Totaal}, then the shortest title, so the order
	 * of a file's rows never decides it. Staged cells are re-keyed where that differs
	 * from what the file's reading assumed.
	 * @param tx the import's transaction, with the staging table filled
	 * @param stage the staged cells
	 * @return warnings naming members given another code and totals settled by the store
	 */
	public List<ImportWarning> reconcile(DSLContext tx, StagingSink stage) {
		List<ImportWarning> warnings = new ArrayList<>();
		Map<String, String> replace = new LinkedHashMap<>();
		Map<String, String> add = new LinkedHashMap<>();
		for (Dimension d : this.dimensions.values()) {
			if (d.status || d.members.isEmpty()) {
				continue;
			}
			var stored = tx
				.select(DIMENSION_MEMBER.CODE, DIMENSION_MEMBER.NAME_NL, DIMENSION_MEMBER.IS_TOTAL,
						DIMENSION_MEMBER.SOURCE_KEY)
				.from(DIMENSION_MEMBER)
				.where(DIMENSION_MEMBER.DIMENSION_CODE.eq(d.code))
				.orderBy(DIMENSION_MEMBER.CODE)
				.fetch();
			// a stored member by its CBS key; else by its title, exactly, then in other
			// case or spacing ("(hbo)" and "(HBO)"): an OData download names members by
			// key, a label CSV by title. A member with a key meets by title only a
			// stored member without one (first met in a CSV): two CBS members of one
			// title stay two. Keys are settled first, for every member, so the order of
			// a file's rows never decides which member keeps a code
			Map<String, String> byKey = new HashMap<>();
			Map<String, String> byTitle = new HashMap<>();
			Map<String, String> bySameTitle = new HashMap<>();
			Map<String, String> keyless = new HashMap<>();
			Map<String, String> keylessSame = new HashMap<>();
			String storedTotal = null;
			for (var r : stored) {
				if (r.value4() != null) {
					byKey.putIfAbsent(r.value4(), r.value1());
				}
				if (r.value2() != null) {
					byTitle.putIfAbsent(r.value2().strip(), r.value1());
					bySameTitle.putIfAbsent(sameTitle(r.value2()), r.value1());
					if (r.value4() == null) {
						keyless.putIfAbsent(r.value2().strip(), r.value1());
						keylessSame.putIfAbsent(sameTitle(r.value2()), r.value1());
					}
				}
				if (Boolean.TRUE.equals(r.value3())) {
					storedTotal = r.value1();
				}
			}
			List<String> taken = new ArrayList<>(stored.map((r) -> r.value1()));
			java.util.Set<String> claimed = new java.util.HashSet<>();
			Map<String, String> matched = new HashMap<>();
			for (var e : d.members.entrySet()) {
				GenericMember m = e.getValue();
				String code = (m.key() != null) ? byKey.get(m.key()) : null;
				if (code != null && claimed.add(code)) {
					matched.put(e.getKey(), code);
				}
			}
			for (var e : d.members.entrySet()) {
				GenericMember m = e.getValue();
				if (matched.containsKey(e.getKey()) || m.title() == null) {
					continue;
				}
				Map<String, String> exact = (m.key() != null) ? keyless : byTitle;
				Map<String, String> same = (m.key() != null) ? keylessSame : bySameTitle;
				String code = exact.get(m.title().strip());
				if (code == null || claimed.contains(code)) {
					code = same.get(sameTitle(m.title()));
				}
				if ((code == null || claimed.contains(code)) && m.key() == null) {
					// an OData download without its code lists gives the code as the
					// title
					code = byKey.get(m.title().strip());
				}
				if (code != null && claimed.add(code)) {
					matched.put(e.getKey(), code);
				}
			}
			Map<String, GenericMember> settled = new LinkedHashMap<>();
			for (var e : d.members.entrySet()) {
				GenericMember m = e.getValue();
				String code = matched.get(e.getKey());
				if (code == null) {
					code = free(m.code(), taken);
					if (!code.equals(m.code())) {
						warnings
							.add(ImportWarning.of(ImportWarning.GENERIC_MEMBER_CODE, d.key, m.title(), code, m.code()));
					}
				}
				taken.add(code);
				settled.put(e.getKey(), m.as(code, false));
			}
			GenericMember total = null;
			if (storedTotal != null) {
				String code = storedTotal;
				total = settled.values().stream().filter((m) -> m.code().equals(code)).findFirst().orElse(null);
			}
			else {
				total = settled.values()
					.stream()
					.filter(GenericMember::candidate)
					.min(java.util.Comparator
						.comparing((GenericMember m) -> !(m.key() != null && TOTAL_KEY.matcher(m.key()).matches()))
						.thenComparing((m) -> !m.title().equalsIgnoreCase("totaal"))
						.thenComparingInt((m) -> m.title().length())
						.thenComparing(GenericMember::title))
					.orElse(null);
			}
			GenericMember provisional = d.total;
			for (var e : settled.entrySet()) {
				GenericMember read = d.members.get(e.getKey());
				GenericMember now = e.getValue();
				boolean isTotal = total != null && now.code().equals(total.code());
				e.setValue(now.as(now.code(), isTotal));
				if (read == provisional) {
					if (!isTotal) {
						// its cells were read as the total: they get their pair
						add.put(d.code, d.code + "=" + now.code());
					}
				}
				else if (isTotal) {
					replace.put(d.code + "=" + read.code(), "");
				}
				else if (!now.code().equals(read.code())) {
					replace.put(d.code + "=" + read.code(), d.code + "=" + now.code());
				}
			}
			boolean totalMoved = (provisional == null) ? total != null
					: (total == null || !total.identity().equals(provisional.identity()));
			if (totalMoved && total != null) {
				warnings.add(ImportWarning.of(ImportWarning.GENERIC_TOTAL, d.key, total.title(), provisional.title()));
			}
			else if (totalMoved) {
				warnings.add(ImportWarning.of(ImportWarning.GENERIC_NO_TOTAL, d.key, provisional.title()));
			}
			d.members.clear();
			d.members.putAll(settled);
			d.total = total;
		}
		if (!replace.isEmpty() || !add.isEmpty()) {
			stage.rekey(tx, replace, add);
		}
		return warnings;
	}

	/**
	 * Writes the table, its indicators, dimensions and members. Idempotent. Metadata read
	 * with this import overwrites what is stored; without metadata (CSV) existing
	 * definitions are kept, and new indicators get unit "unknown" and the decimals seen.
	 * @param tx the import's transaction
	 * @param decimalsSeen the most decimals of the values of each indicator code
	 * @return rows written
	 */
	public long register(DSLContext tx, Map<String, Integer> decimalsSeen) {
		long changed = 0;
		changed += tx.execute(
				"""
						insert into source_table_info (id, title, description, generic) values (?, ?, ?, true)
						on conflict (id) do update set title = coalesce(excluded.title, source_table_info.title),
						  description = coalesce(excluded.description, source_table_info.description), generic = true,
						  updated_at = now()
						where source_table_info.generic is distinct from true
						   or excluded.title is distinct from source_table_info.title and excluded.title is not null
						   or excluded.description is distinct from source_table_info.description and excluded.description is not null""",
				this.table, this.title, this.description);
		// its attribution: a CBS table is open data under CC BY 4.0 and published on
		// StatLine; a mapping file that names the table later declares its own
		changed += tx.execute(
				"insert into source (table_id, publisher, licence, url) values (?, ?, ?, ?)"
						+ " on conflict do nothing",
				this.table, this.mapping.publisher(), this.mapping.licence(), this.mapping.url());
		for (Measure m : this.measures.values()) {
			String name = (m.title != null) ? m.title : readable(m.key) + " (" + m.key + ")";
			Integer decimals = (m.decimals != null) ? m.decimals : decimalsSeen.get(m.code);
			// the source's own description (Dutch, as CBS writes it) in both languages;
			// without one, what is known of the measure, saying so in each language
			String known = "CBS " + this.table + ", " + m.key + ((m.title != null) ? ": " + m.title : "");
			String definition = (m.description != null) ? m.description
					: known + " (geen omschrijving in deze download)";
			String definitionEn = (m.description != null) ? m.description
					: known + " (no description in this download)";
			String unit = (m.unit != null) ? m.unit : Unit.UNKNOWN;
			short places = (short) ((decimals != null) ? Math.min(decimals, 6) : 1);
			// what the source says of the measure: written when new, and again when the
			// metadata came with the data and changed
			Map<org.jooq.Field<?>, Object> described = new java.util.LinkedHashMap<>();
			described.put(INDICATOR.NAME_NL, name);
			described.put(INDICATOR.NAME_EN, name);
			described.put(INDICATOR.UNIT, unit);
			described.put(INDICATOR.DECIMALS, places);
			described.put(INDICATOR.DEFINITION_NL, definition);
			described.put(INDICATOR.DEFINITION_EN, definitionEn);
			var insert = tx.insertInto(INDICATOR)
				.set(INDICATOR.CODE, m.code)
				.set(described)
				.set(INDICATOR.SOURCE_TABLE, this.table)
				.set(INDICATOR.SOURCE_KEY, m.key);
			if (m.title != null || m.unit != null) {
				changed += insert.onConflict(INDICATOR.CODE)
					.doUpdate()
					.set(described)
					.where(DSL.row(INDICATOR.NAME_NL, INDICATOR.UNIT, INDICATOR.DECIMALS, INDICATOR.DEFINITION_NL)
						.isDistinctFrom(name, unit, places, definition))
					.execute();
			}
			else {
				changed += insert.onConflict(INDICATOR.CODE).doNothing().execute();
			}
		}
		for (Dimension d : this.dimensions.values()) {
			if (d.status) {
				continue;
			}
			String name = (d.title != null) ? d.title : readable(d.key);
			changed += tx.insertInto(DIMENSION)
				.set(DIMENSION.CODE, d.code)
				.set(DIMENSION.NAME_NL, name)
				.set(DIMENSION.NAME_EN, name)
				.set(DIMENSION.SOURCE_TABLE, this.table)
				.set(DIMENSION.SOURCE_KEY, d.key)
				.onConflict(DIMENSION.CODE)
				.doUpdate()
				.set(DIMENSION.NAME_NL, name)
				.set(DIMENSION.NAME_EN, name)
				.where(DSL.value(d.title).isNotNull().and(DIMENSION.NAME_NL.ne(name)))
				.execute();
			for (GenericMember m : d.members.values()) {
				changed += tx.insertInto(DIMENSION_MEMBER)
					.set(DIMENSION_MEMBER.DIMENSION_CODE, d.code)
					.set(DIMENSION_MEMBER.CODE, m.code)
					.set(DIMENSION_MEMBER.NAME_NL, m.title)
					.set(DIMENSION_MEMBER.NAME_EN, m.title)
					.set(DIMENSION_MEMBER.SORT_ORDER, m.order)
					.set(DIMENSION_MEMBER.IS_TOTAL, m.total)
					.set(DIMENSION_MEMBER.SOURCE_KEY, m.key)
					.onConflict(DIMENSION_MEMBER.DIMENSION_CODE, DIMENSION_MEMBER.CODE)
					.doUpdate()
					.set(DIMENSION_MEMBER.NAME_NL, m.title)
					.set(DIMENSION_MEMBER.NAME_EN, m.title)
					.set(DIMENSION_MEMBER.IS_TOTAL, m.total)
					// a member first met in a label CSV (no key) learns its key from
					// OData
					.set(DIMENSION_MEMBER.SOURCE_KEY, DSL.coalesce(DIMENSION_MEMBER.SOURCE_KEY, DSL.val(m.key)))
					.where(DSL.row(DIMENSION_MEMBER.NAME_NL, DIMENSION_MEMBER.IS_TOTAL)
						.isDistinctFrom(m.title, m.total)
						.or(DIMENSION_MEMBER.SOURCE_KEY.isNull().and(DSL.val(m.key).isNotNull())))
					.execute();
			}
		}
		return changed;
	}

	/**
	 * The most decimals of the staged values of each indicator (for CSV, which has no
	 * metadata).
	 * @param tx the import's transaction, with the staging table filled
	 * @return indicator code to decimals
	 */
	public static Map<String, Integer> decimalsSeen(DSLContext tx) {
		Map<String, Integer> seen = new HashMap<>();
		tx.fetch("select indicator_code, max(scale(value)) from " + StagingSink.TABLE + " group by indicator_code")
			.forEach((r) -> seen.put(r.get(0, String.class),
					(r.get(1) != null) ? ((Number) r.get(1)).intValue() : null));
		return seen;
	}

	/** A measure of the table. */
	static final class Measure {

		final String key;

		final String code;

		final TableMapping.Measure view;

		String title;

		String unit;

		Integer decimals;

		String description;

		Measure(String key, String code) {
			this.key = key;
			this.code = code;
			this.view = new TableMapping.Measure(code, null, null, null);
		}

	}

	/** A dimension of the table, with the members met so far. */
	final class Dimension {

		final String key;

		final String code;

		final boolean status;

		String title;

		final Map<String, String> titles = new HashMap<>();

		final Map<String, GenericMember> members = new LinkedHashMap<>();

		final Map<String, TableMapping.Member> view = new Members(this);

		GenericMember total;

		Dimension(String key, String code, boolean status) {
			this.key = key;
			this.code = code;
			this.status = status;
		}

		TableMapping.Member member(String given) {
			String key = given.strip();
			String title = this.titles.getOrDefault(key, key);
			if (this.status) {
				Status status = STATUS.get(title.toLowerCase(Locale.ROOT));
				if (status == null) {
					throw new ImportException(GenericTable.this.table, null, this.key, given,
							"a status such as Voorlopig, Nader voorlopig or Definitief", "unknown status");
				}
				return new TableMapping.Member(null, null, null, null, status.code());
			}
			boolean coded = this.titles.containsKey(key);
			GenericMember member = this.members.get(key);
			if (member == null) {
				// a CBS total key (also where a download kept codes without their code
				// list) or a title 'Totaal ...': the first one met stands for the total
				// while the file is read; reconcile settles which one is, by the store
				boolean candidate = TOTAL_KEY.matcher(key).matches() || isTotalTitle(title);
				boolean total = candidate && this.total == null;
				String code = coded ? key.replaceAll("[^A-Za-z0-9_-]", "-") : slug(title);
				// two titles of one file with one slug ('< 25', '> 25') are two members
				code = free(code, this.members.values().stream().map(GenericMember::code).toList());
				member = new GenericMember(coded ? key : null, code, title, total, candidate,
						(this.members.size() + 1) * 10);
				if (total) {
					this.total = member;
				}
				this.members.put(key, member);
			}
			return member.total ? new TableMapping.Member(null, null, null, null, null)
					: new TableMapping.Member(null, Map.of(this.code, member.code), null, null, null);
		}

	}

	static boolean isTotalTitle(String title) {
		return title.toLowerCase(Locale.ROOT).startsWith("totaal");
	}

	/**
	 * @param code a member code
	 * @param taken the codes other members have
	 * @return the code, or the first of {@code code-2}, {@code code-3}, ... not taken
	 */
	static String free(String code, java.util.Collection<String> taken) {
		String free = code;
		for (int n = 2; taken.contains(free); n++) {
			free = code + "-" + n;
		}
		return free;
	}

	/**
	 * A member of a generic dimension.
	 *
	 * @param key its CBS key (OData), or null where the title is all there is (CSV label
	 * form)
	 * @param code its code in the store
	 * @param title its title
	 * @param total whether its cells are the dimension's total (no breakdown)
	 * @param candidate whether it could be the total: a CBS total key or a title starting
	 * with 'Totaal'
	 * @param order its sort order
	 */
	record GenericMember(String key, String code, String title, boolean total, boolean candidate, int order) {

		/**
		 * @return what makes it the same member in another file: its key, else its title
		 */
		String identity() {
			return (this.key != null) ? this.key : this.title;
		}

		GenericMember as(String code, boolean total) {
			return new GenericMember(this.key, code, this.title, total, this.candidate, this.order);
		}

	}

	/** The members of a dimension as the readers look them up: created when first met. */
	private static final class Members extends AbstractMap<String, TableMapping.Member> {

		private final Dimension dimension;

		private final Map<String, TableMapping.Member> cache = new HashMap<>();

		Members(Dimension dimension) {
			this.dimension = dimension;
		}

		@Override
		public TableMapping.Member get(Object key) {
			String k = (String) key;
			TableMapping.Member member = this.cache.get(k);
			if (member == null) {
				member = this.dimension.member(k);
				this.cache.put(k, member);
			}
			return member;
		}

		@Override
		public boolean containsKey(Object key) {
			return key instanceof String;
		}

		@Override
		public Set<Entry<String, TableMapping.Member>> entrySet() {
			return this.cache.entrySet();
		}

	}

	/** The measures of a v4 table as the reader looks them up: created when first met. */
	private final class DynamicMeasures extends AbstractMap<String, TableMapping.Measure> {

		@Override
		public TableMapping.Measure get(Object key) {
			return (key instanceof String k && !k.isBlank()) ? measure(k.strip()).view : null;
		}

		@Override
		public boolean containsKey(Object key) {
			return key instanceof String k && !k.isBlank();
		}

		@Override
		public Set<Entry<String, TableMapping.Measure>> entrySet() {
			Map<String, TableMapping.Measure> all = new LinkedHashMap<>();
			GenericTable.this.measures.forEach((k, m) -> all.put(k, m.view));
			return all.entrySet();
		}

	}

}
