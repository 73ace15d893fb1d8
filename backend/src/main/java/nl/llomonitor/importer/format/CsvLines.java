package nl.llomonitor.importer.format;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The physical line each record of one parser starts on, for errors and for the line
 * numbers staged with its cells: a record's number counts neither the blank lines and
 * comment lines the parser skips nor the line breaks inside a quoted field, so after any
 * of these "line N" from the record number named another line than the one at fault.
 * Create it once the header is read. Used by every CSV reader of imports (CBS CSV, v4
 * CSV, the project's own format and "Gebieden in Nederland").
 */
public final class CsvLines {

	private final CSVParser parser;

	private long previousEnd;

	public CsvLines(CSVParser parser) {
		this.parser = parser;
		this.previousEnd = parser.getCurrentLineNumber();
	}

	/**
	 * @param record the record the parser has just read
	 * @return the 1-based line it starts on
	 */
	public long of(CSVRecord record) {
		// the parser's line number is the line the record ends on
		long end = this.parser.getCurrentLineNumber();
		long start = end;
		if (end - this.previousEnd > 1) {
			// skipped lines before it, or line breaks inside its fields: only the
			// latter lie between its first line and its last
			for (String value : record) {
				start -= breaks(value);
			}
		}
		this.previousEnd = end;
		return start;
	}

	private static long breaks(String value) {
		if (value == null) {
			// an empty field read as null (the project's own format)
			return 0;
		}
		long n = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
				n++;
			}
		}
		return n;
	}

}
