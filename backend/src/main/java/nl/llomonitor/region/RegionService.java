package nl.llomonitor.region;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The regions of the edition valid on a date, as {@link RegionController} answers them.
 * Errors are 400 {@code invalid-parameter} (an unknown level or a date that does not
 * parse) and 404 for an unknown region code.
 */
@Service
record RegionService(RegionCatalog catalog) {

	/**
	 * @param level a level code, or {@code null} for every level
	 * @param parent a region code: only the regions directly linked to it; or
	 * {@code null}
	 * @param date the date whose edition answers, or {@code null} for the newest edition
	 * (see {@link RegionCatalog.Snapshot#newestEdition})
	 * @param language the language of the names
	 * @return the regions that exist on that date, with their names and links of that
	 * edition
	 */
	Mono<List<RegionView>> list(String level, String parent, LocalDate date, Lang language) {
		return this.catalog.snapshot().map((snapshot) -> {
			LocalDate on = (date != null) ? date : snapshot.newestEdition(LocalDate.now());
			if (level != null) {
				snapshot.requireLevel(level);
			}
			String parentCode = (parent != null) ? RegionCatalog.lookup(snapshot, parent, "parent").code() : null;
			return snapshot.regions()
				.values()
				.stream()
				.filter((r) -> r.existsOn(on))
				.filter((r) -> level == null || r.level().equals(level))
				.map((r) -> RegionView.of(snapshot.namedOn(r, on), snapshot.parentsOn(r.code(), on), language))
				.filter((r) -> parentCode == null || r.parents().contains(parentCode))
				.toList();
		});
	}

	/**
	 * @param code a region code
	 * @param date the date whose edition gives its names and links, or {@code null} for
	 * the newest edition
	 * @param language the language of the names
	 * @return the region, with its names by edition
	 */
	Mono<RegionView> get(String code, LocalDate date, Lang language) {
		return this.catalog.snapshot().map((snapshot) -> {
			LocalDate on = (date != null) ? date : snapshot.newestEdition(LocalDate.now());
			RegionCatalog.Region region = RegionCatalog.lookup(snapshot, code, "code");
			return RegionView.of(snapshot.namedOn(region, on), snapshot.parentsOn(region.code(), on), language)
				.withNames(snapshot.namesOf(region.code()), language);
		});
	}

	/**
	 * @param date the parameter {@code date}, ISO 8601, or blank
	 * @return that date, or {@code null} (the newest edition) when blank
	 */
	static LocalDate parseDate(String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalidParameter("date", "Parameter 'date' must be a date such as 2025-01-01; got '"
					+ ((date.length() > 40) ? date.substring(0, 40) + "…" : date) + "'.");
		}
	}

}
