package nl.llomonitor.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import nl.llomonitor.SharedData;
import nl.llomonitor.cube.MissingReason;
import nl.llomonitor.importer.SpecialSignsIntegrationTests.Format;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.OBSERVATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Variants of the kinds of fault of 2026-11-30 beyond the cases themselves and
 * {@link SpecialSignsIntegrationTests}: signs as CBS pads and quotes them, typed v3
 * values that carry a sign as text, every v4 value attribute (with and without a
 * {@code StringValue}), Eurostat flags written without their space, v4 records in another
 * property order with annotations and padded codes, a sign that becomes a number again,
 * and a row that a later release leaves out.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class ImportVariantsIntegrationTests {

	private static final AtomicLong FRESH = new AtomicLong(System.nanoTime() % 1000 + 3000);

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@TempDir
	Path temp;

	/**
	 * @param format the format
	 * @param cell the text written in the value cell
	 * @param value the value stored, or null
	 * @param reason the reason stored, or null
	 * @param flags the flags stored
	 * @param sign the name the run counts the cell under
	 */
	record Variant(Format format, String cell, String value, String reason, String flags, String sign) {

		@Override
		public String toString() {
			return this.format + " [" + this.cell + "]";
		}

	}

	static Stream<Variant> variants() {
		List<Variant> all = new ArrayList<>();
		// padded and quoted CBS signs in the label-form CSV
		for (String nihil : List.of(" - ", "\"-\"", "\"  -\"", "\u2212")) {
			all.add(new Variant(Format.CBS_CSV, nihil, "0", null, "", "-"));
		}
		for (String dot : List.of(" .", ". ", "\"       .\"", "\" . \"")) {
			all.add(new Variant(Format.CBS_CSV, dot, null, "onbekend", "", "."));
		}
		for (String x : List.of(" x", "X", "\"x \"")) {
			all.add(new Variant(Format.CBS_CSV, x, null, "geheim", "", "x"));
		}
		for (String empty : List.of("\"\"", "   ", "\"   \"")) {
			all.add(new Variant(Format.CBS_CSV, empty, null, "niet_van_toepassing", "", "empty"));
		}
		// the untyped data set pads its strings to the column width
		all.add(new Variant(Format.ODATA3_UNTYPED, "       -", "0", null, "", "-"));
		all.add(new Variant(Format.ODATA3_UNTYPED, " - ", "0", null, "", "-"));
		all.add(new Variant(Format.ODATA3_UNTYPED, "       x", null, "geheim", "", "x"));
		all.add(new Variant(Format.ODATA3_UNTYPED, "X", null, "geheim", "", "x"));
		all.add(new Variant(Format.ODATA3_UNTYPED, " .      ", null, "onbekend", "", "."));
		all.add(new Variant(Format.ODATA3_UNTYPED, "        ", null, "niet_van_toepassing", "", "empty"));
		// a typed data set that carries the sign as text
		all.add(new Variant(Format.ODATA3_TYPED, "\"-\"", "0", null, "", "-"));
		all.add(new Variant(Format.ODATA3_TYPED, "\"       .\"", null, "onbekend", "", "."));
		all.add(new Variant(Format.ODATA3_TYPED, "\"x\"", null, "geheim", "", "x"));
		all.add(new Variant(Format.ODATA3_TYPED, "\"\"", null, "niet_van_toepassing", "", "empty"));
		// v4: a padded sign in StringValue
		all.add(new Variant(Format.ODATA4, "  -  ", "0", null, "", "-"));
		all.add(new Variant(Format.ODATA4, "       .", null, "onbekend", "", "."));
		all.add(new Variant(Format.ODATA4, " x", null, "geheim", "", "x"));
		all.add(new Variant(Format.CBS_V4_CSV, "  -  ", "0", null, "", "-"));
		all.add(new Variant(Format.CBS_V4_CSV, "       .", null, "onbekend", "", "."));
		// v4: every value attribute on a cell without Value or StringValue
		for (Format format : List.of(Format.ODATA4, Format.CBS_V4_CSV)) {
			all.add(new Variant(format, "@Nil", "0", null, "", "Nil"));
			all.add(new Variant(format, "@Missing", null, "onbekend", "", "Missing"));
			all.add(new Variant(format, "@NotAvailable", null, "niet_beschikbaar", "", "NotAvailable"));
			all.add(new Variant(format, "@Secret", null, "geheim", "", "Secret"));
			all.add(new Variant(format, "@None", null, "niet_beschikbaar", "", "null"));
			all.add(new Variant(format, "@confidential", null, "vertrouwelijk", "", "confidential"));
			all.add(new Variant(format, "@NIL", "0", null, "", "NIL"));
		}
		// Eurostat: flags in every combination, with and without the space
		all.add(new Variant(Format.EUROSTAT_TSV, "0.5 p", "0.5", null, "p", "p"));
		all.add(new Variant(Format.EUROSTAT_TSV, "12 bep", "12", null, "bep", "e"));
		all.add(new Variant(Format.EUROSTAT_TSV, ": z", null, "niet_van_toepassing", "z", "z"));
		all.add(new Variant(Format.EUROSTAT_TSV, ":c", null, "vertrouwelijk", "c", "c"));
		all.add(new Variant(Format.EUROSTAT_TSV, ": ", null, "niet_beschikbaar", "", ":"));
		all.add(new Variant(Format.EUROSTAT_TSV, "17.5p", "17.5", null, "p", "p"));
		all.add(new Variant(Format.EUROSTAT_TSV, "17.5  u", "17.5", null, "u", "u"));
		all.add(new Variant(Format.EUROSTAT_TSV, "17.5 B", "17.5", null, "b", "b"));
		all.add(new Variant(Format.EUROSTAT_TSV, ": bcdu", null, "vertrouwelijk", "bcdu", "c"));
		all.add(new Variant(Format.EUROSTAT_TSV, ": zn", null, "niet_van_toepassing", "nz", "z"));
		return all.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void aSignAsSourcesWriteItIsStoredWithItsMeaning(Variant variant) throws IOException {
		// fresh figures inside every indicator's valueRange (shares 0 to 100)
		String number = FRESH.incrementAndGet() % 70 + 20 + ".5";
		ImportReport before = this.importer.importFile(variant.format().write(this.temp, number));
		ImportReport after = this.importer.importFile(variant.format().write(this.temp, variant.cell()));

		Record row = this.jdbc
			.select(OBSERVATION.INDICATOR_CODE, OBSERVATION.REGION_CODE, OBSERVATION.PERIOD_CODE,
					OBSERVATION.BREAKDOWN_ID, OBSERVATION.VALUE, OBSERVATION.MISSING_REASON, OBSERVATION.FLAGS)
			.from(OBSERVATION)
			.where(OBSERVATION.IMPORT_RUN_ID.eq(after.id()))
			.fetchSingle();
		if (variant.value() == null) {
			assertThat(row.get(OBSERVATION.VALUE)).isNull();
		}
		else {
			assertThat(row.get(OBSERVATION.VALUE)).isEqualByComparingTo(variant.value());
		}
		assertThat(row.get(OBSERVATION.MISSING_REASON)).isEqualTo(MissingReason.fromCode(variant.reason()));
		assertThat(row.get(OBSERVATION.FLAGS)).isEqualTo(variant.flags());
		assertThat(after.signs()).containsEntry(variant.sign(), 1L);
		assertThat(after.cellsWithdrawn()).isEqualTo((variant.value() == null) ? 1 : 0);
		assertThat(valueAsOf(row, before.finishedAt())).isEqualByComparingTo(number);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void aSignThatBecomesANumberAgainIsANewVintageWithTheNumber(Format format) throws IOException {
		String first = FRESH.incrementAndGet() % 70 + 20 + ".5";
		String again = FRESH.incrementAndGet() % 70 + 20 + ".25";
		String sign = switch (format) {
			case EUROSTAT_TSV -> ": c";
			case ODATA3_TYPED -> "null";
			case ODATA4, CBS_V4_CSV -> "@Confidential";
			default -> ".";
		};
		ImportReport one = this.importer.importFile(format.write(this.temp, first));
		ImportReport two = this.importer.importFile(format.write(this.temp, sign));
		ImportReport three = this.importer.importFile(format.write(this.temp, again));
		assertThat(two.cellsWithdrawn()).isEqualTo(1);
		assertThat(three.status()).isEqualTo("succeeded");
		assertThat(three.cellsWithdrawn()).isZero();
		Record row = this.jdbc
			.select(OBSERVATION.INDICATOR_CODE, OBSERVATION.REGION_CODE, OBSERVATION.PERIOD_CODE,
					OBSERVATION.BREAKDOWN_ID, OBSERVATION.VALUE, OBSERVATION.MISSING_REASON)
			.from(OBSERVATION)
			.where(OBSERVATION.IMPORT_RUN_ID.eq(three.id()))
			.fetchSingle();
		assertThat(row.get(OBSERVATION.VALUE)).isEqualByComparingTo(again);
		assertThat(row.get(OBSERVATION.MISSING_REASON)).isNull();
		assertThat(valueAsOf(row, one.finishedAt())).isEqualByComparingTo(first);
		assertThat(valueAsOf(row, two.finishedAt())).isNull();
	}

	static Stream<Format> formats() {
		return Stream.of(Format.values());
	}

	/**
	 * A later release that leaves a row out is not a withdrawal: a download is often a
	 * selection of the table (StatLine's filters, a v4 {@code $filter}), so a missing row
	 * says nothing about the cell. Only a cell that is there, without a value, withdraws
	 * a number.
	 */
	/**
	 * The table a file's name names: at its start, as CBS names its downloads, or as a
	 * word of a renamed download (case 16's {@code 16-new-gemeente-86088NED.csv} was
	 * refused as "unknown table"); a mapped table's own spelling; none when the name
	 * names two tables or a table id only inside a word.
	 */
	@Test
	void theTableIsReadFromAWordOfTheFileName() {
		assertThat(this.importer.tableId("85624NED_UntypedDataSet_03122026_101500.csv")).isEqualTo("85624NED");
		assertThat(this.importer.tableId("16-new-gemeente-86088NED.csv")).isEqualTo("86088NED");
		assertThat(this.importer.tableId("utrecht 85624ned (1).csv")).isEqualTo("85624ned");
		assertThat(this.importer.tableId("download-80072NED.json")).isEqualTo("80072ned");
		assertThat(this.importer.tableId("estat_trng_lfse_04.tsv")).isEqualTo("trng_lfse_04");
		assertThat(this.importer.tableId("compare-83599NED-86088NED.csv")).isNull();
		assertThat(this.importer.tableId("x85624NEDx.csv")).isNull();
		assertThat(this.importer.tableId("download.csv")).isNull();
	}

	@Test
	void aRowThatALaterReleaseLeavesOutKeepsItsNumber() throws IOException {
		String v4 = Files.readString(SharedData.caseFile("07-odata4-withdrawn.before.json"), StandardCharsets.UTF_8);
		ImportReport before = this.importer.importFile(write("before", "Observations.json", v4));
		String withoutQ1 = v4.replaceAll("\\{\"Id\": 5,[^}]*\\}, ", "");
		assertThat(withoutQ1).doesNotContain("1997KW01");
		ImportReport after = this.importer.importFile(write("after", "Observations.json", withoutQ1));
		assertThat(before.status()).isIn("succeeded", "unchanged");
		assertThat(after.cellsWithdrawn()).isZero();
		assertThat(CurrentValues.current(this.jdbc, "ziekteverzuim", "NL01", "1997KW01")).isEqualByComparingTo("4.9");
	}

	/**
	 * A later release of a whole published file in which some cells carry signs: the run
	 * counts each sign and each withdrawn number, and the release after it with the
	 * numbers again brings them back.
	 */
	@Test
	void aWholeFileWithSomeSignsCountsThemAndTheNextReleaseBringsTheNumbersBack() throws IOException {
		Path original = SharedData.file("cbs/85268NED.csv");
		List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
		this.importer.importFile(original);
		List<String> changed = new ArrayList<>();
		for (String line : lines) {
			String[] fields = line.split(";", -1);
			if (line.contains(";Utrecht (PV);2023 2e kwartaal;")) {
				fields[15] = "       ."; // Werkloosheidspercentage_13
				fields[18] = "x"; // NettoArbeidsparticipatie_16
			}
			if (line.contains(";Fryslân (PV);2023 2e kwartaal;")) {
				fields[15] = " - ";
			}
			changed.add(String.join(";", fields));
		}
		ImportReport signs = this.importer
			.importFile(Files.write(Files.createDirectories(this.temp.resolve("signs")).resolve("85268NED.csv"),
					changed, StandardCharsets.UTF_8));
		assertThat(signs.status()).isEqualTo("succeeded");
		assertThat(signs.rowsRead()).isEqualTo(lines.size() - 1);
		assertThat(signs.signs()).containsEntry(".", 1L).containsEntry("x", 1L).containsEntry("-", 1L);
		assertThat(signs.cellsWithdrawn()).isEqualTo(2);
		assertThat(signs.rowsInserted()).isEqualTo(3);
		assertThat(CurrentValues.current(this.jdbc, "werkloosheidspercentage", "PV26", "2023KW02")).isNull();
		assertThat(CurrentValues.current(this.jdbc, "werkloosheidspercentage", "PV21", "2023KW02"))
			.isEqualByComparingTo("0");

		ImportReport back = this.importer.importFile(original);
		assertThat(back.status()).isEqualTo("succeeded");
		assertThat(back.cellsWithdrawn()).isZero();
		assertThat(back.rowsInserted()).isEqualTo(3);
		assertThat(CurrentValues.current(this.jdbc, "werkloosheidspercentage", "PV26", "2023KW02"))
			.isEqualByComparingTo("3.3");
		assertThat(CurrentValues.current(this.jdbc, "netto_arbeidsparticipatie", "PV26", "2023KW02"))
			.isEqualByComparingTo("75.5");
		assertThat(CurrentValues.current(this.jdbc, "werkloosheidspercentage", "PV21", "2023KW02"))
			.isEqualByComparingTo("3.5");
	}

	/**
	 * A CBS CSV with every field quoted, CRLF line ends and padded signs, as a
	 * spreadsheet or StatLine writes it: read as the original.
	 */
	@Test
	void aFullyQuotedCsvWithPaddedSignsIsReadAsTheOriginal() throws IOException {
		List<String> lines = Files.readAllLines(SharedData.file("cbs/85268NED.csv"), StandardCharsets.UTF_8);
		String header = lines.get(0);
		String row = lines.stream()
			.filter((l) -> l.contains(";Utrecht (PV);2014 1e kwartaal;"))
			.findFirst()
			.orElseThrow();
		String[] fields = row.split(";", -1);
		fields[15] = "       -"; // Werkloosheidspercentage_13
		fields[18] = " x "; // NettoArbeidsparticipatie_16
		fields[17] = ""; // BrutoArbeidsparticipatie_15
		String quoted = quote(header.replace("\uFEFF", "").split(";", -1)) + "\r\n" + quote(fields) + "\r\n";
		ImportReport report = this.importer.importFile(write("quoted", "85268NED.csv", "\uFEFF" + quoted));
		assertThat(report.rowsRead()).isEqualTo(1);
		assertThat(report.signs()).containsEntry("-", 1L).containsEntry("x", 1L).containsEntry("empty", 1L);
		assertThat(CurrentValues.current(this.jdbc, "werkloosheidspercentage", "PV26", "2014KW01"))
			.isEqualByComparingTo("0");
		assertThat(CurrentValues.reason(this.jdbc, "netto_arbeidsparticipatie", "PV26", "2014KW01", ""))
			.isEqualTo(MissingReason.GEHEIM);
		assertThat(CurrentValues.reason(this.jdbc, "bruto_arbeidsparticipatie", "PV26", "2014KW01", ""))
			.isEqualTo(MissingReason.NIET_VAN_TOEPASSING);
		assertThat(CurrentValues.current(this.jdbc, "werkzame_beroepsbevolking", "PV26", "2014KW01"))
			.isEqualByComparingTo(fields[5].strip());
	}

	private static String quote(String[] fields) {
		List<String> quoted = new ArrayList<>();
		for (String field : fields) {
			quoted.add("\"" + field + "\"");
		}
		return String.join(";", quoted);
	}

	@Test
	void v4RecordsInAnotherOrderWithAnnotationsAndPaddedCodesAreRead() throws IOException {
		String fresh = FRESH.incrementAndGet() % 90 + 1 + ".5";
		String v4 = """
				{"@odata.context": "https://odata4.cbs.nl/CBS/80072ned/$metadata#Observations", "@odata.count": 2,
				 "value": [
				  {"@odata.etag": "W/\\"1\\"", "Perioden": "1996KW01  ", "BedrijfskenmerkenSBI2008": "T001081   ",
				   "StringValue": null, "Value": %s, "ValueAttribute": "None", "Measure": "M001924   ", "Id": 0,
				   "Value@odata.type": "#Double", "Status": "Definitief"},
				  {"Id": 1, "Measure": " M001924", "Value": null, "ValueAttribute": "Confidential", "StringValue": "x",
				   "Perioden": "1996KW02", "BedrijfskenmerkenSBI2008": "T001081", "Footnote": "F1"}
				 ]}
				""".formatted(fresh);
		ImportReport report = this.importer.importFile(write("v4order", "Observations.json", v4));
		assertThat(report.rowsRead()).isEqualTo(2);
		assertThat(report.complete()).isTrue();
		assertThat(report.warnings()).noneMatch((w) -> w.contains("odata.etag") || w.contains("odata.type"));
		assertThat(report.warnings()).filteredOn((w) -> w.contains("Footnote")).hasSize(1);
		assertThat(CurrentValues.current(this.jdbc, "ziekteverzuim", "NL01", "1996KW01")).isEqualByComparingTo(fresh);
		assertThat(CurrentValues.cell(this.jdbc, "ziekteverzuim", "NL01", "1996KW01", "")
			.get(nl.llomonitor.db.Tables.OBSERVATION_CURRENT.STATUS)).isEqualTo(nl.llomonitor.cube.Status.DEFINITIEF);
		assertThat(CurrentValues.current(this.jdbc, "ziekteverzuim", "NL01", "1996KW02")).isNull();
		assertThat(CurrentValues.reason(this.jdbc, "ziekteverzuim", "NL01", "1996KW02", ""))
			.as("the attribute says more than the sign")
			.isEqualTo(MissingReason.VERTROUWELIJK);
	}

	@Test
	void v4PagesFollowTheirNextLinkInAFolder() throws IOException {
		String fresh = FRESH.incrementAndGet() % 90 + 1 + ".5";
		String page1 = """
				{"@odata.context": "https://odata4.cbs.nl/CBS/80072ned/$metadata#Observations", "@odata.count": 2,
				 "value": [{"Id": 0, "Measure": "M001924", "ValueAttribute": "None", "Value": %s, "StringValue": null,
				   "BedrijfskenmerkenSBI2008": "T001081", "Perioden": "1996KW03"}],
				 "@odata.nextLink": "https://odata4.cbs.nl/CBS/80072ned/Observations?$skip=1"}
				""".formatted(fresh);
		String page2 = """
				{"@odata.context": "https://odata4.cbs.nl/CBS/80072ned/$metadata#Observations",
				 "value": [{"Id": 1, "Measure": "M001924", "ValueAttribute": "None", "Value": 4.7, "StringValue": null,
				   "BedrijfskenmerkenSBI2008": "T001081", "Perioden": "1996KW04"}]}
				""";
		Path folder = Files.createDirectories(this.temp.resolve("odata4_80072ned_paged"));
		Files.writeString(folder.resolve("Observations_page1.json"), page1, StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("Observations_page2_skip1.json"), page2, StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(folder);
		assertThat(report.rowsRead()).isEqualTo(2);
		assertThat(report.complete()).isTrue();
		assertThat(CurrentValues.current(this.jdbc, "ziekteverzuim", "NL01", "1996KW03")).isEqualByComparingTo(fresh);
	}

	@Test
	void aV4PageOfExactly10000RecordsWithoutItsNextLinkIsRefused() throws IOException {
		StringBuilder v4 = new StringBuilder(
				"{\"@odata.context\": \"https://odata4.cbs.nl/CBS/80072ned/$metadata#Observations\", \"value\": [");
		for (int i = 0; i < 10_000; i++) {
			v4.append((i > 0) ? "," : "")
				.append("{\"Id\": ")
				.append(i)
				.append(", \"Measure\": \"M001924\", \"ValueAttribute\": \"None\", \"Value\": 5.5,")
				.append(" \"BedrijfskenmerkenSBI2008\": \"T001081\", \"Perioden\": \"1996KW01\"}");
		}
		Path file = write("v4cap", "Observations.json", v4.append("]}").toString());
		assertThatThrownBy(() -> this.importer.importFile(file)).isInstanceOf(ImportException.class)
			.hasMessageContaining("probably incomplete")
			.hasMessageContaining("without odata.nextLink");
	}

	@Test
	void aV3PageWhoseNextPageIsMissingIsNotImportedAsComplete() throws IOException {
		Path page1 = SharedData.file("cbs/odata3_83599NED/UntypedDataSet_page1.json");
		Path alone = Files.createDirectories(this.temp.resolve("page1only"));
		Path copy = Files.copy(page1, alone.resolve("UntypedDataSet_page1.json"));
		assertThatThrownBy(() -> this.importer.importFile(copy)).isInstanceOf(ImportException.class)
			.hasMessageContaining("odata.nextLink")
			.hasMessageContaining("--allow-incomplete");
		ImportReport allowed = this.importer.importFile(copy, true);
		assertThat(allowed.complete()).isFalse();
		assertThat(allowed.incompleteReason()).contains("odata.nextLink");
		assertThat(allowed.rowsRead()).isEqualTo(10_000);
	}

	private Path write(String dir, String name, String content) throws IOException {
		return Files.writeString(Files.createDirectories(this.temp.resolve(dir)).resolve(name), content,
				StandardCharsets.UTF_8);
	}

	private java.math.BigDecimal valueAsOf(Record cell, OffsetDateTime moment) {
		return this.jdbc.select(OBSERVATION.VALUE)
			.from(OBSERVATION)
			.where(OBSERVATION.INDICATOR_CODE.eq(cell.get(OBSERVATION.INDICATOR_CODE)),
					OBSERVATION.REGION_CODE.eq(cell.get(OBSERVATION.REGION_CODE)),
					OBSERVATION.PERIOD_CODE.eq(cell.get(OBSERVATION.PERIOD_CODE)),
					OBSERVATION.BREAKDOWN_ID.eq(cell.get(OBSERVATION.BREAKDOWN_ID)), OBSERVATION.RECORDED_AT.le(moment))
			.orderBy(OBSERVATION.RECORDED_AT.desc(), OBSERVATION.ID.desc())
			.limit(1)
			.fetchSingle(OBSERVATION.VALUE);
	}

}
