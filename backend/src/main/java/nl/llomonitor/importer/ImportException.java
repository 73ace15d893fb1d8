package nl.llomonitor.importer;

/**
 * A file could not be imported. The message names the file, the line or record, the
 * column, the offending value and what was expected; nothing of the file was written.
 */
public class ImportException extends RuntimeException {

	private final String file;

	private final String location;

	private final String column;

	private final String value;

	private final String expected;

	/**
	 * @param file file name
	 * @param location line or record, e.g. {@code line 17} or {@code record 10001}; may
	 * be null
	 * @param column column or field name; may be null
	 * @param value the offending value; may be null
	 * @param expected what was expected instead
	 * @param problem short description of what is wrong
	 */
	public ImportException(String file, String location, String column, String value, String expected, String problem) {
		super(format(file, location, column, value, expected, problem));
		this.file = file;
		this.location = location;
		this.column = column;
		this.value = value;
		this.expected = expected;
	}

	ImportException(String file, String location, String column, String value, String expected, String problem,
			Throwable cause) {
		this(file, location, column, value, expected, problem);
		initCause(cause);
	}

	private static String format(String file, String location, String column, String value, String expected,
			String problem) {
		StringBuilder message = new StringBuilder(file);
		if (location != null) {
			message.append(", ").append(location);
		}
		if (column != null) {
			message.append(", column ").append(column);
		}
		message.append(": ").append(problem);
		if (value != null) {
			message.append(" (value '").append(value).append("')");
		}
		if (expected != null) {
			message.append("; expected ").append(expected);
		}
		return message.toString();
	}

	/**
	 * @return the file name
	 */
	public String file() {
		return this.file;
	}

	/**
	 * @return the line or record, or null
	 */
	public String location() {
		return this.location;
	}

	/**
	 * @return the column or field, or null
	 */
	public String column() {
		return this.column;
	}

	/**
	 * @return the offending value, or null
	 */
	public String value() {
		return this.value;
	}

	/**
	 * @return what was expected
	 */
	public String expected() {
		return this.expected;
	}

}
