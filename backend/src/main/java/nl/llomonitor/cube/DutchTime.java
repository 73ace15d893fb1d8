package nl.llomonitor.cube;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Dutch time (Europe/Amsterdam, CET/CEST), in which CBS and UWV publish: a publication
 * date is a day in the Netherlands, and so is a date the API is asked "as of".
 */
public final class DutchTime {

	/** Europe/Amsterdam. */
	public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private DutchTime() {
	}

	/**
	 * @param date a day
	 * @return the moment it begins in the Netherlands (2024-06-01 →
	 * 2024-06-01T00:00+02:00)
	 */
	public static OffsetDateTime startOf(LocalDate date) {
		return date.atStartOfDay(ZONE).toOffsetDateTime();
	}

	/**
	 * @param moment a moment
	 * @return the day it falls on in the Netherlands
	 */
	public static LocalDate dayOf(OffsetDateTime moment) {
		return moment.atZoneSameInstant(ZONE).toLocalDate();
	}

}
