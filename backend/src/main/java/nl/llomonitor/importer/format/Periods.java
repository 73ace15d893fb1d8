package nl.llomonitor.importer.format;

import java.time.LocalDate;

import nl.llomonitor.cube.Period;

import nl.llomonitor.cube.Status;

/**
 * CBS period codes ({@code 2023JJ00}, {@code 2023KW02}, {@code 2024MM11}) and the labels
 * CBS writes for them ({@code 2023}, {@code 2023 2e kwartaal}, {@code 2024 november},
 * also with two spaces), with the status marks {@code *} (voorlopig) and {@code **}
 * (nader voorlopig). Parsing is {@link Period}'s (the one parser, in {@code cube}); this
 * class adds the status marks of CBS labels.
 */
public final class Periods {

	private Periods() {
	}

	/**
	 * A parsed period: its code and the status its label carried (a
	 * {@link nl.llomonitor.cube.Status} code). An unmarked CBS label is definitive by
	 * CBS's convention; a bare code ({@code 2023JJ00}) states no status.
	 */
	record Parsed(String code, String status) {

	}

	/**
	 * @param label a CBS label, possibly with a trailing {@code *} or {@code **}
	 * @return the parsed period, or null when the label is not a period
	 */
	static Parsed fromLabel(String label) {
		String text = label.strip();
		String status = Status.DEFINITIEF.code();
		boolean marked = false;
		if (text.endsWith("**")) {
			status = Status.NADER_VOORLOPIG.code();
			text = text.substring(0, text.length() - 2).strip();
			marked = true;
		}
		else if (text.endsWith("*")) {
			status = Status.VOORLOPIG.code();
			text = text.substring(0, text.length() - 1).strip();
			marked = true;
		}
		Period period = Period.fromLabel(text);
		if (period == null) {
			return null;
		}
		// a bare code (2023JJ00) says nothing about the status; a CBS label without a
		// mark
		// is final by CBS's convention
		boolean bareCode = Period.isCode(text.toUpperCase(java.util.Locale.ROOT));
		return new Parsed(period.code(), (bareCode && !marked) ? Status.NOT_STATED.code() : status);
	}

	static boolean isCode(String code) {
		return Period.isCode(code);
	}

	public static String type(String code) {
		return Period.parse(code).type().code();
	}

	public static int year(String code) {
		return Period.parse(code).year();
	}

	public static int number(String code) {
		return Period.parse(code).number();
	}

	public static LocalDate start(String code) {
		return Period.parse(code).start();
	}

	public static LocalDate end(String code) {
		return Period.parse(code).end();
	}

}
