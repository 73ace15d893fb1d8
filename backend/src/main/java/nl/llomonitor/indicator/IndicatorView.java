package nl.llomonitor.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An indicator as the API shows it (docs/api.md).
 *
 * @param code indicator code
 * @param name name
 * @param unit unit
 * @param decimals decimals to show
 * @param definition definition
 * @param explanation explanation
 * @param sourceTable source table
 * @param higherIsBetter whether up is good
 * @param seasonallyAdjusted whether the source is seasonally adjusted
 * @param derived computed by us
 * @param numerator numerator indicator
 * @param denominator denominator indicator
 * @param multiplier multiplier
 * @param breakdowns dimensions and members
 * @param periodTypes period types, finest first
 * @param regionLevels region levels
 * @param firstPeriod first period of the finest type
 * @param lastPeriod last period of the finest type
 */
public record IndicatorView(String code, String name, String unit, int decimals, String definition, String explanation,
		String sourceTable, Boolean higherIsBetter, boolean seasonallyAdjusted, boolean derived, boolean forecast,
		String numerator, String denominator, BigDecimal multiplier, Map<String, List<MemberView>> breakdowns,
		List<String> periodTypes, List<String> regionLevels, String firstPeriod, String lastPeriod) {

	/**
	 * @param code member code
	 * @param name member name
	 */
	public record MemberView(String code, String name) {
	}

}
