package nl.llomonitor.importer;

import nl.llomonitor.SharedData;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.OBSERVATION_CURRENT;
import static nl.llomonitor.db.Tables.REGION;
import static nl.llomonitor.db.Tables.REGION_GEOMETRY;
import static nl.llomonitor.importer.CurrentValues.cell;
import static nl.llomonitor.importer.CurrentValues.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports each real published file of {@code shared/data} with its mapping file and
 * checks figures as CBS and Eurostat publish them.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class RealFilesImportIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@Test
	void eurostatTrainingParticipationWithNutsCodesAndFlags() {
		ImportReport report = this.importer.importFile(SharedData.file("eurostat/trng_lfse_04_NL_subset.tsv"));
		assertThat(report.format()).isEqualTo("eurostat-tsv");
		assertThat(report.tableId()).isEqualTo("trng_lfse_04");
		assertThat(report.rowsRead()).isEqualTo(51);
		assertThat(value(this.jdbc, "llo_deelname_eurostat", "NL01", "2023JJ00", "")).isEqualByComparingTo("26.4");
		assertThat(value(this.jdbc, "llo_deelname_eurostat", "PV26", "2022JJ00", "")).isEqualByComparingTo("29.0");
		assertThat(cell(this.jdbc, "llo_deelname_eurostat", "NL01", "2021JJ00", "").get(OBSERVATION_CURRENT.FLAGS))
			.contains("b");
		assertThat(cell(this.jdbc, "llo_deelname_eurostat", "NL01", "2022JJ00", "").get(OBSERVATION_CURRENT.FLAGS))
			.isEmpty();
		assertThat(value(this.jdbc, "llo_deelname_eurostat", "PV21", "2003JJ00", "sex=vrouw"))
			.isEqualByComparingTo("14.0");
		assertThat(cell(this.jdbc, "llo_deelname_eurostat", "PV21", "2003JJ00", "sex=vrouw")
			.get(OBSERVATION_CURRENT.FLAGS)).isEqualTo("b");
	}

	@Test
	void vacanciesBySectorAndRegionCutOffFileIsFlagged() {
		ImportReport report = this.importer.importFile(SharedData.file("cbs/83599NED.csv"), true);
		assertThat(report.warnings()).anyMatch((w) -> w.contains("probably cut off"));
		assertThat(value(this.jdbc, "vacatures", "PV26", "2019KW04", "")).isEqualByComparingTo("27.1");
		assertThat(value(this.jdbc, "vacatures", "NL01", "2011KW01", "")).isEqualByComparingTo("135.5");
		assertThat(value(this.jdbc, "vacatures", "NL01", "2011KW01", "sector=C")).isNotNull();
	}

	@Test
	void seasonallyAdjustedVacancies() {
		this.importer.importFile(SharedData.file("cbs/80474ned.csv"));
		assertThat(value(this.jdbc, "vacatures_sa", "NL01", "1997KW01", "")).isEqualByComparingTo("83.8");
		assertThat(value(this.jdbc, "vacatures_sa", "NL01", "1997KW01", "sector=overheid")).isNotNull();
	}

	@Test
	void unemploymentBenefitsPerMonthWithMargins() {
		ImportReport report = this.importer.importFile(SharedData.file("cbs/85554NED.csv"), true);
		assertThat(report.warnings()).anyMatch((w) -> w.contains("probably cut off"))
			.anyMatch((w) -> w.contains("Niet in te delen"));
		Record nl = cell(this.jdbc, "ww_uitkeringen", "NL01", "2024MM11", "");
		assertThat(nl.get(OBSERVATION_CURRENT.VALUE)).isEqualByComparingTo("166540");
		assertThat(nl.get(OBSERVATION_CURRENT.MARGIN_LOW)).isEqualByComparingTo("164040");
		assertThat(value(this.jdbc, "ww_uitkeringen", "PV26", "2024MM11", "")).isEqualByComparingTo("11580");
		assertThat(value(this.jdbc, "ww_uitkeringen", "AM01", "2024MM11", "")).isNotNull();
	}

	@Test
	void lifelongLearningByPersonalCharacteristics() {
		this.importer.importFile(SharedData.file("cbs/85315NED.csv"), true);
		assertThat(value(this.jdbc, "llo_populatie", "NL01", "2023JJ00", "")).isEqualByComparingTo("13326");
		assertThat(value(this.jdbc, "llo_deelnemers", "NL01", "2023JJ00", "")).isEqualByComparingTo("4311");
		assertThat(value(this.jdbc, "llo_deelnemers", "NL01", "2023JJ00", "llo_type=formeel"))
			.isEqualByComparingTo("2473");
		assertThat(value(this.jdbc, "llo_deelnemers", "NL01", "2023JJ00", "llo_type=niet_formeel"))
			.isEqualByComparingTo("1838");
		assertThat(
				value(this.jdbc, "llo_deelnemers", "NL01", "2023JJ00", "education_level=hoog;labour_position=werkzaam"))
			.isNotNull();
	}

	@Test
	void lifelongLearningOfTheEmployed() {
		this.importer.importFile(SharedData.file("cbs/85314NED.csv"), true);
		assertThat(value(this.jdbc, "llo_werkzamen", "NL01", "2023JJ00", "")).isEqualByComparingTo("9737");
		assertThat(value(this.jdbc, "llo_werkzamen_deelnemers", "NL01", "2023JJ00", "")).isEqualByComparingTo("3514");
		assertThat(value(this.jdbc, "llo_werkzamen_deelnemers", "NL01", "2023JJ00", "age_group=25_35")).isNotNull();
	}

	@Test
	void regionalLabourParticipationOnlyForLevelsThe85268TableLacks() {
		ImportReport report = this.importer.importFile(SharedData.file("cbs/86088NED.csv"), true);
		assertThat(report.warnings()).anyMatch((w) -> w.contains("probably cut off"));
		assertThat(value(this.jdbc, "werkloosheidspercentage", "AM01", "2023JJ00", "")).isEqualByComparingTo("3.8");
		assertThat(value(this.jdbc, "netto_arbeidsparticipatie", "GM1680", "2023JJ00", ""))
			.isEqualByComparingTo("71.4");
		assertThat(this.jdbc.fetchCount(
				OBSERVATION_CURRENT.join(REGION).on(REGION.CODE.eq(OBSERVATION_CURRENT.REGION_CODE)),
				OBSERVATION_CURRENT.SOURCE_TABLE.eq("86088NED")
					.and(REGION.LEVEL.in("land", "landsdeel", "provincie")
						.or(REGION.CODE.in("GM0363", "GM0599", "GM0518", "GM0344")))))
			.isZero();
	}

	@Test
	void occupationsFromTheODataV4Csv() {
		ImportReport report = this.importer.importFile(SharedData.file("cbs/84916NED_v4_allTables.csv"));
		assertThat(report.format()).isEqualTo("cbs-v4-csv");
		assertThat(value(this.jdbc, "werkzame_beroepsbevolking_beroep", "NL01", "2022JJ00", ""))
			.isEqualByComparingTo("9548");
		assertThat(value(this.jdbc, "werkzame_beroepsbevolking_beroep", "LD01", "2022JJ00", ""))
			.isEqualByComparingTo("917");
		assertThat(value(this.jdbc, "werkzame_beroepsbevolking_beroep", "NL01", "2022JJ00",
				"occupation_class=openbaar_bestuur"))
			.isEqualByComparingTo("332");
	}

	@Test
	void provinceAndLabourMarketRegionShapes() {
		this.importer.importFile(SharedData.file("geo/provincie_2023_wgs84.geojson"));
		ImportReport am = this.importer.importFile(SharedData.file("geo/arbeidsmarktregio_2024_wgs84.geojson"));
		assertThat(am.rowsRead()).isEqualTo(35);
		assertThat(this.jdbc.fetchCount(REGION_GEOMETRY,
				REGION_GEOMETRY.EDITION.eq("2023").and(REGION_GEOMETRY.REGION_CODE.like("PV%"))))
			.isEqualTo(12);
		assertThat(this.jdbc.fetchCount(REGION_GEOMETRY,
				REGION_GEOMETRY.EDITION.eq("2024").and(REGION_GEOMETRY.REGION_CODE.like("AM%"))))
			.isEqualTo(35);
		ImportReport again = this.importer.importFile(SharedData.file("geo/provincie_2023_wgs84.geojson"));
		assertThat(again.status()).isEqualTo("unchanged");
	}

	@Test
	void gebiedenInNederlandAgainChangesNothing() {
		// the first import of the edition may end the former gemeenten of the built-in
		// list (a complete edition ends what it no longer lists); the same edition again
		// changes nothing
		this.importer.importFile(SharedData.file("cbs/85755NED.csv"));
		ImportReport report = this.importer.importFile(SharedData.file("cbs/85755NED.csv"));
		assertThat(report.format()).isEqualTo("regions");
		assertThat(report.rowsRead()).isEqualTo(342);
		assertThat(report.status()).isEqualTo("unchanged");
	}

}
