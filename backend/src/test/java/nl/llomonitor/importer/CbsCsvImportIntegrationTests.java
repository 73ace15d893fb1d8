package nl.llomonitor.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.llomonitor.SharedData;
import nl.llomonitor.cube.ImportRunState;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.BREAKDOWN;
import static nl.llomonitor.db.Tables.IMPORT_RUN;
import static nl.llomonitor.db.Tables.OBSERVATION;
import static nl.llomonitor.db.Tables.OBSERVATION_CURRENT;
import static nl.llomonitor.importer.CurrentValues.current;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Imports the real CBS CSV files into PostgreSQL and checks published figures, vintages,
 * idempotency and that a failing file writes nothing.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class CbsCsvImportIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@TempDir
	Path temp;

	@Test
	void importsPublishedLabourParticipationFigures() {
		ImportReport report = this.importer.importFile(SharedData.file("cbs/85268NED.csv"));
		assertThat(report.tableId()).isEqualTo("85268NED");
		assertThat(report.format()).isEqualTo("cbs-csv");
		assertThat(report.rowsRead()).isEqualTo(1260);
		assertThat(report.rowsInserted() + report.rowsUnchanged()).isEqualTo(1260 * 7);
		assertThat(report.warnings()).isEmpty();
		assertThat(current(this.jdbc, "werkloosheidspercentage", "PV26", "2023KW02")).isEqualByComparingTo("3.3");
		assertThat(current(this.jdbc, "netto_arbeidsparticipatie", "PV26", "2023KW02")).isEqualByComparingTo("75.5");
		assertThat(current(this.jdbc, "werkloosheidspercentage", "PV21", "2023KW02")).isEqualByComparingTo("3.5");
		assertThat(current(this.jdbc, "netto_arbeidsparticipatie", "PV21", "2023KW02")).isEqualByComparingTo("72.6");
		// yearly rows, gemeenten and landsdelen from the label forms
		assertThat(current(this.jdbc, "werkloosheidspercentage", "NL01", "2013JJ00")).isEqualByComparingTo("8.2");
		assertThat(current(this.jdbc, "werkzame_beroepsbevolking", "GM0344", "2013KW01")).isNotNull();
		assertThat(current(this.jdbc, "beroepsbevolking", "LD01", "2013KW01")).isNotNull();
		assertThat(this.jdbc.fetchExists(IMPORT_RUN,
				IMPORT_RUN.ID.eq(report.id())
					.and(IMPORT_RUN.STATUS.in(ImportRunState.SUCCEEDED, ImportRunState.UNCHANGED))
					.and(IMPORT_RUN.CHECKSUM.startsWith("f13a80ddf5af42d6"))))
			.isTrue();
	}

	/**
	 * Rows of regions at levels the mapping does not take (86088NED: corop,
	 * arbeidsmarktregio and gemeente, not provincie) are counted and named in a warning,
	 * not dropped without a word; the table is not incomplete for it.
	 */
	@Test
	void rowsAtLevelsTheMappingDoesNotTakeAreCountedInAWarning() throws IOException {
		List<String> lines = Files.readAllLines(SharedData.file("cbs/86088NED.csv"), StandardCharsets.UTF_8);
		List<String> rows = new java.util.ArrayList<>(List.of(lines.get(0)));
		rows.add(lines.stream().filter((l) -> l.contains(";Groningen (AM);2013;")).findFirst().orElseThrow());
		lines.stream().filter((l) -> l.contains(";Groningen (PV);")).limit(2).forEach(rows::add);
		Path file = Files.write(Files.createDirectories(this.temp.resolve("levels")).resolve("86088NED.csv"), rows,
				StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(file);
		assertThat(report.rowsRead()).isEqualTo(3);
		assertThat(report.warnings())
			.anyMatch((w) -> w.startsWith("2 rows of regions at levels the mapping does not take")
					&& w.contains("(provincie; the mapping takes: corop, arbeidsmarktregio, gemeente)"));
		assertThat(report.complete()).isTrue();
	}

	/**
	 * Kinds 01/07 in a table with margins (85554NED: Waarde, Ondergrens, Bovengrens as
	 * rows): a file with only the Waarde row of a cell does not withdraw its margins (a
	 * left-out row is no withdrawal), and a cell without a value keeps no margin (a
	 * secret figure's bounds would tell it).
	 */
	@Test
	void marginsAFileDoesNotStateStayAndAFigureWithoutAValueHasNone() throws IOException {
		Path original = SharedData.file("cbs/85554NED.csv");
		this.importer.importFile(original, true);
		Record before = CurrentValues.cell(this.jdbc, "ww_uitkeringen", "PV20", "2024MM01", "");
		assertThat(before.get(OBSERVATION_CURRENT.MARGIN_LOW)).isEqualByComparingTo("4270");
		List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
		String value = lines.stream()
			.filter((l) -> l.contains(";Waarde;Groningen (PV);2024 januari;"))
			.findFirst()
			.orElseThrow();
		Path valueOnly = Files.write(Files.createDirectories(this.temp.resolve("values")).resolve("85554NED.csv"),
				List.of(lines.get(0), value), StandardCharsets.UTF_8);
		ImportReport same = this.importer.importFile(valueOnly);
		assertThat(same.status()).isEqualTo("unchanged");
		assertThat(same.rowsInserted()).isZero();
		assertThat(CurrentValues.cell(this.jdbc, "ww_uitkeringen", "PV20", "2024MM01", "")
			.get(OBSERVATION_CURRENT.MARGIN_LOW)).isEqualByComparingTo("4270");

		// the figure made secret, its lower bound still given: no value, no margin
		String low = lines.stream()
			.filter((l) -> l.contains(";Ondergrens 95%-interval;Groningen (PV);2024 januari;"))
			.findFirst()
			.orElseThrow();
		Path secret = Files.write(Files.createDirectories(this.temp.resolve("secret")).resolve("85554NED.csv"),
				List.of(lines.get(0), value.replace(";4770.0", ";x"), low), StandardCharsets.UTF_8);
		ImportReport withdrawn = this.importer.importFile(secret);
		assertThat(withdrawn.cellsWithdrawn()).isEqualTo(1);
		Record cell = CurrentValues.cell(this.jdbc, "ww_uitkeringen", "PV20", "2024MM01", "");
		assertThat(cell.get(OBSERVATION_CURRENT.VALUE)).isNull();
		assertThat(cell.get(OBSERVATION_CURRENT.MARGIN_LOW)).isNull();
		assertThat(cell.get(OBSERVATION_CURRENT.MISSING_REASON)).isEqualTo(nl.llomonitor.cube.MissingReason.GEHEIM);
		// the published file again, for the tests that follow
		this.importer.importFile(original, true);
		assertThat(CurrentValues.cell(this.jdbc, "ww_uitkeringen", "PV20", "2024MM01", "")
			.get(OBSERVATION_CURRENT.MARGIN_LOW)).isEqualByComparingTo("4270");
	}

	/**
	 * Kinds 01/07 in the margins: a later release that gives a bound as '.', 'x' or an
	 * empty cell beside an unchanged value states that the cell has no such bound any
	 * more. It is a new vintage without it, and the earlier vintage keeps its bounds.
	 * Before, the sign was read as "not stated", so the old bounds stayed current and the
	 * run said "unchanged".
	 */
	@Test
	void aBoundGivenAsASignInALaterReleaseIsWithdrawnNotCarriedOver() throws IOException {
		Path original = SharedData.file("cbs/85554NED.csv");
		this.importer.importFile(original, true);
		List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
		String value = row(lines, ";Waarde;Groningen (PV);2024 januari;");
		String low = row(lines, ";Ondergrens 95%-interval;Groningen (PV);2024 januari;");
		// the truncated download has no upper bound of this cell: one added
		String high = replaceField(low.replace(";Ondergrens 95%-interval;", ";Bovengrens 95%-interval;"), 0, "99999");
		int before = vintages("ww_uitkeringen", "PV20", "2024MM01");
		for (String sign : List.of(".", "x", "")) {
			Path file = Files.write(
					Files.createDirectories(this.temp.resolve("bound-" + sign.length() + sign.hashCode()))
						.resolve("85554NED.csv"),
					List.of(lines.get(0), value, replaceField(low, 6, sign), replaceField(high, 6, sign)),
					StandardCharsets.UTF_8);
			ImportReport report = this.importer.importFile(file);
			assertThat(report.status()).as("sign '%s'", sign).isEqualTo("succeeded");
			assertThat(report.rowsInserted()).isEqualTo(1);
			Record cell = CurrentValues.cell(this.jdbc, "ww_uitkeringen", "PV20", "2024MM01", "");
			assertThat(cell.get(OBSERVATION_CURRENT.VALUE)).isEqualByComparingTo("4770");
			assertThat(cell.get(OBSERVATION_CURRENT.MARGIN_LOW)).isNull();
			assertThat(cell.get(OBSERVATION_CURRENT.MARGIN_HIGH)).isNull();
			// the published file again: its bounds are current again
			this.importer.importFile(original, true);
			assertThat(CurrentValues.cell(this.jdbc, "ww_uitkeringen", "PV20", "2024MM01", "")
				.get(OBSERVATION_CURRENT.MARGIN_LOW)).isEqualByComparingTo("4270");
		}
		assertThat(vintages("ww_uitkeringen", "PV20", "2024MM01")).isEqualTo(before + 6);
	}

	private static String row(List<String> lines, String part) {
		return lines.stream().filter((l) -> l.contains(part)).findFirst().orElseThrow();
	}

	@Test
	void theSameFileTwiceChangesNothing() {
		Path file = SharedData.file("cbs/85268NED.csv");
		this.importer.importFile(file);
		long version = dataVersion();
		long rows = this.jdbc.fetchCount(OBSERVATION);
		ImportReport again = this.importer.importFile(file);
		assertThat(again.status()).isEqualTo("unchanged");
		assertThat(again.rowsInserted()).isZero();
		assertThat(again.rowsUnchanged()).isEqualTo(1260 * 7);
		assertThat(again.dataVersion()).isNull();
		assertThat(dataVersion()).isEqualTo(version);
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(rows);
	}

	@Test
	void aRevisedValueBecomesANewVintageAndTheNewestIsCurrent() throws IOException {
		Path original = SharedData.file("cbs/85268NED.csv");
		this.importer.importFile(original);
		// Zeeland, 2013 Q1, unemployment 6.8 % revised to 6.9 %
		Path revised = copyWithReplacedLine(original, "85268NED.csv", ";Zeeland (PV);2013 1e kwartaal;",
				(line) -> replaceField(line, 15, "6.9"));
		int before = vintages("werkloosheidspercentage", "PV29", "2013KW01");
		long version = dataVersion();
		ImportReport revision = this.importer.importFile(revised);
		assertThat(revision.status()).isEqualTo("succeeded");
		assertThat(revision.rowsInserted()).isEqualTo(1);
		assertThat(revision.dataVersion()).isEqualTo(version + 1);
		assertThat(vintages("werkloosheidspercentage", "PV29", "2013KW01")).isEqualTo(before + 1);
		assertThat(current(this.jdbc, "werkloosheidspercentage", "PV29", "2013KW01")).isEqualByComparingTo("6.9");
		// the published value back again: a third vintage, current again
		ImportReport back = this.importer.importFile(original);
		assertThat(back.rowsInserted()).isEqualTo(1);
		assertThat(current(this.jdbc, "werkloosheidspercentage", "PV29", "2013KW01"))
			.isEqualByComparingTo(readField(original, ";Zeeland (PV);2013 1e kwartaal;", 15));
		assertThat(vintages("werkloosheidspercentage", "PV29", "2013KW01")).isEqualTo(before + 2);
	}

	@Test
	void aChangingImportNotifiesListenersAfterCommitAndAnUnchangedOneDoesNot() throws Exception {
		Path original = SharedData.file("cbs/85268NED.csv");
		this.importer.importFile(original);
		Path revised = copyWithReplacedLine(original, "85268NED.csv", ";Drenthe (PV);2014 2e kwartaal;",
				(line) -> replaceField(line, 15, "9.9"));
		var endpoint = nl.llomonitor.system.TestDatabase.endpoint();
		try (java.sql.Connection listener = java.sql.DriverManager.getConnection(endpoint.jdbcUrl(),
				endpoint.username(), endpoint.password())) {
			listener.createStatement().execute("listen llo_data_changed");
			org.postgresql.PGConnection pg = listener.unwrap(org.postgresql.PGConnection.class);
			pg.getNotifications(100);
			ImportReport unchanged = this.importer.importFile(original);
			assertThat(unchanged.dataVersion()).isNull();
			assertThat(pg.getNotifications(500)).isNullOrEmpty();
			ImportReport changed = this.importer.importFile(revised);
			org.postgresql.PGNotification[] notifications = pg.getNotifications(5000);
			assertThat(notifications).isNotEmpty();
			assertThat(notifications[notifications.length - 1].getParameter())
				.isEqualTo(String.valueOf(changed.dataVersion()));
			this.importer.importFile(original);
		}
	}

	@Test
	void aFailureHalfwayLeavesZeroRowsAndARecordedFailedRun() throws IOException {
		Path bad = copyWithReplacedLine(SharedData.file("cbs/85268NED.csv"), "85268NED.csv",
				";Limburg (PV);2020 3e kwartaal;", (line) -> replaceField(line, 15, "3,9"));
		int lineNumber = lineOf(bad, ";Limburg (PV);2020 3e kwartaal;");
		assertThat(lineNumber).isGreaterThan(600);
		long rows = this.jdbc.fetchCount(OBSERVATION);
		long breakdowns = this.jdbc.fetchCount(BREAKDOWN);
		long version = dataVersion();
		assertThatThrownBy(() -> this.importer.importFile(bad)).isInstanceOf(ImportException.class)
			.hasMessageContaining("85268NED.csv")
			.hasMessageContaining("line " + lineNumber)
			.hasMessageContaining("column Werkloosheidspercentage_13")
			.hasMessageContaining("'3,9'")
			.hasMessageContaining("expected a decimal number");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(rows);
		assertThat(this.jdbc.fetchCount(BREAKDOWN)).isEqualTo(breakdowns);
		assertThat(dataVersion()).isEqualTo(version);
		List<String> errors = this.jdbc.select(IMPORT_RUN.ERROR)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.STATUS.eq(ImportRunState.FAILED), IMPORT_RUN.FILE_NAME.eq("85268NED.csv"))
			.orderBy(IMPORT_RUN.ID.desc())
			.limit(1)
			.fetch(IMPORT_RUN.ERROR);
		assertThat(errors).singleElement().asString().contains("line " + lineNumber);
	}

	@Test
	void anUnknownRegionLabelIsRejected() throws IOException {
		Path bad = copyWithReplacedLine(SharedData.file("cbs/85268NED.csv"), "85268NED.csv",
				";Utrecht (PV);2023 2e kwartaal;", (line) -> line.replace("Utrecht (PV)", "Utreg (PV)"));
		assertThatThrownBy(() -> this.importer.importFile(bad)).isInstanceOf(ImportException.class)
			.hasMessageContaining("column RegioS")
			.hasMessageContaining("'Utreg (PV)'")
			.hasMessageContaining("unknown region");
	}

	@Test
	void anUnknownColumnIsRejected() throws IOException {
		Path bad = copyWithReplacedLine(SharedData.file("cbs/85268NED.csv"), "85268NED.csv", "ID;RegioS;",
				(line) -> line.replace("Werknemer_4", "Werknemers_4"));
		assertThatThrownBy(() -> this.importer.importFile(bad)).isInstanceOf(ImportException.class)
			.hasMessageContaining("line 1")
			.hasMessageContaining("column Werknemers_4")
			.hasMessageContaining("unknown column");
	}

	/**
	 * A label CSV saved with another separator than StatLine's ';' (the "komma
	 * gescheiden" download, a spreadsheet's comma or tab, '|'), quoted where a label
	 * holds the separator, is read cell for cell as the original: importing it after the
	 * original finds every cell unchanged.
	 */
	@Test
	void aDownloadWithAnotherSeparatorIsReadAsTheOriginal() throws IOException {
		// 80474ned: 2,576 rows, 224 of them with a comma in a label
		Path source = SharedData.file("cbs/80474ned.csv");
		ImportReport original = this.importer.importFile(source);
		for (char delimiter : new char[] { ',', '\t', '|' }) {
			Path copy = Files.createDirectories(this.temp.resolve("sep" + (int) delimiter)).resolve("80474ned.csv");
			org.apache.commons.csv.CSVFormat out = org.apache.commons.csv.CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter)
				.setRecordSeparator("\r\n")
				.get();
			try (var in = org.apache.commons.csv.CSVParser.parse(
					Files.readString(source, StandardCharsets.UTF_8).substring(1),
					org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(';').get());
					var printer = new org.apache.commons.csv.CSVPrinter(
							Files.newBufferedWriter(copy, StandardCharsets.UTF_8), out)) {
				for (var record : in) {
					printer.printRecord(record.toList());
				}
			}
			assertThat(Files.readString(copy, StandardCharsets.UTF_8)).doesNotContain(";");
			ImportReport report = this.importer.importFile(copy);
			assertThat(report.rowsRead()).as("separator %s", delimiter).isEqualTo(2576);
			assertThat(report.rowsInserted()).as("separator %s", delimiter).isZero();
			assertThat(report.rowsUnchanged()).isEqualTo(original.rowsInserted() + original.rowsUnchanged());
			assertThat(report.status()).isEqualTo(ImportRunState.UNCHANGED.code());
		}
	}

	/**
	 * Commas turned into the separator without quoting the labels that hold one: the
	 * first such row is refused with its line and field count, and nothing is written.
	 */
	@Test
	void aCommaSeparatedCopyWithUnquotedCommasInLabelsIsRefusedAtItsLine() throws IOException {
		Path source = SharedData.file("cbs/80474ned.csv");
		List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
		int first = 0;
		while (!lines.get(first).contains(",")) {
			first++;
		}
		Path bad = Files.createDirectories(this.temp.resolve("naive")).resolve("80474ned.csv");
		Files.writeString(bad, Files.readString(source, StandardCharsets.UTF_8).replace(';', ','),
				StandardCharsets.UTF_8);
		int before = this.jdbc.fetchCount(OBSERVATION);
		assertThatThrownBy(() -> this.importer.importFile(bad)).isInstanceOf(ImportException.class)
			.hasMessageContaining("80474ned.csv, line " + (first + 1) + ":")
			.hasMessageContaining("fields like the header");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(before);
	}

	private int vintages(String indicator, String region, String period) {
		return this.jdbc.fetchCount(OBSERVATION,
				OBSERVATION.INDICATOR_CODE.eq(indicator)
					.and(OBSERVATION.REGION_CODE.eq(region))
					.and(OBSERVATION.PERIOD_CODE.eq(period))
					.and(OBSERVATION.BREAKDOWN_ID.eq(0L)));
	}

	private long dataVersion() {
		return this.jdbc.fetchSingle("select version from data_version").get(0, Long.class);
	}

	private Path copyWithReplacedLine(Path source, String name, String marker,
			java.util.function.UnaryOperator<String> change) throws IOException {
		List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
		boolean found = false;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(marker)) {
				lines.set(i, change.apply(lines.get(i)));
				found = true;
				break;
			}
		}
		assertThat(found).as("line with %s", marker).isTrue();
		Path dir = Files.createTempDirectory(this.temp, "copy");
		Path copy = dir.resolve(name);
		Files.write(copy, lines, StandardCharsets.UTF_8);
		return copy;
	}

	private static int lineOf(Path file, String marker) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(marker)) {
				return i + 1;
			}
		}
		return -1;
	}

	private static String readField(Path file, String marker, int index) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8)
			.stream()
			.filter((l) -> l.contains(marker))
			.findFirst()
			.orElseThrow()
			.split(";", -1)[index];
	}

	private static String replaceField(String line, int index, String value) {
		String[] fields = line.split(";", -1);
		fields[index] = value;
		return String.join(";", fields);
	}

}
