package nl.llomonitor.importer.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.llomonitor.SharedData;
import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;
import nl.llomonitor.cube.IncompleteReason;
import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.ReadResult;
import nl.llomonitor.importer.cbs.ODataResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OData v3 and v4 readers on the saved CBS responses.
 */
class ODataReaderTests {

	@TempDir
	Path temp;

	@Test
	void untypedDataSetFollowsNextLinkAcrossBothPages() throws IOException {
		Path dir = SharedData.file("cbs/odata3_83599NED/UntypedDataSet_page1.json").getParent();
		List<ReaderFixture.Cell> cells = ReaderFixture.read(new ODataReader(false),
				dir.resolve("UntypedDataSet_page1.json"), "83599NED", new ODataResources.Folder(dir));
		// 15,504 records: 17 regions x 24 SBI codes x 38 quarters; every SBI code is
		// mapped, and one value is empty (Limburg, O-U, 2014 Q3): a CBS empty cell is
		// logically impossible, kept as a cell without a value, with its reason
		assertThat(cells.stream().map(ReaderFixture.Cell::line).distinct()).hasSize(15_504);
		assertThat(cells.stream().mapToLong(ReaderFixture.Cell::line).max()).hasValue(15_504);
		assertThat(cells).filteredOn(
				(c) -> c.region().equals("PV31") && c.period().equals("2014KW03") && c.breakdown().equals("sector=O-U"))
			.singleElement()
			.satisfies((c) -> {
				assertThat(c.value()).isNull();
				assertThat(c.reason()).isEqualTo("niet_van_toepassing");
			});
		assertThat(cells)
			.filteredOn((c) -> c.region().equals("PV26") && c.period().equals("2019KW04") && c.breakdown().isEmpty())
			.singleElement()
			.satisfies((c) -> assertThat(c.value()).isEqualTo("26.7"));
		// the saved pages come without the Perioden code list: the status is not stated
		assertThat(cells).allMatch((c) -> c.indicator().equals("vacatures") && c.status().equals("niet_vermeld"));
		assertThat(cells).anyMatch((c) -> c.breakdown().equals("sector=M-N"));
	}

	@Test
	void typedDataSetUsesDataPropertiesCodeListsAndPeriodStatus() throws IOException {
		Path original = SharedData.file("cbs/odata3_80137ned/TypedDataSet.json").getParent();
		List<ReaderFixture.Cell> cells = ReaderFixture.read(new ODataReader(false),
				original.resolve("TypedDataSet.json"), "80137ned", new ODataResources.Folder(original));
		assertThat(cells).filteredOn((c) -> c.period().equals("2001JJ00") && c.breakdown().isEmpty())
			.singleElement()
			.satisfies((c) -> assertThat(c.value()).isEqualTo("8811.0"));
		assertThat(cells).anyMatch((c) -> c.breakdown().equals("education_level=laag"));
		assertThat(cells).allMatch((c) -> c.status().equals("definitief"));

		// the same table with 2005 provisional (Status) and 2004 "nader voorlopig" (title
		// **)
		Path copy = Files.createDirectory(this.temp.resolve("80137ned"));
		for (String name : List.of("TypedDataSet.json", "DataProperties.json", "Persoonskenmerken.json",
				"BedrijfstakkenSBI93.json")) {
			Files.copy(original.resolve(name), copy.resolve(name));
		}
		Files.writeString(copy.resolve("Perioden.json"),
				Files.readString(original.resolve("Perioden.json"), StandardCharsets.UTF_8)
					.replace("\"Status\":\"Definitief\",\"Key\":\"2005JJ00\",\"Title\":\"2005\"",
							"\"Status\":\"Voorlopig\",\"Key\":\"2005JJ00\",\"Title\":\"2005*\"")
					.replace("\"Key\":\"2004JJ00\",\"Title\":\"2004\"", "\"Key\":\"2004JJ00\",\"Title\":\"2004**\""),
				StandardCharsets.UTF_8);
		List<ReaderFixture.Cell> revised = ReaderFixture.read(new ODataReader(false), copy.resolve("TypedDataSet.json"),
				"80137ned", new ODataResources.Folder(copy));
		assertThat(revised).filteredOn((c) -> c.period().equals("2005JJ00"))
			.allMatch((c) -> c.status().equals("voorlopig"));
		assertThat(revised).filteredOn((c) -> c.period().equals("2004JJ00"))
			.allMatch((c) -> c.status().equals("nader_voorlopig"));
		assertThat(revised).filteredOn((c) -> c.period().equals("2003JJ00"))
			.allMatch((c) -> c.status().equals("definitief"));
	}

	@Test
	void observationsOfODataV4() throws IOException {
		Path dir = SharedData.file("cbs/odata4_80072ned/Observations.json").getParent();
		List<ReaderFixture.Cell> cells = ReaderFixture.read(new ODataReader(true), dir.resolve("Observations.json"),
				"80072ned", new ODataResources.Folder(dir));
		assertThat(cells).filteredOn((c) -> c.period().equals("1996KW01") && c.breakdown().isEmpty())
			.singleElement()
			.satisfies((c) -> assertThat(c.value()).isEqualTo("5.5"));
		assertThat(cells).allMatch((c) -> c.indicator().equals("ziekteverzuim") && c.region().equals("NL01"));
		assertThat(cells).anyMatch((c) -> c.breakdown().equals("sector=Q"));
	}

	/**
	 * The second page of 83599NED ({@code $skip=10000}, records ID 10000 to 15503) saved
	 * alone under the data set's name is a later page without the pages before it: read,
	 * and found incomplete saying so. It read as a complete download.
	 */
	@Test
	void aLaterPageSavedAloneIsIncomplete() throws IOException {
		Path dir = Files.createDirectory(this.temp.resolve("83599NED"));
		Path page = Files.copy(SharedData.file("cbs/odata3_83599NED/UntypedDataSet_page2_skip10000.json"),
				dir.resolve("83599NED_UntypedDataSet.json"));
		List<ReaderFixture.Cell> cells = new java.util.ArrayList<>();
		ReadResult found = ReaderFixture.read(new ODataReader(false), page, "83599NED", new ODataResources.Folder(dir),
				cells);
		assertThat(found.incomplete())
			.containsExactly(IncompleteReason.startsAtLaterPage(10_000, "83599NED_UntypedDataSet.json"));
		assertThat(Messages.incomplete(Lang.EN, found.incomplete())).isEqualTo(
				"the records start at ID 10000 (83599NED_UntypedDataSet.json): a later page ($skip) without the pages"
						+ " before it");
		assertThat(cells.stream().map(ReaderFixture.Cell::line).distinct()).hasSize(5_504);
		assertThat(cells).filteredOn(
				(c) -> c.region().equals("PV26") && c.period().equals("2019KW04") && c.breakdown().equals("sector=M-N"))
			.singleElement()
			.satisfies((c) -> assertThat(c.value()).isEqualTo("4.5"));

		// the same page under a v3 typed data set's name, its values as numbers
		Path typed = Files.writeString(dir.resolve("TypedDataSet.json"),
				Files.readString(page, StandardCharsets.UTF_8)
					.replaceAll("\"OpenstaandeVacatures_1\":\"\\s*([0-9.]+)\"", "\"OpenstaandeVacatures_1\":$1"),
				StandardCharsets.UTF_8);
		assertThat(ReaderFixture
			.read(new ODataReader(false), typed, "83599NED", new ODataResources.Folder(dir),
					new java.util.ArrayList<>())
			.incomplete()).containsExactly(IncompleteReason.startsAtLaterPage(10_000, "TypedDataSet.json"));
	}

	/**
	 * A saved folder whose next page is another page than the one after the first
	 * (records from ID 20000 after ID 9999) misses a page between them. The two pages
	 * that belong together continue their IDs and are complete.
	 */
	@Test
	void aPageThatDoesNotContinueTheIdsOfThePageBeforeItIsIncomplete() throws IOException {
		Path original = SharedData.file("cbs/odata3_83599NED/UntypedDataSet_page1.json").getParent();
		ReadResult whole = ReaderFixture.read(new ODataReader(false), original.resolve("UntypedDataSet_page1.json"),
				"83599NED", new ODataResources.Folder(original), new java.util.ArrayList<>());
		assertThat(whole.incomplete()).isEmpty();

		Path dir = Files.createDirectory(this.temp.resolve("83599NED"));
		Files.copy(original.resolve("UntypedDataSet_page1.json"), dir.resolve("UntypedDataSet_page1.json"));
		// the page of $skip=20000 (IDs from 20000) saved where $skip=10000 belongs
		String second = Files.readString(original.resolve("UntypedDataSet_page2_skip10000.json"),
				StandardCharsets.UTF_8);
		Matcher ids = Pattern.compile("\"ID\":1([0-9]{4})").matcher(second);
		Files.writeString(dir.resolve("UntypedDataSet_page2_skip10000.json"), ids.replaceAll("\"ID\":2$1"),
				StandardCharsets.UTF_8);
		ReadResult found = ReaderFixture.read(new ODataReader(false), dir.resolve("UntypedDataSet_page1.json"),
				"83599NED", new ODataResources.Folder(dir), new java.util.ArrayList<>());
		String next = "https://opendata.cbs.nl/ODataFeed/OData/83599NED/UntypedDataSet/?$format=json&$skip=10000";
		assertThat(found.incomplete()).containsExactly(IncompleteReason.pageSkipped(20_000, next, 9_999));
		assertThat(Messages.incomplete(Lang.EN, found.incomplete()))
			.isEqualTo("page " + next + " starts at ID 20000 after ID 9999 of the page before it: a page ($skip)"
					+ " between them is missing");
	}

	/**
	 * A download filtered on purpose keeps the table's IDs: the records of Utrecht alone
	 * start at ID 418 and skip the other regions' IDs. That is no later page: it is not
	 * marked incomplete.
	 */
	@Test
	void aFilteredDownloadWithGapsInItsIdsIsNoLaterPage() throws IOException {
		Path original = SharedData.file("cbs/odata3_83599NED/UntypedDataSet_page1.json").getParent();
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		var filtered = json.createObjectNode();
		var values = filtered.putArray("value");
		for (String name : List.of("UntypedDataSet_page1.json", "UntypedDataSet_page2_skip10000.json")) {
			for (var record : json.readTree(original.resolve(name).toFile()).path("value")) {
				if (record.path("RegioS").asString().strip().equals("PV26")) {
					values.add(record);
				}
			}
		}
		assertThat(values.get(0).path("ID").asLong()).isEqualTo(418);
		Path dir = Files.createDirectory(this.temp.resolve("83599NED"));
		Path file = dir.resolve("UntypedDataSet.json");
		json.writeValue(file.toFile(), filtered);
		List<ReaderFixture.Cell> cells = new java.util.ArrayList<>();
		ReadResult found = ReaderFixture.read(new ODataReader(false), file, "83599NED", new ODataResources.Folder(dir),
				cells);
		assertThat(found.incomplete()).isEmpty();
		assertThat(cells.stream().map(ReaderFixture.Cell::line).distinct()).hasSize(912);
	}

	/**
	 * The v4 observations number their Id the same way: a response whose first Id is a
	 * later page's (10000) is incomplete; the shared response, whose Ids have gaps, is
	 * not.
	 */
	@Test
	void aV4ResponseStartingAtALaterPagesIdIsIncomplete() throws IOException {
		Path original = SharedData.file("cbs/odata4_80072ned/Observations.json").getParent();
		assertThat(ReaderFixture
			.read(new ODataReader(true), original.resolve("Observations.json"), "80072ned",
					new ODataResources.Folder(original), new java.util.ArrayList<>())
			.incomplete()).isEmpty();
		Path dir = Files.createDirectory(this.temp.resolve("80072ned"));
		Matcher ids = Pattern.compile("\"Id\":([0-9]+),")
			.matcher(Files.readString(original.resolve("Observations.json"), StandardCharsets.UTF_8));
		Path file = Files.writeString(dir.resolve("Observations.json"),
				ids.replaceAll((m) -> "\"Id\":" + (Long.parseLong(m.group(1)) + 10_000) + ","), StandardCharsets.UTF_8);
		List<ReaderFixture.Cell> cells = new java.util.ArrayList<>();
		ReadResult found = ReaderFixture.read(new ODataReader(true), file, "80072ned", new ODataResources.Folder(dir),
				cells);
		assertThat(found.incomplete()).containsExactly(IncompleteReason.startsAtLaterPage(10_000, "Observations.json"));
		assertThat(cells).filteredOn((c) -> c.period().equals("1996KW01") && c.breakdown().isEmpty())
			.singleElement()
			.satisfies((c) -> assertThat(c.value()).isEqualTo("5.5"));
	}

	/**
	 * The shared v4 response of 80072ned with its seventh observation (Id 6, 1997 Q2,
	 * 4.5) given the {@code Value}, {@code StringValue} and {@code ValueAttribute} of the
	 * arguments, in a folder of its own.
	 */
	private Path observation6(String value, String text, String attribute) throws IOException {
		Path original = SharedData.file("cbs/odata4_80072ned/Observations.json");
		String json = Files.readString(original, StandardCharsets.UTF_8);
		String record = "{\"Id\":6,\"Value\":4.5,\"Measure\":\"M001924\",\"BedrijfskenmerkenSBI2008\":\"T001081\","
				+ "\"ValueAttribute\":\"None\",\"Perioden\":\"1997KW02\"}";
		assertThat(json).contains(record);
		String changed = "{\"Id\":6,\"Value\":" + value + ",\"StringValue\":"
				+ ((text != null) ? "\"" + text + "\"" : "null")
				+ ",\"Measure\":\"M001924\",\"BedrijfskenmerkenSBI2008\":\"T001081\",\"ValueAttribute\":\"" + attribute
				+ "\",\"Perioden\":\"1997KW02\"}";
		Path dir = Files.createTempDirectory(this.temp, "80072ned");
		return Files.writeString(dir.resolve("Observations.json"), json.replace(record, changed),
				StandardCharsets.UTF_8);
	}

	/**
	 * A v4 observation whose Value, StringValue and ValueAttribute contradict each other
	 * leaves its figure open and is refused, naming the record, the property and what
	 * each says: nihil ({@code Nil}, {@code -}) beside a number other than 0 (it was
	 * stored as 4.5 with footnote Nil), a sign that says there is no figure beside a
	 * number (it was stored as the number), two different numbers (the Value was stored),
	 * a sign beside an attribute that says the opposite.
	 */
	@org.junit.jupiter.params.ParameterizedTest(name = "Value {0}, StringValue {1}, ValueAttribute {2}")
	@org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "null", value = {
			"4.5|-|Nil|StringValue|-|Value '4.5' (a figure) beside StringValue '-' (nihil, a zero) beside ValueAttribute Nil (nihil, a zero)",
			"4.5|null|Nil|ValueAttribute|Nil|Value '4.5' (a figure) beside ValueAttribute Nil (nihil, a zero)",
			"4.5|-|None|StringValue|-|Value '4.5' (a figure) beside StringValue '-' (nihil, a zero)",
			"4.5|.|None|StringValue|.|Value '4.5' (a figure) beside StringValue '.' (no figure: onbekend)",
			"4.5|x|None|StringValue|x|Value '4.5' (a figure) beside StringValue 'x' (no figure: geheim)",
			"4.5|4.3|None|StringValue|4.3|Value '4.5' (a figure) beside StringValue '4.3' (a figure)",
			"null|.|Nil|ValueAttribute|Nil|StringValue '.' (no figure: onbekend) beside ValueAttribute Nil (nihil, a zero)",
			"null|-|Confidential|ValueAttribute|Confidential|StringValue '-' (nihil, a zero) beside ValueAttribute Confidential (no figure: vertrouwelijk)",
			"\".\"|4.5|None|StringValue|4.5|Value '.' (no figure: onbekend) beside StringValue '4.5' (a figure)" })
	void contradictoryValuesOfAV4ObservationAreRefused(String value, String text, String attribute, String column,
			String written, String says) throws IOException {
		Path file = observation6(value, text, attribute);
		assertThatThrownBy(() -> ReaderFixture.read(new ODataReader(true), file, "80072ned", null))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("Observations.json, record 7, column " + column + ": contradictory values: " + says
					+ " (value '" + written + "')")
			.hasMessageContaining("expected Value, StringValue and ValueAttribute that agree");
	}

	/**
	 * Value, StringValue and ValueAttribute that agree are read as before: nihil beside 0
	 * or no Value is a real 0; the same number written twice is that number; a secret
	 * sign beside Confidential is no figure, with the attribute's reason.
	 */
	@org.junit.jupiter.params.ParameterizedTest(name = "Value {0}, StringValue {1}, ValueAttribute {2}")
	@org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "null",
			value = { "0|null|Nil|0|null|Nil", "null|-|Nil|0|null|Nil", "null|null|Nil|0|null|Nil",
					"0|-|None|0|null|null", "4.5|4.50|None|4.5|null|null",
					"null|x|Confidential|null|vertrouwelijk|Confidential" })
	void agreeingValuesOfAV4ObservationAreRead(String value, String text, String attribute, String stored,
			String reason, String footnote) throws IOException {
		Path file = observation6(value, text, attribute);
		assertThat(ReaderFixture.read(new ODataReader(true), file, "80072ned", null))
			.filteredOn((c) -> c.period().equals("1997KW02") && c.breakdown().isEmpty())
			.singleElement()
			.satisfies((c) -> {
				assertThat(c.value()).isEqualTo(stored);
				assertThat(c.reason()).isEqualTo(reason);
				assertThat(c.footnote()).isEqualTo(footnote);
			});
	}

	/**
	 * The v4 CSV download refuses the same contradictions, naming the line: nihil beside
	 * 9548.0 (it was stored as 9548.0 with footnote Nil), an unknown sign beside it; Nil
	 * beside 0 is a real 0.
	 */
	@Test
	void contradictoryValuesOfAV4CsvRowAreRefused() throws IOException {
		Path original = SharedData.file("cbs/84916NED_v4_allTables.csv");
		String csv = Files.readString(original, StandardCharsets.UTF_8);
		String row = "\n0,None,9548.0,,Werkzame beroepsbevolking,Absolute,Totaal,2022,NL01,Nederland\n";
		assertThat(csv).contains(row);
		Path nil = withFields(csv, row, "84916NED_nil.csv", "0,Nil,9548.0,-,");
		assertThatThrownBy(() -> ReaderFixture.read(new CbsV4CsvReader(), nil, "84916NED", null))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("84916NED_nil.csv, line 2, column StringValue: contradictory values: Value '9548.0'"
					+ " (a figure) beside StringValue '-' (nihil, a zero) beside ValueAttribute Nil (nihil, a zero)");
		Path dot = withFields(csv, row, "84916NED_dot.csv", "0,None,9548.0,.,");
		assertThatThrownBy(() -> ReaderFixture.read(new CbsV4CsvReader(), dot, "84916NED", null))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("84916NED_dot.csv, line 2, column StringValue: contradictory values: Value '9548.0'"
					+ " (a figure) beside StringValue '.' (no figure: onbekend)");
		Path zero = withFields(csv, row, "84916NED_zero.csv", "0,Nil,0,-,");
		assertThat(ReaderFixture.read(new CbsV4CsvReader(), zero, "84916NED", null)).filteredOn((c) -> c.line() == 2)
			.singleElement()
			.satisfies((c) -> {
				assertThat(c.region()).isEqualTo("NL01");
				assertThat(c.value()).isEqualTo("0");
				assertThat(c.footnote()).isEqualTo("Nil");
			});
	}

	/**
	 * The v4 CSV download (observations joined with their code lists) whose first Id is a
	 * later page's (10000) is incomplete in the same way; the shared download (Id from 0)
	 * is not.
	 */
	@Test
	void aV4CsvStartingAtALaterPagesIdIsIncomplete() throws IOException {
		Path original = SharedData.file("cbs/84916NED_v4_allTables.csv");
		assertThat(ReaderFixture.read(new CbsV4CsvReader(), original, "84916NED", null, new java.util.ArrayList<>())
			.incomplete()).isEmpty();
		Matcher ids = Pattern.compile("(?m)^([0-9]+),").matcher(Files.readString(original, StandardCharsets.UTF_8));
		Path later = Files.writeString(this.temp.resolve("84916NED_later.csv"),
				ids.replaceAll((m) -> (Long.parseLong(m.group(1)) + 10_000) + ","), StandardCharsets.UTF_8);
		List<ReaderFixture.Cell> cells = new java.util.ArrayList<>();
		ReadResult found = ReaderFixture.read(new CbsV4CsvReader(), later, "84916NED", null, cells);
		assertThat(found.incomplete())
			.containsExactly(IncompleteReason.startsAtLaterPage(10_000, "84916NED_later.csv"));
		assertThat(cells).filteredOn((c) -> c.line() == 2)
			.singleElement()
			.satisfies((c) -> assertThat(c.value()).isEqualTo("9548.0"));
	}

	/**
	 * A CBS CSV whose first {@code ID} is a later page's (10000) is incomplete in the
	 * same way (the kind of shared case 08 in every format); the shared download (ID from
	 * 0) is not, nor is one whose first ID is another number (a selection of the table
	 * keeps its own IDs).
	 */
	@Test
	void aCbsCsvStartingAtALaterPagesIdIsIncomplete() throws IOException {
		Path original = SharedData.file("cbs/85268NED.csv");
		assertThat(ReaderFixture.read(new CbsCsvReader(), original, "85268NED", null, new java.util.ArrayList<>())
			.incomplete()).isEmpty();
		String text = Files.readString(original, StandardCharsets.UTF_8);
		for (int shift : new int[] { 10_000, 20_000, 418 }) {
			Matcher ids = Pattern.compile("(?m)^(\uFEFF?)([0-9]+);").matcher(text);
			Path later = Files.writeString(this.temp.resolve("85268NED_" + shift + ".csv"),
					ids.replaceAll((m) -> m.group(1) + (Long.parseLong(m.group(2)) + shift) + ";"),
					StandardCharsets.UTF_8);
			List<ReaderFixture.Cell> cells = new java.util.ArrayList<>();
			ReadResult found = ReaderFixture.read(new CbsCsvReader(), later, "85268NED", null, cells);
			if (shift == 418) {
				assertThat(found.incomplete()).isEmpty();
			}
			else {
				assertThat(found.incomplete())
					.containsExactly(IncompleteReason.startsAtLaterPage(shift, later.getFileName().toString()));
			}
			// read as before: Werkloosheidspercentage of Nederland, 2013 Q1
			assertThat(cells).filteredOn((c) -> c.line() == 2 && c.indicator().equals("werkloosheidspercentage"))
				.singleElement()
				.satisfies((c) -> assertThat(c.value()).isEqualTo("8.0"));
		}
	}

	/**
	 * The v4 CSV with the Id, ValueAttribute, Value and StringValue of one row (Id 0,
	 * None, 9548.0, empty) changed, written under a name.
	 */
	private Path withFields(String csv, String row, String name, String fields) throws IOException {
		return Files.writeString(this.temp.resolve(name), csv.replace(row, row.replace("0,None,9548.0,,", fields)),
				StandardCharsets.UTF_8);
	}

	@Test
	void truncatedJsonNamesTheRecord() throws IOException {
		Path page = SharedData.file("cbs/odata4_80072ned/Observations.json");
		String text = Files.readString(page, StandardCharsets.UTF_8);
		Path dir = Files.createDirectory(this.temp.resolve("80072ned"));
		Files.writeString(dir.resolve("Observations.json"), text.substring(0, text.length() / 2),
				StandardCharsets.UTF_8);
		assertThatThrownBy(() -> ReaderFixture.read(new ODataReader(true), dir.resolve("Observations.json"), "80072ned",
				new ODataResources.Folder(dir)))
			.isInstanceOf(ImportException.class)
			.hasMessageContaining("Observations.json")
			.hasMessageContaining("record ")
			.hasMessageContaining("expected complete, valid OData JSON");
	}

}
