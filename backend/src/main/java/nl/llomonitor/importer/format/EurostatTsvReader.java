package nl.llomonitor.importer.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.llomonitor.cube.Flag;
import nl.llomonitor.cube.ImportWarning;
import nl.llomonitor.cube.IncompleteReason;
import nl.llomonitor.cube.MissingReason;
import nl.llomonitor.importer.ImportFormat;
import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.ReadResult;
import nl.llomonitor.importer.catalog.TableMapping;

/**
 * Eurostat SDMX-TSV ({@code freq,unit,sex,age,geo\TIME_PERIOD} then one tab-separated
 * column per period; each cell a value, a space and flag letters, or {@code :} for
 * missing). NUTS codes map to CBS regions through the region list.
 */
public final class EurostatTsvReader implements FormatReader {

	@Override
	public ReadResult read(InputStream in, ImportJob job) throws IOException {
		ReadResult.Builder found = ReadResult.builder(job);
		Utf8Check utf8 = new Utf8Check(Bom.skip(in), '\t');
		try {
			read(new BufferedReader(new InputStreamReader(utf8, StandardCharsets.UTF_8)), job, found);
		}
		catch (Utf8Check.NotUtf8 ex) {
			throw ex.toImportException(job, utf8.header());
		}
		return found.build();
	}

	private void read(BufferedReader reader, ImportJob job, ReadResult.Builder found) throws IOException {
		String headerLine = reader.readLine();
		if (headerLine == null || !headerLine.contains("\\")) {
			throw job.error("line 1", null, (headerLine != null) ? ImportFormat.abbreviate(headerLine) : "",
					"an SDMX-TSV header such as freq,unit,sex,age,geo\\TIME_PERIOD<tab>2000<tab>...",
					"not a Eurostat TSV header");
		}
		String[] header = headerLine.split("\t", -1);
		// a spreadsheet that saved a separator at the end of every line: an empty last
		// column, ignored
		boolean trailingSeparator = header.length > 2 && header[header.length - 1].isBlank();
		if (trailingSeparator) {
			header = java.util.Arrays.copyOf(header, header.length - 1);
			found.warn(ImportWarning.of(ImportWarning.TRAILING_SEPARATOR));
		}
		if (header.length < 2) {
			throw job.error("line 1", null, ImportFormat.abbreviate(headerLine), "tab separated periods",
					"wrong delimiter");
		}
		TableMapping mapping = job.mapping("line 1");
		String[] dimensions = header[0].substring(0, header[0].indexOf('\\')).split(",", -1);
		int geo = -1;
		for (int d = 0; d < dimensions.length; d++) {
			if (dimensions[d].equals(mapping.regionColumn())) {
				geo = d;
			}
			else if (!mapping.dimensions().containsKey(dimensions[d])) {
				throw job.error("line 1", dimensions[d], dimensions[d],
						"one of the dimensions in data/mappings/" + mapping.table() + ".yaml", "unknown dimension");
			}
		}
		if (geo < 0) {
			throw job.error("line 1", mapping.regionColumn(), header[0], "a geo dimension", "missing dimension");
		}
		String[] periods = new String[header.length];
		Set<String> named = new java.util.HashSet<>();
		for (int i = 1; i < header.length; i++) {
			Periods.Parsed period = Periods.fromLabel(eurostatPeriod(header[i].strip()));
			if (period == null) {
				throw job.error("line 1", "column " + (i + 1), header[i], "a period such as 2023, 2023-Q2 or 2023-11",
						"unknown period");
			}
			if (!named.add(period.code())) {
				// two columns of one period: which one holds the figure would be a
				// guess (as in a CSV header, CsvFile)
				throw job.error("line 1", header[i].strip(), header[i], "each column named once in the header",
						"column given twice");
			}
			periods[i] = period.code();
		}
		TableMapping.Measure measure = mapping.measures().values().iterator().next();
		String line;
		long number = 1;
		long records = 0;
		while ((line = reader.readLine()) != null) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			found.row();
			records++;
			String where = "line " + number;
			String[] fields = line.split("\t", -1);
			if (trailingSeparator && fields.length == header.length + 1 && fields[header.length].isBlank()) {
				fields = java.util.Arrays.copyOf(fields, header.length);
			}
			if (fields.length != header.length) {
				throw job.error(where, null, ImportFormat.abbreviate(line), header.length + " tab separated fields",
						"found " + fields.length + " fields");
			}
			String[] keys = fields[0].split(",", -1);
			if (keys.length != dimensions.length) {
				throw job.error(where, header[0], fields[0], dimensions.length + " comma separated codes",
						"wrong series key");
			}
			String region = job.regions().resolveNuts(keys[geo]);
			if (region == null) {
				// an error, or the series skipped and counted when the import says so
				found.unknownRegion(where, "geo", keys[geo], "a Dutch NUTS 2016 code such as NL31");
				continue;
			}
			Map<String, String> breakdown = new TreeMap<>(measure.breakdown());
			boolean skip = false;
			for (int d = 0; d < dimensions.length; d++) {
				if (d == geo) {
					continue;
				}
				TableMapping.Member member = mapping.dimensions().get(dimensions[d]).get(keys[d]);
				if (member == null) {
					throw job.error(where, dimensions[d], keys[d],
							"one of " + mapping.dimensions().get(dimensions[d]).keySet(), "unknown dimension member");
				}
				if (member.skipped() && !skip) {
					skip = true;
					found.skippedByMapping(dimensions[d], keys[d]);
				}
				breakdown.putAll(member.breakdown());
			}
			if (skip) {
				continue;
			}
			String key = Breakdowns.key(breakdown);
			for (int i = 1; i < fields.length; i++) {
				String cell = fields[i].strip();
				int split = flagsAt(cell);
				String value = cell.substring(0, split).strip();
				String letters = cell.substring(split).strip();
				Set<Flag> flags;
				try {
					flags = Flag.parse(letters);
				}
				catch (IllegalArgumentException ex) {
					throw job.error(where, header[i].strip(), fields[i],
							"Eurostat flag letters (b, c, d, e, f, n, p, r, s, u, z)",
							"invalid flags: " + ex.getMessage());
				}
				for (Flag flag : flags) {
					found.sign(String.valueOf(flag.letter()));
				}
				String reason = null;
				if (value.equals(":") || value.isEmpty()) {
					// ':' is Eurostat's "no figure"; an empty cell (an edited file)
					// has none either, and is counted as empty, never skipped
					found.sign((value.isEmpty() && letters.isEmpty()) ? "empty" : ":");
					value = null;
					reason = Flag.missingReason(flags).code();
				}
				else if (!Numbers.isDecimal(value)) {
					throw job.error(where, header[i].strip(), fields[i],
							"a number, optionally followed by flags (26.4 b), or ':' (not available)", "not a number");
				}
				else if (flags.contains(Flag.CONFIDENTIAL)) {
					// c withholds the figure (Eurostat writes ': c'): a number beside it
					// is either published or not, which the file leaves open
					throw job.error(where, header[i].strip(), fields[i],
							"': c' for a confidential figure, or a figure without flag c",
							"a figure beside flag c (confidential), which withholds it");
				}
				else if (flags.contains(Flag.NOT_APPLICABLE)) {
					// z: not applicable, so no figure, whatever number stands beside it
					// (a placeholder such as "0 z" is no published zero)
					value = null;
					reason = MissingReason.NIET_VAN_TOEPASSING.code();
				}
				// Eurostat states a status only with p (provisional)
				job.cells()
					.add(number, measure.indicator(), region, periods[i], key, CellSink.VALUE, value, reason,
							Flag.status(flags).code(), Flag.letters(flags), null, mapping.table());
			}
		}
		if (records == CbsCsvReader.CUT_OFF) {
			found.incomplete(IncompleteReason.rowsAtLimit(records));
		}
	}

	/**
	 * Where the flag letters of a cell begin: after {@code :} or the number, with or
	 * without the space Eurostat writes between ({@code 17.5 p}, {@code 17.5p},
	 * {@code : c}, {@code :c}); Eurostat numbers have no exponent, so a letter after the
	 * digits is a flag.
	 * @param cell the stripped cell
	 * @return the index of the flags (the cell's length when it has none)
	 */
	static int flagsAt(String cell) {
		int n = cell.length();
		int k = 0;
		if (n > 0 && cell.charAt(0) == ':') {
			k = 1;
		}
		else {
			while (k < n && ((cell.charAt(k) >= '0' && cell.charAt(k) <= '9') || cell.charAt(k) == '.'
					|| cell.charAt(k) == '-' || cell.charAt(k) == '+')) {
				k++;
			}
		}
		boolean letters = k > 0;
		for (int i = k; i < n && letters; i++) {
			letters = Character.isLetter(cell.charAt(i)) || Character.isWhitespace(cell.charAt(i));
		}
		if (letters) {
			return k;
		}
		// not a number with flags: the first word is the value (then refused as such)
		int space = cell.indexOf(' ');
		return (space < 0) ? n : space;
	}

	private static String eurostatPeriod(String text) {
		if (text.matches("[0-9]{4}-Q[1-4]")) {
			return text.substring(0, 4) + "KW0" + text.charAt(6);
		}
		if (text.matches("[0-9]{4}-[0-9]{2}")) {
			return text.substring(0, 4) + "MM" + text.substring(5);
		}
		if (text.matches("[0-9]{4}M[0-9]{2}")) {
			return text.substring(0, 4) + "MM" + text.substring(5);
		}
		return text;
	}

}
