package nl.llomonitor.observation;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;
import nl.llomonitor.cube.Period;
import nl.llomonitor.cube.PeriodFormatException;
import nl.llomonitor.cube.PeriodType;

/**
 * A CBS period code: {@code 2023JJ00} (year), {@code 2023KW02} (quarter),
 * {@code 2024MM11} (month). Codes of one type sort chronologically. The read side's view
 * of {@link Period} (the one parser, in {@code cube}): this class adds the web boundary,
 * where a parse error becomes a 400 problem naming the parameter.
 *
 * @param code the code
 * @param type year, quarter or month
 * @param year the year
 * @param number 0 for a year, 1-4 for a quarter, 1-12 for a month
 */
public record PeriodCode(String code, String type, int year, int number) implements Comparable<PeriodCode> {

	/** Period types, finest first. */
	public static final List<String> TYPES = PeriodType.CODES;

	/**
	 * @param code a period code
	 * @param parameter the request parameter it came from
	 * @return the period, or a 400 invalid-parameter naming the parameter
	 */
	public static PeriodCode parse(String code, String parameter) {
		try {
			return of(Period.parse(code));
		}
		catch (PeriodFormatException ex) {
			throw ApiException.invalidParameter(parameter, "Parameter '" + parameter + "' must be "
					+ PeriodFormatException.EXPECTED + "; got '" + ex.input() + "'.");
		}
	}

	/**
	 * @param code a period code known to be valid (from the store)
	 * @return the period
	 */
	public static PeriodCode of(String code) {
		PeriodCode known = KNOWN.get(code);
		if (known == null) {
			known = parse(code, "period");
			remember(KNOWN, code, known);
		}
		return known;
	}

	/**
	 * Most periods and labels kept: every year, quarter and month of several centuries
	 * (17 a year), not an unbounded set of codes requests may make up.
	 */
	private static final int KEEP = 20_000;

	/** Periods read from the store, by code: the same few thousand in every read. */
	private static final Map<String, PeriodCode> KNOWN = new ConcurrentHashMap<>();

	/** Labels by code, per language (index {@link Lang#ordinal()}). */
	private static final List<Map<String, String>> LABELS = Arrays.stream(Lang.values())
		.map((l) -> (Map<String, String>) new ConcurrentHashMap<String, String>())
		.toList();

	private static <V> void remember(Map<String, V> cache, String code, V value) {
		if (cache.size() < KEEP) {
			cache.put(code, value);
		}
	}

	/**
	 * @param period a period of the vocabulary
	 * @return the same period
	 */
	public static PeriodCode of(Period period) {
		return new PeriodCode(period.code(), period.type().code(), period.year(), period.number());
	}

	/**
	 * @param type period type
	 * @param index {@link #index()} of the period
	 * @return the period
	 */
	public static PeriodCode of(String type, int index) {
		return of(Period.of(PeriodType.of(type), index));
	}

	/**
	 * @param type period type
	 * @return a SQL LIKE pattern matching the codes of that type
	 */
	public static String likePattern(String type) {
		return PeriodType.of(type).likePattern();
	}

	/**
	 * @return the period of the vocabulary
	 */
	public Period period() {
		return new Period(this.code, PeriodType.of(this.type), this.year, this.number);
	}

	public int perYear() {
		return PeriodType.of(this.type).perYear();
	}

	/**
	 * @return consecutive number: periods of one type differ by 1
	 */
	public int index() {
		return period().index();
	}

	public PeriodCode plus(int periods) {
		return of(period().plus(periods));
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
		Period aligned = period().alignTo(PeriodType.of(targetType));
		return (aligned != null) ? of(aligned) : null;
	}

	public LocalDate start() {
		return period().start();
	}

	public LocalDate end() {
		return period().end();
	}

	/**
	 * @param lang language
	 * @return e.g. {@code 2023 2e kwartaal}, {@code 2023 Q2}, {@code november 2024}
	 */
	public String label(Lang lang) {
		Map<String, String> labels = LABELS.get(lang.ordinal());
		String label = labels.get(this.code);
		if (label == null) {
			label = newLabel(lang);
			remember(labels, this.code, label);
		}
		return label;
	}

	private String newLabel(Lang lang) {
		String year = String.valueOf(this.year);
		return switch (period().type()) {
			case QUARTER -> Messages.get(lang, "period.quarter", year, String.valueOf(this.number));
			case MONTH -> Messages.get(lang, "period.month", year,
					Month.of(this.number).getDisplayName(TextStyle.FULL, lang.locale()));
			case YEAR -> Messages.get(lang, "period.year", year);
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
