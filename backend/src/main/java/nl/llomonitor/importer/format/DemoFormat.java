package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import nl.llomonitor.importer.ImportJob;
import nl.llomonitor.importer.ReadResult;
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
			CSVFormat format = CSV.builder().setSkipHeaderRecord(true).get();
			try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
				for (CSVRecord r : parser) {
					found.row();
					String line = "record " + r.getRecordNumber();
					if (r.size() != HEADER.length) {
						throw job.error(line, null, String.join(";", r.toList()),
								HEADER.length + " fields " + String.join(";", HEADER), "wrong number of fields");
					}
					String region = job.regions().byCode(r.get("region"));
					if (region == null) {
						throw job.error(line, "region", r.get("region"), "a CBS region code such as PV26",
								"unknown region");
					}
					if (!Periods.isCode(r.get("period"))) {
						throw job.error(line, "period", r.get("period"), "a period code such as 2023KW02",
								"invalid period");
					}
					if (!job.catalog().indicatorsByCode().containsKey(r.get("indicator"))) {
						throw job.error(line, "indicator", r.get("indicator"), "an indicator of data/indicators.yaml",
								"unknown indicator");
					}
					String breakdown = (r.get("breakdown") != null) ? r.get("breakdown") : "";
					String status = (r.get("status") != null) ? r.get("status")
							: nl.llomonitor.cube.Status.NOT_STATED.code();
					String flags = (r.get("flags") != null) ? r.get("flags") : "";
					emit(job, r, line, "value", CellSink.VALUE, region, breakdown, status, flags);
					emit(job, r, line, "margin_low", CellSink.LOW, region, breakdown, status, flags);
					emit(job, r, line, "margin_high", CellSink.HIGH, region, breakdown, status, flags);
				}
			}
			return found.build();
		}

		private static void emit(ImportJob job, CSVRecord r, String line, String column, char part, String region,
				String breakdown, String status, String flags) {
			String value = r.get(column);
			if (value == null && part != CellSink.VALUE) {
				return;
			}
			if (value != null && !Numbers.isDecimal(value)) {
				throw job.error(line, column, value, "a decimal number such as 75.5", "not a number");
			}
			String reason = (value == null) ? nl.llomonitor.cube.MissingReason.NIET_BESCHIKBAAR.code() : null;
			job.cells()
				.add(r.getRecordNumber(), r.get("indicator"), region, r.get("period"), breakdown, part, value, reason,
						status, flags, null, r.get("table"));
		}

	}

}
