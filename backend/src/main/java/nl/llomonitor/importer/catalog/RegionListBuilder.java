package nl.llomonitor.importer.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.ImportFormat;
import nl.llomonitor.importer.format.Bom;
import nl.llomonitor.importer.format.CsvLines;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Builds the region list from CBS "Gebieden in Nederland" (85755NED: one row per gemeente
 * with its arbeidsmarktregio, COROP area, landsdeel and provincie) and, optionally, the
 * code/label pairs of a CBS OData v4 table (84916NED: {@code RegioCode} next to
 * {@code RegioS}). Adds NL01, the NUTS 2016 codes and the earlier names (Friesland).
 * Every parent of a region is a direct link of the edition (a gemeente lies in its
 * provincie, COROP area, arbeidsmarktregio and landsdeel), never a path through another
 * level: arbeidsmarktregio's cross province borders.
 */
public final class RegionListBuilder {

	static final Map<String, String> NUTS = Map.ofEntries(Map.entry("NL", "NL01"), Map.entry("NL1", "LD01"),
			Map.entry("NL2", "LD02"), Map.entry("NL3", "LD03"), Map.entry("NL4", "LD04"), Map.entry("NL11", "PV20"),
			Map.entry("NL12", "PV21"), Map.entry("NL13", "PV22"), Map.entry("NL21", "PV23"), Map.entry("NL22", "PV25"),
			Map.entry("NL23", "PV24"), Map.entry("NL31", "PV26"), Map.entry("NL32", "PV27"), Map.entry("NL33", "PV28"),
			Map.entry("NL34", "PV29"), Map.entry("NL41", "PV30"), Map.entry("NL42", "PV31"));

	private static final Map<String, String> ENGLISH = Map.ofEntries(Map.entry("NL01", "Netherlands"),
			Map.entry("LD01", "North Netherlands"), Map.entry("LD02", "East Netherlands"),
			Map.entry("LD03", "West Netherlands"), Map.entry("LD04", "South Netherlands"),
			Map.entry("PV27", "North Holland"), Map.entry("PV28", "South Holland"), Map.entry("PV30", "North Brabant"));

	/** Earlier names still found in files: scheme=alias pairs per code. */
	private static final Map<String, List<String>> EARLIER = Map.of("PV21",
			List.of("cbs-label=Friesland (PV)", "name=Friesland"), "AM06",
			List.of("cbs-label=Stedendriehoek en Noordwest Veluwe (AM)"));

	private static final Map<String, String> SUFFIX = Map.of("landsdeel", " (LD)", "provincie", " (PV)", "corop",
			" (CR)", "arbeidsmarktregio", " (AM)");

	private static final List<String> LEVELS = List.of("land", "landsdeel", "provincie", "corop", "arbeidsmarktregio",
			"gemeente");

	private final Map<String, Builder> regions = new LinkedHashMap<>();

	public RegionListBuilder() {
		Builder nl = region("NL01", "land", "Nederland");
		nl.aliases.add("cbs-label=Nederland");
	}

	/**
	 * Reads a "Gebieden in Nederland" file.
	 * @param in the file ({@code ;}, UTF-8 with BOM)
	 * @param fileName name for error messages
	 * @return this builder
	 */
	public RegionListBuilder gebieden(InputStream in, String fileName) throws IOException {
		Reader reader = new InputStreamReader(Bom.skip(in), StandardCharsets.UTF_8);
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
		var parser = format.parse(reader);
		for (String column : List.of("RegioS", "Code_1", "Naam_2", "Code_4", "Naam_5", "Code_10", "Naam_11", "Code_26",
				"Naam_27", "Code_28", "Naam_29")) {
			if (!parser.getHeaderMap().containsKey(column)) {
				throw new ImportException(fileName, "line 1", column, null,
						"a 'Gebieden in Nederland' header with columns RegioS, Code_1, Naam_2, Code_4 ... Naam_29",
						"missing column");
			}
		}
		int columns = parser.getHeaderNames().size();
		CsvLines lines = new CsvLines(parser);
		for (CSVRecord row : parser) {
			// the line the row starts on (blank lines and line breaks inside quoted names
			// counted), not its record number
			long line = lines.of(row);
			if (row.size() < columns) {
				throw new ImportException(fileName, "line " + line, null,
						ImportFormat.abbreviate(String.join(";", row.toList())), columns + " fields, as the header has",
						"a row of " + row.size() + " fields");
			}
			String gm = code(row, line, "Code_1", "GM", fileName);
			String am = code(row, line, "Code_4", "AM", fileName);
			String cr = code(row, line, "Code_10", "CR", fileName);
			String ld = code(row, line, "Code_26", "LD", fileName);
			String pv = code(row, line, "Code_28", "PV", fileName);
			// one edition lists each gemeente on one line: a second line for it is
			// refused, naming both (the links of a provincie or COROP area are read from
			// its gemeenten's rows)
			region(ld, "landsdeel", row, line, "Naam_27", fileName).parents.add("NL01");
			Builder province = region(pv, "provincie", row, line, "Naam_29", fileName);
			province.parents.addAll(List.of("NL01", ld));
			Builder corop = region(cr, "corop", row, line, "Naam_11", fileName);
			corop.parents.addAll(List.of("NL01", ld, pv));
			// an arbeidsmarktregio can cross province borders: it lies in NL01 only, and
			// a gemeente is linked to its own provincie directly
			region(am, "arbeidsmarktregio", row, line, "Naam_5", fileName).parents.add("NL01");
			Builder gemeente = region(gm, "gemeente", row, line, "Naam_2", fileName);
			if (gemeente.line != 0 && gemeente.line != line) {
				throw new ImportException(fileName, "lines " + gemeente.line + " and " + line, "Code_1", gm,
						"each gemeente on one line of an edition", "a gemeente listed twice");
			}
			gemeente.parents.addAll(List.of("NL01", ld, pv, cr, am));
			gemeente.aliases.add("cbs-label=" + name(row, line, "RegioS", fileName));
		}
		return this;
	}

	/**
	 * The region of a row, with its name from the given column. A provincie, COROP area
	 * or arbeidsmarktregio is named on every row of its gemeenten: the first row names it
	 * (an edited file that moves a gemeente by its code alone still reads).
	 */
	private Builder region(String code, String level, CSVRecord row, long line, String nameColumn, String fileName) {
		String name = name(row, line, nameColumn, fileName);
		return this.regions.computeIfAbsent(code, (c) -> new Builder(c, level, name, line));
	}

	/**
	 * Reads code/label pairs from a CBS v4 CSV ({@code RegioCode}, {@code RegioS}). Codes
	 * not in the hierarchy (former gemeenten) are added with NL01 as their only parent.
	 */
	RegionListBuilder labels(InputStream in) throws IOException {
		Reader reader = new InputStreamReader(Bom.skip(in), StandardCharsets.UTF_8);
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		Map<String, String> pairs = new TreeMap<>();
		for (CSVRecord row : format.parse(reader)) {
			pairs.put(row.get("RegioCode").strip(), row.get("RegioS").strip());
		}
		pairs.forEach((code, label) -> {
			Builder builder = this.regions.get(code);
			if (builder == null && code.startsWith("GM")) {
				builder = region(code, "gemeente", label.replaceAll(" \\(gemeente\\)$", ""));
				builder.parents.add("NL01");
			}
			if (builder != null) {
				builder.aliases.add("cbs-label=" + label);
			}
		});
		return this;
	}

	/**
	 * A region name or label: 1 to 200 characters, no control characters, and not
	 * starting with a character a spreadsheet would run as a formula ({@code = + - @}).
	 */
	static String name(CSVRecord row, long line, String column, String fileName) {
		String name = row.get(column).strip();
		if (name.isEmpty() || name.length() > 200 || "=+-@".indexOf(name.charAt(0)) >= 0
				|| name.chars().anyMatch(Character::isISOControl)) {
			throw new ImportException(fileName, "line " + line, column, ImportFormat.abbreviate(name),
					"a region name of 1 to 200 characters without control characters, not starting with = + - @",
					"invalid region name");
		}
		return name;
	}

	private static String code(CSVRecord row, long line, String column, String prefix, String fileName) {
		String code = row.get(column).strip();
		if (!code.matches(prefix + "[0-9]{2,4}")) {
			throw new ImportException(fileName, "line " + line, column, code, "a CBS code like " + prefix + "01",
					"invalid region code");
		}
		return code;
	}

	private Builder region(String code, String level, String name) {
		return this.regions.computeIfAbsent(code, (c) -> new Builder(c, level, name, 0));
	}

	public List<RegionEntry> build() {
		// names that are unique across all regions become 'name' aliases
		Map<String, Set<String>> codesByName = new HashMap<>();
		this.regions.values().forEach((b) -> codesByName.computeIfAbsent(b.name, (n) -> new TreeSet<>()).add(b.code));
		EARLIER.forEach((code, aliases) -> aliases.stream()
			.filter((a) -> a.startsWith("name="))
			.forEach((a) -> codesByName.computeIfAbsent(a.substring(5), (n) -> new TreeSet<>()).add(code)));
		List<RegionEntry> entries = new ArrayList<>();
		List<Builder> sorted = new ArrayList<>(this.regions.values());
		sorted.sort(Comparator.comparing((Builder b) -> LEVELS.indexOf(b.level)).thenComparing((b) -> b.code));
		for (Builder b : sorted) {
			Set<String> aliases = new LinkedHashSet<>();
			String suffix = SUFFIX.get(b.level);
			if (suffix != null) {
				aliases.add("cbs-label=" + b.name + suffix);
			}
			aliases.addAll(b.aliases);
			aliases.addAll(EARLIER.getOrDefault(b.code, List.of()));
			NUTS.forEach((nuts, code) -> {
				if (code.equals(b.code)) {
					aliases.add("nuts2016=" + nuts);
				}
			});
			if (codesByName.get(b.name).size() == 1
					|| EARLIER.getOrDefault(b.code, List.of()).contains("name=" + b.name)) {
				aliases.add("name=" + b.name);
			}
			List<String> orderedParents = new ArrayList<>(b.parents);
			orderedParents.sort(Comparator.comparing((String p) -> LEVELS.indexOf(this.regions.get(p).level))
				.thenComparing((p) -> p));
			List<RegionEntry.Alias> aliasList = aliases.stream().sorted().map((a) -> {
				int eq = a.indexOf('=');
				return new RegionEntry.Alias(a.substring(0, eq), a.substring(eq + 1));
			}).toList();
			entries.add(new RegionEntry(b.code, b.level, b.name, ENGLISH.getOrDefault(b.code, b.name), orderedParents,
					aliasList));
		}
		return entries;
	}

	private static final class Builder {

		final String code;

		final String level;

		final String name;

		final Set<String> parents = new LinkedHashSet<>();

		final Set<String> aliases = new LinkedHashSet<>();

		/** The line that first gave it (0 when none did). */
		final long line;

		Builder(String code, String level, String name, long line) {
			this.code = code;
			this.level = level;
			this.name = name;
			this.line = line;
		}

	}

}
