package nl.llomonitor.importer.format;

/**
 * Checks decimal numbers as the sources write them ({@code 75.5}, {@code 342820.0},
 * {@code "   135.5"}, {@code -1.2E3}) without allocating.
 */
public final class Numbers {

	private Numbers() {
	}

	private static final java.util.regex.Pattern DECIMAL_COMMA = java.util.regex.Pattern
		.compile("[+-]?[0-9.]*[0-9],[0-9]+");

	/**
	 * @param text the trimmed text
	 * @return whether it is a number written with a decimal comma ({@code 241,0},
	 * {@code 1.234,5}), as a spreadsheet with Dutch number settings saves it: a number
	 * the file garbled, never a text value
	 */
	public static boolean isDecimalComma(String text) {
		return DECIMAL_COMMA.matcher(text).matches();
	}

	/**
	 * @param text the trimmed text
	 * @return whether it is a plain decimal number PostgreSQL's numeric accepts, within
	 * the range of a double (every figure is computed with and shown as one:
	 * {@code 1e400} would be stored and then break every answer that uses it,
	 * {@code 1e-400} would read as 0)
	 */
	public static boolean isDecimal(String text) {
		if (!isDecimalSyntax(text)) {
			return false;
		}
		if (text.length() <= 15) {
			// up to 15 characters a number without an exponent of more than two digits
			// is well inside the range
			int e = Math.max(text.indexOf('e'), text.indexOf('E'));
			if (e < 0 || text.length() - e <= 3) {
				return true;
			}
		}
		try {
			java.math.BigDecimal value = new java.math.BigDecimal(text);
			double d = value.doubleValue();
			return Double.isFinite(d) && (d != 0 || value.signum() == 0);
		}
		catch (NumberFormatException ex) {
			// an exponent beyond what a decimal can hold
			return false;
		}
	}

	private static boolean isDecimalSyntax(String text) {
		int n = text.length();
		int i = 0;
		if (n == 0) {
			return false;
		}
		if (text.charAt(0) == '-' || text.charAt(0) == '+') {
			i++;
		}
		int digits = 0;
		boolean dot = false;
		for (; i < n; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
			else if (c == '.' && !dot) {
				dot = true;
			}
			else if ((c == 'e' || c == 'E') && digits > 0) {
				return isExponent(text, i + 1);
			}
			else {
				return false;
			}
		}
		return digits > 0;
	}

	private static boolean isExponent(String text, int from) {
		int i = from;
		if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
			i++;
		}
		if (i >= text.length()) {
			return false;
		}
		for (; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}
