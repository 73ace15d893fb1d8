package nl.llomonitor.importer.catalog;

import java.util.List;
import java.util.Map;

import nl.llomonitor.importer.ImportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mapping of a CBS table without a mapping file: which column is what, table-scoped
 * codes, readable names, units, totals and status members.
 */
class GenericTableTests {

	@Test
	void columnsOfALabelFormCsvBecomeRegionPeriodMeasuresAndDimensions() {
		GenericTable table = GenericTable.of("60039fvw",
				List.of("ID", "StatusCijfer", "RegioS", "Perioden", "TotaalMannenEnVrouwen_1", "k_65Tot75Jaar_4"), null,
				null);
		assertThat(table.mapping.regionColumn()).isEqualTo("RegioS");
		assertThat(table.mapping.periodColumn()).isEqualTo("Perioden");
		assertThat(table.mapping.measures()).containsOnlyKeys("TotaalMannenEnVrouwen_1", "k_65Tot75Jaar_4");
		assertThat(table.mapping.measures().get("k_65Tot75Jaar_4").indicator())
			.isEqualTo("cbs_60039fvw__k_65tot75jaar_4");
		assertThat(table.mapping.dimensions()).containsOnlyKeys("StatusCijfer");
		assertThat(GenericTable.RESERVED.matcher("cbs_60039fvw__k_65tot75jaar_4").matches()).isTrue();
		assertThat(GenericTable.RESERVED.matcher("werkloosheidspercentage").matches()).isFalse();
	}

	@Test
	void aTableWithoutRegionColumnIsNational() {
		GenericTable table = GenericTable.of("85624NED",
				List.of("ID", "Geslacht", "Leeftijd", "Perioden", "DeelnemersLevenLangOntwikkelen_1"), null, null);
		assertThat(table.mapping.regionColumn()).isNull();
		assertThat(table.mapping.region()).isEqualTo("NL01");
	}

	@Test
	void aStatusDimensionSetsTheStatusAndIsNoBreakdown() {
		GenericTable table = GenericTable.of("60039fvw", List.of("StatusCijfer", "RegioS", "Perioden", "A_1"), null,
				null);
		Map<String, TableMapping.Member> status = table.mapping.dimensions().get("StatusCijfer");
		assertThat(status.get("Voorlopig").status()).isEqualTo("voorlopig");
		assertThat(status.get("Nader voorlopig").status()).isEqualTo("nader_voorlopig");
		assertThat(status.get("Definitief").breakdown()).isEmpty();
		assertThatThrownBy(() -> status.get("Herzien")).isInstanceOf(ImportException.class)
			.hasMessageContaining("column StatusCijfer")
			.hasMessageContaining("'Herzien'");
	}

	@Test
	void membersAreSluggedTitlesOrCbsKeysAndTheTotalIsNoBreakdown() {
		GenericTable csv = GenericTable.of("85624NED", List.of("Onderwijsniveau", "Perioden", "A_1"), null, null);
		Map<String, TableMapping.Member> level = csv.mapping.dimensions().get("Onderwijsniveau");
		assertThat(level.get("Totaal").breakdown()).isEmpty();
		assertThat(level.get("3 Hbo, wo").breakdown()).containsEntry("cbs_85624ned__onderwijsniveau", "3-hbo-wo");
		assertThat(level.get("Weet niet of onbekend").breakdown()).containsEntry("cbs_85624ned__onderwijsniveau",
				"weet-niet-of-onbekend");

		GenericTable odata = GenericTable.ofV4("80072ned",
				List.of("Id", "Measure", "Value", "BedrijfskenmerkenSBI2008", "Perioden", "ValueAttribute"), null);
		odata.memberTitles("BedrijfskenmerkenSBI2008",
				Map.of("T001081", "A-U Alle economische activiteiten", "383100", "H Vervoer en opslag"));
		Map<String, TableMapping.Member> sbi = odata.mapping.dimensions().get("BedrijfskenmerkenSBI2008");
		assertThat(sbi.get("T001081").breakdown()).as("a CBS total key").isEmpty();
		assertThat(sbi.get("383100").breakdown()).containsEntry("cbs_80072ned__bedrijfskenmerkensbi2008", "383100");
		assertThat(odata.mapping.measures().get("M001924").indicator()).isEqualTo("cbs_80072ned__m001924");

		// codes without their code list (a saved UntypedDataSet): the total key is still
		// the total
		GenericTable untyped = GenericTable.of("83599NED",
				List.of("ID", "BedrijfstakkenBranchesSBI2008", "RegioS", "Perioden", "OpenstaandeVacatures_1"), null,
				null);
		Map<String, TableMapping.Member> branches = untyped.mapping.dimensions().get("BedrijfstakkenBranchesSBI2008");
		assertThat(branches.get("T001081 ").breakdown()).isEmpty();
		assertThat(branches.get("301000 ").breakdown()).containsEntry("cbs_83599ned__bedrijfstakkenbranchessbi2008",
				"301000");
	}

	@Test
	void readableNamesAndUnits() {
		assertThat(GenericTable.readable("k_65JaarOfOuder_4")).isEqualTo("65 jaar of ouder");
		assertThat(GenericTable.readable("DeelnemersLevenLangOntwikkelen_1"))
			.isEqualTo("Deelnemers leven lang ontwikkelen");
		assertThat(GenericTable.readable("JongerDan20Jaar_2")).isEqualTo("Jonger dan 20 jaar");
		assertThat(GenericTable.unit("%")).isEqualTo("percent");
		assertThat(GenericTable.unit("1 000 banen")).isEqualTo("x1000");
		assertThat(GenericTable.unit("x 1 000")).isEqualTo("x1000");
		assertThat(GenericTable.unit("aantal")).isEqualTo("persons");
		assertThat(GenericTable.unit("euro")).isEqualTo("euro");
		assertThat(GenericTable.unit(null)).isEqualTo("unknown");
		assertThat(GenericTable.slug("Fryslân – Noord")).isEqualTo("fryslan-noord");
	}

}
