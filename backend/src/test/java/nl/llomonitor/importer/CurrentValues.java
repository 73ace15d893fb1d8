package nl.llomonitor.importer;

import java.math.BigDecimal;

import org.jooq.DSLContext;
import org.jooq.Record;

import static nl.llomonitor.db.Tables.BREAKDOWN;
import static nl.llomonitor.db.Tables.OBSERVATION_CURRENT;

/**
 * Reads the current vintage of one cell straight from the store, for import tests.
 */
final class CurrentValues {

	private CurrentValues() {
	}

	/**
	 * @return the current value of the total (no breakdown), or null
	 */
	static BigDecimal current(DSLContext jdbc, String indicator, String region, String period) {
		return value(jdbc, indicator, region, period, "");
	}

	/**
	 * @param breakdown the breakdown key, such as {@code sex=vrouw}; empty for the total
	 * @return the current value, or null
	 */
	static BigDecimal value(DSLContext jdbc, String indicator, String region, String period, String breakdown) {
		Record cell = cell(jdbc, indicator, region, period, breakdown);
		return (cell != null) ? cell.get(OBSERVATION_CURRENT.VALUE) : null;
	}

	/**
	 * @param breakdown the breakdown key; empty for the total
	 * @return why the current vintage has no value, or null
	 */
	static nl.llomonitor.cube.MissingReason reason(DSLContext jdbc, String indicator, String region, String period,
			String breakdown) {
		Record cell = cell(jdbc, indicator, region, period, breakdown);
		return (cell != null) ? cell.get(OBSERVATION_CURRENT.MISSING_REASON) : null;
	}

	/**
	 * @return value, margins, flags, status and missing reason of the current vintage, or
	 * null
	 */
	static Record cell(DSLContext jdbc, String indicator, String region, String period, String breakdown) {
		return jdbc
			.select(OBSERVATION_CURRENT.VALUE, OBSERVATION_CURRENT.MARGIN_LOW, OBSERVATION_CURRENT.MARGIN_HIGH,
					OBSERVATION_CURRENT.FLAGS, OBSERVATION_CURRENT.STATUS, OBSERVATION_CURRENT.MISSING_REASON)
			.from(OBSERVATION_CURRENT)
			.join(BREAKDOWN)
			.on(BREAKDOWN.ID.eq(OBSERVATION_CURRENT.BREAKDOWN_ID))
			.where(OBSERVATION_CURRENT.INDICATOR_CODE.eq(indicator), OBSERVATION_CURRENT.REGION_CODE.eq(region),
					OBSERVATION_CURRENT.PERIOD_CODE.eq(period), BREAKDOWN.KEY.eq(breakdown))
			.fetchOne();
	}

}
