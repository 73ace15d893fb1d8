package nl.llomonitor.importer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Publication dates of vintages: from CBS metadata ({@code 2009-07-10T02:00:00}, local
 * time; {@code 2020-06-19T02:00:00+02:00}), which is only recorded, or given with the
 * import of an older download ({@code 2020-08-14}), which is then recorded at that date
 * as history.
 */
public final class Publication {

	/** CBS publishes in Dutch local time. */
	static final ZoneId CBS_ZONE = nl.llomonitor.cube.DutchTime.ZONE;

	private Publication() {
	}

	/**
	 * @param text a date, a local date-time or a date-time with offset
	 * @return the moment, or null if the text is none of these
	 */
	public static OffsetDateTime parse(String text) {
		String value = text.strip();
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay(CBS_ZONE).toOffsetDateTime();
			}
			if (value.matches(".*([+-]\\d{2}:\\d{2}|Z)$")) {
				return OffsetDateTime.parse(value);
			}
			return LocalDateTime.parse(value).atZone(CBS_ZONE).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * A publication date given with an import (CLI, admin endpoint).
	 * @param text the date, may be null or blank
	 * @param where the file or field it was given for, for the error
	 * @return the moment, or null when none was given
	 * @throws ImportException when it is not a date, or lies in the future
	 */
	public static OffsetDateTime given(String text, String where) {
		if (text == null || text.isBlank()) {
			return null;
		}
		OffsetDateTime published = parse(text);
		if (published == null) {
			throw new ImportException(where, null, "published", text, "a date such as 2020-08-14",
					"not a publication date");
		}
		return notInFuture(published, where, text);
	}

	/**
	 * @param published a publication date
	 * @param where the file or field it was given for, for the error
	 * @param value the date as given, for the error
	 * @return the date
	 * @throws ImportException when it lies in the future
	 */
	static OffsetDateTime notInFuture(OffsetDateTime published, String where, String value) {
		if (published.isAfter(OffsetDateTime.now())) {
			throw new ImportException(where, null, "published", value, "a date that is not in the future",
					"a publication date in the future");
		}
		return published;
	}

}
