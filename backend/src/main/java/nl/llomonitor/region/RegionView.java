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
 * @param names for one region asked by code: its names by edition, oldest first (one
 * entry when it was never renamed); {@code null} (left out) in lists
 */
record RegionView(String code, String name, String nameNl, String nameEn, String level, List<String> parents,
		LocalDate validFrom, LocalDate validTo, List<NameSpan> names) {

	/** The validity start of a region known since before any edition. */
	static final LocalDate OPEN_START = LocalDate.of(1900, 1, 1);

	/**
	 * A region's names in a span of editions.
	 *
	 * @param name the name in the language asked for
	 * @param nameNl Dutch name
	 * @param nameEn English name
	 * @param validFrom the first day of the edition that gave it, or {@code null} when
	 * known since before any dated edition
	 * @param validTo the day a later edition renamed the region (exclusive), or
	 * {@code null}
	 */
	record NameSpan(String name, String nameNl, String nameEn, LocalDate validFrom, LocalDate validTo) {

	}

	/**
	 * @param region the region, with its names of the date answered
	 * @param parents its direct parents of that date
	 * @param lang the language of {@code name}
	 * @return the view, without name history
	 */
	static RegionView of(RegionCatalog.Region region, List<String> parents, Lang lang) {
		return new RegionView(region.code(), region.name(lang), region.nameNl(), region.nameEn(), region.level(),
				parents, region.validFrom().equals(OPEN_START) ? null : region.validFrom(), region.validTo(), null);
	}

	/**
	 * @param names the region's names by span, oldest first
	 * @param lang the language of each span's {@code name}
	 * @return this view with its name history
	 */
	RegionView withNames(List<RegionCatalog.Name> names, Lang lang) {
		return new RegionView(this.code, this.name, this.nameNl, this.nameEn, this.level, this.parents, this.validFrom,
				this.validTo,
				names.stream()
					.map((n) -> new NameSpan(lang.pick(n.nameNl(), n.nameEn()), n.nameNl(), n.nameEn(),
							n.validFrom().equals(OPEN_START) ? null : n.validFrom(), n.validTo()))
					.toList());
	}

}
