package nl.llomonitor.region;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The region hierarchy: land, landsdelen, provincies, COROP, arbeidsmarktregio's,
 * gemeenten.
 */
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions", description = "Region hierarchy with Dutch and English names")
class RegionController {

	private final RegionCatalog catalog;

	RegionController(RegionCatalog catalog) {
		this.catalog = catalog;
	}

	record RegionView(String code, String name, String nameNl, String nameEn, String level, List<String> parents,
			LocalDate validFrom, LocalDate validTo) {

		static RegionView of(RegionCatalog.Region region, List<String> parents, Lang lang) {
			return new RegionView(region.code(), region.name(lang), region.nameNl(), region.nameEn(), region.level(),
					parents, region.validFrom().equals(OPEN_START) ? null : region.validFrom(), region.validTo());
		}

	}

	/** The validity start of a region known since before any edition. */
	static final LocalDate OPEN_START = LocalDate.of(1900, 1, 1);

	@GetMapping
	@Operation(summary = "List the regions of an edition, optionally of one level and/or directly below one parent",
			description = "Answers for the edition valid on 'date' (default: today): the regions that exist "
					+ "on that date and their direct links of that edition (a gemeente in its provincie, "
					+ "COROP area, arbeidsmarktregio and landsdeel). 'parent' gives the regions directly "
					+ "linked to it, never through another level.")
	Mono<List<RegionView>> list(
			@Parameter(description = "land, landsdeel, provincie, corop, arbeidsmarktregio or gemeente") @RequestParam(
					required = false) String level,
			@Parameter(description = "a region code; only regions directly in it") @RequestParam(
					required = false) String parent,
			@Parameter(
					description = "the date whose edition answers, ISO 8601 (2025-01-01); default today") @RequestParam(
							required = false) String date,
			Lang language) {
		LocalDate on = parseDate(date);
		return this.catalog.snapshot().map((snapshot) -> {
			if (level != null && !snapshot.levels().contains(level)) {
				throw ApiException.invalidParameter("level",
						"Unknown level '" + level + "'; expected one of " + snapshot.levels() + ".");
			}
			String parentCode = (parent != null) ? RegionCatalog.lookup(snapshot, parent, "parent").code() : null;
			return snapshot.regions()
				.values()
				.stream()
				.filter((r) -> r.existsOn(on))
				.filter((r) -> level == null || r.level().equals(level))
				.map((r) -> RegionView.of(r, snapshot.parentsOn(r.code(), on), language))
				.filter((r) -> parentCode == null || r.parents().contains(parentCode))
				.toList();
		});
	}

	@GetMapping("/{code}")
	@Operation(summary = "One region, with its direct links of the edition valid on 'date' (default today)")
	Mono<RegionView> get(@PathVariable String code,
			@Parameter(description = "the date whose edition answers, ISO 8601; default today") @RequestParam(
					required = false) String date,
			Lang language) {
		LocalDate on = parseDate(date);
		return this.catalog.snapshot().map((snapshot) -> {
			RegionCatalog.Region region = RegionCatalog.lookup(snapshot, code, "code");
			return RegionView.of(region, snapshot.parentsOn(region.code(), on), language);
		});
	}

	static LocalDate parseDate(String date) {
		if (date == null || date.isBlank()) {
			return LocalDate.now();
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
