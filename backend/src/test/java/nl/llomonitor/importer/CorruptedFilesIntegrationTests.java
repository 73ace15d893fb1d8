package nl.llomonitor.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import nl.llomonitor.SharedData;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.IMPORT_RUN;
import static nl.llomonitor.db.Tables.OBSERVATION;
import static nl.llomonitor.db.Tables.REGION_ALIAS;
import static nl.llomonitor.db.Tables.REGION_GEOMETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A corrupted copy of each real file (made here, in a temporary folder) fails with an
 * error naming the file, the line or record, the column, the value and what was expected,
 * and writes nothing but its failed import_run row.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class CorruptedFilesIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@TempDir
	Path temp;

	/**
	 * @param file shared file (or a file in a shared OData folder)
	 * @param folder whether to import the file's whole folder
	 * @param corrupt what to do to the text
	 * @param expected fragments the error message must contain
	 */
	record Case(String file, boolean folder, UnaryOperator<String> corrupt, List<String> expected) {

		@Override
		public String toString() {
			return this.file + " " + this.expected;
		}

	}

	static Stream<Case> cases() {
		return Stream.of(
				new Case("cbs/85268NED.csv", false, (t) -> t.replace(';', ':'),
						List.of("85268NED.csv", "line 1", "unknown format", "'ID:RegioS:Perioden:",
								"expected a CBS CSV")),
				new Case("cbs/86088NED.csv", false,
						(t) -> replaceNth(t, ";Groningen (AM);2020;", ";Groningen (XX);2020;", 1),
						List.of("86088NED.csv", "line ", "column RegioS", "'Groningen (XX)'", "unknown region",
								"expected a CBS region label")),
				new Case("cbs/83599NED.csv", false,
						(t) -> replaceNth(t, ";Utrecht (PV);2019 4e kwartaal;27.1",
								";Utrecht (PV);2019 4e kwartaal;27.1.1", 1),
						List.of("83599NED.csv", "line 653", "column OpenstaandeVacatures_1", "'27.1.1'", "not a number",
								"expected a decimal number")),
				new Case("cbs/83599NED.csv", false,
						(t) -> t.replaceFirst("ID;BedrijfstakkenBranchesSBI2008;RegioS;", "ID;RegioS;RegioS;"),
						List.of("83599NED.csv", "line 1", "column RegioS", "'RegioS'", "column given twice",
								"expected each column named once in the header")),
				new Case("cbs/84916NED_v4_allTables.csv", false,
						(t) -> t.replaceFirst(",RegioCode,RegioS\n", ",RegioCode,RegioCode\n"),
						List.of("84916NED_v4_allTables.csv", "line 1", "column RegioCode", "column given twice")),
				new Case("cbs/85268NED.csv", false,
						(t) -> t.replace("0;Nederland;2013 1e kwartaal;12617;9162;",
								"0;Nederland;2013 1e kwartaal;12617;-9162;"),
						List.of("85268NED.csv", "line 2", "'-9162'", "value outside the indicator's range",
								"expected a value at least 0 for indicator beroepsbevolking (x1000",
								"beroepsbevolking NL01 2013KW01")),
				new Case("cbs/85268NED.csv", false,
						(t) -> t.replace(";735;8.0;3454;72.6;66.8", ";735;8.0;3454;172.6;66.8"),
						List.of("85268NED.csv", "line 2", "'172.6'", "value outside the indicator's range",
								"expected a value 0 to 100 for indicator bruto_arbeidsparticipatie (percent",
								"bruto_arbeidsparticipatie NL01 2013KW01")),
				new Case("cbs/80474ned.csv", false, (t) -> replaceNth(t, ";P Onderwijs;", ";P Opleidingen;", 1),
						List.of("80474ned.csv", "line ", "column SBI2008PartBedrijvenOverheid", "'P Opleidingen'",
								"unknown dimension member", "expected one of")),
				new Case("cbs/85554NED.csv", false,
						(t) -> t.replace("PersonenMetEenWerkloosheidsuitkering_1", "PersonenMetWW_1"),
						List.of("85554NED.csv", "line 1", "column PersonenMetWW_1", "unknown column",
								"expected one of the columns in data/mappings/85554NED.yaml")),
				new Case("cbs/85554NED.csv", false,
						(t) -> withoutLastLine(t.replace(";Ondergrens 95%-interval;Utrecht (PV);2013 januari;21600.0",
								";Ondergrens 95%-interval;Utrecht (PV);2013 januari;23600.0")),
						List.of("85554NED.csv", "lines 1017 to 8702", "value 22600.0", "lower bound 23600.0",
								"the value lies outside its margin", "expected a lower bound at most the value")),
				new Case("cbs/85554NED.csv", false,
						(t) -> t + "99999;Totaal mannen en vrouwen;Totaal;Bovengrens 95%-interval;Utrecht (PV);"
								+ "2013 januari;21000.0\n",
						List.of("85554NED.csv", "lines 1017 to 10002",
								"value 22600.0, lower bound 21600.0, upper bound 21000.0", "margins reversed")),
				new Case("cbs/85315NED.csv", false,
						(t) -> replaceNth(t, "Werkzame beroepsbevolking;Totaal;2023;",
								"Werkzame beroepsbevolking;Totaal;2023;n.v.t.", 1),
						List.of("85315NED.csv", "column Bevolking15Tot75Jaar_1", "not a number")),
				new Case("cbs/85314NED.csv", false, (t) -> t.replace(";15 tot 25 jaar;", ";15 tot 26 jaar;"),
						List.of("85314NED.csv", "column Leeftijd", "'15 tot 26 jaar'", "unknown dimension member")),
				new Case("cbs/84916NED_v4_allTables.csv", false, (t) -> t.replace(",PV26,", ",PV99,"),
						List.of("84916NED_v4_allTables.csv", "line ", "column RegioCode", "'PV99'", "unknown region")),
				new Case("cbs/84916NED_v4_allTables.csv", false,
						(t) -> replaceNth(t, ",PV26,Utrecht (PV)", ",PV26,Fryslân (PV)", 3),
						List.of("84916NED_v4_allTables.csv", "line ", "column RegioS", "'Fryslân (PV)'",
								"RegioCode PV26 and RegioS name different regions (RegioS is PV21)",
								"expected the title of region PV26")),
				new Case("eurostat/trng_lfse_04_NL_subset.tsv", false, (t) -> t.replace(",NL31\t", ",NL39\t"),
						List.of("trng_lfse_04_NL_subset.tsv", "line ", "column geo", "'NL39'", "unknown region",
								"expected a Dutch NUTS 2016 code")),
				new Case("eurostat/trng_lfse_04_NL_subset.tsv", false, (t) -> t.replace("26.4 ", "26,4 "),
						List.of("trng_lfse_04_NL_subset.tsv", "line 8", "column 2021", "'26,4 b'", "not a number")),
				new Case("eurostat/trng_lfse_04_NL_subset.tsv", false, (t) -> t.replace("26.4 ", "26.4 c"),
						List.of("trng_lfse_04_NL_subset.tsv", "line 8", "column 2021", "'26.4 cb'",
								"a figure beside flag c (confidential), which withholds it")),
				new Case("cbs/85755NED.csv", false, (t) -> t.replace("GM1680    ", "GM16X0    "),
						List.of("85755NED.csv", "line 2", "column Code_1", "'GM16X0'", "expected a CBS code")),
				// a blank line before the first row: the error names the line of the file
				// the
				// row is on (4), not its record number (3)
				new Case("cbs/85755NED.csv", false,
						(t) -> t.replaceFirst("\n", "\n\n").replace("GM0358    ", "GM03X8    "), List.of(
								"85755NED.csv, line 4, column Code_1", "'GM03X8'", "expected a CBS code")),
				new Case("cbs/85755NED.csv", false,
						(t) -> t.replaceFirst("\n", "\n\n") + "\n"
								+ t.lines()
									.filter((l) -> l.contains(";GM0358 "))
									.findFirst()
									.orElseThrow()
									.replaceFirst(";AM18 +;[^;]+;", ";AM02      ;Friesland;")
								+ "\n",
						List.of("85755NED.csv, lines 4 and " + (lineCount("cbs/85755NED.csv") + 3) + ", column Code_1",
								"'GM0358'", "a gemeente listed twice")),
				new Case("cbs/85755NED.csv", false,
						(t) -> t + t.lines()
							.filter((l) -> l.contains(";GM0358 "))
							.findFirst()
							.orElseThrow()
							.replaceFirst(";AM18 +;[^;]+;", ";AM02      ;Friesland;") + "\n",
						List.of("85755NED.csv", "column Code_1", "'GM0358'", "a gemeente listed twice")),
				new Case("cbs/85755NED.csv", false, (t) -> t
						+ t.lines().filter((l) -> l.contains(";GM0358 ")).findFirst().orElseThrow().substring(0, 60)
						+ "\n", List.of("85755NED.csv", "fields, as the header has", "a row of")),
				new Case("geo/provincie_2023_wgs84.geojson", false,
						(t) -> t.replaceFirst("\\[7\\.093,52\\.838\\]", "[255420.0,577680.0]"),
						List.of("provincie_2023_wgs84.geojson", "feature 1, polygon 1, ring 1, position 1",
								"column geometry.coordinates", "'[255420.0,577680.0]'",
								"coordinates in metres of the Dutch grid (RD New, EPSG:28992)",
								"expected [longitude, latitude] in WGS 84 inside the Netherlands")),
				new Case("geo/provincie_2023_wgs84.geojson", false,
						(t) -> t.replaceFirst("\\[7\\.093,52\\.838\\]", "[52.838,7.093]"),
						List.of("provincie_2023_wgs84.geojson", "feature 1, polygon 1, ring 1, position 1",
								"'[52.838,7.093]'", "latitude before longitude")),
				new Case("geo/provincie_2023_wgs84.geojson", false,
						(t) -> t.replaceFirst("\\[7\\.093,52\\.838\\]", "[7.094,52.838]"),
						List.of("provincie_2023_wgs84.geojson", "feature 1, polygon 1, ring 1", "ring not closed",
								"expected the ring's first position [7.094,52.838] as its last")),
				new Case("geo/provincie_2023_wgs84.geojson", false, (t) -> t.substring(0, t.length() / 2),
						List.of("provincie_2023_wgs84.geojson", "line ", "expected complete, valid GeoJSON")),
				new Case("cbs/odata3_83599NED/UntypedDataSet_page2_skip10000.json", true,
						(t) -> t.substring(0, t.length() - 5000),
						List.of("odata3_83599NED", "record ", "expected complete, valid OData JSON", "skip=10000")),
				new Case("cbs/odata3_80137ned/TypedDataSet.json", true,
						(t) -> t.replace("\"Totaal_1\"", "\"Totaal_99\""),
						List.of("odata3_80137ned", "record 1", "column Totaal_99", "unknown property")),
				new Case("cbs/odata3_80137ned/Perioden.json", true,
						(t) -> t.replaceFirst("\"Status\":\"Definitief\"", "\"Status\":\"Voorlopg\""),
						List.of("Perioden.json, period 2001JJ00", "column Status", "'Voorlopg'", "unknown status",
								"expected Definitief, Voorlopig or Nader voorlopig")),
				new Case("cbs/odata3_80137ned/TypedDataSet.json", true,
						(t) -> t.replaceFirst("\\{\"value\":\\[", "{\"odata.count\":{},\"value\":["),
						List.of("odata3_80137ned", "column odata.count", "not a count")),
				new Case("cbs/odata3_80137ned/TypedDataSet.json", true,
						(t) -> t.replaceFirst("\\{\"value\":\\[", "{\"odata.count\":-1,\"value\":["),
						List.of("odata3_80137ned", "column odata.count", "'-1'", "not a count")),
				new Case("cbs/odata3_80137ned/TypedDataSet.json", true,
						(t) -> t.replace("\"Totaal_1\":8811.0", "\"Totaal_1\":[8811.0]"),
						List.of("odata3_80137ned", "record 1", "column Totaal_1", "'[8811.0]'", "not a number")),
				new Case("cbs/odata4_80072ned/MeasureCodes.json", true,
						(t) -> t.replace("\"Unit\":\"%\"", "\"Unit\":\"aantal\""),
						List.of("MeasureCodes.json, M001924", "column Unit", "'aantal'",
								"unit differs: the mapping would store persons as percent",
								"expected the unit of indicator ziekteverzuim (percent)")),
				new Case("cbs/odata4_80072ned/Observations.json", true,
						(t) -> t.replaceFirst("\"Value\":5.5,", "\"Value\":{\"v\":5.5},"),
						List.of("odata4_80072ned", "column Value", "not a number")),
				new Case("cbs/odata4_80072ned/Observations.json", true,
						(t) -> t.replace("\"Value\":4.6,", "\"Value\":\"4,6\","),
						List.of("odata4_80072ned", "record 2", "column Value", "'4,6'", "not a number")),
				// a table without a mapping: a number written with a space as thousands
				// separator in a column of numbers is a bad cell, not a sign that the
				// column is text (the whole column, a revision on the next line with it,
				// was left out with a warning)
				new Case("cbs/85624NED.csv", false,
						(t) -> firstLines(t, 30).replace(";2022;4291\n", ";2022;4 300\n")
							.replace(";2023;4311\n", ";2023;4399\n"),
						List.of("85624NED.csv, line 3, column DeelnemersLevenLangOntwikkelen_1",
								"not a number, in a column of numbers (such as 4298)", "(value '4 300')",
								"expected a decimal number with '.' such as 75.5, or a CBS sign")),
				// the bad cell before any number: still named, once the numbers are met
				new Case("cbs/85624NED.csv", false, (t) -> firstLines(t, 30).replace(";2021;4298\n", ";2021;n.v.t.\n"),
						List.of("85624NED.csv, line 2, column DeelnemersLevenLangOntwikkelen_1",
								"not a number, in a column of numbers (such as 4291)", "(value 'n.v.t.')",
								"expected a decimal number with '.' such as 75.5, or a CBS sign")),
				// a period column given twice: refused at the header, not at the first
				// row that has a value in both
				new Case("eurostat/trng_lfse_04_NL_subset.tsv", false, (t) -> t.replaceFirst("\t2023 \n", "\t2022 \n"),
						List.of("trng_lfse_04_NL_subset.tsv, line 1, column 2022: column given twice (value '2022 ')",
								"expected each column named once in the header")),
				// a header and no rows: no release of the table, in every line format
				new Case("cbs/85268NED.csv", false, (t) -> firstLines(t, 1), headerOnly("85268NED.csv")),
				new Case("cbs/84916NED_v4_allTables.csv", false, (t) -> firstLines(t, 1),
						headerOnly("84916NED_v4_allTables.csv")),
				new Case("eurostat/trng_lfse_04_NL_subset.tsv", false, (t) -> firstLines(t, 1) + "\n",
						headerOnly("trng_lfse_04_NL_subset.tsv")));
	}

	private static List<String> headerOnly(String file) {
		return List.of(file + ": no data rows: the file holds a header only",
				"expected at least one data row after the header");
	}

	@ParameterizedTest
	@MethodSource("cases")
	void aCorruptedCopyFailsClearlyAndWritesNothing(Case c) throws IOException {
		Path target = SharedData.changedCopy(c.file(), c.folder(), this.temp, c.corrupt());

		long observations = this.jdbc.fetchCount(OBSERVATION);
		long aliases = this.jdbc.fetchCount(REGION_ALIAS);
		long shapes = this.jdbc.fetchCount(REGION_GEOMETRY);
		long version = this.jdbc.fetchSingle("select version from data_version").get(0, Long.class);
		var thrown = assertThatThrownBy(() -> this.importer.importFile(target)).isInstanceOf(ImportException.class);
		for (String fragment : c.expected()) {
			thrown.hasMessageContaining(fragment);
		}
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(observations);
		assertThat(this.jdbc.fetchCount(REGION_ALIAS)).isEqualTo(aliases);
		assertThat(this.jdbc.fetchCount(REGION_GEOMETRY)).isEqualTo(shapes);
		assertThat(this.jdbc.fetchSingle("select version from data_version").get(0, Long.class)).isEqualTo(version);
		assertThat(this.jdbc.select(IMPORT_RUN.STATUS, IMPORT_RUN.ERROR)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.FILE_NAME.eq(target.getFileName().toString()))
			.orderBy(IMPORT_RUN.ID.desc())
			.limit(1)
			.fetchSingle()
			.value1()).isEqualTo(nl.llomonitor.cube.ImportRunState.FAILED);
	}

	/**
	 * @param row one row of the project's own format
	 * @param expected fragments the error message must contain
	 */
	record OwnRow(String row, List<String> expected) {

		@Override
		public String toString() {
			return this.row;
		}

	}

	static Stream<OwnRow> ownRows() {
		return Stream.of(
				new OwnRow("80072ned;spanningsindicator;PV26;2024KW01;;3.5;;;definitief;",
						List.of("line 4", "column indicator", "'spanningsindicator'", "a derived indicator",
								"vacatures / ww_uitkeringen")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;;900;;;final;",
						List.of("line 4", "column status", "'final'", "unknown status", "definitief")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;sex=X;900;;;definitief;",
						List.of("column breakdown", "'sex=X'", "unknown member X of dimension sex")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;geslacht=vrouw;900;;;definitief;",
						List.of("column breakdown", "unknown dimension geslacht")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;vrouw;900;;;definitief;",
						List.of("column breakdown", "'vrouw'", "not a dimension=member pair")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;sex=totaal;900;;;definitief;",
						List.of("column breakdown", "totaal is the total of sex", "leaving the dimension out")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;\"sex=man;sex=vrouw\";900;;;definitief;",
						List.of("column breakdown", "dimension sex given twice")),
				new OwnRow(";beroepsbevolking;PV26;2024JJ00;;900;;;definitief;",
						List.of("line 4", "column table", "no source table")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;;900;950;850;definitief;",
						List.of("column margin_low", "'950'", "margins reversed")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;;900;910;950;definitief;",
						List.of("column margin_low", "'910'", "outside its margin")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;;1e400;;;definitief;",
						List.of("column value", "'1e400'", "not a number")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;;900;;;definitief;z",
						List.of("column flags", "'z'", "a figure flagged not applicable")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;;900;;;definitief;c",
						List.of("column flags", "'c'", "a figure flagged confidential")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;;900;;;definitief;p",
						List.of("column flags", "'p'", "flag p with status definitief")),
				new OwnRow("85268NED;beroepsbevolking;PV26;2024JJ00;;900;;;definitief;zq",
						List.of("column flags", "'zq'", "'q' is not a flag")));
	}

	/**
	 * A row of the project's own format that the store would take wrongly, or refuse with
	 * an internal error, fails naming its line (the fourth, after a comment, the header
	 * and a good row), column, value and what was expected, and writes nothing.
	 */
	@ParameterizedTest
	@MethodSource("ownRows")
	void aWrongRowOfTheProjectsOwnFormatFailsClearlyAndWritesNothing(OwnRow c) throws IOException {
		Path file = this.temp.resolve("own.csv");
		Files.writeString(file,
				OWN_HEADER + "85268NED;beroepsbevolking;PV21;2024JJ00;;400;;;definitief;\n" + c.row() + "\n",
				StandardCharsets.UTF_8);
		long observations = this.jdbc.fetchCount(OBSERVATION);
		var thrown = assertThatThrownBy(() -> this.importer.importFile(file)).isInstanceOf(ImportException.class)
			.hasMessageContaining("own.csv");
		for (String fragment : c.expected()) {
			thrown.hasMessageContaining(fragment);
		}
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(observations);
	}

	/** The project's own format with its header and no rows is refused and recorded. */
	@org.junit.jupiter.api.Test
	void theProjectsOwnFormatWithAHeaderOnlyIsRefused() throws IOException {
		Path file = this.temp.resolve("own-empty.csv");
		Files.writeString(file, OWN_HEADER, StandardCharsets.UTF_8);
		long observations = this.jdbc.fetchCount(OBSERVATION);
		assertThatThrownBy(() -> this.importer.importFile(file)).isInstanceOf(ImportException.class)
			.hasMessage("own-empty.csv: no data rows: the file holds a header only;"
					+ " expected at least one data row after the header");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(observations);
		assertThat(this.jdbc.select(IMPORT_RUN.STATUS)
			.from(IMPORT_RUN)
			.where(IMPORT_RUN.FILE_NAME.eq("own-empty.csv"))
			.orderBy(IMPORT_RUN.ID.desc())
			.limit(1)
			.fetchSingle()
			.value1()).isEqualTo(nl.llomonitor.cube.ImportRunState.FAILED);
	}

	/**
	 * A file with a blank line, a comment line or a line break inside a quoted field
	 * before a bad row: the error names the line the row is on in the file, not its
	 * record number plus one (which counted none of those lines). In every CSV format: a
	 * CBS CSV, a v4 CSV and the project's own format.
	 */
	static Stream<List<String>> filesWithSkippedLines() throws IOException {
		String cbs = Files.readString(SharedData.file("cbs/85268NED.csv"), StandardCharsets.UTF_8);
		String[] cbsLines = cbs.split("\n", 4);
		String v4 = Files.readString(SharedData.file("cbs/84916NED_v4_allTables.csv"), StandardCharsets.UTF_8);
		String[] v4Lines = v4.split("\n", 4);
		return Stream.of(
				// header, a row, a row whose unused Id field holds a line break (lines
				// 3-4),
				// a blank line, then a row of 5 fields on line 6
				List.of("85268NED.csv",
						cbsLines[0] + "\n" + cbsLines[1] + "\n\"1\n\"" + cbsLines[2].substring(1)
								+ "\n\n99;Nederland;2013 1e kwartaal;1;2\n",
						"line 6", "found 5 fields"),
				List.of("84916NED_v4_allTables.csv",
						v4Lines[0] + "\n" + v4Lines[1] + "\n\n\n" + v4Lines[2] + "\n9,None,1.0\n", "line 6"),
				List.of("own-lines.csv",
						OWN_HEADER + "85268NED;beroepsbevolking;PV21;2024JJ00;;400;;;definitief;\n\n"
								+ "# a comment between rows\n85268NED;beroepsbevolking;PV26;2024JJ00;;900;;;final;\n",
						"line 6", "column status", "unknown status"));
	}

	@ParameterizedTest
	@MethodSource("filesWithSkippedLines")
	void anErrorNamesTheLineOfTheFileAfterBlankCommentAndMultiLineRows(List<String> c) throws IOException {
		Path file = this.temp.resolve(c.get(0));
		Files.writeString(file, c.get(1), StandardCharsets.UTF_8);
		long observations = this.jdbc.fetchCount(OBSERVATION);
		var thrown = assertThatThrownBy(() -> this.importer.importFile(file)).isInstanceOf(ImportException.class)
			.hasMessageContaining(c.get(0));
		for (String fragment : c.subList(2, c.size())) {
			thrown.hasMessageContaining(fragment);
		}
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(observations);
	}

	/** Breakdown pairs in any order are one breakdown: stored in canonical order. */
	@org.junit.jupiter.api.Test
	void breakdownPairsOfTheProjectsOwnFormatAreStoredInCanonicalOrder() throws IOException {
		Path file = this.temp.resolve("own-order.csv");
		Files.writeString(file,
				OWN_HEADER
						+ "85268NED;beroepsbevolking;PV21;2024JJ00;\"sex=vrouw;age_group=25_35\";41.5;;;voorlopig;bp\n",
				StandardCharsets.UTF_8);
		assertThat(this.importer.importFile(file).status()).isEqualTo("succeeded");
		assertThat(this.jdbc.fetchValue("""
				select b.key || ' ' || o.flags from observation o join breakdown b on b.id = o.breakdown_id
				join import_run r on r.id = o.import_run_id
				where r.file_name = 'own-order.csv' and o.value = 41.5""")).isEqualTo("age_group=25_35;sex=vrouw bp");
		// a cell without a figure takes its reason from its flag, as in Eurostat's files
		Path confidential = this.temp.resolve("own-confidential.csv");
		Files.writeString(confidential, OWN_HEADER + "85268NED;beroepsbevolking;PV21;2024JJ00;sex=man;;;;;c\n",
				StandardCharsets.UTF_8);
		assertThat(this.importer.importFile(confidential).status()).isEqualTo("succeeded");
		assertThat(this.jdbc.fetchValue("""
				select o.missing_reason from observation o join import_run r on r.id = o.import_run_id
				where r.file_name = 'own-confidential.csv'""")).isEqualTo("vertrouwelijk");
	}

	/**
	 * A row of the project's own format states its cell whole: empty margin columns
	 * beside the same figure withdraw the bounds an earlier file gave (a new vintage
	 * without them), as a '.' bound does in a CBS CSV. The old bounds stayed current and
	 * the run said unchanged.
	 */
	@org.junit.jupiter.api.Test
	void emptyMarginsOfTheProjectsOwnFormatWithdrawTheBounds() throws IOException {
		Path with = this.temp.resolve("own-margins.csv");
		Files.writeString(with,
				OWN_HEADER + "85268NED;beroepsbevolking;PV21;2022JJ00;sex=man;61.5;59.5;63.5;definitief;\n",
				StandardCharsets.UTF_8);
		assertThat(this.importer.importFile(with).status()).isEqualTo("succeeded");
		Path without = this.temp.resolve("own-no-margins.csv");
		Files.writeString(without, OWN_HEADER + "85268NED;beroepsbevolking;PV21;2022JJ00;sex=man;61.5;;;definitief;\n",
				StandardCharsets.UTF_8);
		ImportReport report = this.importer.importFile(without);
		assertThat(report.status()).isEqualTo("succeeded");
		assertThat(report.rowsInserted()).isEqualTo(1);
		org.jooq.Record cell = CurrentValues.cell(this.jdbc, "beroepsbevolking", "PV21", "2022JJ00", "sex=man");
		assertThat(cell.get(nl.llomonitor.db.Tables.OBSERVATION_CURRENT.VALUE)).isEqualByComparingTo("61.5");
		assertThat(cell.get(nl.llomonitor.db.Tables.OBSERVATION_CURRENT.MARGIN_LOW)).isNull();
		assertThat(cell.get(nl.llomonitor.db.Tables.OBSERVATION_CURRENT.MARGIN_HIGH)).isNull();
		// the same figure with new bounds and no status: the bounds are revised, the
		// status is not (it was written as niet_vermeld)
		Path again = this.temp.resolve("own-margins-again.csv");
		Files.writeString(again, OWN_HEADER + "85268NED;beroepsbevolking;PV21;2022JJ00;sex=man;61.5;60.5;62.5;;\n",
				StandardCharsets.UTF_8);
		assertThat(this.importer.importFile(again).rowsInserted()).isEqualTo(1);
		cell = CurrentValues.cell(this.jdbc, "beroepsbevolking", "PV21", "2022JJ00", "sex=man");
		assertThat(cell.get(nl.llomonitor.db.Tables.OBSERVATION_CURRENT.MARGIN_LOW)).isEqualByComparingTo("60.5");
		assertThat(cell.get(nl.llomonitor.db.Tables.OBSERVATION_CURRENT.STATUS))
			.isEqualTo(nl.llomonitor.cube.Status.DEFINITIEF);
	}

	/**
	 * The header of the project's own format names its columns: one in another order is
	 * read by name, a file without it is refused (its first row used to be taken as the
	 * header and dropped without a word).
	 */
	@org.junit.jupiter.api.Test
	void theProjectsOwnFormatReadsItsColumnsByTheHeader() throws IOException {
		Path swapped = this.temp.resolve("own-swapped.csv");
		Files.writeString(swapped,
				"# LLO Monitor observations v1\n"
						+ "table;indicator;region;period;breakdown;value;margin_high;margin_low;status;flags\n"
						+ "85268NED;beroepsbevolking;PV21;2024JJ00;;41.7;44.0;39.5;definitief;\n",
				StandardCharsets.UTF_8);
		assertThat(this.importer.importFile(swapped).status()).isEqualTo("succeeded");
		assertThat(this.jdbc.fetchValue("""
				select o.margin_low || ' ' || o.margin_high from observation o
				join import_run r on r.id = o.import_run_id
				where r.file_name = 'own-swapped.csv'""")).isEqualTo("39.5 44.0");

		Path headless = this.temp.resolve("own-headless.csv");
		Files.writeString(headless,
				"# LLO Monitor observations v1\n" + "85268NED;beroepsbevolking;PV21;2024JJ00;;41.8;;;definitief;\n"
						+ "85268NED;beroepsbevolking;PV20;2024JJ00;;31.8;;;definitief;\n",
				StandardCharsets.UTF_8);
		assertThatThrownBy(() -> this.importer.importFile(headless)).isInstanceOf(ImportException.class)
			.hasMessageContaining("own-headless.csv")
			.hasMessageContaining("header")
			.hasMessageContaining("not the header of the project's observation format");
	}

	private static final String OWN_HEADER = "# LLO Monitor observations v1\n"
			+ "table;indicator;region;period;breakdown;value;margin_low;margin_high;status;flags\n";

	/**
	 * The text without its last line (a file of exactly 10,000 rows reads as cut off).
	 */
	/** The first {@code n} lines of a text, each with its line break. */
	private static String firstLines(String text, int n) {
		int end = -1;
		for (int i = 0; i < n; i++) {
			end = text.indexOf('\n', end + 1);
		}
		return text.substring(0, end + 1);
	}

	private static String withoutLastLine(String text) {
		return text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1);
	}

	/** The number of lines of a shared file (its last line ends with a line break). */
	private static long lineCount(String relative) {
		try (var lines = Files.lines(SharedData.file(relative))) {
			return lines.count();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String replaceNth(String text, String from, String to, int n) {
		int index = -1;
		for (int i = 0; i < n; i++) {
			index = text.indexOf(from, index + 1);
			if (index < 0) {
				return text;
			}
		}
		return text.substring(0, index) + to + text.substring(index + from.length());
	}

}
