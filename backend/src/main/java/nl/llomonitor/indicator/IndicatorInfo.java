package nl.llomonitor.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import nl.llomonitor.api.Lang;

/**
 * An indicator with what the store holds for it.
 *
 * @param code indicator code
 * @param nameNl Dutch name
 * @param nameEn English name
 * @param unit percent, x1000, persons, ratio, ...
 * @param decimals decimals to show
 * @param definitionNl Dutch definition
 * @param definitionEn English definition
 * @param explanationNl Dutch explanation, may be null
 * @param explanationEn English explanation, may be null
 * @param sourceTable source table id, null if derived
 * @param higherIsBetter whether up is good (null: neither)
 * @param seasonallyAdjusted whether the source adjusts for season
 * @param numerator numerator code of a derived indicator
 * @param denominator denominator code of a derived indicator
 * @param multiplier multiplier of a derived indicator
 * @param dimensions breakdown dimensions with their members, in order
 * @param periodTypes period types with data, finest first
 * @param periodRanges first and last period per type
 * @param regionLevels region levels with data, highest first
 * @param roles what the indicator does on the read side (data/indicators.yaml)
 */
public record IndicatorInfo(String code, String nameNl, String nameEn, String unit, int decimals, String definitionNl,
		String definitionEn, String explanationNl, String explanationEn, String sourceTable, Boolean higherIsBetter,
		boolean seasonallyAdjusted, String numerator, String denominator, BigDecimal multiplier,
		Map<String, Dimension> dimensions, List<String> periodTypes, Map<String, List<String>> periodRanges,
		List<String> regionLevels, Roles roles) {

	/**
	 * The roles of an indicator, from {@code data/indicators.yaml} and the mapping files
	 * ({@code source} table).
	 *
	 * @param kerncijferOrder position on the key-figures page, from 1; null: not shown
	 * @param kerncijferFallback shown only when the indicator at the same position has no
	 * data
	 * @param shareDimensions dimensions the key figure is split by, in order of
	 * preference
	 * @param sampleBase indicator holding the base population of the sample rule, or null
	 * @param surveys surveys behind the indicator's source tables (for a derived one: its
	 * numerator's and denominator's), e.g. {@code EBB}
	 * @param forecast whether its values are forecasts: its source table (for a derived
	 * one: its numerator's or its denominator's) is declared a forecast by its mapping
	 * ({@code kind: forecast}, recorded in {@code source_table_kind}), e.g. the regional
	 * population forecast 82220NED
	 * @param classes its value classes, in order ({@code classes}, e.g. UWV's classes of
	 * the spanningsindicator); empty for none
	 */
	public record Roles(Integer kerncijferOrder, boolean kerncijferFallback, List<String> shareDimensions,
			String sampleBase, java.util.Set<String> surveys, boolean forecast,
			List<nl.llomonitor.cube.ValueClass> classes) {

		/**
		 * Roles without value classes.
		 * @param kerncijferOrder see {@link #kerncijferOrder()}
		 * @param kerncijferFallback see {@link #kerncijferFallback()}
		 * @param shareDimensions see {@link #shareDimensions()}
		 * @param sampleBase see {@link #sampleBase()}
		 * @param surveys see {@link #surveys()}
		 * @param forecast see {@link #forecast()}
		 */
		public Roles(Integer kerncijferOrder, boolean kerncijferFallback, List<String> shareDimensions,
				String sampleBase, java.util.Set<String> surveys, boolean forecast) {
			this(kerncijferOrder, kerncijferFallback, shareDimensions, sampleBase, surveys, forecast, List.of());
		}

		/** The survey of the Enquete Beroepsbevolking (labour force survey). */
		public static final String EBB = "EBB";

		public boolean fromSurvey(String survey) {
			return this.surveys.contains(survey);
		}

	}

	/**
	 * @param code dimension code
	 * @param nameNl Dutch name
	 * @param nameEn English name
	 * @param members members that occur for this indicator
	 * @param total the dimension's total member (a CBS {@code T001038}-style key or a
	 * title {@code Totaal …}), which is the series without this dimension; null where the
	 * dimension has none (such as age groups without a total): a view then opens on a
	 * member
	 */
	public record Dimension(String code, String nameNl, String nameEn, List<Member> members, Member total) {

		public Dimension(String code, String nameNl, String nameEn, List<Member> members) {
			this(code, nameNl, nameEn, members, null);
		}

	}

	/**
	 * @param code member code
	 * @param nameNl Dutch name
	 * @param nameEn English name
	 */
	public record Member(String code, String nameNl, String nameEn) {

		/**
		 * @param lang response language
		 * @return the name in that language (Dutch if English is missing)
		 */
		public String name(Lang lang) {
			return lang.pick(this.nameNl, this.nameEn);
		}

	}

	public boolean derived() {
		return this.numerator != null;
	}

	/**
	 * @return the indicator whose observations hold this one's regions and periods:
	 * itself, or a derived indicator's numerator
	 */
	public String dataCode() {
		return derived() ? this.numerator : this.code;
	}

	public String name(Lang lang) {
		return lang.pick(this.nameNl, this.nameEn);
	}

	/**
	 * @param lang response language
	 * @return the definition in that language (Dutch if English is missing)
	 */
	public String definition(Lang lang) {
		return lang.pick(this.definitionNl, this.definitionEn);
	}

	/**
	 * @return the finest period type with data, or null without data
	 */
	public String defaultPeriodType() {
		return this.periodTypes.isEmpty() ? null : this.periodTypes.get(0);
	}

	/**
	 * @param lang response language
	 * @return the public view (docs/api.md)
	 */
	public IndicatorView view(Lang lang) {
		Map<String, List<IndicatorView.MemberView>> breakdowns = new java.util.LinkedHashMap<>();
		this.dimensions.forEach((code, dimension) -> breakdowns.put(code,
				dimension.members()
					.stream()
					.map((m) -> new IndicatorView.MemberView(m.code(), m.name(lang)))
					.toList()));
		String type = defaultPeriodType();
		List<String> range = (type != null) ? this.periodRanges.get(type) : null;
		return new IndicatorView(this.code, name(lang), this.unit, this.decimals, definition(lang),
				lang.pick(this.explanationNl, this.explanationEn), this.sourceTable, this.higherIsBetter,
				this.seasonallyAdjusted, derived(), this.roles.forecast(), this.numerator, this.denominator,
				this.multiplier, breakdowns, this.periodTypes, this.regionLevels, (range != null) ? range.get(0) : null,
				(range != null) ? range.get(1) : null,
				this.roles.classes()
					.stream()
					.map((c) -> new IndicatorView.ClassView(c.code(), c.name(lang == Lang.EN), c.below()))
					.toList());
	}

}
