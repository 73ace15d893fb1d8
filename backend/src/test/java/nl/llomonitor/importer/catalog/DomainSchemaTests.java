package nl.llomonitor.importer.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import nl.llomonitor.importer.StoreInitializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every YAML file of the domain data conforms to its JSON Schema in data/schema/, names
 * that schema for editors on its first line, and a file that does not conform is refused
 * with the file, the place and what was expected.
 */
class DomainSchemaTests {

	private static final Path DATA = Path.of("..", "data");

	@Test
	void everyMappingFileConformsAndNamesItsSchema() throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(DATA.resolve("mappings"))) {
			files = list.filter((f) -> f.toString().endsWith(".yaml")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(11);
		for (Path file : files) {
			byte[] bytes = Files.readAllBytes(file);
			assertThat(DomainSchema.problems(DomainSchema.MAPPING, file.toString(), bytes)).as(file.toString())
				.isEmpty();
			assertThat(firstLine(bytes)).as(file.toString())
				.isEqualTo("# yaml-language-server: $schema=../schema/mapping.schema.json");
		}
	}

	@Test
	void indicatorsAndReferenceFilesConformAndNameTheirSchemas() throws IOException {
		byte[] indicators = Files.readAllBytes(DATA.resolve("indicators.yaml"));
		assertThat(DomainSchema.problems(DomainSchema.INDICATORS, "indicators.yaml", indicators)).isEmpty();
		assertThat(firstLine(indicators)).isEqualTo("# yaml-language-server: $schema=schema/indicators.schema.json");
		byte[] reference = Files.readAllBytes(DATA.resolve("reference.yaml"));
		assertThat(DomainSchema.problems(DomainSchema.REFERENCE, "reference.yaml", reference)).isEmpty();
		assertThat(firstLine(reference)).isEqualTo("# yaml-language-server: $schema=schema/reference.schema.json");
	}

	/**
	 * A valueRange whose lowest value lies above its highest (which would refuse every
	 * figure of the indicator) or that gives neither is refused when the catalog is read.
	 */
	@Test
	void aValueRangeWithItsBoundsReversedIsRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new Catalog.ValueRange(java.math.BigDecimal.TEN, java.math.BigDecimal.ONE))
			.withMessage("valueRange min 10 lies above max 1");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new Catalog.ValueRange(null, null));
		assertThat(new Catalog.ValueRange(java.math.BigDecimal.ZERO, null).text()).isEqualTo("at least 0");
	}

	@Test
	void aMappingWithoutLicenceOrWithAnUnknownSurveyIsRefused() {
		String yaml = """
				table: 99999NED
				title: "Test"
				publisher: CBS
				url: https://opendata.cbs.nl/statline/#/CBS/nl/dataset/99999NED
				survey: XYZ
				measures:
				  Kolom_1: { indicator: Werkloosheid }
				""";
		assertThatIllegalStateException()
			.isThrownBy(() -> DomainSchema.check(DomainSchema.MAPPING, "data/mappings/99999NED.yaml",
					yaml.getBytes(StandardCharsets.UTF_8)))
			.withMessageStartingWith("data/mappings/99999NED.yaml does not match data/schema/mapping.schema.json: ")
			.withMessageContaining("licence")
			.withMessageContaining("line 5, column 9, /survey: ")
			.withMessageContaining("(got \"XYZ\")")
			.withMessageContaining("/measures/Kolom_1/indicator");
	}

	@Test
	void snakeCaseKeysAreRefused() {
		String yaml = """
				indicators:
				  - code: test
				    name: { nl: "Test", en: "Test" }
				    unit: percent
				    definition: { nl: "Test", en: "Test" }
				    source_table: 85268NED
				dimensions: []
				""";
		assertThat(DomainSchema.problems(DomainSchema.INDICATORS, "indicators.yaml",
				yaml.getBytes(StandardCharsets.UTF_8)))
			.singleElement()
			.asString()
			.contains("/indicators/0")
			.contains("source_table");
	}

	@Test
	void theCatalogCarriesTheRolesOfTheReadSide() {
		Catalog catalog = Catalog.load();
		Catalog.Indicator unemployment = catalog.indicatorsByCode().get("werkloosheidspercentage");
		assertThat(unemployment.sampleBase()).isEqualTo("beroepsbevolking");
		assertThat(unemployment.kerncijfer().order()).isEqualTo(4);
		assertThat(unemployment.shareDimensions()).startsWith("sex");
		assertThat(catalog.indicatorsByCode().get("llo_deelname").kerncijfer().fallback()).isTrue();
		MappingRegistry mappings = MappingRegistry.load(catalog);
		assertThat(mappings.find("85268NED").survey()).isEqualTo("EBB");
		assertThat(mappings.find("trng_lfse_04").publisher()).isEqualTo("Eurostat");
		assertThat(StoreInitializer.bootstrapFiles(mappings)).startsWith("cbs/85755NED.csv")
			.containsSubsequence("cbs/odata3_83599NED", "cbs/83599NED.csv")
			.hasSize(18);
	}

	private static String firstLine(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElse("");
	}

}
