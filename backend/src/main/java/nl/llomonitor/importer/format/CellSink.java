package nl.llomonitor.importer.format;

/**
 * Receives the cells a reader produces, one part at a time (the value, or one bound of
 * its 95 % margin).
 */
public interface CellSink {

	char VALUE = 'v';

	char LOW = 'l';

	char HIGH = 'h';

	/**
	 * @param line source line or record number, for error messages
	 * @param indicator indicator code
	 * @param region CBS region code
	 * @param period CBS period code
	 * @param breakdownKey canonical breakdown key ('' for the total)
	 * @param part {@link #VALUE}, {@link #LOW} or {@link #HIGH}
	 * @param value a validated decimal number, or null when the cell has none (then
	 * {@code reason} says why)
	 * @param reason a {@link nl.llomonitor.cube.MissingReason} code when {@code value} is
	 * null, else null
	 * @param status a {@link nl.llomonitor.cube.Status} code: definitief,
	 * nader_voorlopig, voorlopig or niet_vermeld
	 * @param flags flag letters, may be empty
	 * @param footnote footnote, or null
	 * @param sourceTable source table id
	 */
	void add(long line, String indicator, String region, String period, String breakdownKey, char part, String value,
			String reason, String status, String flags, String footnote, String sourceTable);

	/**
	 * A cell in the shape before missing reasons: a null value is "not available".
	 * @see #add(long, String, String, String, String, char, String, String, String,
	 * String, String, String)
	 */
	default void add(long line, String indicator, String region, String period, String breakdownKey, char part,
			String value, String status, String flags, String footnote, String sourceTable) {
		add(line, indicator, region, period, breakdownKey, part, value,
				(value == null) ? nl.llomonitor.cube.MissingReason.NIET_BESCHIKBAAR.code() : null, status, flags,
				footnote, sourceTable);
	}

}
