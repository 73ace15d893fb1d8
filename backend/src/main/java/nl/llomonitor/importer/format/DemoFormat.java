package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import nl.llomonitor.cube.Flag;
import nl.llomonitor.cube.Status;
import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.ReadResult;
import nl.llomonitor.importer.catalog.Catalog;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The project's own observation file format (the demo data set in {@code data/demo}): a
 * first line {@code # LLO Monitor observations}, then {@code ;} separated cells with
 * codes, each with the CBS/Eurostat table it was published in.
 */
public final class DemoFormat {

	static final String MAGIC = "# LLO Monitor observations v1";

	/** A CBS or Eurostat table id: 85268NED, 80072ned, lfsa_urgan, une_rt_a. */
	private static final Pattern TABLE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	private static final List<String> STATUSES = Arrays.stream(Status.values()).map(Status::code).toList();

	static final String[] HEADER = { "table", "indicator", "region", "period", "breakdown", "value", "margin_low",
			"margin_high", "status", "flags" };

	static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
		.setDelimiter(';')
		.setHeader(HEADER)
		.setRecordSeparator('\n')
		.setCommentMarker('#')
		.setNullString("")
		.get();

	private DemoFormat() {
	}

	/**
	 * One cell of the demo data set.
	 */
	public record Row(String table, String indicator, String region, String period, String breakdown, String value,
			String marginLow, String marginHigh, String status, String flags) {

	}

	public static void write(List<Row> rows, Writer writer, String comment) throws IOException {
		writer.write(MAGIC + "\n");
		for (String line : comment.split("\n")) {
			writer.write("# " + line + "\n");
		}
		try (CSVPrinter printer = CSV.print(writer)) {
			for (Row r : rows) {
				printer.printRecord(r.table(), r.indicator(), r.region(), r.period(), r.breakdown(), r.value(),
						r.marginLow(), r.marginHigh(), r.status(), r.flags());
			}
		}
	}

	/**
	 * Reads the format into the store.
	 */
	public static final class Reader implements FormatReader {

		@Override
		public ReadResult read(InputStream in, ImportJob job) throws IOException {
			ReadResult.Builder found = ReadResult.builder(job);
			InputStreamReader reader = new InputStreamReader(Bom.skip(in), StandardCharsets.UTF_8);
			// the header of the file names the columns (in any order); a file without it,
			// or with other columns, is refused instead of its first row being taken
			CSVFormat format = CSV.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setAllowMissingColumnNames(true)
				.setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
				.get();
			// the file's breakdown keys as written, each checked once, to canonical form
			Map<String, String> breakdowns = new HashMap<>();
			Map<String, Catalog.Indicator> indicators = job.catalog().indicatorsByCode();
			try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
				List<String> header = parser.getHeaderNames();
				if (header.size() != HEADER.length || !new HashSet<>(header).containsAll(List.of(HEADER))) {
					throw job.error("header", null, String.join(";", header),
							"the header " + String.join(";", HEADER) + " (columns in any order)",
							"not the header of the project's observation format");
				}
				CsvLines lines = new CsvLines(parser);
				for (CSVRecord r : parser) {
					found.row();
					long lineNumber = lines.of(r);
					String line = "line " + lineNumber;
					if (r.size() != HEADER.length) {
						throw job.error(line, null, String.join(";", r.toList()),
								HEADER.length + " fields " + String.join(";", HEADER), "wrong number of fields");
					}
					String region = job.regions().byCode(r.get("region"));
					if (region == null) {
						// an error, or skipped and counted when the import says so
						found.unknownRegion(line, "region", r.get("region"), "a CBS region code such as PV26");
						continue;
					}
					if (!Periods.isCode(r.get("period"))) {
						throw job.error(line, "period", r.get("period"), "a period code such as 2023KW02",
								"invalid period");
					}
					Catalog.Indicator indicator = indicators.get(r.get("indicator"));
					if (indicator == null) {
						throw job.error(line, "indicator", r.get("indicator"), "an indicator of data/indicators.yaml",
								"unknown indicator");
					}
					if (indicator.numerator() != null) {
						throw job.error(line, "indicator", r.get("indicator"),
								"an indicator that is published, not computed",
								"a derived indicator (" + indicator.numerator() + " / " + indicator.denominator()
										+ ") is computed from its terms at query time; its figures are not stored");
					}
					String table = r.get("table");
					if (table == null || !TABLE_ID.matcher(table).matches()) {
						throw job.error(line, "table", table,
								"the id of the table the figure was published in, such as 85268NED or lfsa_urgan",
								(table == null) ? "no source table" : "not a table id");
					}
					String breakdown = breakdowns.computeIfAbsent(
							(r.get("breakdown") != null) ? r.get("breakdown") : "", (key) -> breakdown(job, line, key));
					String status = (r.get("status") != null) ? r.get("status") : Status.NOT_STATED.code();
					try {
						Status.fromCode(status);
					}
					catch (IllegalArgumentException ex) {
						throw job.error(line, "status", status, "one of " + STATUSES + " or empty", "unknown status");
					}
					Set<Flag> parsed;
					try {
						parsed = Flag.parse((r.get("flags") != null) ? r.get("flags") : "");
					}
					catch (IllegalArgumentException ex) {
						throw job.error(line, "flags", r.get("flags"), "Eurostat flag letters such as 'bp', or empty",
								ex.getMessage());
					}
					String flags = Flag.letters(parsed);
					BigDecimal value = number(job, r, line, "value");
					// the flags mean what they mean in Eurostat's files, which the other
					// readers follow: z is no figure, p is the status voorlopig
					if (value != null && parsed.contains(Flag.NOT_APPLICABLE)) {
						throw job.error(line, "flags", r.get("flags"), "no flag z (not applicable) beside a figure",
								"a figure flagged not applicable");
					}
					if (value != null && parsed.contains(Flag.CONFIDENTIAL)) {
						// c withholds the figure: one beside it is published or it is not
						throw job.error(line, "flags", r.get("flags"), "no flag c (confidential) beside a figure",
								"a figure flagged confidential");
					}
					if (parsed.contains(Flag.PROVISIONAL) && !status.equals(Status.VOORLOPIG.code())
							&& !status.equals(Status.NOT_STATED.code())) {
						throw job.error(line, "flags", r.get("flags"),
								"flag p (provisional) only with status voorlopig or none",
								"flag p with status " + status);
					}
					if (parsed.contains(Flag.PROVISIONAL)) {
						status = Status.VOORLOPIG.code();
					}
					String reason = (value == null) ? Flag.missingReason(parsed).code() : null;
					BigDecimal low = number(job, r, line, "margin_low");
					BigDecimal high = number(job, r, line, "margin_high");
					if (low != null && high != null && low.compareTo(high) > 0) {
						throw job.error(line, "margin_low", r.get("margin_low"),
								"a lower bound at most the upper bound " + r.get("margin_high"), "margins reversed");
					}
					if (value != null && low != null && low.compareTo(value) > 0) {
						throw job.error(line, "margin_low", r.get("margin_low"),
								"a lower bound at most the value " + r.get("value"),
								"the value lies outside its margin");
					}
					if (value != null && high != null && high.compareTo(value) < 0) {
						throw job.error(line, "margin_high", r.get("margin_high"),
								"an upper bound at least the value " + r.get("value"),
								"the value lies outside its margin");
					}
					emit(job, r, lineNumber, CellSink.VALUE, r.get("value"), reason, region, breakdown, status, flags);
					// every row states its cell whole: an empty bound beside a figure is
					// none, so a later file withdraws a bound an earlier one gave (staged
					// as a bound without a value, as the CBS readers stage '.')
					if (low != null || value != null) {
						emit(job, r, lineNumber, CellSink.LOW, (low != null) ? r.get("margin_low") : null, null, region,
								breakdown, status, flags);
					}
					if (high != null || value != null) {
						emit(job, r, lineNumber, CellSink.HIGH, (high != null) ? r.get("margin_high") : null, null,
								region, breakdown, status, flags);
					}
				}
			}
			return found.build();
		}

		/**
		 * @param key a breakdown key as written: {@code dimension=member} pairs joined by
		 * {@code ;}, or empty for the total
		 * @return the key in canonical form (pairs sorted by dimension)
		 * @throws nl.llomonitor.importer.ImportException for a pair that is not
		 * {@code dimension=member}, a dimension given twice, a member
		 * data/indicators.yaml does not have or a total member (the total over a
		 * dimension is written by leaving it out)
		 */
		private static String breakdown(ImportJob job, String line, String key) {
			String expected = "dimension=member pairs joined by ';' (such as sex=vrouw;age_group=15_25) "
					+ "of the dimensions in data/indicators.yaml, or empty for the total";
			Map<String, String> members = new TreeMap<>();
			if (!key.isBlank()) {
				for (String pair : key.split(";", -1)) {
					int eq = pair.indexOf('=');
					if (eq <= 0 || eq == pair.length() - 1) {
						throw job.error(line, "breakdown", key, expected,
								"not a dimension=member pair: '" + pair + "'");
					}
					String dimension = pair.substring(0, eq).strip();
					String member = pair.substring(eq + 1).strip();
					if (members.put(dimension, member) != null) {
						throw job.error(line, "breakdown", key, expected, "dimension " + dimension + " given twice");
					}
					Boolean total = job.catalog().memberIsTotal(dimension, member);
					if (total == null) {
						throw job.error(line, "breakdown", key, expected,
								job.catalog().hasDimension(dimension)
										? "unknown member " + member + " of dimension " + dimension
										: "unknown dimension " + dimension);
					}
					if (total) {
						throw job.error(line, "breakdown", key, expected, member + " is the total of " + dimension
								+ ": the total over a dimension is written by leaving the dimension out");
					}
				}
			}
			return Breakdowns.key(members);
		}

		private static BigDecimal number(ImportJob job, CSVRecord r, String line, String column) {
			String value = r.get(column);
			if (value == null) {
				return null;
			}
			if (!Numbers.isDecimal(value)) {
				throw job.error(line, column, value, "a decimal number such as 75.5", "not a number");
			}
			return new BigDecimal(value);
		}

		private static void emit(ImportJob job, CSVRecord r, long lineNumber, char part, String value, String reason,
				String region, String breakdown, String status, String flags) {
			job.cells()
				.add(lineNumber, r.get("indicator"), region, r.get("period"), breakdown, part, value, reason, status,
						flags, null, r.get("table"));
		}

	}

}
