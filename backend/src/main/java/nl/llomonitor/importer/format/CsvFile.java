package nl.llomonitor.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.ImportJob;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * A CSV download of CBS with a header line, read the same way by every CSV reader: a byte
 * order mark skipped, UTF-8 checked ({@link Utf8Check}, naming the line and column of a
 * bad byte), and a record the parser cannot read refused as an {@link ImportException}
 * naming the file.
 */
final class CsvFile {

	private CsvFile() {
	}

	/** Reads the records of a parsed file. */
	interface Records {

		void read(CSVParser parser) throws IOException;

	}

	/**
	 * The separator of a CBS label CSV, read from its header line without consuming it:
	 * the character right after its first column {@code ID} (quoted or not, after the
	 * byte order marks), if that is {@code ;}, {@code ,}, a tab or {@code |}.
	 * @param in the file's bytes, marked and reset (at most the first 64 KiB are read)
	 * @param otherwise the separator when the header names none of those
	 * @return the separator
	 */
	static char delimiterAfterId(java.io.BufferedInputStream in, char otherwise) throws IOException {
		in.mark(1 << 16);
		byte[] head = in.readNBytes(1 << 12);
		in.reset();
		String text = new String(head, StandardCharsets.UTF_8);
		text = Bom.strip(text);
		text = text.startsWith("\"ID\"") ? text.substring(4) : text.startsWith("ID") ? text.substring(2) : "";
		char next = text.isEmpty() ? 0 : text.charAt(0);
		return (next == ';' || next == ',' || next == '\t' || next == '|') ? next : otherwise;
	}

	/**
	 * @param in the file's bytes
	 * @param delimiter the field separator
	 * @param job the import, for errors
	 * @param expected what a well-formed file is, for the error of one that is not
	 * @param records reads the records
	 * @throws ImportException when the file is not UTF-8 or not well-formed
	 */
	static void read(InputStream in, char delimiter, ImportJob job, String expected, Records records)
			throws IOException {
		Utf8Check utf8 = new Utf8Check(Bom.skip(in), delimiter);
		InputStreamReader reader = new InputStreamReader(utf8, StandardCharsets.UTF_8);
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreSurroundingSpaces(false)
			.setAllowMissingColumnNames(true)
			.get();
		try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
			utf8.header = parser.getHeaderNames();
			java.util.Set<String> named = new java.util.HashSet<>();
			for (String name : utf8.header) {
				if (!name.isBlank() && !named.add(name.strip())) {
					// two region, period or measure columns of one name: which one holds
					// the figure would be a guess
					throw job.error("line 1", name, name, "each column named once in the header", "column given twice");
				}
			}
			records.read(parser);
		}
		catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException | Utf8Check.NotUtf8 ex) {
			Utf8Check.NotUtf8 notUtf8 = Utf8Check.find(ex);
			if (notUtf8 != null) {
				throw notUtf8.toImportException(job, utf8.header());
			}
			if (ex.getCause() instanceof ImportException ie) {
				throw ie;
			}
			throw job.error(null, null, null, expected, ex.getMessage());
		}
	}

}
