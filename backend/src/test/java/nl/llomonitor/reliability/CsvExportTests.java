package nl.llomonitor.reliability;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import nl.llomonitor.api.Csv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV exports neutralise every text cell a spreadsheet would run as a formula (OWASP CSV
 * injection: leading = + - @, tab, carriage return), while numbers, negative ones
 * included, stay numbers.
 */
class CsvExportTests {

	static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "+1+1",
			"-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=", "+", "-", "@");

	@Test
	void formulaLeadingTextCellsAreNeutralised() throws IOException {
		List<List<Object>> rows = new ArrayList<>();
		for (String formula : FORMULAS) {
			rows.add(List.of(formula, new BigDecimal("-3.5"), -2, "Fryslân"));
		}
		String csv = Csv.write(List.of("Bron: CBS", "=not a formula in a comment"),
				List.of("label", "value", "n", "name"), rows);
		List<CSVRecord> records = CSVFormat.DEFAULT.builder()
			.setCommentMarker('#')
			.get()
			.parse(new StringReader(csv))
			.getRecords();
		assertThat(records).hasSize(FORMULAS.size() + 1);
		for (int i = 0; i < FORMULAS.size(); i++) {
			CSVRecord record = records.get(i + 1);
			assertThat(record.get(0)).as("cell %d", i).isEqualTo("'" + FORMULAS.get(i));
			assertThat("=+-@\t\r".indexOf(record.get(0).charAt(0))).isNegative();
			// numbers are not text: a negative number stays a number
			assertThat(record.get(1)).isEqualTo("-3.5");
			assertThat(record.get(2)).isEqualTo("-2");
			assertThat(record.get(3)).isEqualTo("Fryslân");
		}
		assertThat(csv).startsWith("# Bron: CBS");
	}

	@Test
	void aCommentLineSpreadOverCellsStartsNoFormula() {
		// a spreadsheet that does not skip '#' lines splits this one at its commas
		String csv = Csv.write(List.of("PV26 - PV21: In Utrecht, =cmd|' /C calc'!A0, and, @SUM(1), 3,5 %"),
				List.of("label"), List.of());
		assertThat(csv.lines().findFirst().orElseThrow())
			.isEqualTo("# PV26 - PV21: In Utrecht, '=cmd|' /C calc'!A0, and, '@SUM(1), 3,5 %");
	}

	@Test
	void harmlessTextIsLeftAlone() {
		for (String text : List.of("Utrecht", "'s-Hertogenbosch", "2023 2e kwartaal", "", " =1", "a=b",
				"Nederland (NL)")) {
			assertThat(Csv.neutralise(text)).isEqualTo(text);
		}
	}

}
