package nl.llomonitor.importer;

import java.io.IOException;
import java.nio.file.Path;
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

import static nl.llomonitor.db.Tables.OBSERVATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A row of a region the store does not know fails the import, naming it, unless the
 * import skips such rows ({@code --skip-unknown-regions}, admin form field
 * {@code skipUnknownRegions=true}): then they are skipped and counted in a warning, in
 * every format, for a table with a curated mapping as for one without. The option used to
 * be honoured for tables without a mapping only: with one, the import failed all the
 * same.
 */
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
class UnknownRegionsIntegrationTests {

	@Autowired
	private ImportService importer;

	@Autowired
	@Qualifier(DatabaseConfiguration.JDBC_DSL)
	private DSLContext jdbc;

	@TempDir
	Path temp;

	/**
	 * @param file shared file (or a file of a shared OData folder)
	 * @param folder whether to import the file's whole folder
	 * @param change what makes one row's region unknown
	 * @param region the unknown region as the warning names it
	 * @param rows how many rows name it
	 */
	record Case(String file, boolean folder, UnaryOperator<String> change, String region, int rows) {

		@Override
		public String toString() {
			return this.file;
		}

	}

	static Stream<Case> cases() {
		return Stream.of(
				new Case("cbs/86088NED.csv", false,
						(t) -> t.replace(";Totaal personen;Groningen (AM);2020;",
								";Totaal personen;Groningen (XX);2020;"),
						"Groningen (XX)", 1),
				new Case("cbs/84916NED_v4_allTables.csv", false,
						(t) -> t.replace(",2022,PV26,Utrecht (PV)", ",2022,PV99,Utrecht (PV)"), "PV99", 11),
				new Case("eurostat/trng_lfse_04_NL_subset.tsv", false, (t) -> t.replace(",NL31\t", ",NL39\t"), "NL39",
						3),
				new Case("cbs/odata3_83599NED/UntypedDataSet_page1.json", true,
						(t) -> t.replace("\"RegioS\":\"LD01  \"", "\"RegioS\":\"LD09  \""), "LD09", 608));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void rowsOfAnUnknownRegionFailTheImportUnlessItSkipsThem(Case c) throws IOException {
		Path target = SharedData.changedCopy(c.file(), c.folder(), this.temp, c.change());

		long observations = this.jdbc.fetchCount(OBSERVATION);
		assertThatThrownBy(() -> this.importer.importFile(target)).isInstanceOf(ImportException.class)
			.hasMessageContaining("'" + c.region())
			.hasMessageContaining("unknown region")
			.hasMessageContaining("--skip-unknown-regions");
		assertThat(this.jdbc.fetchCount(OBSERVATION)).isEqualTo(observations);

		ImportReport report = this.importer.importFile(target, null, null,
				// incomplete allowed: the shared 86088NED.csv is cut off at CBS's 10,000
				// rows
				new ImportOptions(null, false, true, true, null), null);
		assertThat(report.warnings()).anyMatch((w) -> w.startsWith(
				c.rows() + " rows of 1 regions the store does not" + " know were skipped (--skip-unknown-regions): ")
				&& w.contains(c.region()));
		assertThat(report.rowsRead()).isGreaterThan(c.rows());
	}

}
