package nl.llomonitor.observation;

import nl.llomonitor.api.Lang;

/**
 * A period as an answer names it: its code and its label in the language asked for.
 *
 * @param code period code, e.g. {@code 2023KW02}
 * @param label e.g. {@code 2023 2e kwartaal} or {@code 2023 Q2}
 */
public record PeriodRef(String code, String label) {

	/**
	 * @param period the period
	 * @param language the language of the label
	 * @return its reference
	 */
	public static PeriodRef of(PeriodCode period, Lang language) {
		return new PeriodRef(period.code(), period.label(language));
	}

}
