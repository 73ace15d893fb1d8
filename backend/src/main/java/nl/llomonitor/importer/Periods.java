package nl.llomonitor.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.llomonitor.cube.Status;

/**
 * CBS period codes ({@code 2023JJ00}, {@code 2023KW02}, {@code 2024MM11}) and the labels
 * CBS writes for them ({@code 2023}, {@code 2023 2e kwartaal}, {@code 2024 november},
 * also with two spaces), with the status marks {@code *} (voorlopig) and {@code **}
 * (nader voorlopig).
 */
final class Periods {

	static final Pattern CODE = Pattern.compile("([0-9]{4})(JJ00|KW0[1-4]|MM(0[1-9]|1[0-2]))");

	private static final Pattern YEAR = Pattern.compile("([0-9]{4})");

	private static final Pattern QUARTER = Pattern.compile("([0-9]{4})\\s+([1-4])e\\s+kwartaal");

	private static final Pattern MONTH = Pattern.compile("([0-9]{4})\\s+([a-z]+)");

	static final List<String> MONTHS = List.of("januari", "februari", "maart", "april", "mei", "juni", "juli",
			"augustus", "september", "oktober", "november", "december");

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
		text = text.toLowerCase(Locale.ROOT);
		Matcher m = YEAR.matcher(text);
		if (m.matches()) {
			return new Parsed(m.group(1) + "JJ00", status);
		}
		m = QUARTER.matcher(text);
		if (m.matches()) {
			return new Parsed(m.group(1) + "KW0" + m.group(2), status);
		}
		m = MONTH.matcher(text);
		if (m.matches()) {
			int month = MONTHS.indexOf(m.group(2)) + 1;
			if (month > 0) {
				return new Parsed(m.group(1) + "MM" + ((month < 10) ? "0" : "") + month, status);
			}
		}
		Matcher code = CODE.matcher(text.toUpperCase(Locale.ROOT));
		if (code.matches()) {
			return new Parsed(text.toUpperCase(Locale.ROOT), marked ? status : Status.NOT_STATED.code());
		}
		return null;
	}

	static boolean isCode(String code) {
		return CODE.matcher(code).matches();
	}

	static String type(String code) {
		return switch (code.substring(4, 6)) {
			case "JJ" -> "year";
			case "KW" -> "quarter";
			default -> "month";
		};
	}

	static int year(String code) {
		return Integer.parseInt(code.substring(0, 4));
	}

	static int number(String code) {
		return Integer.parseInt(code.substring(6, 8));
	}

	static LocalDate start(String code) {
		int year = year(code);
		int number = number(code);
		return switch (type(code)) {
			case "year" -> LocalDate.of(year, 1, 1);
			case "quarter" -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
			default -> LocalDate.of(year, number, 1);
		};
	}

	static LocalDate end(String code) {
		LocalDate start = start(code);
		return switch (type(code)) {
			case "year" -> start.plusYears(1).minusDays(1);
			case "quarter" -> start.plusMonths(3).minusDays(1);
			default -> start.plusMonths(1).minusDays(1);
		};
	}

}
