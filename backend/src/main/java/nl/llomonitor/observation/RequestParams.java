package nl.llomonitor.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.cube.DutchTime;

/**
 * Parsing and checking of query parameters shared by the data endpoints.
 */
public final class RequestParams {

	private RequestParams() {
	}

	/**
	 * Several required parameters missing at once give one problem that names them all (a
	 * bare request learns everything it lacks in one answer); a single missing one is
	 * left to its own check, which also says what form it expects.
	 * @param namesAndValues pairs of parameter name and its value as given (null when
	 * absent)
	 * @throws ApiException {@code invalid-parameter}, naming the first missing one as
	 * {@code parameter} and all of them in the detail
	 */
	public static void required(String... namesAndValues) {
		List<String> missing = new java.util.ArrayList<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			String value = namesAndValues[i + 1];
			if (value == null || value.isBlank()) {
				missing.add("'" + namesAndValues[i] + "'");
			}
		}
		if (missing.size() > 1) {
			String names = String.join(", ", missing.subList(0, missing.size() - 1)) + " and "
					+ missing.get(missing.size() - 1);
			throw ApiException.invalidParameter(missing.get(0).replace("'", ""),
					"Parameters " + names + " are required.");
		}
	}

	/**
	 * @param value comma-separated region codes
	 * @param parameter parameter name
	 * @param min fewest codes allowed
	 * @return the codes, trimmed, upper case, without duplicates
	 */
	public static List<String> regions(String value, String parameter, int min) {
		if (value == null || value.isBlank()) {
			throw ApiException.invalidParameter(parameter,
					"Parameter '" + parameter + "' is required: comma-separated region codes such as PV26,PV21.");
		}
		if (value.length() > 2_000) {
			throw ApiException.rangeTooWide(parameter,
					"At most " + SeriesService.MAX_REGIONS + " regions per request.");
		}
		Set<String> codes = new LinkedHashSet<>();
		for (String part : value.split(",", -1)) {
			String code = part.trim().toUpperCase(java.util.Locale.ROOT);
			if (code.isEmpty() || !code.matches("[A-Z]{2}[0-9]{2,4}")) {
				throw ApiException.invalidParameter(parameter, "Parameter '" + parameter
						+ "' must be comma-separated region codes such as PV26,PV21; got '" + abbreviate(part) + "'.");
			}
			codes.add(code);
		}
		if (codes.size() > SeriesService.MAX_REGIONS) {
			throw ApiException.rangeTooWide(parameter,
					"At most " + SeriesService.MAX_REGIONS + " regions per request; got " + codes.size() + ".");
		}
		if (codes.size() < min) {
			throw ApiException.invalidParameter(parameter,
					"Parameter '" + parameter + "' needs at least " + min + " region codes.");
		}
		return List.copyOf(codes);
	}

	/**
	 * @param value one region code
	 * @param parameter parameter name
	 * @return the code, trimmed, upper case
	 * @throws ApiException {@code invalid-parameter} when it is missing or malformed (see
	 * {@link #regions}) or names several regions
	 */
	public static String region(String value, String parameter) {
		String code = regions(value, parameter, 1).get(0);
		if (value.contains(",")) {
			throw ApiException.invalidParameter(parameter, "Parameter '" + parameter + "' takes one region code.");
		}
		return code;
	}

	/**
	 * @param value a period code or null
	 * @param parameter parameter name
	 * @return the period, or null
	 */
	public static PeriodCode period(String value, String parameter) {
		return (value == null || value.isBlank()) ? null : PeriodCode.parse(value, parameter);
	}

	/**
	 * @param value a date such as 2024-01-01, or null
	 * @return the start of that day in Dutch time ({@link DutchTime}), when CBS
	 * publishes: a figure published on that day is not yet known then; or null
	 */
	public static OffsetDateTime asOf(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return DutchTime.startOf(LocalDate.parse(value.trim()));
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalidParameter("asOf",
					"Parameter 'asOf' must be a date such as 2024-01-01; got '" + abbreviate(value) + "'.");
		}
	}

	/**
	 * @param asOf the moment of an {@code asOf} view, or null
	 * @return the date it was given as, for echoing in an answer; null for null
	 */
	public static LocalDate asOfDate(OffsetDateTime asOf) {
		return (asOf != null) ? DutchTime.dayOf(asOf) : null;
	}

	private static String abbreviate(String s) {
		return (s.length() > 40) ? s.substring(0, 40) + "…" : s;
	}

}
