package nl.llomonitor.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV output: comma separated, UTF-8, attribution comment lines first, text cells that a
 * spreadsheet would run as a formula ({@code = + - @}, tab, carriage return) prefixed
 * with {@code '}; so is a part of a comment line after a comma that would start one.
 */
public final class Csv {

	/**
	 * A part of a comment line after a comma that a spreadsheet, spreading the line over
	 * cells, would run as a formula: it gets a leading {@code '}, as a text cell does.
	 */
	private static final java.util.regex.Pattern COMMENT_PART = java.util.regex.Pattern.compile("(,\\s*)([=+\\-@])");

	private Csv() {
	}

	/**
	 * @param comments attribution lines, written as {@code # ...}
	 * @param header column names
	 * @param rows cells; Numbers are written as numbers, everything else as neutralised
	 * text
	 * @return the CSV text
	 */
	public static String write(List<String> comments, List<String> header, List<List<Object>> rows) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").setCommentMarker('#').get())) {
			for (String comment : comments) {
				printer.printComment(COMMENT_PART.matcher(comment).replaceAll("$1'$2"));
			}
			printer.printRecord(header);
			for (List<Object> row : rows) {
				printer.printRecord(row.stream().map(Csv::cell).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	static Object cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof java.math.BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Number) {
			return value;
		}
		return neutralise(value.toString());
	}

	/**
	 * @param text a text cell
	 * @return the text, prefixed with {@code '} if a spreadsheet would treat it as a
	 * formula
	 */
	public static String neutralise(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

}
