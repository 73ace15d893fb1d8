package nl.llomonitor.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;
import nl.llomonitor.cube.Unit;
import nl.llomonitor.region.RegionCatalog;

/**
 * Numbers and units in Dutch and English sentences.
 */
public final class Texts {

	private Texts() {
	}

	/**
	 * @param value the number
	 * @param decimals decimals shown
	 * @param lang the language, for the separators
	 * @return e.g. {@code 1.234,5} in Dutch, {@code 1,234.5} in English
	 */
	public static String number(double value, int decimals, Lang lang) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(lang.locale());
		DecimalFormat format = new DecimalFormat((decimals > 0) ? "#,##0." + "0".repeat(decimals) : "#,##0", symbols);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(BigDecimal.valueOf(value).setScale(Math.max(decimals, 0), RoundingMode.HALF_UP));
	}

	/**
	 * @param value the number
	 * @param unit the indicator's unit code (percent, x1000, persons, ...)
	 * @param decimals decimals shown
	 * @param lang the language
	 * @return e.g. {@code 75,5 %}, {@code 790 duizend}, {@code 0,45}
	 */
	public static String value(double value, String unit, int decimals, Lang lang) {
		String n = number(value, decimals, lang);
		return Messages.getOrDefault(lang, "unit.value." + key(unit), n, n);
	}

	/**
	 * @return the unit of a difference: procentpunt for percentages
	 */
	static String differenceUnit(String unit, Lang lang) {
		return Messages.getOrDefault(lang, "unit.difference." + key(unit), "");
	}

	/**
	 * A unit code as a message key: {@code ratio per 100} becomes {@code ratio_per_100}.
	 */
	private static String key(String unit) {
		return unit.replace(' ', '_');
	}

	static String lowerFirst(String name) {
		if (name == null || name.length() < 2 || Character.isUpperCase(name.charAt(1))) {
			return name;
		}
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	/**
	 * A region's name inside a sentence: in English the country takes its article ("above
	 * the Netherlands"); every other name stands as it is. The rule per region level is
	 * text ({@code region.in-sentence.<level>} in the message bundles).
	 * @param region the region
	 * @param lang the language of the sentence
	 * @return the name as it reads in a sentence
	 */
	static String region(RegionCatalog.Region region, Lang lang) {
		String name = region.name(lang);
		String key = "region.in-sentence." + region.level();
		// no fallback with arguments: a fallback is formatted as a pattern, which would
		// eat
		// the apostrophe of 's-Hertogenbosch
		return (Messages.getOrDefault(lang, key, null) != null) ? Messages.get(lang, key, name) : name;
	}

	/**
	 * @param unit a unit code
	 * @return whether a value in this unit is a count (thousands or persons), whose
	 * sentences read "the figure for ..." so that they agree with plural names
	 */
	static boolean count(String unit) {
		return Unit.THOUSANDS.code().equals(unit) || Unit.PERSONS.code().equals(unit);
	}

}
