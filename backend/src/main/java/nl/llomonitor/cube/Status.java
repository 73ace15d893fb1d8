package nl.llomonitor.cube;

import java.util.Locale;

/**
 * The status of a published value, as the source states it ({@code observation.status}).
 * A status is never invented: a value whose source says nothing about it is
 * {@link #NOT_STATED}, never {@link #DEFINITIEF}.
 * <p>
 * Sources: CBS marks provisional figures with {@code *} and revised provisional ones with
 * {@code **} in the period title (CSV labels, the v3 {@code Perioden} and v4
 * {@code PeriodenCodes} {@code Title}) and names the status in the {@code Status} of
 * those code lists; an unmarked CBS period label is definitive by CBS's own convention.
 * Eurostat flag {@code p} is provisional; Eurostat states no other status.
 */
public enum Status {

	/** Final: CBS "definitief". */
	DEFINITIEF("definitief"),

	/** Revised provisional: CBS "nader voorlopig", {@code **}. */
	NADER_VOORLOPIG("nader_voorlopig"),

	/** Provisional: CBS "voorlopig", {@code *}; Eurostat flag {@code p}. */
	VOORLOPIG("voorlopig"),

	/** The source states no status. */
	NOT_STATED("niet_vermeld");

	private final String code;

	Status(String code) {
		this.code = code;
	}

	/**
	 * @return the code stored in {@code observation.status} and shown by the API
	 */
	public String code() {
		return this.code;
	}

	/**
	 * @param code a stored code, e.g. {@code nader_voorlopig}
	 * @return the status
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static Status fromCode(String code) {
		return Codes.of(values(), Status::code, code, () -> "unknown status " + code);
	}

	/**
	 * The status of a figure computed from two others (a sum, a ratio): the weaker of
	 * theirs, in the order definitief, nader voorlopig, voorlopig, niet vermeld. A figure
	 * is only as final as its least final term, and where a term's source states no
	 * status the result cannot claim one either.
	 * @param a a status code, or null for none
	 * @param b a status code, or null for none
	 * @return the weaker code (the other when one is null)
	 */
	public static String weaker(String a, String b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return (fromCode(a).ordinal() >= fromCode(b).ordinal()) ? a : b;
	}

	/**
	 * The status a CBS code list states: its {@code Status} ("Definitief", "Voorlopig",
	 * "Nader voorlopig") or else the mark at the end of its {@code Title} ({@code *},
	 * {@code **}).
	 * @param status the {@code Status} property, may be empty or null
	 * @param title the {@code Title} property, may be empty or null
	 * @return the status, {@link #NOT_STATED} when neither says anything
	 */
	public static Status fromCbs(String status, String title) {
		String s = (status != null) ? status.strip().toLowerCase(Locale.ROOT) : "";
		String t = (title != null) ? title.strip() : "";
		if (s.contains("nader") || s.contains("revised provisional") || t.endsWith("**")) {
			return NADER_VOORLOPIG;
		}
		if (s.contains("voorlopig") || s.contains("provisional") || t.endsWith("*")) {
			return VOORLOPIG;
		}
		if (s.contains("definitief") || s.contains("definitive") || s.contains("definite") || s.contains("final")) {
			return DEFINITIEF;
		}
		return NOT_STATED;
	}

	/**
	 * jOOQ converter between the stored code and the enum ({@code observation.status}).
	 */
	public static final class Converter extends CodeConverter<Status> {

		/** Used by the generated jOOQ classes. */
		public Converter() {
			super(Status.class, Status::fromCode, Status::code);
		}

	}

}
