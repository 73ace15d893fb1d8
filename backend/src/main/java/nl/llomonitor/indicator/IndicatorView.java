package nl.llomonitor.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param classes its value classes in rising order (data/indicators.yaml, e.g. UWV's
 * classes of the spanningsindicator); left out when it has none
 */
public record IndicatorView(String code, String name, String unit, int decimals, String definition, String explanation,
		String sourceTable, Boolean higherIsBetter, boolean seasonallyAdjusted, boolean derived, boolean forecast,
		String numerator, String denominator, BigDecimal multiplier, Map<String, List<MemberView>> breakdowns,
		List<String> periodTypes, List<String> regionLevels, String firstPeriod, String lastPeriod,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<ClassView> classes) {

	/**
	 * @param code class code, e.g. {@code krap}
	 * @param name class name
	 * @param below exclusive upper bound in the indicator's unit; null for the last class
	 */
	public record ClassView(String code, String name, BigDecimal below) {
	}

	/**
	 * @param code member code
	 * @param name member name
	 */
	public record MemberView(String code, String name) {
	}

}
