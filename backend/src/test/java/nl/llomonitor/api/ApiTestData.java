package nl.llomonitor.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;

import nl.llomonitor.system.DataChangeListener;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import static nl.llomonitor.db.Tables.BREAKDOWN;
import static nl.llomonitor.db.Tables.BREAKDOWN_MEMBER;
import static nl.llomonitor.db.Tables.DIMENSION;
import static nl.llomonitor.db.Tables.DIMENSION_MEMBER;
import static nl.llomonitor.db.Tables.IMPORT_RUN;
import static nl.llomonitor.db.Tables.INDICATOR;
import static nl.llomonitor.db.Tables.OBSERVATION;
import static nl.llomonitor.db.Tables.PERIOD;
import static nl.llomonitor.db.Tables.REGION;
import static nl.llomonitor.db.Tables.REGION_PARENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small, hand-made cube for API tests that must not depend on the importer: indicators
 * prefixed {@code apitest_} (so they never collide with real ones) on real region codes.
 * Idempotent: the test database is shared by all test classes of a JVM.
 */
final class ApiTestData {

	static final OffsetDateTime FIRST_VINTAGE = OffsetDateTime.parse("2023-10-01T00:00:00Z");

	static final OffsetDateTime SECOND_VINTAGE = OffsetDateTime.parse("2024-02-01T00:00:00Z");

	private ApiTestData() {
	}

	static synchronized void insert(DSLContext dsl) {
		if (dsl.fetchExists(INDICATOR, INDICATOR.CODE.eq("apitest_participatie"))) {
			return;
		}
		dsl.transaction((tx) -> insertAll(tx.dsl()));
	}

	private static void insertAll(DSLContext dsl) {
		region(dsl, "NL01", "land", "Nederland", "The Netherlands");
		region(dsl, "LD01", "landsdeel", "Noord-Nederland", "North Netherlands");
		region(dsl, "LD03", "landsdeel", "West-Nederland", "West Netherlands");
		region(dsl, "PV21", "provincie", "Fryslân", "Fryslân");
		region(dsl, "PV26", "provincie", "Utrecht", "Utrecht");
		parent(dsl, "LD01", "NL01");
		parent(dsl, "LD03", "NL01");
		parent(dsl, "PV21", "LD01");
		parent(dsl, "PV26", "LD03");
		for (int year = 2022; year <= 2023; year++) {
			for (int q = 1; q <= 4; q++) {
				dsl.insertInto(PERIOD)
					.set(PERIOD.CODE, year + "KW0" + q)
					.set(PERIOD.TYPE, nl.llomonitor.cube.PeriodType.QUARTER)
					.set(PERIOD.YEAR, (short) year)
					.set(PERIOD.NUMBER, (short) q)
					.set(PERIOD.START_DATE, java.time.LocalDate.of(year, q * 3 - 2, 1))
					.set(PERIOD.END_DATE, java.time.LocalDate.of(year, q * 3 - 2, 1).plusMonths(3).minusDays(1))
					.onConflictDoNothing()
					.execute();
			}
		}
		indicator(dsl, "apitest_participatie", "Netto arbeidsparticipatie (test)", "percent", 1, "APITEST", true, null,
				null, null);
		indicator(dsl, "apitest_werkzaam", "Werkenden (test)", "x1000", 0, "APITEST", true, null, null, null);
		indicator(dsl, "apitest_bevolking", "Bevolking (test)", "x1000", 0, "APITEST", null, null, null, null);
		indicator(dsl, "apitest_ww", "WW-uitkeringen (test)", "persons", 0, "APITEST", false, null, null, null);
		indicator(dsl, "apitest_ratio", "Aandeel werkenden (test)", "percent", 1, null, true, "apitest_werkzaam",
				"apitest_bevolking", new BigDecimal("100"));
		dsl.insertInto(DIMENSION)
			.set(DIMENSION.CODE, "sex")
			.set(DIMENSION.NAME_NL, "Geslacht")
			.set(DIMENSION.NAME_EN, "Sex")
			.onConflictDoNothing()
			.execute();
		for (String member : new String[] { "man", "vrouw" }) {
			dsl.insertInto(DIMENSION_MEMBER)
				.set(DIMENSION_MEMBER.DIMENSION_CODE, "sex")
				.set(DIMENSION_MEMBER.CODE, member)
				.set(DIMENSION_MEMBER.NAME_NL, member.equals("man") ? "Mannen" : "Vrouwen")
				.set(DIMENSION_MEMBER.NAME_EN, member.equals("man") ? "Men" : "Women")
				.onConflictDoNothing()
				.execute();
		}
		long vrouw = breakdown(dsl, "vrouw");
		long man = breakdown(dsl, "man");
		dsl.insertInto(PERIOD)
			.set(PERIOD.CODE, "2023JJ00")
			.set(PERIOD.TYPE, nl.llomonitor.cube.PeriodType.YEAR)
			.set(PERIOD.YEAR, (short) 2023)
			.set(PERIOD.NUMBER, (short) 0)
			.set(PERIOD.START_DATE, java.time.LocalDate.of(2023, 1, 1))
			.set(PERIOD.END_DATE, java.time.LocalDate.of(2023, 12, 31))
			.onConflictDoNothing()
			.execute();

		long first = run(dsl, FIRST_VINTAGE);
		long second = run(dsl, SECOND_VINTAGE);
		// Netto participation, hand-made quarterly values for two years
		double[] utrecht = { 73.9, 74.6, 75.0, 74.8, 74.7, 75.5, 75.8, 75.4 };
		double[] fryslan = { 70.9, 71.8, 72.0, 71.7, 71.9, 72.6, 72.9, 72.5 };
		for (int i = 0; i < 8; i++) {
			String period = (2022 + i / 4) + "KW0" + (i % 4 + 1);
			observation(dsl, "apitest_participatie", "PV26", period, 0, second, SECOND_VINTAGE, utrecht[i], null);
			observation(dsl, "apitest_participatie", "PV21", period, 0, second, SECOND_VINTAGE, fryslan[i],
					(i == 7) ? "=HYPERLINK(\"x\")" : null);
		}
		// the first vintage of Utrecht 2023 Q2 was 75.1, revised to 75.5
		observation(dsl, "apitest_participatie", "PV26", "2023KW02", 0, first, FIRST_VINTAGE, 75.1, null);
		observation(dsl, "apitest_participatie", "PV26", "2023KW02", vrouw, second, SECOND_VINTAGE, 73.0, null);
		// men: a yearly figure only, where the totals are quarterly
		observation(dsl, "apitest_participatie", "PV26", "2023JJ00", man, second, SECOND_VINTAGE, 77.9, null);
		observation(dsl, "apitest_werkzaam", "PV26", "2023KW02", 0, second, SECOND_VINTAGE, 790, null);
		observation(dsl, "apitest_bevolking", "PV26", "2023KW02", 0, second, SECOND_VINTAGE, 1046, null);
		observation(dsl, "apitest_werkzaam", "PV26", "2023KW02", vrouw, second, SECOND_VINTAGE, 380, null);
		withMargins(dsl, "PV26", second, 10000, 9000, 11000);
		withMargins(dsl, "PV21", second, 12000, 11500, 12500);
	}

	private static long breakdown(DSLContext dsl, String sex) {
		dsl.insertInto(BREAKDOWN).set(BREAKDOWN.KEY, "sex=" + sex).onConflictDoNothing().execute();
		long id = dsl.select(BREAKDOWN.ID).from(BREAKDOWN).where(BREAKDOWN.KEY.eq("sex=" + sex)).fetchSingle().value1();
		dsl.insertInto(BREAKDOWN_MEMBER)
			.set(BREAKDOWN_MEMBER.BREAKDOWN_ID, id)
			.set(BREAKDOWN_MEMBER.DIMENSION_CODE, "sex")
			.set(BREAKDOWN_MEMBER.MEMBER_CODE, sex)
			.onConflictDoNothing()
			.execute();
		return id;
	}

	private static void region(DSLContext dsl, String code, String level, String nl, String en) {
		dsl.insertInto(REGION)
			.set(REGION.CODE, code)
			.set(REGION.LEVEL, level)
			.set(REGION.NAME_NL, nl)
			.set(REGION.NAME_EN, en)
			.onConflictDoNothing()
			.execute();
	}

	private static void parent(DSLContext dsl, String child, String parent) {
		dsl.insertInto(REGION_PARENT)
			.set(REGION_PARENT.CHILD_CODE, child)
			.set(REGION_PARENT.PARENT_CODE, parent)
			.onConflictDoNothing()
			.execute();
	}

	private static void indicator(DSLContext dsl, String code, String name, String unit, int decimals, String table,
			Boolean higherIsBetter, String numerator, String denominator, BigDecimal multiplier) {
		dsl.insertInto(INDICATOR)
			.set(INDICATOR.CODE, code)
			.set(INDICATOR.NAME_NL, name)
			.set(INDICATOR.NAME_EN, name.replace("(test)", "(test EN)"))
			.set(INDICATOR.UNIT, unit)
			.set(INDICATOR.DECIMALS, (short) decimals)
			.set(INDICATOR.DEFINITION_NL, "Testdefinitie van " + name)
			.set(INDICATOR.DEFINITION_EN, "Test definition of " + name)
			.set(INDICATOR.SOURCE_TABLE, table)
			.set(INDICATOR.HIGHER_IS_BETTER, higherIsBetter)
			.set(INDICATOR.NUMERATOR_CODE, numerator)
			.set(INDICATOR.DENOMINATOR_CODE, denominator)
			.set(INDICATOR.MULTIPLIER, multiplier)
			.execute();
	}

	private static long run(DSLContext dsl, OffsetDateTime at) {
		return dsl.insertInto(IMPORT_RUN)
			.set(IMPORT_RUN.FORMAT, "demo")
			.set(IMPORT_RUN.FILE_NAME, "api-test-data")
			.set(IMPORT_RUN.CHECKSUM, "apitest-" + at)
			.set(IMPORT_RUN.STARTED_AT, at)
			.set(IMPORT_RUN.FINISHED_AT, at)
			.set(IMPORT_RUN.STATUS, nl.llomonitor.cube.ImportRunState.SUCCEEDED)
			.returning(IMPORT_RUN.ID)
			.fetchSingle()
			.getId();
	}

	private static void observation(DSLContext dsl, String indicator, String region, String period, long breakdown,
			long run, OffsetDateTime at, double value, String footnote) {
		dsl.insertInto(OBSERVATION)
			.set(OBSERVATION.INDICATOR_CODE, indicator)
			.set(OBSERVATION.REGION_CODE, region)
			.set(OBSERVATION.PERIOD_CODE, period)
			.set(OBSERVATION.BREAKDOWN_ID, breakdown)
			.set(OBSERVATION.IMPORT_RUN_ID, run)
			.set(OBSERVATION.RECORDED_AT, at)
			.set(OBSERVATION.VALUE, BigDecimal.valueOf(value))
			.set(OBSERVATION.FOOTNOTE, footnote)
			.set(OBSERVATION.STATUS, nl.llomonitor.cube.Status.DEFINITIEF)
			.set(OBSERVATION.SOURCE_TABLE, "85268NED")
			.execute();
	}

	private static void withMargins(DSLContext dsl, String region, long run, double value, double low, double high) {
		dsl.insertInto(OBSERVATION)
			.set(OBSERVATION.INDICATOR_CODE, "apitest_ww")
			.set(OBSERVATION.REGION_CODE, region)
			.set(OBSERVATION.PERIOD_CODE, "2023KW02")
			.set(OBSERVATION.IMPORT_RUN_ID, run)
			.set(OBSERVATION.RECORDED_AT, SECOND_VINTAGE)
			.set(OBSERVATION.VALUE, BigDecimal.valueOf(value))
			.set(OBSERVATION.MARGIN_LOW, BigDecimal.valueOf(low))
			.set(OBSERVATION.MARGIN_HIGH, BigDecimal.valueOf(high))
			.set(OBSERVATION.STATUS, nl.llomonitor.cube.Status.DEFINITIEF)
			.set(OBSERVATION.SOURCE_TABLE, "85554NED")
			.execute();
	}

	static long bump(DSLContext dsl) {
		return dsl.select(DSL.field("bump_data_version()", Long.class)).fetchSingle().value1();
	}

	/**
	 * Announces a data change and waits until the app has seen it (LISTEN/NOTIFY), so
	 * that caches of earlier data are gone.
	 * @param dsl the JDBC DSL
	 * @param versions the app's listener
	 * @return the new data version
	 */
	static long bumpAndAwait(DSLContext dsl, DataChangeListener versions) throws InterruptedException {
		long version = bump(dsl);
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (versions.currentVersion() < version && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(versions.currentVersion()).as("data version seen by the app").isGreaterThanOrEqualTo(version);
		return version;
	}

}
