package nl.llomonitor.region;

import java.time.LocalDate;
import java.util.List;

import nl.llomonitor.api.Lang;

/**
 * A region as the API answers it, with its direct links of one edition.
 *
 * @param code CBS code, e.g. PV26
 * @param name the name in the language asked for
 * @param nameNl Dutch name
 * @param nameEn English name
 * @param level level code, e.g. provincie
 * @param parents its direct parents in the edition answered, highest level first
 * @param validFrom first day it exists, or {@code null} when known since before any
 * edition
 * @param validTo the day an edition ended it (exclusive), or {@code null}
 */
record RegionView(String code, String name, String nameNl, String nameEn, String level, List<String> parents,
		LocalDate validFrom, LocalDate validTo) {

	/** The validity start of a region known since before any edition. */
	static final LocalDate OPEN_START = LocalDate.of(1900, 1, 1);

	static RegionView of(RegionCatalog.Region region, List<String> parents, Lang lang) {
		return new RegionView(region.code(), region.name(lang), region.nameNl(), region.nameEn(), region.level(),
				parents, region.validFrom().equals(OPEN_START) ? null : region.validFrom(), region.validTo());
	}

}
