package nl.llomonitor.cube;

/**
 * A CBS special sign written in a value cell instead of a number (StatLine "Verklaring
 * van tekens"), in every CBS format: CSV, OData v3 typed and untyped, v4
 * {@code StringValue}.
 * <ul>
 * <li>{@code -} nihil: a real zero, stored as 0;</li>
 * <li>{@code .} unknown, too unreliable or secret: no value,
 * {@link MissingReason#ONBEKEND};</li>
 * <li>{@code x} secret: no value, {@link MissingReason#GEHEIM};</li>
 * <li>an empty cell: logically impossible, no value,
 * {@link MissingReason#NIET_VAN_TOEPASSING};</li>
 * <li>{@code ?} uncertain, not published: no value, {@link MissingReason#ONBEKEND}.</li>
 * </ul>
 */
public enum CbsSign {

	/** {@code -}: nihil, zero. */
	NIHIL("-", "0", null),

	/** {@code .}: unknown, unreliable or secret. */
	ONBEKEND(".", null, MissingReason.ONBEKEND),

	/** {@code x}: secret. */
	GEHEIM("x", null, MissingReason.GEHEIM),

	/** {@code ?}: uncertain, not published. */
	ONZEKER("?", null, MissingReason.ONBEKEND),

	/** An empty cell: logically impossible. */
	LEEG("", null, MissingReason.NIET_VAN_TOEPASSING);

	private final String symbol;

	/** The value the sign stands for; null for no value. */
	private final String value;

	/** Why a cell with the sign has no value; null for the one sign that is a value. */
	private final MissingReason reason;

	CbsSign(String symbol, String value, MissingReason reason) {
		this.symbol = symbol;
		this.value = value;
		this.reason = reason;
	}

	/**
	 * @return the sign as CBS writes it ({@code ""} for an empty cell)
	 */
	public String symbol() {
		return this.symbol;
	}

	/**
	 * @return the value it stands for ({@code "0"} for nihil, the one sign without a
	 * reason), or null for no value
	 */
	public String value() {
		return this.value;
	}

	/**
	 * @return why there is no value, or null when the sign is a value
	 */
	public MissingReason reason() {
		return this.reason;
	}

	/**
	 * @return a name for reports: {@code "-"}, {@code "."}, {@code "x"}, {@code "?"},
	 * {@code "empty"}
	 */
	public String reportName() {
		return this.symbol.isEmpty() ? "empty" : this.symbol;
	}

	/**
	 * @param text a stripped cell
	 * @return its sign, or null when it is not one (a number, or anything else)
	 */
	public static CbsSign of(String text) {
		if (text.length() == 1 && text.charAt(0) == '\u2212') {
			// a typographic minus, as a spreadsheet may write nihil
			return NIHIL;
		}
		return switch (text) {
			case "-" -> NIHIL;
			case "." -> ONBEKEND;
			case "x", "X" -> GEHEIM;
			case "?" -> ONZEKER;
			case "" -> LEEG;
			default -> null;
		};
	}

	/**
	 * The sign a CBS OData v4 {@code ValueAttribute} stands for when it is a value: only
	 * {@code Nil} (CBS's English for nihil, the sign {@code -}), a real zero.
	 * @param attribute a value attribute such as {@code Nil} or {@code Confidential}
	 * @return {@link #NIHIL} for {@code Nil}, else null (the attribute is a reason, see
	 * {@link MissingReason#fromValueAttribute(String)})
	 */
	public static CbsSign ofValueAttribute(String attribute) {
		return switch ((attribute != null) ? attribute.strip().toLowerCase(java.util.Locale.ROOT) : "") {
			case "nil", "nihil", "zero" -> NIHIL;
			default -> null;
		};
	}

}
