package nl.llomonitor.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V16 on a store that was filled before it: the demo data set's run becomes the
 * stand-in, and its vintages of the cells real imports have written since are removed (a
 * real vintage replaces the demo's); its other vintages, and a user's file in the
 * project's own format, stay.
 */
class DemoStandInMigrationIntegrationTests {

	@Test
	void theDemosVintagesUnderRealOnesAreRemovedAndNothingElse() throws Exception {
		DatabaseEndpoint server = TestDatabase.endpoint();
		String database = "v16_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				Statement s = admin.createStatement()) {
			s.execute("create database " + database);
		}
		String url = new DatabaseEndpoint(server.host(), server.port(), database, server.username(), server.password())
			.jdbcUrl();
		try {
			Flyway.configure()
				.dataSource(url, server.username(), server.password())
				.locations("classpath:db/migration")
				.target("15")
				.load()
				.migrate();
			try (Connection connection = DriverManager.getConnection(url, server.username(), server.password())) {
				DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES);
				dsl.execute("insert into region (code, level, name_nl, name_en) values ('PV26', 'provincie', 'Utrecht',"
						+ " 'Utrecht')");
				dsl.execute("insert into period (code, type, year, number, start_date, end_date) values"
						+ " ('2019KW02', 'quarter', 2019, 2, '2019-04-01', '2019-06-30'),"
						+ " ('2019KW03', 'quarter', 2019, 3, '2019-07-01', '2019-09-30'),"
						+ " ('2019KW04', 'quarter', 2019, 4, '2019-10-01', '2019-12-31')");
				dsl.execute("insert into indicator (code, name_nl, name_en, unit, definition_nl, definition_en,"
						+ " source_table) values ('vacatures', 'Vacatures', 'Vacancies', 'x1000', 'd', 'd', '83599NED')");
				long demo = run(dsl, "demo", "demo/observations.csv", "2026-01-01T00:00:00Z");
				long own = run(dsl, "demo", "observations.csv", "2026-01-02T00:00:00Z");
				long real = run(dsl, "cbs-csv", "83599NED.csv", "2026-02-01T00:00:00Z");
				cell(dsl, demo, "2019KW02", "2026-01-01T00:00:00Z", "25.0");
				cell(dsl, demo, "2019KW03", "2026-01-01T00:00:00Z", "26.0");
				cell(dsl, demo, "2019KW04", "2026-01-01T00:00:00Z", "26.7");
				// a user's file in the project's own format is real data
				cell(dsl, own, "2019KW03", "2026-01-02T00:00:00Z", "26.1");
				// a back-dated real vintage: older than the demo's
				cell(dsl, real, "2019KW04", "2025-04-23T00:00:00Z", "26.7");

				Flyway.configure()
					.dataSource(url, server.username(), server.password())
					.locations("classpath:db/migration")
					.load()
					.migrate();

				assertThat(dsl.fetchValue("select stand_in from import_run where id = ?", demo)).isEqualTo(true);
				assertThat(dsl.fetchValue("select stand_in from import_run where id = ?", own)).isEqualTo(false);
				List<String> left = dsl.fetch("select import_run_id || ':' || period_code from observation order by 1")
					.getValues(0, String.class);
				assertThat(left).containsExactlyInAnyOrder(demo + ":2019KW02", own + ":2019KW03", real + ":2019KW04");
			}
		}
		finally {
			try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
					Statement s = admin.createStatement()) {
				s.execute("drop database " + database);
			}
		}
	}

	private static long run(DSLContext dsl, String format, String file, String at) {
		return ((Number) dsl.fetchValue("insert into import_run (format, file_name, checksum, started_at, status)"
				+ " values (?, ?, ?, ?::timestamptz, 'succeeded') returning id", format, file, at, at))
			.longValue();
	}

	private static void cell(DSLContext dsl, long run, String period, String at, String value) {
		dsl.execute("insert into observation (indicator_code, region_code, period_code, import_run_id, recorded_at,"
				+ " value, status, source_table) values ('vacatures', 'PV26', ?, ?, ?::timestamptz, ?::numeric,"
				+ " 'definitief', '83599NED')", period, run, at, value);
	}

}
