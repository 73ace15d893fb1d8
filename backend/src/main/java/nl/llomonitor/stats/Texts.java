package nl.llomonitor.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import nl.llomonitor.api.Lang;

/**
 * Numbers and units in Dutch and English sentences.
 */
final class Texts {

	private Texts() {
	}

	static String number(double value, int decimals, Lang lang) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols
			.getInstance((lang == Lang.EN) ? Locale.UK : Locale.forLanguageTag("nl-NL"));
		DecimalFormat format = new DecimalFormat((decimals > 0) ? "#,##0." + "0".repeat(decimals) : "#,##0", symbols);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(BigDecimal.valueOf(value).setScale(Math.max(decimals, 0), RoundingMode.HALF_UP));
	}

	/**
	 * @return e.g. {@code 75,5 %}, {@code 790 duizend}, {@code 0,45}
	 */
	static String value(double value, String unit, int decimals, Lang lang) {
		String n = number(value, decimals, lang);
		return switch (unit) {
			case "percent" -> n + " %";
			case "x1000" -> n + ((lang == Lang.EN) ? " thousand" : " duizend");
			case "persons" -> n + ((lang == Lang.EN) ? " persons" : " personen");
			default -> n;
		};
	}

	/**
	 * @return the unit of a difference: procentpunt for percentages
	 */
	static String differenceUnit(String unit, Lang lang) {
		return switch (unit) {
			case "percent" -> (lang == Lang.EN) ? "percentage points" : "procentpunt";
			case "x1000" -> (lang == Lang.EN) ? "thousand" : "duizend";
			case "persons" -> (lang == Lang.EN) ? "persons" : "personen";
			case "ratio per 100" -> (lang == Lang.EN) ? "points" : "punten";
			default -> "";
		};
	}

	static String lowerFirst(String name) {
		if (name == null || name.length() < 2 || Character.isUpperCase(name.charAt(1))) {
			return name;
		}
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	/**
	 * A region's name inside a sentence: in English the country takes its article ("above
	 * the Netherlands"); every other name stands as it is.
	 * @param name the region's name in the language of the sentence
	 * @param lang that language
	 * @return the name as it reads in a sentence
	 */
	static String region(String name, Lang lang) {
		return (lang == Lang.EN && "Netherlands".equals(name)) ? "the Netherlands" : name;
	}

}
