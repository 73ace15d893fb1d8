package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.llomonitor.cube.CbsSign;
import nl.llomonitor.cube.ImportWarning;
import nl.llomonitor.cube.IncompleteReason;
import nl.llomonitor.importer.ImportFormat;
import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.ReadResult;
import nl.llomonitor.importer.catalog.TableMapping;
import org.apache.commons.csv.CSVRecord;

/**
 * CBS OData v4 observations joined with their code lists, as CSV (comma separated, one
 * observation per row: {@code Id,ValueAttribute,Value,StringValue,Measure,...,Perioden,
 * RegioCode,RegioS}). The measure label selects the indicator; every other column not
 * listed here is a dimension of the mapping.
 */
public final class CbsV4CsvReader implements FormatReader {

	private static final Set<String> FIXED = Set.of("Id", "ValueAttribute", "Value", "StringValue", "Measure",
			"RegioS");

	@Override
	public ReadResult read(InputStream in, ImportJob job) throws IOException {
		ReadResult.Builder found = ReadResult.builder(job);
		CsvFile.read(in, ',', job, "a well-formed comma separated CSV file", (parser) -> {
			List<String> header = parser.getHeaderNames();
			for (String required : List.of("Value", "Measure", "Perioden")) {
				if (!header.contains(required)) {
					throw job.error("line 1", required, ImportFormat.abbreviate(String.join(",", header)),
							"a comma separated header Id,ValueAttribute,Value,StringValue,Measure,...,Perioden,RegioCode",
							"missing column");
				}
			}
			TableMapping mapping = job.mapping("line 1");
			List<String> dimensions = new ArrayList<>();
			boolean trailingSeparator = header.size() > 1 && header.get(header.size() - 1).isEmpty();
			if (trailingSeparator) {
				found.warn(ImportWarning.of(ImportWarning.TRAILING_SEPARATOR));
			}
			for (String column : header.subList(0, header.size() - (trailingSeparator ? 1 : 0))) {
				if (FIXED.contains(column) || column.equals(mapping.periodColumn())
						|| column.equals(mapping.regionColumn())) {
					continue;
				}
				if (!mapping.dimensions().containsKey(column)) {
					throw job.error("line 1", column, column,
							"one of the columns in data/mappings/" + mapping.table() + ".yaml",
							"unknown column for table " + mapping.table());
				}
				dimensions.add(column);
			}
			// the region's title beside its code (RegioS beside RegioCode): checked once
			// per code and title
			boolean labelColumn = header.contains(REGION_LABEL) && !REGION_LABEL.equals(mapping.regionColumn());
			Set<String> labelChecked = new HashSet<>();
			long records = 0;
			CsvLines lines = new CsvLines(parser);
			for (CSVRecord r : parser) {
				records++;
				found.row();
				long lineNumber = lines.of(r);
				String line = "line " + lineNumber;
				if (!r.isConsistent()) {
					throw job.error(line, null, ImportFormat.abbreviate(String.join(",", r.toList())),
							header.size() + " comma separated fields", "found " + r.size() + " fields");
				}
				if (records == 1 && header.contains("Id")) {
					ODataReader.laterPageSavedAlone(found, r.get("Id").strip(), job.fileName());
				}
				String region = (mapping.regionColumn() != null) ? job.regions().byCode(r.get(mapping.regionColumn()))
						: mapping.region();
				if (region == null) {
					// an error, or skipped and counted when the import says so
					found.unknownRegion(line, mapping.regionColumn(), r.get(mapping.regionColumn()),
							"a CBS region code such as PV26");
					continue;
				}
				Periods.Parsed period = Periods.fromLabel(r.get(mapping.periodColumn()));
				if (period == null) {
					throw job.error(line, mapping.periodColumn(), r.get(mapping.periodColumn()),
							"a CBS period such as '2022' or 2022JJ00", "unknown period");
				}
				if (labelColumn && mapping.regionColumn() != null) {
					checkLabel(job, line, mapping.regionColumn(), region, r.get(REGION_LABEL).strip(), period.code(),
							labelChecked);
				}
				TableMapping.Measure measure = mapping.measures().get(r.get("Measure").strip());
				if (measure == null) {
					throw job.error(line, "Measure", r.get("Measure"), "one of " + mapping.measures().keySet(),
							"unknown measure");
				}
				Map<String, String> breakdown = new TreeMap<>(measure.breakdown());
				boolean skip = false;
				for (String column : dimensions) {
					TableMapping.Member member = mapping.dimensions().get(column).get(r.get(column).strip());
					if (member == null) {
						throw job.error(line, column, r.get(column),
								"one of " + mapping.dimensions().get(column).keySet(), "unknown dimension member");
					}
					if (member.skipped() && !skip) {
						skip = true;
						found.skippedByMapping(column, r.get(column));
					}
					breakdown.putAll(member.breakdown());
				}
				if (skip) {
					continue;
				}
				String value = r.get("Value").strip();
				String attribute = header.contains("ValueAttribute") ? r.get("ValueAttribute").strip() : "None";
				if (!attribute.isEmpty() && !attribute.matches("[A-Za-z]{1,40}")) {
					// CBS writes a code here (None, Impossible, Confidential, ...), never
					// free text
					throw job.error(line, "ValueAttribute", ImportFormat.abbreviate(attribute),
							"a CBS value attribute code such as None", "invalid value attribute");
				}
				String text = header.contains("StringValue") ? r.get("StringValue").strip() : "";
				// a sign in Value is read by V4Cell as the StringValue it stands for
				if (!value.isEmpty() && !Numbers.isDecimal(value) && CbsSign.of(value) == null) {
					throw job.error(line, "Value", r.get("Value"), "a decimal number such as 917.0", "not a number");
				}
				V4Cell cell = V4Cell.read(job, line, value, text, attribute, found);
				value = cell.value();
				String reason = cell.reason();
				String footnote = cell.footnote();
				job.cells()
					.add(lineNumber, measure.indicator(), region, period.code(), Breakdowns.key(breakdown),
							CellSink.VALUE, value, reason, period.status(), "", footnote, mapping.table());
			}
			if (records == CbsCsvReader.CUT_OFF) {
				found.incomplete(IncompleteReason.rowsAtCbsLimit(records));
			}
		});
		return found.build();
	}

	/** The column of the region's title beside the column of its code. */
	private static final String REGION_LABEL = "RegioS";

	/**
	 * A row whose region title names another region than its code (RegioCode PV26 beside
	 * RegioS {@code Fryslân (PV)}) was garbled, by a join or an edit: which of the two is
	 * right cannot be told, so it is refused. A title the store does not know (a region
	 * renamed since its last edition) is no error.
	 * @param checked code and title pairs already checked
	 * @throws nl.llomonitor.importer.ImportException naming the line, both columns and
	 * the region the title names
	 */
	private static void checkLabel(ImportJob job, String line, String codeColumn, String region, String label,
			String period, Set<String> checked) {
		if (label.isEmpty() || !checked.add(region + '\u0000' + label + '\u0000' + period)) {
			return;
		}
		nl.llomonitor.importer.catalog.RegionDirectory regions = job.regions();
		String then = regions.resolveLabel(label, nl.llomonitor.cube.Period.parse(period));
		String now = regions.resolveLabel(label);
		if (then != null && !then.equals(region) && now != null && !now.equals(region)) {
			throw job.error(line, REGION_LABEL, label, "the title of region " + region + " (" + codeColumn + ")",
					codeColumn + " " + region + " and RegioS name different regions (RegioS is " + then + ")");
		}
	}

}
