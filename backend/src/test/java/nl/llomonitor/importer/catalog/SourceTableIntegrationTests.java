package nl.llomonitor.importer.catalog;

import java.util.List;

import nl.llomonitor.importer.ImportService;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.db.Tables.INDICATOR;
import static nl.llomonitor.db.Tables.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the mapping files and data/indicators.yaml declare is in the store after startup:
 * every mapped table's publisher, licence, URL and survey in {@code source}, and the
 * read-side roles of the indicators; loading them again changes nothing, also when a
 * mapping changes the case of its table id.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class SourceTableIntegrationTests {

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@Autowired
	private ImportService importer;

	@Test
	void everyMappedTableHasItsAttribution() {
		assertThat(this.jdbc.fetchCount(SOURCE)).isEqualTo(this.importer.mappings().all().size());
		var ebb = this.jdbc.selectFrom(SOURCE).where(SOURCE.TABLE_ID.eq("85268NED")).fetchSingle();
		assertThat(ebb.getPublisher()).isEqualTo("CBS");
		assertThat(ebb.getLicence()).isEqualTo("CC BY 4.0");
		assertThat(ebb.getUrl()).isEqualTo("https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85268NED");
		assertThat(ebb.getSurvey()).isEqualTo("EBB");
		var eurostat = this.jdbc.selectFrom(SOURCE).where(SOURCE.TABLE_ID.eq("trng_lfse_04")).fetchSingle();
		assertThat(eurostat.getPublisher()).isEqualTo("Eurostat");
		assertThat(eurostat.getSurvey()).isNull();
		assertThat(this.jdbc.fetchValue(SOURCE.SURVEY, SOURCE.TABLE_ID.eq("83599NED"))).isNull();
	}

	@Test
	void indicatorsCarryTheirRoles() {
		var unemployment = this.jdbc.selectFrom(INDICATOR)
			.where(INDICATOR.CODE.eq("werkloosheidspercentage"))
			.fetchSingle();
		assertThat(unemployment.getKerncijferOrder()).isEqualTo((short) 4);
		assertThat(unemployment.getSampleBase()).isEqualTo("beroepsbevolking");
		assertThat(List.of(unemployment.getShareDimensions())).startsWith("sex", "age_group");
		assertThat(this.jdbc.fetchValue(INDICATOR.KERNCIJFER_FALLBACK, INDICATOR.CODE.eq("llo_deelname"))).isTrue();
		assertThat(this.jdbc.fetchCount(INDICATOR, INDICATOR.KERNCIJFER_ORDER.isNotNull())).isEqualTo(10);
	}

	@Test
	void loadingAgainChangesNothingAlsoAfterACaseChange() {
		long version = this.jdbc.fetchSingle("select version from data_version").get(0, Long.class);
		assertThat(CatalogLoader.loadSources(this.jdbc, this.importer.mappings())).isZero();
		assertThat(this.jdbc.fetchSingle("select version from data_version").get(0, Long.class)).isEqualTo(version);
		// a row whose id differs only in case is updated in place, not doubled
		this.jdbc.update(SOURCE).set(SOURCE.TABLE_ID, "85268ned").where(SOURCE.TABLE_ID.eq("85268NED")).execute();
		assertThat(CatalogLoader.loadSources(this.jdbc, this.importer.mappings())).isEqualTo(1);
		assertThat(this.jdbc.fetchValue(SOURCE.TABLE_ID, SOURCE.TABLE_ID.equalIgnoreCase("85268ned")))
			.isEqualTo("85268NED");
		assertThat(this.jdbc.fetchCount(SOURCE)).isEqualTo(this.importer.mappings().all().size());
	}

}
