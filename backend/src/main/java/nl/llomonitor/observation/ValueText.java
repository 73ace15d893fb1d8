package nl.llomonitor.observation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;

/**
 * A figure as people read it, in Dutch or English: separators of the language and the
 * indicator's unit from the message bundles ({@code unit.value.*}). Shared by the
 * sentences of {@code stats} and the change feed of {@code revision}.
 */
public final class ValueText {

	private ValueText() {
	}

	/**
	 * @param value the number
	 * @param decimals decimals shown
	 * @param lang the language, for the separators
	 * @return e.g. {@code 1.234,5} in Dutch, {@code 1,234.5} in English; a negative
	 * number with a true minus sign ({@code −1,5})
	 */
	public static String number(double value, int decimals, Lang lang) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(lang.locale());
		// a true minus sign (U+2212) in sentences, as the dashboard writes numbers
		symbols.setMinusSign('\u2212');
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
	 * A unit code as a message key: {@code ratio per 100} becomes {@code ratio_per_100}.
	 * @param unit the unit code
	 * @return the key part
	 */
	public static String key(String unit) {
		return unit.replace(' ', '_');
	}

}
