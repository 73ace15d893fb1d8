package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.llomonitor.cube.CbsSign;
import nl.llomonitor.cube.ImportWarning;
import nl.llomonitor.cube.IncompleteReason;
import nl.llomonitor.importer.ImportFormat;
import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.ReadResult;
import nl.llomonitor.importer.catalog.GenericTable;
import nl.llomonitor.importer.catalog.TableMapping;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CBS tables dumped to CSV: {@code ;} separated, UTF-8 with a BOM, the OData property
 * keys in the header and labels ({@code Utrecht (PV)}, {@code 2023 2e kwartaal}) in the
 * dimension columns. Streams the file; the table's mapping file says what each column
 * means.
 */
public final class CbsCsvReader implements FormatReader {

	/** What a value of a measure column is, for the error of one that is not. */
	static final String NUMBER = "a decimal number with '.' such as 75.5, or a CBS sign (-, ., x, empty)";

	/** The CBS dump this format comes from stopped after this many records. */
	static final int CUT_OFF = 10_000;

	@Override
	public ReadResult read(InputStream in, ImportJob job) throws IOException {
		ReadResult.Builder found = ReadResult.builder(job);
		// StatLine writes ';'; a download saved with another separator (',' from the
		// "komma gescheiden" option or a spreadsheet, a tab, '|') is read with the one
		// its header line uses
		java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, 1 << 16);
		char delimiter = CsvFile.delimiterAfterId(buffered, ';');
		CsvFile.read(buffered, delimiter, job, "a well-formed '" + name(delimiter) + "' separated CSV file",
				(parser) -> read(parser, delimiter, job, found));
		return found.build();
	}

	private static String name(char delimiter) {
		return (delimiter == '\t') ? "\\t" : String.valueOf(delimiter);
	}

	private void read(CSVParser parser, char delimiter, ImportJob job, ReadResult.Builder found) {
		List<String> names = parser.getHeaderNames();
		// a spreadsheet that saved a separator at the end of every line: an unnamed last
		// column, empty on every line
		boolean trailingSeparator = names.size() > 1 && names.get(names.size() - 1).isEmpty();
		List<String> header = trailingSeparator ? names.subList(0, names.size() - 1) : names;
		if (trailingSeparator) {
			found.warn(ImportWarning.of(ImportWarning.TRAILING_SEPARATOR));
		}
		if (header.size() < 2 || !header.get(0).equals("ID")) {
			String first = header.isEmpty() ? "" : header.get(0);
			throw job.error("line 1", null, ImportFormat.abbreviate(first),
					"a ';' separated header starting with ID (e.g. ID;RegioS;Perioden;...), or one separated by"
							+ " ',', a tab or '|' throughout",
					"not a CBS CSV header");
		}
		TableMapping mapping = found.mapping("line 1", (table) -> GenericTable.of(table, header, null, null));
		int regionIndex = -1;
		int periodIndex = -1;
		List<Integer> measureIndexes = new ArrayList<>();
		List<TableMapping.Measure> measures = new ArrayList<>();
		List<Integer> dimensionIndexes = new ArrayList<>();
		List<Map<String, TableMapping.Member>> dimensionMembers = new ArrayList<>();
		List<Integer> ignoredIndexes = new ArrayList<>();
		for (int i = 1; i < header.size(); i++) {
			String column = header.get(i);
			if (column.equals(mapping.regionColumn())) {
				regionIndex = i;
			}
			else if (column.equals(mapping.periodColumn())) {
				periodIndex = i;
			}
			else if (mapping.measures().containsKey(column)) {
				measureIndexes.add(i);
				measures.add(mapping.measures().get(column));
			}
			else if (mapping.dimensions().containsKey(column)) {
				dimensionIndexes.add(i);
				dimensionMembers.add(mapping.dimensions().get(column));
			}
			else if (mapping.ignore().contains(column)) {
				ignoredIndexes.add(i);
			}
			else if (mapping.textColumns().contains(column)) {
				continue;
			}
			else {
				throw job.error("line 1", column, column,
						"one of the columns in data/mappings/" + mapping.table() + ".yaml",
						"unknown column for table " + mapping.table());
			}
		}
		if (periodIndex < 0) {
			throw job.error("line 1", mapping.periodColumn(), null, "a period column", "missing column");
		}
		if (measureIndexes.isEmpty()) {
			// every row would be read and none stored, reported as a success
			throw job.error("line 1", null, ImportFormat.abbreviate(String.join(";", header)), (found.generic() != null)
					? "at least one measure column, named by its CBS key ending in _<n> (Werkloosheidspercentage_13)"
					: "at least one of the measures of data/mappings/" + mapping.table() + ".yaml",
					"no measure column");
		}
		if (mapping.regionColumn() != null && regionIndex < 0) {
			throw job.error("line 1", mapping.regionColumn(), null, "a region column", "missing column");
		}
		Map<String, String> regionCache = new HashMap<>();
		Map<String, Periods.Parsed> periodCache = new HashMap<>();
		Map<String, String> keyCache = new HashMap<>();
		int skippedRegions = 0;
		// labels resolved to a region the store does not have in the row's period
		java.util.Set<String> outOfPeriod = new java.util.LinkedHashSet<>();
		java.util.Set<String> guessed = new java.util.HashSet<>();
		// rows of regions at levels the mapping does not take (regionLevels), by level
		Map<String, Integer> skippedLevels = new TreeMap<>();
		long incompleteSums = 0;
		long records = 0;
		int columns = header.size() + (trailingSeparator ? 1 : 0);
		// terms of a sum (sum: true), by target cell; a row holds all terms of its sums
		SumAccumulator sums = new SumAccumulator();
		TableMapping.Member[] members = new TableMapping.Member[dimensionIndexes.size()];
		String[] labels = new String[dimensionIndexes.size()];
		CsvLines lines = new CsvLines(parser);
		for (CSVRecord record : parser) {
			records++;
			found.row();
			if (records == 1) {
				// a page of the API saved alone, as in its v3 and v4 responses
				ODataReader.laterPageSavedAlone(found, record.get(0).strip(), job.fileName());
			}
			long lineNumber = lines.of(record);
			String line = "line " + lineNumber;
			if (record.size() != columns) {
				throw job.error(line, null,
						ImportFormat.abbreviate(String.join(String.valueOf(delimiter), record.toList())),
						columns + " '" + name(delimiter) + "' separated fields like the header",
						"found " + record.size() + " fields");
			}
			if (trailingSeparator && !record.get(columns - 1).isBlank()) {
				throw job.error(line, "after " + header.get(header.size() - 1), record.get(columns - 1),
						"nothing after the last separator, like the header", "a value in a column without a name");
			}
			if (regionIndex >= 0 && mapping.skipRegions().contains(record.get(regionIndex).strip())) {
				// a region the mapping leaves out: nothing else of the row is read
				skippedRegions++;
				continue;
			}
			String periodLabel = record.get(periodIndex);
			Periods.Parsed period = periodCache.get(periodLabel);
			if (period == null) {
				period = Periods.fromLabel(periodLabel);
				if (period == null) {
					throw job.error(line, mapping.periodColumn(), periodLabel,
							"a CBS period such as '2023', '2023 2e kwartaal' or '2024 november'", "unknown period");
				}
				periodCache.put(periodLabel, period);
			}
			String region;
			if (regionIndex >= 0) {
				String label = record.get(regionIndex);
				// by label and period: a label several regions have had is the one of
				// the period (RegionDirectory.resolveLabel)
				String regionKey = label + '\u0000' + period.code();
				region = regionCache.get(regionKey);
				if (region == null) {
					nl.llomonitor.cube.Period when = nl.llomonitor.cube.Period.parse(period.code());
					region = job.regions().resolveLabel(label, when);
					if (region != null && job.regions().shared(label) && !job.regions().existed(region, when)) {
						// a label several regions have had, none of them then: the
						// nearest is taken, and named (a figure for a region before it
						// existed is otherwise usual: CBS gives earlier years on today's
						// boundaries)
						guessed.add(regionKey);
					}
					if (region == null) {
						// an error, or skipped and counted when the import says so
						found.unknownRegion(line, mapping.regionColumn(), label,
								"a CBS region label such as 'Utrecht (PV)', 'Groningen (AM)' or 'Nederland'");
						continue;
					}
					regionCache.put(regionKey, region);
				}
				if (!mapping.regionLevels().isEmpty()
						&& !mapping.regionLevels().contains(job.regions().level(region))) {
					// counted and named in a warning: no row is left out without a word
					skippedLevels.merge(job.regions().level(region), 1, Integer::sum);
					continue;
				}
				if (guessed.contains(regionKey)) {
					outOfPeriod.add(label.strip() + " " + period.code() + " → " + region);
				}
			}
			else {
				region = mapping.region();
			}
			for (int index : ignoredIndexes) {
				String raw = record.get(index);
				if (CbsSign.of(raw.strip()) == null && !Numbers.isDecimal(raw.strip())) {
					throw job.error(line, header.get(index), raw, "a decimal number with '.' such as 75.5",
							"not a number");
				}
			}
			String skippedBy = null;
			String status = period.status();
			String memberIndicator = null;
			char part = CellSink.VALUE;
			for (int d = 0; d < members.length; d++) {
				String label = record.get(dimensionIndexes.get(d));
				TableMapping.Member member = dimensionMembers.get(d).get(label.strip());
				if (member == null) {
					member = dimensionMembers.get(d).get(TableMapping.OTHERS);
				}
				if (member == null) {
					throw job.error(line, header.get(dimensionIndexes.get(d)), label,
							"one of " + dimensionMembers.get(d).keySet(), "unknown dimension member");
				}
				members[d] = member;
				labels[d] = label;
				if (member.skipped() && skippedBy == null) {
					skippedBy = header.get(dimensionIndexes.get(d));
					found.skippedByMapping(skippedBy, label);
				}
				if (member.indicator() != null) {
					memberIndicator = member.indicator();
				}
				if (member.part() != null) {
					part = part(member.part());
				}
				if (member.status() != null) {
					status = member.status();
				}
			}
			if (skippedBy != null) {
				continue;
			}
			sums.clear();
			for (int m = 0; m < measureIndexes.size(); m++) {
				int index = measureIndexes.get(m);
				String raw = record.get(index);
				String value = raw.strip();
				TableMapping.Measure measure = measures.get(m);
				boolean term = Boolean.TRUE.equals(measure.sum());
				String reason = null;
				CbsSign sign = CbsSign.of(value);
				if (sign == null && !Numbers.isDecimal(value)) {
					// a number with a decimal comma is a garbled number, never a
					// text topic (a table without a mapping left the whole measure
					// out for it); a value that is not a number in a column with
					// numbers is refused once the file is read
					// (GenericTable.dropTextMeasures)
					boolean comma = Numbers.isDecimalComma(value);
					if (!comma && found.generic() != null
							&& found.generic().textMeasure(header.get(index), line, header.get(index), raw, NUMBER)) {
						continue;
					}
					throw job.error(line, header.get(index), raw, NUMBER,
							comma ? "not a number: a decimal comma (probably saved by"
									+ " a spreadsheet with Dutch number settings)" : "not a number");
				}
				String indicator = (memberIndicator != null) ? memberIndicator : measure.indicator();
				if (indicator == null) {
					continue;
				}
				char cellPart = (measure.part() != null) ? part(measure.part()) : part;
				if (sign != null) {
					found.sign(sign.reportName());
					value = sign.value();
					reason = (sign.reason() != null) ? sign.reason().code() : null;
					// a margin with a sign is staged without a value: this release states
					// that the cell has no such bound, so a bound an earlier release gave
					// is not carried over
				}
				String key = breakdownKey(m, measure, members, labels, keyCache);
				if (term) {
					sums.add(new SumAccumulator.Target(indicator, region, period.code(), key, cellPart), value,
							lineNumber, status, "");
					continue;
				}
				job.cells()
					.add(lineNumber, indicator, region, period.code(), key, cellPart, value, reason, status, "", null,
							mapping.table());
			}
			for (Map.Entry<SumAccumulator.Target, SumAccumulator.Sum> e : sums.sums().entrySet()) {
				SumAccumulator.Target cell = e.getKey();
				SumAccumulator.Sum sum = e.getValue();
				if (!sum.complete(0)) {
					// a term has no value: the sum has none either, stored as "not
					// available" (counted when another term had one); a margin without
					// a value is not kept
					incompleteSums += sum.someValue() ? 1 : 0;
					if (cell.part() != CellSink.VALUE) {
						continue;
					}
				}
				job.cells()
					.add(sum.row(), cell.indicator(), cell.region(), cell.period(), cell.breakdown(), cell.part(),
							sum.value(0), sum.reason(0), sum.status(), sum.flags(), sum.footnote(0), mapping.table());
			}
		}
		if (incompleteSums > 0) {
			found.warn(ImportWarning.of(ImportWarning.INCOMPLETE_SUMS, incompleteSums));
		}
		if (records == CUT_OFF) {
			found.incomplete(IncompleteReason.rowsAtCbsLimit(records));
		}
		if (!outOfPeriod.isEmpty()) {
			List<String> examples = outOfPeriod.stream().limit(10).toList();
			found.warn(ImportWarning.of(ImportWarning.REGION_NOT_IN_PERIOD, outOfPeriod.size(),
					String.join(", ", examples) + ((outOfPeriod.size() > examples.size()) ? ", ..." : "")));
		}
		warnSkipped(found, mapping, skippedRegions, skippedLevels);
	}

	/**
	 * Names the rows a mapping skipped by region, counted while reading: those of the
	 * regions it skips by label ({@code skipRegions}) and those at levels it does not
	 * take ({@code regionLevels}), by level. The same in every format that has regions.
	 * @param found the read's result
	 * @param mapping the table's mapping
	 * @param regions rows skipped by label
	 * @param levels rows skipped by level, by level
	 */
	static void warnSkipped(ReadResult.Builder found, TableMapping mapping, long regions,
			Map<String, ? extends Number> levels) {
		if (regions > 0) {
			found.warn(ImportWarning.of(ImportWarning.MAPPING_SKIPPED_REGIONS, regions,
					String.valueOf(mapping.skipRegions())));
		}
		if (!levels.isEmpty()) {
			found.warn(ImportWarning.of(ImportWarning.MAPPING_SKIPPED_LEVELS,
					levels.values().stream().mapToLong(Number::longValue).sum(), String.join(", ", levels.keySet()),
					String.join(", ", mapping.regionLevels())));
		}
	}

	private static String breakdownKey(int measureIndex, TableMapping.Measure measure, TableMapping.Member[] members,
			String[] labels, Map<String, String> cache) {
		if (members.length == 0) {
			return Breakdowns.key(measure.breakdown());
		}
		StringBuilder cacheKey = new StringBuilder().append(measureIndex);
		for (String label : labels) {
			cacheKey.append('\u0000').append(label);
		}
		return cache.computeIfAbsent(cacheKey.toString(), (k) -> {
			Map<String, String> all = new TreeMap<>(measure.breakdown());
			for (TableMapping.Member member : members) {
				all.putAll(member.breakdown());
			}
			return Breakdowns.key(all);
		});
	}

	public static char part(String part) {
		return switch (part) {
			case "low" -> CellSink.LOW;
			case "high" -> CellSink.HIGH;
			default -> CellSink.VALUE;
		};
	}

}
