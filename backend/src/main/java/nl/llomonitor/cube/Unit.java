package nl.llomonitor.cube;

import java.util.Locale;

/**
 * The unit of an indicator's values: its {@code unit} in data/indicators.yaml
 * (data/schema/indicators.schema.json), the database and the API (docs/api.md).
 */
public enum Unit {

	/** A percentage, 0-100. */
	PERCENT("percent"),

	/** A count in thousands. */
	THOUSANDS("x1000"),

	/** A count of persons. */
	PERSONS("persons"),

	/** A ratio of two counts (spanningsindicator: vacancies per benefit). */
	RATIO("ratio"),

	/** A ratio times 100 (grijze druk: people aged 65+ per 100 aged 20-64). */
	RATIO_PER_100("ratio per 100"),

	/** An index number. */
	INDEX("index"),

	/** An amount in euros. */
	EURO("euro"),

	/** A number of days. */
	DAYS("days");

	/**
	 * The unit stored for a measure of a table imported with its own measures whose
	 * source gave none (a CSV download without metadata). Such a measure keeps CBS's own
	 * unit text when the source gives one that is not a unit of this list, so the stored
	 * unit of a table's own measure is open text, not always one of these constants.
	 */
	public static final String UNKNOWN = "unknown";

	private final String code;

	Unit(String code) {
		this.code = code;
	}

	/**
	 * @return the code in the data files, the database and the API
	 */
	public String code() {
		return this.code;
	}

	/**
	 * @param code a unit code such as {@code percent} or {@code ratio per 100}
	 * @return the unit
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static Unit of(String code) {
		return Codes.of(values(), Unit::code, code.strip().toLowerCase(Locale.ROOT),
				() -> "Unknown unit '" + code + "'.");
	}

	@Override
	public String toString() {
		return this.code;
	}

}
