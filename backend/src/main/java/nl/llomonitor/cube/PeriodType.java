package nl.llomonitor.cube;

import java.util.List;
import java.util.Locale;

/**
 * The type of a CBS period: the two letters in the middle of its code ({@code JJ},
 * {@code KW}, {@code MM}).
 */
public enum PeriodType {

	/** {@code 2024MM11}: 12 per year. */
	MONTH("MM", 12),

	/** {@code 2023KW02}: 4 per year. */
	QUARTER("KW", 4),

	/** {@code 2023JJ00}: 1 per year. */
	YEAR("JJ", 1);

	/** Period types, finest first. */
	public static final List<PeriodType> FINEST_FIRST = List.of(MONTH, QUARTER, YEAR);

	/** Their codes ({@link #code()}), finest first. */
	public static final List<String> CODES = FINEST_FIRST.stream().map(PeriodType::code).toList();

	private final String letters;

	private final int perYear;

	PeriodType(String letters, int perYear) {
		this.letters = letters;
		this.perYear = perYear;
	}

	/**
	 * @return the name in the API and the database: month, quarter or year (the
	 * constant's name in lower case)
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the letters in a period code: MM, KW or JJ
	 */
	public String letters() {
		return this.letters;
	}

	/**
	 * @return periods per year: 12, 4 or 1
	 */
	public int perYear() {
		return this.perYear;
	}

	/**
	 * @return a SQL LIKE pattern matching the period codes of this type
	 */
	public String likePattern() {
		return "____" + this.letters + ((this == YEAR) ? "00" : "__");
	}

	/** The types by their code as stored: the lookup of every period read. */
	private static final java.util.Map<String, PeriodType> BY_CODE = java.util.Arrays.stream(values())
		.collect(java.util.stream.Collectors.toUnmodifiableMap(PeriodType::code, (t) -> t));

	/**
	 * @param code month, quarter or year (any case)
	 * @return the type
	 * @throws IllegalArgumentException for another value
	 */
	public static PeriodType of(String code) {
		PeriodType exact = BY_CODE.get(code);
		return (exact != null) ? exact : Codes.of(values(), PeriodType::code, code.toLowerCase(Locale.ROOT),
				() -> "Unknown period type '" + code + "'; expected one of " + CODES + ".");
	}

	@Override
	public String toString() {
		return code();
	}

	/**
	 * jOOQ converter between the stored code and the enum ({@code period.type}).
	 */
	public static final class Converter extends CodeConverter<PeriodType> {

		/** Used by the generated jOOQ classes. */
		public Converter() {
			super(PeriodType.class, PeriodType::of, PeriodType::code);
		}

	}

}
