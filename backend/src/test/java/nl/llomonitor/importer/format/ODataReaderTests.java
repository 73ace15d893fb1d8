package nl.llomonitor.importer.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.llomonitor.SharedData;
import nl.llomonitor.importer.ImportException;
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
