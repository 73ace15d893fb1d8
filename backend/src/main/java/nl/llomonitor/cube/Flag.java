package nl.llomonitor.cube;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A flag a source attaches to a value, kept as its letter in {@code observation.flags}
 * (letters in alphabetical order, e.g. {@code bp}). The letters are Eurostat's (SDMX
 * OBS_FLAG as used in Eurostat's dissemination database); a cell can carry several.
 * <p>
 * Some flags also say something the store keeps elsewhere: {@code p} is the status
 * {@link Status#VOORLOPIG}; on a cell without a value {@code c} is the reason
 * {@link MissingReason#VERTROUWELIJK} and {@code z} the reason
 * {@link MissingReason#NIET_VAN_TOEPASSING}. The letters are kept all the same.
 */
public enum Flag {

	/** b: break in time series. */
	BREAK('b'),

	/** c: confidential. */
	CONFIDENTIAL('c'),

	/** d: definition differs. */
	DEFINITION_DIFFERS('d'),

	/** e: estimated. */
	ESTIMATED('e'),

	/** f: forecast. */
	FORECAST('f'),

	/** n: not significant. */
	NOT_SIGNIFICANT('n'),

	/** p: provisional. */
	PROVISIONAL('p'),

	/** r: revised. */
	REVISED('r'),

	/** s: Eurostat estimate. */
	EUROSTAT_ESTIMATE('s'),

	/** u: low reliability. */
	LOW_RELIABILITY('u'),

	/** z: not applicable. */
	NOT_APPLICABLE('z');

	private final char letter;

	Flag(char letter) {
		this.letter = letter;
	}

	/**
	 * @return the letter stored in {@code observation.flags}
	 */
	public char letter() {
		return this.letter;
	}

	/**
	 * @param english whether English is wanted
	 * @return a label for people (message bundles, key {@code flag.<letter>})
	 */
	public String label(boolean english) {
		return Labels.get("flag." + this.letter, english);
	}

	/**
	 * @param letter a flag letter, either case
	 * @return the flag, or null when the letter is not one
	 */
	public static Flag of(char letter) {
		char l = Character.toLowerCase(letter);
		for (Flag flag : values()) {
			if (flag.letter == l) {
				return flag;
			}
		}
		return null;
	}

	/**
	 * @param letters flag letters as a source writes them ({@code "bp"}, {@code "p b"},
	 * {@code "E"})
	 * @return the flags
	 * @throws IllegalArgumentException naming the first letter that is not a flag
	 */
	public static Set<Flag> parse(String letters) {
		Set<Flag> flags = EnumSet.noneOf(Flag.class);
		for (char c : letters.toCharArray()) {
			if (Character.isWhitespace(c)) {
				continue;
			}
			Flag flag = of(c);
			if (flag == null) {
				throw new IllegalArgumentException(
						"'" + c + "' is not a flag (one of b, c, d, e, f, n, p, r, s, u, z)");
			}
			flags.add(flag);
		}
		return flags;
	}

	/**
	 * @param flags flags
	 * @return their letters in alphabetical order, as stored ({@code ""} for none)
	 */
	public static String letters(Set<Flag> flags) {
		StringBuilder s = new StringBuilder(flags.size());
		for (Flag flag : flags) {
			s.append(flag.letter);
		}
		return s.toString();
	}

	/**
	 * @param flags the flags of a value
	 * @return the status they state: {@code p} provisional, else
	 * {@link Status#NOT_STATED}
	 */
	public static Status status(Set<Flag> flags) {
		return flags.contains(PROVISIONAL) ? Status.VOORLOPIG : Status.NOT_STATED;
	}

	/**
	 * @param flags the flags of a cell without a value
	 * @return why it has none: {@code c} confidential, {@code z} not applicable, else not
	 * available
	 */
	public static MissingReason missingReason(Set<Flag> flags) {
		if (flags.contains(CONFIDENTIAL)) {
			return MissingReason.VERTROUWELIJK;
		}
		if (flags.contains(NOT_APPLICABLE)) {
			return MissingReason.NIET_VAN_TOEPASSING;
		}
		return MissingReason.NIET_BESCHIKBAAR;
	}

	@Override
	public String toString() {
		return String.valueOf(this.letter).toLowerCase(Locale.ROOT);
	}

}
