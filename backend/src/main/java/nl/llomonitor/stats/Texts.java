package nl.llomonitor.stats;

import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;
import nl.llomonitor.cube.Unit;
import nl.llomonitor.observation.ValueText;
import nl.llomonitor.region.RegionCatalog;

/**
 * Numbers and units in Dutch and English sentences.
 */
final class Texts {

	private Texts() {
	}

	/**
	 * @return the unit of a difference: procentpunt for percentages
	 */
	static String differenceUnit(String unit, Lang lang) {
		return Messages.getOrDefault(lang, "unit.difference." + key(unit), "");
	}

	private static String key(String unit) {
		return ValueText.key(unit);
	}

	/**
	 * @return the text with its first letter a capital ("the Netherlands" at the start of
	 * a sentence)
	 */
	static String upperFirst(String text) {
		return (text == null || text.isEmpty()) ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	static String lowerFirst(String name) {
		if (name == null || name.length() < 2 || Character.isUpperCase(name.charAt(1))) {
			return name;
		}
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	/**
	 * A region's name inside a sentence: in English the country takes its article ("above
	 * the Netherlands"); every other name stands as it is. The rule per region level is
	 * text ({@code region.in-sentence.<level>} in the message bundles).
	 * @param region the region
	 * @param lang the language of the sentence
	 * @return the name as it reads in a sentence
	 */
	static String region(RegionCatalog.Region region, Lang lang) {
		String name = region.name(lang);
		String key = "region.in-sentence." + region.level();
		// no fallback with arguments: a fallback is formatted as a pattern, which would
		// eat
		// the apostrophe of 's-Hertogenbosch
		return (Messages.getOrDefault(lang, key, null) != null) ? Messages.get(lang, key, name) : name;
	}

	/**
	 * @param unit a unit code
	 * @return whether a value in this unit is a count (thousands or persons), whose
	 * sentences read "the figure for ..." so that they agree with plural names
	 */
	static boolean count(String unit) {
		return Unit.THOUSANDS.code().equals(unit) || Unit.PERSONS.code().equals(unit);
	}

}
