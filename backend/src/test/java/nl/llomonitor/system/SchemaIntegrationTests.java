package nl.llomonitor.system;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static nl.llomonitor.db.Tables.IMPORT_RUN;
import static nl.llomonitor.db.Tables.INDICATOR;
import static nl.llomonitor.db.Tables.OBSERVATION;
import static nl.llomonitor.db.Tables.OBSERVATION_CURRENT;
import static nl.llomonitor.db.Tables.PERIOD;
import static nl.llomonitor.db.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrates a brand-new database with the Flyway scripts in {@code migrations/} and checks
 * the store they create, including that revisions are kept as vintages.
 */
class SchemaIntegrationTests {

	private static String url;

	private static DatabaseEndpoint server;

	private static String database;

	private static MigrateResult migration;

	private static Connection connection;

	private static DSLContext dsl;

	@BeforeAll
	static void migrateFreshDatabase() throws Exception {
		server = TestDatabase.endpoint();
		database = "schema_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement s = admin.createStatement()) {
			s.execute("create database " + database);
		}
		url = new DatabaseEndpoint(server.host(), server.port(), database, server.username(), server.password())
			.jdbcUrl();
		migration = Flyway.configure()
			.dataSource(url, server.username(), server.password())
			.locations("classpath:db/migration")
			.load()
			.migrate();
		connection = DriverManager.getConnection(url, server.username(), server.password());
		dsl = DSL.using(connection, SQLDialect.POSTGRES);
	}

	@AfterAll
	static void dropDatabase() throws Exception {
		connection.close();
		try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement s = admin.createStatement()) {
			s.execute("drop database " + database);
		}
	}

	@Test
	void migrationsApplyToAnEmptyDatabase() {
		assertThat(migration.success).isTrue();
		assertThat(migration.migrationsExecuted).isGreaterThanOrEqualTo(1);
		List<String> tables = dsl
			.resultQuery("select table_name from information_schema.tables where table_schema = 'public'")
			.fetch(0, String.class);
		assertThat(tables).contains("region", "region_level", "region_alias", "region_parent", "region_geometry",
				"period", "indicator", "dimension", "dimension_member", "breakdown", "breakdown_member", "observation",
				"observation_current", "import_run", "data_version");
	}

	@Test
	void indexesServeSeriesAndLatestValueQueries() {
		List<String> indexes = dsl.resultQuery("select indexname from pg_indexes where tablename = 'observation'")
			.fetch(0, String.class);
		assertThat(indexes).contains("observation_cell_idx", "observation_latest_idx");
	}

	@Test
	void regionAndPeriodCodesAreChecked() {
		assertThatThrownBy(() -> dsl.insertInto(REGION)
			.set(REGION.CODE, "PV26  ")
			.set(REGION.LEVEL, "provincie")
			.set(REGION.NAME_NL, "Utrecht")
			.set(REGION.NAME_EN, "Utrecht")
			.execute()).isInstanceOf(DataAccessException.class).hasMessageContaining("region_code_check");
		assertThatThrownBy(() -> insertPeriod("2023KW05", "quarter")).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("period_code_check");
	}

	@Test
	void aRevisedValueIsANewVintageAndTheNewestIsCurrent() {
		dsl.insertInto(REGION)
			.set(REGION.CODE, "PV26")
			.set(REGION.LEVEL, "provincie")
			.set(REGION.NAME_NL, "Utrecht")
			.set(REGION.NAME_EN, "Utrecht")
			.execute();
		insertPeriod("2019KW04", "quarter");
		dsl.insertInto(INDICATOR)
			.set(INDICATOR.CODE, "vacatures")
			.set(INDICATOR.NAME_NL, "Openstaande vacatures")
			.set(INDICATOR.NAME_EN, "Job vacancies")
			.set(INDICATOR.UNIT, "x1000")
			.set(INDICATOR.DEFINITION_NL, "Openstaande vacatures aan het einde van het kwartaal")
			.set(INDICATOR.DEFINITION_EN, "Open job vacancies at the end of the quarter")
			.set(INDICATOR.SOURCE_TABLE, "83599NED")
			.execute();
		// The 2020 vintage of CBS 83599NED published 26.7 (x1000) for Utrecht, 2019 Q4;
		// the 2025 vintage 27.1.
		long first = importRun("2020-08-23T00:00:00Z");
		insertObservation(first, "2020-08-23T00:00:00Z", "26.7");
		long second = importRun("2025-04-23T00:00:00Z");
		insertObservation(second, "2025-04-23T00:00:00Z", "27.1");

		assertThat(dsl.selectCount()
			.from(OBSERVATION)
			.where(OBSERVATION.REGION_CODE.eq("PV26"), OBSERVATION.PERIOD_CODE.eq("2019KW04"))
			.fetchOne(0, Integer.class)).isEqualTo(2);
		assertThat(dsl.select(OBSERVATION_CURRENT.VALUE)
			.from(OBSERVATION_CURRENT)
			.where(OBSERVATION_CURRENT.REGION_CODE.eq("PV26"), OBSERVATION_CURRENT.PERIOD_CODE.eq("2019KW04"))
			.fetch(OBSERVATION_CURRENT.VALUE)).containsExactly(new BigDecimal("27.1"));
		// as known at the start of 2021: the first vintage
		assertThat(dsl.select(OBSERVATION.VALUE)
			.from(OBSERVATION)
			.where(OBSERVATION.REGION_CODE.eq("PV26"), OBSERVATION.PERIOD_CODE.eq("2019KW04"),
					OBSERVATION.RECORDED_AT.le(OffsetDateTime.parse("2021-01-01T00:00:00Z")))
			.orderBy(OBSERVATION.RECORDED_AT.desc())
			.limit(1)
			.fetchOne(OBSERVATION.VALUE)).isEqualByComparingTo("26.7");
	}

	@Test
	void bumpingTheDataVersionCountsUp() {
		long before = dsl.resultQuery("select version from data_version").fetchOne(0, Long.class);
		long after = dsl.resultQuery("select bump_data_version()").fetchOne(0, Long.class);
		assertThat(after).isEqualTo(before + 1);
	}

	private void insertPeriod(String code, String type) {
		dsl.insertInto(PERIOD)
			.set(PERIOD.CODE, code)
			.set(PERIOD.TYPE, nl.llomonitor.cube.PeriodType.of(type))
			.set(PERIOD.YEAR, (short) 2019)
			.set(PERIOD.NUMBER, (short) 4)
			.set(PERIOD.START_DATE, java.time.LocalDate.of(2019, 10, 1))
			.set(PERIOD.END_DATE, java.time.LocalDate.of(2019, 12, 31))
			.execute();
	}

	private long importRun(String at) {
		return dsl.insertInto(IMPORT_RUN)
			.set(IMPORT_RUN.FORMAT, "cbs-odata3")
			.set(IMPORT_RUN.FILE_NAME, "83599NED")
			.set(IMPORT_RUN.CHECKSUM, at)
			.set(IMPORT_RUN.TABLE_ID, "83599NED")
			.set(IMPORT_RUN.STARTED_AT, OffsetDateTime.parse(at))
			.set(IMPORT_RUN.STATUS, nl.llomonitor.cube.ImportRunState.SUCCEEDED)
			.returning(IMPORT_RUN.ID)
			.fetchOne(IMPORT_RUN.ID);
	}

	private void insertObservation(long run, String at, String value) {
		dsl.insertInto(OBSERVATION)
			.set(OBSERVATION.INDICATOR_CODE, "vacatures")
			.set(OBSERVATION.REGION_CODE, "PV26")
			.set(OBSERVATION.PERIOD_CODE, "2019KW04")
			.set(OBSERVATION.IMPORT_RUN_ID, run)
			.set(OBSERVATION.RECORDED_AT, OffsetDateTime.parse(at))
			.set(OBSERVATION.VALUE, new BigDecimal(value))
			.set(OBSERVATION.STATUS, nl.llomonitor.cube.Status.DEFINITIEF)
			.set(OBSERVATION.SOURCE_TABLE, "83599NED")
			.execute();
	}

}
