package nl.llomonitor.importer.format;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a spreadsheet does to a CSV or TSV file when it is opened and saved again: a
 * separator at the end of every line, CRLF line ends, every field quoted, or the whole
 * file in Windows-1252. Each real file, changed so, is read into exactly the same cells
 * as the original, or refused with a message naming the line, the column and the likely
 * cause.
 */
class SpreadsheetArtefactsTests {

	@TempDir
	Path temp;

	record Source(String file, char separator, FormatReader reader, String table) {

		@Override
		public String toString() {
			return this.file;
		}

	}

	static final List<Source> SOURCES = List.of(new Source("cbs/85268NED.csv", ';', new CbsCsvReader(), "85268NED"),
			new Source("cbs/80474ned.csv", ';', new CbsCsvReader(), "80474ned"),
			new Source("cbs/84916NED_v4_allTables.csv", ',', new CbsV4CsvReader(), "84916NED"),
			new Source("eurostat/trng_lfse_04_NL_subset.tsv", '\t', new EurostatTsvReader(), "trng_lfse_04"));

	static Stream<Arguments> artefacts() {
		return SOURCES.stream().flatMap((source) -> {
			String sep = String.valueOf(source.separator());
			UnaryOperator<String> trailing = (text) -> text.lines().map((l) -> l + sep).collect(joinLines("\n"));
			UnaryOperator<String> crlf = (text) -> text.lines().collect(joinLines("\r\n"));
			UnaryOperator<String> quoted = (text) -> quoteAll(text, source.separator());
			UnaryOperator<String> all = (text) -> crlf.apply(trailing.apply(quoted.apply(text)));
			Stream<Arguments> common = Stream.of(Arguments.of(source, "trailing separator", trailing),
					Arguments.of(source, "CRLF", crlf));
			// Eurostat's TSV is not a quoted format
			return (source.separator() == '\t') ? common : Stream.concat(common,
					Stream.of(Arguments.of(source, "quoted fields", quoted), Arguments.of(source, "all three", all)));
		});
	}

	/** Every field quoted, as a spreadsheet may save it. */
	private static String quoteAll(String text, char separator) {
		try {
			StringBuilder out = new StringBuilder();
			CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).get();
			try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get();
					CSVPrinter printer = new CSVPrinter(out,
							format.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator("\n").get())) {
				for (CSVRecord record : parser) {
					printer.printRecord(record.toList());
				}
			}
			return out.toString();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static java.util.stream.Collector<CharSequence, ?, String> joinLines(String end) {
		return Collectors.joining(end, "", end);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("artefacts")
	void aSpreadsheetArtefactIsReadIntoTheSameCells(Source source, String artefact, UnaryOperator<String> change)
			throws IOException {
		Path original = SharedData.file(source.file());
		// a byte order mark stays in front of the first field
		String text = Files.readString(original, StandardCharsets.UTF_8);
		String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
		Path changed = Files.writeString(this.temp.resolve(original.getFileName()),
				bom + change.apply(text.substring(bom.length())), StandardCharsets.UTF_8);
		List<ReaderFixture.Cell> expected = ReaderFixture.read(source.reader(), original, source.table(), null);
		List<ReaderFixture.Cell> actual = ReaderFixture.read(source.reader(), changed, source.table(), null);
		assertThat(expected).isNotEmpty();
		assertThat(actual).isEqualTo(expected);
	}

	/**
	 * A file saved again by a tool that adds a byte order mark without looking starts
	 * with two: it is detected as the same format and read into the same cells (it was
	 * "unknown format", showing the invisible mark).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("sources")
	void aSecondByteOrderMarkIsSkippedLikeTheFirst(Source source) throws IOException {
		Path original = SharedData.file(source.file());
		String text = Files.readString(original, StandardCharsets.UTF_8);
		Path changed = Files.writeString(this.temp.resolve(original.getFileName()),
				"\uFEFF\uFEFF" + text.replaceFirst("^\uFEFF", ""), StandardCharsets.UTF_8);
		assertThat(nl.llomonitor.importer.ImportFormat.detect(changed))
			.isEqualTo(nl.llomonitor.importer.ImportFormat.detect(original));
		List<ReaderFixture.Cell> expected = ReaderFixture.read(source.reader(), original, source.table(), null);
		assertThat(expected).isNotEmpty();
		assertThat(ReaderFixture.read(source.reader(), changed, source.table(), null)).isEqualTo(expected);
	}

	static Stream<Source> sources() {
		return SOURCES.stream();
	}

	static Stream<Arguments> windows1252() {
		// a label with a non-ASCII letter in each file: Fryslân, Commerciële, and a
		// made-up
		// one in the Eurostat file (its codes are ASCII)
		return Stream.of(Arguments.of(SOURCES.get(0), "Fryslân (PV)", "line 362", "RegioS", "'â'"),
				Arguments.of(SOURCES.get(2), "Fryslân", "line 8", "RegioS", "'â'"),
				Arguments.of(SOURCES.get(3), null, "line 3", "2000", "'é'"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("windows1252")
	void aWindows1252FileIsRefusedNamingLineColumnAndCause(Source source, String label, String line, String column,
			String shown) throws IOException {
		Path original = SharedData.file(source.file());
		// Windows-1252 has no byte order mark
		String text = Files.readString(original, StandardCharsets.UTF_8).replace("\uFEFF", "");
		if (label == null) {
			List<String> lines = text.lines().toList();
			String third = lines.get(2);
			int tab = third.indexOf('\t');
			text = String.join("\n", lines.subList(0, 2)) + "\n" + third.substring(0, tab + 1) + "é"
					+ third.substring(tab + 1) + "\n" + String.join("\n", lines.subList(3, lines.size())) + "\n";
		}
		Path changed = this.temp.resolve(original.getFileName());
		Files.write(changed, text.getBytes(Charset.forName("windows-1252")));
		assertThatThrownBy(() -> ReaderFixture.read(source.reader(), changed, source.table(), null))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining(original.getFileName().toString())
			.hasMessageContaining(line)
			.hasMessageContaining("column " + column)
			.hasMessageContaining(shown + " in Windows-1252")
			.hasMessageContaining("the file is not UTF-8; it looks like Windows-1252");
	}

	@Test
	void aDecimalCommaIsNamedAsTheLikelyCause() throws IOException {
		Path original = SharedData.file("cbs/85268NED.csv");
		String text = Files.readString(original, StandardCharsets.UTF_8).replace(";8.0;3454;", ";8,0;3454;");
		Path changed = Files.writeString(this.temp.resolve("85268NED.csv"), text, StandardCharsets.UTF_8);
		assertThatThrownBy(() -> ReaderFixture.read(new CbsCsvReader(), changed, "85268NED", null))
			.hasMessageContaining("line 2")
			.hasMessageContaining("column Werkloosheidspercentage_13")
			.hasMessageContaining("'8,0'")
			.hasMessageContaining("decimal comma");
	}

}
