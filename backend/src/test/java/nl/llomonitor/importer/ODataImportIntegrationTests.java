package nl.llomonitor.importer;

import java.math.BigDecimal;
import java.util.List;

import nl.llomonitor.SharedData;
import nl.llomonitor.system.DatabaseConfiguration;
import nl.llomonitor.system.TestDatabaseConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static nl.llomonitor.importer.CurrentValues.current;
import static nl.llomonitor.db.Tables.OBSERVATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports the saved CBS OData v3 and v4 responses, and the 2020 OData vintage of 83599NED
 * next to its 2025 CSV vintage.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class ODataImportIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@Test
	void theOData2020VintageAndThe2025CsvVintageOfVacanciesAreBothKept() {
		ImportReport odata = this.importer
			.importFile(SharedData.file("cbs/odata3_83599NED/UntypedDataSet_page1.json").getParent());
		assertThat(odata.format()).isEqualTo("cbs-odata3");
		assertThat(odata.tableId()).isEqualTo("83599NED");
		assertThat(odata.rowsRead()).isEqualTo(15_504);
		assertThat(odata.warnings()).contains("2 pages read (odata.nextLink)");
		assertThat(current(this.jdbc, "vacatures", "PV26", "2019KW04")).isEqualByComparingTo("26.7");
		this.importer.importFile(SharedData.file("cbs/83599NED.csv"));
		assertThat(current(this.jdbc, "vacatures", "PV26", "2019KW04")).isEqualByComparingTo("27.1");
		List<BigDecimal> vintages = this.jdbc.select(OBSERVATION.VALUE)
			.from(OBSERVATION)
			.where(OBSERVATION.INDICATOR_CODE.eq("vacatures"), OBSERVATION.REGION_CODE.eq("PV26"),
					OBSERVATION.PERIOD_CODE.eq("2019KW04"), OBSERVATION.BREAKDOWN_ID.eq(0L))
			.orderBy(OBSERVATION.RECORDED_AT, OBSERVATION.ID)
			.fetch(OBSERVATION.VALUE);
		assertThat(vintages.subList(vintages.size() - 2, vintages.size())).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("26.7"), new BigDecimal("27.1"));
	}

	@Test
	void typedDataSetOfALabourAccountsTable() {
		ImportReport report = this.importer
			.importFile(SharedData.file("cbs/odata3_80137ned/TypedDataSet.json").getParent());
		assertThat(report.tableId()).isEqualTo("80137ned");
		assertThat(report.rowsRead()).isEqualTo(675);
		assertThat(current(this.jdbc, "banen", "NL01", "2001JJ00")).isEqualByComparingTo("8811");
	}

	@Test
	void observationsOfODataV4() {
		ImportReport report = this.importer
			.importFile(SharedData.file("cbs/odata4_80072ned/Observations.json").getParent());
		assertThat(report.format()).isEqualTo("cbs-odata4");
		assertThat(report.tableId()).isEqualTo("80072ned");
		assertThat(report.rowsRead()).isEqualTo(4409);
		assertThat(current(this.jdbc, "ziekteverzuim", "NL01", "1996KW01")).isEqualByComparingTo("5.5");
	}

}
