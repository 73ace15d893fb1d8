package nl.llomonitor.observation;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;

/**
 * A CBS period code: {@code 2023JJ00} (year), {@code 2023KW02} (quarter),
 * {@code 2024MM11} (month). Codes of one type sort chronologically.
 *
 * @param code the code
 * @param type year, quarter or month
 * @param year the year
 * @param number 0 for a year, 1-4 for a quarter, 1-12 for a month
 */
public record PeriodCode(String code, String type, int year, int number) implements Comparable<PeriodCode> {

	/** Period types, finest first. */
	public static final List<String> TYPES = List.of("month", "quarter", "year");

	private static final Pattern PATTERN = Pattern.compile("^(\\d{4})(JJ00|KW0([1-4])|MM(0[1-9]|1[0-2]))$");

	private static final String[] MONTHS_NL = { "januari", "februari", "maart", "april", "mei", "juni", "juli",
			"augustus", "september", "oktober", "november", "december" };

	private static final String[] MONTHS_EN = { "January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December" };

	/**
	 * @param code a period code
	 * @param parameter the request parameter it came from
	 * @return the period, or a 400 invalid-parameter naming the parameter
	 */
	public static PeriodCode parse(String code, String parameter) {
		Matcher m = (code != null) ? PATTERN.matcher(code.trim()) : null;
		if (m == null || !m.matches()) {
			throw ApiException.invalidParameter(parameter,
					"Parameter '" + parameter + "' must be a period code such as "
							+ "2023JJ00 (year), 2023KW02 (quarter) or 2024MM11 (month); got '" + code + "'.");
		}
		int year = Integer.parseInt(m.group(1));
		if (m.group(3) != null) {
			return new PeriodCode(code.trim(), "quarter", year, Integer.parseInt(m.group(3)));
		}
		if (m.group(4) != null) {
			return new PeriodCode(code.trim(), "month", year, Integer.parseInt(m.group(4)));
		}
		return new PeriodCode(code.trim(), "year", year, 0);
	}

	/**
	 * @param code a period code known to be valid (from the store)
	 * @return the period
	 */
	public static PeriodCode of(String code) {
		return parse(code, "period");
	}

	/**
	 * @param type period type
	 * @param index {@link #index()} of the period
	 * @return the period
	 */
	public static PeriodCode of(String type, int index) {
		return switch (type) {
			case "year" -> new PeriodCode(index + "JJ00", type, index, 0);
			case "quarter" -> {
				int year = Math.floorDiv(index, 4);
				int q = Math.floorMod(index, 4) + 1;
				yield new PeriodCode(year + "KW0" + q, type, year, q);
			}
			case "month" -> {
				int year = Math.floorDiv(index, 12);
				int month = Math.floorMod(index, 12) + 1;
				yield new PeriodCode(year + "MM" + ((month < 10) ? "0" : "") + month, type, year, month);
			}
			default -> throw new IllegalArgumentException(type);
		};
	}

	/**
	 * @param type period type
	 * @return a SQL LIKE pattern matching the codes of that type
	 */
	public static String likePattern(String type) {
		return switch (type) {
			case "year" -> "____JJ00";
			case "quarter" -> "____KW__";
			case "month" -> "____MM__";
			default -> throw new IllegalArgumentException(type);
		};
	}

	public int perYear() {
		return switch (this.type) {
			case "quarter" -> 4;
			case "month" -> 12;
			default -> 1;
		};
	}

	/**
	 * @return consecutive number: periods of one type differ by 1
	 */
	public int index() {
		return (this.number == 0) ? this.year : this.year * perYear() + this.number - 1;
	}

	public PeriodCode plus(int periods) {
		return of(this.type, index() + periods);
	}

	public PeriodCode sameLastYear() {
		return plus(-perYear());
	}

	/**
	 * @param other a period of the same type
	 * @return number of periods from this to other, inclusive
	 */
	public int countTo(PeriodCode other) {
		return other.index() - index() + 1;
	}

	/**
	 * The period of another type this one is compared with: the last month of a quarter
	 * or year, the last quarter of a year.
	 * @param targetType the other type
	 * @return the matching period, or null if the other type is coarser
	 */
	public PeriodCode alignTo(String targetType) {
		if (targetType.equals(this.type)) {
			return this;
		}
		if (this.type.equals("quarter") && targetType.equals("month")) {
			return of("month", this.year * 12 + this.number * 3 - 1);
		}
		if (this.type.equals("year") && targetType.equals("month")) {
			return of("month", this.year * 12 + 11);
		}
		if (this.type.equals("year") && targetType.equals("quarter")) {
			return of("quarter", this.year * 4 + 3);
		}
		return null;
	}

	public LocalDate start() {
		return switch (this.type) {
			case "quarter" -> LocalDate.of(this.year, this.number * 3 - 2, 1);
			case "month" -> LocalDate.of(this.year, this.number, 1);
			default -> LocalDate.of(this.year, 1, 1);
		};
	}

	public LocalDate end() {
		return switch (this.type) {
			case "quarter" -> start().plusMonths(3).minusDays(1);
			case "month" -> start().plusMonths(1).minusDays(1);
			default -> LocalDate.of(this.year, 12, 31);
		};
	}

	/**
	 * @param lang language
	 * @return e.g. {@code 2023 2e kwartaal}, {@code 2023 Q2}, {@code november 2024}
	 */
	public String label(Lang lang) {
		return switch (this.type) {
			case "quarter" ->
				(lang == Lang.EN) ? this.year + " Q" + this.number : this.year + " " + this.number + "e kwartaal";
			case "month" -> ((lang == Lang.EN) ? MONTHS_EN : MONTHS_NL)[this.number - 1] + " " + this.year;
			default -> String.valueOf(this.year);
		};
	}

	@Override
	public int compareTo(PeriodCode other) {
		return this.code.compareTo(other.code);
	}

	@Override
	public String toString() {
		return this.code;
	}

}
