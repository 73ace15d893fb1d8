package nl.llomonitor.cube;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CBS period: its code ({@code 2023JJ00} year, {@code 2023KW02} quarter,
 * {@code 2024MM11} month) and the labels CBS writes for it ({@code 2023},
 * {@code 2023 2e kwartaal}, {@code 2024 november}). The one parser of period codes and
 * labels. Codes of one type sort chronologically.
 *
 * @param code the code
 * @param type its type
 * @param year the year
 * @param number 0 for a year, 1-4 for a quarter, 1-12 for a month
 */
public record Period(String code, PeriodType type, int year, int number) implements Comparable<Period> {

	private static final Pattern CODE = Pattern.compile("(\\d{4})(JJ00|KW0([1-4])|MM(0[1-9]|1[0-2]))");

	private static final Pattern YEAR_LABEL = Pattern.compile("([0-9]{4})");

	private static final Pattern QUARTER_LABEL = Pattern.compile("([0-9]{4})\\s+([1-4])e\\s+kwartaal");

	private static final Pattern MONTH_LABEL = Pattern.compile("([0-9]{4})\\s+([a-z]+)");

	/** Dutch month names, as in CBS labels. */
	public static final List<String> MONTHS_NL = List.of("januari", "februari", "maart", "april", "mei", "juni", "juli",
			"augustus", "september", "oktober", "november", "december");

	private static final List<String> MONTHS_EN = List.of("January", "February", "March", "April", "May", "June",
			"July", "August", "September", "October", "November", "December");

	/**
	 * @param code a period code; surrounding white space is ignored
	 * @return the period
	 * @throws PeriodFormatException when it is not a period code
	 */
	public static Period parse(String code) {
		Matcher m = (code != null) ? CODE.matcher(code.trim()) : null;
		if (m == null || !m.matches()) {
			throw new PeriodFormatException(code);
		}
		int year = Integer.parseInt(m.group(1));
		if (m.group(3) != null) {
			return new Period(code.trim(), PeriodType.QUARTER, year, Integer.parseInt(m.group(3)));
		}
		if (m.group(4) != null) {
			return new Period(code.trim(), PeriodType.MONTH, year, Integer.parseInt(m.group(4)));
		}
		return new Period(code.trim(), PeriodType.YEAR, year, 0);
	}

	/**
	 * @param code a text
	 * @return whether it is a period code (exactly, no white space)
	 */
	public static boolean isCode(String code) {
		return code != null && CODE.matcher(code).matches();
	}

	/**
	 * @param label a CBS label ({@code 2023}, {@code 2023 2e kwartaal},
	 * {@code 2024 november}, also with two spaces) or a code, without status marks
	 * @return the period, or null when the label is not a period
	 */
	public static Period fromLabel(String label) {
		String text = label.strip().toLowerCase(Locale.ROOT);
		Matcher m = YEAR_LABEL.matcher(text);
		if (m.matches()) {
			return parse(m.group(1) + "JJ00");
		}
		m = QUARTER_LABEL.matcher(text);
		if (m.matches()) {
			return parse(m.group(1) + "KW0" + m.group(2));
		}
		m = MONTH_LABEL.matcher(text);
		if (m.matches()) {
			int month = MONTHS_NL.indexOf(m.group(2)) + 1;
			if (month > 0) {
				return parse(m.group(1) + "MM" + ((month < 10) ? "0" : "") + month);
			}
		}
		String upper = text.toUpperCase(Locale.ROOT);
		return isCode(upper) ? parse(upper) : null;
	}

	/**
	 * @param type period type
	 * @param index {@link #index()} of the period
	 * @return the period
	 */
	public static Period of(PeriodType type, int index) {
		return switch (type) {
			case YEAR -> new Period(index + "JJ00", type, index, 0);
			case QUARTER -> {
				int year = Math.floorDiv(index, 4);
				int q = Math.floorMod(index, 4) + 1;
				yield new Period(year + "KW0" + q, type, year, q);
			}
			case MONTH -> {
				int year = Math.floorDiv(index, 12);
				int month = Math.floorMod(index, 12) + 1;
				yield new Period(year + "MM" + ((month < 10) ? "0" : "") + month, type, year, month);
			}
		};
	}

	/**
	 * @return consecutive number: periods of one type differ by 1
	 */
	public int index() {
		return (this.number == 0) ? this.year : this.year * this.type.perYear() + this.number - 1;
	}

	/**
	 * @param periods how many periods later (negative: earlier)
	 * @return that period, of the same type
	 */
	public Period plus(int periods) {
		return of(this.type, index() + periods);
	}

	/**
	 * The period of another type this one is compared with: the last month of a quarter
	 * or year, the last quarter of a year.
	 * @param target the other type
	 * @return the matching period, or null if the other type is coarser
	 */
	public Period alignTo(PeriodType target) {
		if (target == this.type) {
			return this;
		}
		if (this.type == PeriodType.QUARTER && target == PeriodType.MONTH) {
			return of(PeriodType.MONTH, this.year * 12 + this.number * 3 - 1);
		}
		if (this.type == PeriodType.YEAR && target == PeriodType.MONTH) {
			return of(PeriodType.MONTH, this.year * 12 + 11);
		}
		if (this.type == PeriodType.YEAR && target == PeriodType.QUARTER) {
			return of(PeriodType.QUARTER, this.year * 4 + 3);
		}
		return null;
	}

	/**
	 * @return the first day
	 */
	public LocalDate start() {
		return switch (this.type) {
			case QUARTER -> LocalDate.of(this.year, this.number * 3 - 2, 1);
			case MONTH -> LocalDate.of(this.year, this.number, 1);
			case YEAR -> LocalDate.of(this.year, 1, 1);
		};
	}

	/**
	 * @return the last day
	 */
	public LocalDate end() {
		return switch (this.type) {
			case QUARTER -> start().plusMonths(3).minusDays(1);
			case MONTH -> start().plusMonths(1).minusDays(1);
			case YEAR -> LocalDate.of(this.year, 12, 31);
		};
	}

	/**
	 * @param english English ({@code 2023 Q2}, {@code November 2024}) or Dutch
	 * ({@code 2023 2e kwartaal}, {@code november 2024})
	 * @return the label for people
	 */
	public String label(boolean english) {
		return switch (this.type) {
			case QUARTER -> english ? this.year + " Q" + this.number : this.year + " " + this.number + "e kwartaal";
			case MONTH -> (english ? MONTHS_EN : MONTHS_NL).get(this.number - 1) + " " + this.year;
			case YEAR -> String.valueOf(this.year);
		};
	}

	@Override
	public int compareTo(Period other) {
		return this.code.compareTo(other.code);
	}

	@Override
	public String toString() {
		return this.code;
	}

}
