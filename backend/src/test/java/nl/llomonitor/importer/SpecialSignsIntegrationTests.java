package nl.llomonitor.importer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import nl.llomonitor.SharedData;
import nl.llomonitor.cube.Flag;
import nl.llomonitor.cube.MissingReason;
import nl.llomonitor.importer.format.Numbers;
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
 * CBS special signs, v4 value attributes and Eurostat flags in every format (case 01 of
 * 2026-11-30 and its kind), and withdrawals as vintages (case 07 and its kind): each
 * generated case first imports a fresh number into a cell, then the same cell with the
 * sign, and asserts what the store keeps, what the run reports, and that {@code asOf}
 * before the second import still gives the number.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class SpecialSignsIntegrationTests {

	private static final AtomicLong FRESH = new AtomicLong(System.nanoTime() % 1000);

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@TempDir
	Path temp;

	/**
	 * A format that can carry a value cell: writes a one-cell file with the given text in
	 * the value.
	 */
	enum Format {

		CBS_CSV {
			@Override
			Path write(Path dir, String cell) throws IOException {
				List<String> lines = Files.readAllLines(SharedData.file("cbs/85268NED.csv"), StandardCharsets.UTF_8);
				String utrecht = lines.stream()
					.filter((l) -> l.contains(";Utrecht (PV);2013 1e kwartaal;"))
					.findFirst()
					.orElseThrow();
				String[] fields = utrecht.split(";", -1);
				fields[15] = cell; // Werkloosheidspercentage_13
				return write(dir, "85268NED.csv", lines.get(0) + "\n" + String.join(";", fields) + "\n");
			}
		},

		ODATA3_UNTYPED {
			@Override
			Path write(Path dir, String cell) throws IOException {
				return write(dir, "UntypedDataSet.json",
						"""
								{"odata.metadata": "https://opendata.cbs.nl/ODataFeed/OData/83599NED/$metadata#Cbs.OData.WebAPI.UntypedDataSet",
								 "value": [{"Perioden": "2020KW01", "BedrijfstakkenBranchesSBI2008": "305700 ", "RegioS": "PV26  ",
								 "OpenstaandeVacatures_1": "%8s", "ID": 2392}]}
								"""
							.formatted(cell));
			}
		},

		ODATA3_TYPED {
			@Override
			Path write(Path dir, String cell) throws IOException {
				String value = cell.isBlank() ? "null" : cell;
				return write(dir, "TypedDataSet.json",
						"""
								{"odata.metadata": "https://opendata.cbs.nl/ODataFeed/OData/83599NED/$metadata#Cbs.OData.WebAPI.TypedDataSet",
								 "value": [{"Perioden": "2020KW01", "BedrijfstakkenBranchesSBI2008": "305700 ", "RegioS": "PV26  ",
								 "OpenstaandeVacatures_1": %s, "ID": 2392}]}
								"""
							.formatted(value));
			}
		},

		ODATA4 {
			@Override
			Path write(Path dir, String cell) throws IOException {
				// a number in Value; a sign in StringValue, or a value attribute as
				// "@Attribute"
				boolean number = Numbers.isDecimal(cell);
				boolean attribute = cell.startsWith("@");
				return write(dir, "Observations.json",
						"""
								{"@odata.context": "https://beta-odata4.cbs.nl/CBS/80072ned/$metadata#Observations",
								 "value": [{"Id": 0, "Measure": "M001924", "ValueAttribute": "%s", "Value": %s, "StringValue": %s,
								 "BedrijfskenmerkenSBI2008": "T001081", "Perioden": "1996KW01"}]}
								"""
							.formatted(attribute ? cell.substring(1) : "None", number ? cell : "null",
									(number || attribute) ? "null" : "\"" + cell + "\""));
			}
		},

		CBS_V4_CSV {
			@Override
			Path write(Path dir, String cell) throws IOException {
				boolean number = Numbers.isDecimal(cell);
				boolean attribute = cell.startsWith("@");
				return write(dir, "84916NED_v4.csv", """
						Id,ValueAttribute,Value,StringValue,Measure,Type waarde,Beroepsklasse,Perioden,RegioCode,RegioS
						0,%s,%s,%s,Werkzame beroepsbevolking,Absolute,Totaal,2022,NL01,Nederland
						""".formatted(attribute ? cell.substring(1) : "None", number ? cell : "",
						(number || attribute) ? "" : "\"" + cell + "\""));
			}
		},

		EUROSTAT_TSV {
			@Override
			Path write(Path dir, String cell) throws IOException {
				return write(dir, "trng_lfse_04.tsv",
						"freq,unit,sex,age,geo\\TIME_PERIOD\t2019 \nA,PC,T,Y25-64,NL\t" + cell + " \n");
			}
		};

		abstract Path write(Path dir, String cell) throws IOException;

		static Path write(Path dir, String name, String content) throws IOException {
			Path folder = Files.createTempDirectory(dir, "case");
			return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
		}

	}

	/**
	 * What the store must keep for a sign.
	 *
	 * @param format the format
	 * @param cell the text in the cell
	 * @param value the stored value, or null
	 * @param reason the stored reason, or null
	 * @param status the stored status
	 * @param flags the stored flags
	 * @param sign the name the run counts it under
	 */
	record Expected(Format format, String cell, String value, String reason, String status, String flags, String sign) {

		@Override
		public String toString() {
			return this.format + " '" + this.cell + "'";
		}

	}

	static Stream<Expected> signs() {
		List<Expected> all = new ArrayList<>();
		// CBS signs, in every CBS format that can write them
		for (Format format : List.of(Format.CBS_CSV, Format.ODATA3_UNTYPED, Format.ODATA4, Format.CBS_V4_CSV)) {
			String status = switch (format) {
				case CBS_CSV, CBS_V4_CSV -> "definitief"; // an unmarked CBS period label
				default -> "niet_vermeld"; // a bare period code without its code list
			};
			all.add(new Expected(format, "-", "0", null, status, "", "-"));
			all.add(new Expected(format, ".", null, "onbekend", status, "", "."));
			all.add(new Expected(format, "x", null, "geheim", status, "", "x"));
			all.add(new Expected(format, "?", null, "onbekend", status, "", "?"));
			if (format == Format.CBS_CSV || format == Format.ODATA3_UNTYPED) {
				all.add(new Expected(format, "", null, "niet_van_toepassing", status, "", "empty"));
			}
		}
		// the typed data set writes every sign as null
		all.add(new Expected(Format.ODATA3_TYPED, "", null, "niet_beschikbaar", "niet_vermeld", "", "null"));
		// v4 value attributes on a cell without a value
		for (Format format : List.of(Format.ODATA4, Format.CBS_V4_CSV)) {
			String status = (format == Format.ODATA4) ? "niet_vermeld" : "definitief";
			all.add(new Expected(format, "@Confidential", null, "vertrouwelijk", status, "", "Confidential"));
			all.add(new Expected(format, "@Impossible", null, "niet_van_toepassing", status, "", "Impossible"));
			all.add(new Expected(format, "@Unknown", null, "onbekend", status, "", "Unknown"));
			all.add(new Expected(format, "@SomethingNew", null, "anders", status, "", "SomethingNew"));
		}
		// every Eurostat flag, on a value and on ':'
		for (Flag flag : Flag.values()) {
			String letter = String.valueOf(flag.letter());
			String status = (flag == Flag.PROVISIONAL) ? "voorlopig" : "niet_vermeld";
			// z (not applicable): no figure, whatever number stands beside it; c
			// (confidential) beside a number is refused (CorruptedFilesIntegrationTests)
			if (flag != Flag.CONFIDENTIAL) {
				all.add((flag == Flag.NOT_APPLICABLE)
						? new Expected(Format.EUROSTAT_TSV, "17.5 " + letter, null, "niet_van_toepassing", status,
								letter, letter)
						: new Expected(Format.EUROSTAT_TSV, "17.5 " + letter, "17.5", null, status, letter, letter));
			}
			String reason = switch (flag) {
				case CONFIDENTIAL -> "vertrouwelijk";
				case NOT_APPLICABLE -> "niet_van_toepassing";
				default -> "niet_beschikbaar";
			};
			all.add(new Expected(Format.EUROSTAT_TSV, ": " + letter, null, reason, status, letter, letter));
		}
		// combinations are kept whole, in alphabetical order
		all.add(new Expected(Format.EUROSTAT_TSV, "17.5 pb", "17.5", null, "voorlopig", "bp", "p"));
		all.add(new Expected(Format.EUROSTAT_TSV, "17.5 bep", "17.5", null, "voorlopig", "bep", "e"));
		all.add(new Expected(Format.EUROSTAT_TSV, ": cu", null, "vertrouwelijk", "niet_vermeld", "cu", "c"));
		all.add(new Expected(Format.EUROSTAT_TSV, ":", null, "niet_beschikbaar", "niet_vermeld", "", ":"));
		// an empty cell (Eurostat writes ':'): no figure either, counted, not skipped
		all.add(new Expected(Format.EUROSTAT_TSV, "", null, "niet_beschikbaar", "niet_vermeld", "", "empty"));
		all.add(new Expected(Format.EUROSTAT_TSV, "0 z", null, "niet_van_toepassing", "niet_vermeld", "z", "z"));
		all.add(new Expected(Format.EUROSTAT_TSV, "0 pz", null, "niet_van_toepassing", "voorlopig", "pz", "z"));
		return all.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("signs")
	void aSignIsStoredWithItsMeaningAndAWithdrawnNumberIsANewVintage(Expected expected) throws IOException {
		// a fresh figure each time, inside every indicator's valueRange (shares 0 to 100)
		long n = FRESH.incrementAndGet();
		String number = (20 + n % 70) + "." + (n / 70 % 10) + "5";
		ImportReport before = this.importer.importFile(expected.format().write(this.temp, number));
		ImportReport after = this.importer.importFile(expected.format().write(this.temp, expected.cell()));

		Record row = this.jdbc
			.select(OBSERVATION.INDICATOR_CODE, OBSERVATION.REGION_CODE, OBSERVATION.PERIOD_CODE,
					OBSERVATION.BREAKDOWN_ID, OBSERVATION.VALUE, OBSERVATION.MISSING_REASON, OBSERVATION.STATUS,
					OBSERVATION.FLAGS)
			.from(OBSERVATION)
			.where(OBSERVATION.IMPORT_RUN_ID.eq(after.id()))
			.fetchSingle();
		if (expected.value() == null) {
			assertThat(row.get(OBSERVATION.VALUE)).isNull();
		}
		else {
			assertThat(row.get(OBSERVATION.VALUE)).isEqualByComparingTo(expected.value());
		}
		assertThat(row.get(OBSERVATION.MISSING_REASON)).isEqualTo(MissingReason.fromCode(expected.reason()));
		assertThat(row.get(OBSERVATION.STATUS)).isEqualTo(nl.llomonitor.cube.Status.fromCode(expected.status()));
		assertThat(row.get(OBSERVATION.FLAGS)).isEqualTo(expected.flags());
		assertThat(after.signs()).containsEntry(expected.sign(), 1L);

		// a number that a later import leaves without a value is withdrawn, from then on
		assertThat(after.cellsWithdrawn()).isEqualTo((expected.value() == null) ? 1 : 0);
		assertThat(valueAsOf(row, before.finishedAt())).isEqualByComparingTo(number);
	}

	/**
	 * Kind 06: text where a number belongs (a v4 StringValue that is neither a number nor
	 * a CBS sign, without a Value) is kept as such, with a warning, instead of being read
	 * as a plain "not available".
	 */
	@ParameterizedTest(name = "{0} {1}")
	@org.junit.jupiter.params.provider.CsvSource({ "ODATA4,Hoog", "ODATA4,'12,5'", "CBS_V4_CSV,Hoog",
			"CBS_V4_CSV,'1,5'" })
	void textWhereANumberBelongsIsKeptAndWarnedAbout(Format format, String text) throws IOException {
		ImportReport report = this.importer.importFile(format.write(this.temp, text));
		Record row = this.jdbc.select(OBSERVATION.VALUE, OBSERVATION.MISSING_REASON, OBSERVATION.FOOTNOTE)
			.from(OBSERVATION)
			.where(OBSERVATION.IMPORT_RUN_ID.eq(report.id()))
			.fetchSingle();
		assertThat(row.get(OBSERVATION.VALUE)).isNull();
		assertThat(row.get(OBSERVATION.MISSING_REASON)).isEqualTo(MissingReason.ANDERS);
		assertThat(row.get(OBSERVATION.FOOTNOTE)).isEqualTo(text);
		assertThat(report.warnings())
			.anyMatch((w) -> w.contains("1 cells give text where a number belongs") && w.contains("'" + text + "'"));
		assertThat(report.signs()).doesNotContainKey("null");
	}

	/**
	 * Kinds 01/07: a figure beside a ValueAttribute that says the cell has none
	 * (Confidential, Impossible, Unknown) contradicts itself and is refused, naming the
	 * record, in the v4 response and the v4 CSV; beside an attribute this version does
	 * not know it is kept with the attribute as its footnote. Before, a confidential
	 * figure was stored and shown as a figure.
	 */
	@ParameterizedTest(name = "{0} {1} beside {2}")
	@org.junit.jupiter.params.provider.CsvSource({ "ODATA4,Value,Confidential", "ODATA4,StringValue,Impossible",
			"ODATA4,Value,Unknown", "CBS_V4_CSV,Value,Confidential", "CBS_V4_CSV,StringValue,Secret" })
	void aFigureBesideAnAttributeThatWithholdsItIsRefused(Format format, String where, String attribute)
			throws IOException {
		boolean inValue = where.equals("Value");
		Path file = (format == Format.ODATA4)
				? Format.write(this.temp, "Observations.json",
						"""
								{"@odata.context": "https://beta-odata4.cbs.nl/CBS/80072ned/$metadata#Observations",
								 "value": [{"Id": 0, "Measure": "M001924", "ValueAttribute": "%s", "Value": %s, "StringValue": %s,
								 "BedrijfskenmerkenSBI2008": "T001081", "Perioden": "1996KW01"}]}
								"""
							.formatted(attribute, inValue ? "9.9" : "null", inValue ? "null" : "\"9.9\""))
				: Format.write(this.temp, "84916NED_v4.csv", """
						Id,ValueAttribute,Value,StringValue,Measure,Type waarde,Beroepsklasse,Perioden,RegioCode,RegioS
						0,%s,%s,%s,Werkzame beroepsbevolking,Absolute,Totaal,2022,NL01,Nederland
						""".formatted(attribute, inValue ? "917" : "", inValue ? "" : "917"));
		long before = this.jdbc.fetchCount(OBSERVATION);
		assertThatThrownBy(() -> this.importer.importFile(file)).isInstanceOf(ImportException.class)
			.hasMessageContaining("column ValueAttribute")
			.hasMessageContaining("'" + attribute + "'")
			.hasMessageContaining("a figure beside a value attribute that withholds it");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(before);
	}

	@Test
	void case01NihilIsAZeroAndADotIsUnknownInTheUntypedDataSet() {
		ImportReport report = this.importer.importFile(SharedData.caseFile("01-odata3-untyped-nihil.json"));
		assertThat(report.tableId()).isEqualTo("83599NED");
		assertThat(report.signs()).containsEntry("-", 1L).containsEntry(".", 1L);
		assertThat(CurrentValues.value(this.jdbc, "vacatures", "PV26", "2020KW01", "sector=B"))
			.as("'-' is nihil, a published zero")
			.isEqualByComparingTo("0");
		assertThat(CurrentValues.value(this.jdbc, "vacatures", "PV26", "2019KW04", "sector=B"))
			.isEqualByComparingTo("0");
		assertThat(CurrentValues.value(this.jdbc, "vacatures", "PV26", "2020KW02", "sector=B")).isNull();
		assertThat(CurrentValues.reason(this.jdbc, "vacatures", "PV26", "2020KW02", "sector=B"))
			.isEqualTo(MissingReason.ONBEKEND);
	}

	@Test
	void case06EveryV4PropertyIsUnderstoodAndAnUnknownOneIsAWarning() throws IOException {
		ImportReport report = this.importer.importFile(SharedData.caseFile("06-odata4-stringvalue.json"));
		assertThat(report.rowsRead()).isEqualTo(4);
		assertThat(report.warnings()).noneMatch((w) -> w.contains("StringValue"));
		assertThat(CurrentValues.current(this.jdbc, "ziekteverzuim", "NL01", "1996KW01")).isEqualByComparingTo("5.5");
		assertThat(CurrentValues.current(this.jdbc, "ziekteverzuim", "NL01", "1996KW04")).isEqualByComparingTo("4.7");

		String withExtra = Files.readString(SharedData.caseFile("06-odata4-stringvalue.json"), StandardCharsets.UTF_8)
			.replace("\"StringValue\": null,", "\"StringValue\": null, \"Footnote\": \"F1\",");
		ImportReport extra = this.importer.importFile(Format.write(this.temp, "Observations.json", withExtra));
		assertThat(extra.warnings()).filteredOn((w) -> w.contains("Footnote")).singleElement().satisfies((w) -> {
			assertThat(w).contains("property Footnote").contains("ignored");
		});
	}

	/**
	 * Kinds 06/07: a v4 record that says nothing of its value (no Value, StringValue or
	 * ValueAttribute, as a $select without Value gives) is refused, not stored as "not
	 * available", which withdrew the figure.
	 */
	@Test
	void aV4RecordWithoutAnyValuePropertyIsRefused() throws IOException {
		Path file = Format.write(this.temp, "Observations.json",
				"""
						{"@odata.context": "https://beta-odata4.cbs.nl/CBS/80072ned/$metadata#Observations",
						 "value": [{"Id": 0, "Measure": "M001924", "BedrijfskenmerkenSBI2008": "T001081", "Perioden": "1996KW01"}]}
						""");
		long before = this.jdbc.fetchCount(OBSERVATION);
		assertThatThrownBy(() -> this.importer.importFile(file)).isInstanceOf(ImportException.class)
			.hasMessageContaining("Observations.json")
			.hasMessageContaining("record 1")
			.hasMessageContaining("no value stated");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(before);
		// a ValueAttribute of None says no more
		Path none = Format.write(this.temp, "Observations.json",
				"""
						{"@odata.context": "https://beta-odata4.cbs.nl/CBS/80072ned/$metadata#Observations",
						 "value": [{"Id": 0, "Measure": "M001924", "ValueAttribute": "None", "BedrijfskenmerkenSBI2008": "T001081",
						 "Perioden": "1996KW01"}]}
						""");
		assertThatThrownBy(() -> this.importer.importFile(none)).hasMessageContaining("no value stated");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(before);
	}

	@Test
	void case07AWithdrawnFigureIsANewVintageAndAsOfStillGivesTheOldOne() {
		ImportReport before = this.importer.importFile(SharedData.caseFile("07-odata4-withdrawn.before.json"));
		assertThat(CurrentValues.current(this.jdbc, "ziekteverzuim", "NL01", "1997KW01")).isEqualByComparingTo("4.9");

		ImportReport after = this.importer.importFile(SharedData.caseFile("07-odata4-withdrawn.json"));
		assertThat(after.status()).isEqualTo("succeeded");
		assertThat(after.cellsWithdrawn()).isEqualTo(1);
		assertThat(after.signs()).containsEntry("Confidential", 1L);
		assertThat(after.warnings()).anyMatch((w) -> w.contains("1 published values withdrawn"));
		assertThat(CurrentValues.current(this.jdbc, "ziekteverzuim", "NL01", "1997KW01")).isNull();
		assertThat(CurrentValues.reason(this.jdbc, "ziekteverzuim", "NL01", "1997KW01", ""))
			.isEqualTo(MissingReason.VERTROUWELIJK);
		assertThat(CurrentValues.current(this.jdbc, "ziekteverzuim", "NL01", "1997KW02")).isEqualByComparingTo("4.5");
		Record cell = this.jdbc
			.select(OBSERVATION.INDICATOR_CODE, OBSERVATION.REGION_CODE, OBSERVATION.PERIOD_CODE,
					OBSERVATION.BREAKDOWN_ID)
			.from(OBSERVATION)
			.where(OBSERVATION.IMPORT_RUN_ID.eq(after.id()))
			.fetchSingle();
		assertThat(valueAsOf(cell, before.finishedAt())).isEqualByComparingTo("4.9");
		assertThat(this.jdbc.fetchValue("select cells_withdrawn from import_run where id = " + after.id()))
			.isEqualTo(1L);

		ImportReport again = this.importer.importFile(SharedData.caseFile("07-odata4-withdrawn.json"));
		assertThat(again.status()).as("the withdrawal is recorded once").isEqualTo("unchanged");
		assertThat(again.cellsWithdrawn()).isZero();
	}

	private BigDecimal valueAsOf(Record cell, OffsetDateTime moment) {
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
