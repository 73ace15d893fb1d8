package nl.llomonitor.cube;

/**
 * A text that is not a CBS period code. The web boundary turns it into a 400 problem
 * naming the parameter; the importer into an error naming file, line and column.
 */
public class PeriodFormatException extends IllegalArgumentException {

	/** What a period code looks like. */
	public static final String EXPECTED = "a period code such as 2023JJ00 (year), 2023KW02 (quarter) or 2024MM11 (month)";

	private final String input;

	/**
	 * @param input the text that was read, may be null
	 */
	public PeriodFormatException(String input) {
		super("Expected " + EXPECTED + "; got '" + input + "'.");
		this.input = input;
	}

	/**
	 * @return the text that was read, may be null
	 */
	public String input() {
		return this.input;
	}

}
