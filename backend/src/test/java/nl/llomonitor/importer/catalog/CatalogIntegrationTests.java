package nl.llomonitor.importer.catalog;

import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.DIMENSION_MEMBER;
import static nl.llomonitor.db.Tables.INDICATOR;
import static nl.llomonitor.db.Tables.REGION;
import static nl.llomonitor.db.Tables.REGION_ALIAS;
import static nl.llomonitor.db.Tables.REGION_PARENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog (indicators, dimensions, regions) is in the store after startup, with the
 * codes of docs/api.md, and loading it again changes nothing.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class CatalogIntegrationTests {

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@Autowired
	private ImportService importer;

	@Test
	void indicatorsOfTheContractAreLoaded() {
		assertThat(this.jdbc.select(INDICATOR.CODE).from(INDICATOR).fetch(INDICATOR.CODE)).contains("beroepsbevolking",
				"werkzame_beroepsbevolking", "werkloze_beroepsbevolking", "bevolking_15_75",
				"netto_arbeidsparticipatie", "bruto_arbeidsparticipatie", "werkloosheidspercentage", "vacatures",
				"vacatures_sa", "ww_uitkeringen", "spanningsindicator", "bevolking_65_plus", "bevolking_20_64",
				"grijze_druk", "llo_populatie", "llo_deelnemers", "llo_deelname", "llo_werkzamen_deelnemers",
				"llo_werkzamen", "llo_deelname_eurostat", "werkzame_beroepsbevolking_beroep", "ziekteverzuim");
		var deelname = this.jdbc.fetchSingle(INDICATOR, INDICATOR.CODE.eq("llo_deelname"));
		assertThat(deelname.getNumeratorCode()).isEqualTo("llo_deelnemers");
		assertThat(deelname.getDenominatorCode()).isEqualTo("llo_populatie");
		assertThat(deelname.getMultiplier()).isEqualByComparingTo("100");
		var werkloosheid = this.jdbc.fetchSingle(INDICATOR, INDICATOR.CODE.eq("werkloosheidspercentage"));
		assertThat(werkloosheid.getHigherIsBetter()).isFalse();
		assertThat(werkloosheid.getUnit()).isEqualTo("percent");
		assertThat(werkloosheid.getSourceTable()).isEqualTo("85268NED");
		assertThat(this.jdbc.fetchSingle(INDICATOR, INDICATOR.CODE.eq("vacatures_sa")).getSeasonallyAdjusted())
			.isTrue();
	}

	@Test
	void dimensionsAndMembersAreLoaded() {
		assertThat(this.jdbc.fetchCount(DIMENSION_MEMBER, DIMENSION_MEMBER.DIMENSION_CODE.eq("education_level")))
			.isEqualTo(3);
		assertThat(this.jdbc
			.fetchSingle(DIMENSION_MEMBER,
					DIMENSION_MEMBER.DIMENSION_CODE.eq("sector").and(DIMENSION_MEMBER.CODE.eq("A-U")))
			.getIsTotal()).isTrue();
		assertThat(this.jdbc.fetchExists(DIMENSION_MEMBER,
				DIMENSION_MEMBER.DIMENSION_CODE.eq("llo_type").and(DIMENSION_MEMBER.CODE.eq("formeel"))))
			.isTrue();
	}

	@Test
	void regionsWithParentsAndAliasesAreLoaded() {
		assertThat(this.jdbc.fetchSingle(REGION, REGION.CODE.eq("PV21")).getNameNl()).isEqualTo("Fryslân");
		assertThat(this.jdbc.fetchCount(REGION, REGION.LEVEL.eq("provincie"))).isEqualTo(12);
		assertThat(this.jdbc.fetchCount(REGION, REGION.LEVEL.eq("arbeidsmarktregio"))).isEqualTo(35);
		assertThat(this.jdbc.select(REGION_PARENT.PARENT_CODE)
			.from(REGION_PARENT)
			.where(REGION_PARENT.CHILD_CODE.eq("PV26"))
			.fetch(REGION_PARENT.PARENT_CODE)).containsExactlyInAnyOrder("NL01", "LD03");
		assertThat(this.jdbc.select(REGION_ALIAS.REGION_CODE)
			.from(REGION_ALIAS)
			.where(REGION_ALIAS.SCHEME.eq("nuts2016"), REGION_ALIAS.ALIAS.eq("NL31"))
			.fetchOne(REGION_ALIAS.REGION_CODE)).isEqualTo("PV26");
		assertThat(this.jdbc.select(REGION_ALIAS.REGION_CODE)
			.from(REGION_ALIAS)
			.where(REGION_ALIAS.SCHEME.eq("name"), REGION_ALIAS.ALIAS.eq("Friesland"))
			.fetchOne(REGION_ALIAS.REGION_CODE)).isEqualTo("PV21");
	}

	@Test
	void loadingTheCatalogAgainChangesNothing() {
		long version = this.jdbc.fetchSingle("select version from data_version").get(0, Long.class);
		assertThat(CatalogLoader.load(this.jdbc, this.importer.catalog(), this.importer.seedRegions())).isZero();
		assertThat(this.jdbc.fetchSingle("select version from data_version").get(0, Long.class)).isEqualTo(version);
	}

}
