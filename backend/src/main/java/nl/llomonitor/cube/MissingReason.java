package nl.llomonitor.cube;

import java.util.Locale;

/**
 * Why a cell has no value ({@code observation.missing_reason}; null when it has one).
 * <p>
 * CBS special signs (StatLine "Verklaring van tekens"): {@code .} unknown, unreliable or
 * secret → {@link #ONBEKEND}; {@code x} secret → {@link #GEHEIM}; an empty cell is
 * logically impossible → {@link #NIET_VAN_TOEPASSING}; {@code -} is nihil, a real zero,
 * and therefore a value, not a reason. CBS OData v4 {@code ValueAttribute}:
 * {@code Confidential} → {@link #VERTROUWELIJK}, {@code Impossible} →
 * {@link #NIET_VAN_TOEPASSING}, {@code Unknown}/{@code Missing} → {@link #ONBEKEND}, no
 * attribute → {@link #NIET_BESCHIKBAAR}. Eurostat ({@code :} with flags): {@code c} →
 * {@link #VERTROUWELIJK}, {@code z} → {@link #NIET_VAN_TOEPASSING}, otherwise
 * {@link #NIET_BESCHIKBAAR}.
 */
public enum MissingReason {

	/** Unknown, too unreliable or secret (CBS {@code .}). */
	ONBEKEND,

	/** Secret (CBS {@code x}). */
	GEHEIM,

	/** Confidential (CBS v4 {@code Confidential}, Eurostat {@code c}). */
	VERTROUWELIJK,

	/**
	 * Logically impossible (an empty CBS cell, v4 {@code Impossible}, Eurostat
	 * {@code z}).
	 */
	NIET_VAN_TOEPASSING,

	/** Not available, no reason given (Eurostat {@code :}). */
	NIET_BESCHIKBAAR,

	/**
	 * A value attribute this version does not know: the source's code is kept in the
	 * footnote.
	 */
	ANDERS;

	/**
	 * The footnote stored with a sum without a value ({@link #NIET_BESCHIKBAAR}): one of
	 * its terms has none (a sum never invents a number). Stored as this text since the
	 * first release; the API gives it in the reader's language (message key
	 * {@code sum.term-missing}).
	 */
	public static final String SUM_TERM_MISSING = "one of the terms of this sum has no value";

	/**
	 * @return the code stored in {@code observation.missing_reason} and shown by the API:
	 * the name in lower case
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param english whether English is wanted
	 * @return a label for people, e.g. "vertrouwelijk" (message bundles, key
	 * {@code missingReason.<code>})
	 */
	public String label(boolean english) {
		return Labels.get("missingReason." + code(), english);
	}

	/**
	 * @param code a stored code
	 * @return the reason, or null for null
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static MissingReason fromCode(String code) {
		if (code == null) {
			return null;
		}
		return Codes.of(values(), MissingReason::code, code, () -> "unknown missing reason " + code);
	}

	/**
	 * The reason a CBS OData v4 {@code ValueAttribute} gives for a cell without a value.
	 * @param attribute e.g. {@code Confidential}
	 * @return the reason ({@link #ANDERS} for a code this version does not know)
	 */
	public static MissingReason fromValueAttribute(String attribute) {
		return switch ((attribute != null) ? attribute.strip().toLowerCase(java.util.Locale.ROOT) : "") {
			case "confidential" -> VERTROUWELIJK;
			case "impossible", "notapplicable" -> NIET_VAN_TOEPASSING;
			case "unknown", "missing" -> ONBEKEND;
			case "notavailable", "none", "" -> NIET_BESCHIKBAAR;
			case "secret" -> GEHEIM;
			default -> ANDERS;
		};
	}

	/**
	 * jOOQ converter between the stored code and the enum.
	 */
	public static final class Converter extends CodeConverter<MissingReason> {

		/** Used by the generated jOOQ classes. */
		public Converter() {
			super(MissingReason.class, MissingReason::fromCode, MissingReason::code);
		}

	}

}
