package nl.llomonitor.region;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 *
 * @param regions the regions of an edition
 */
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions", description = "Region hierarchy with Dutch and English names")
record RegionController(RegionService regions) {

	@GetMapping
	@Operation(summary = "List the regions of an edition, optionally of one level and/or directly below one parent",
			description = "Answers for the edition valid on 'date' (default: the newest edition, from its own date on "
					+ "if it starts after today): the regions that exist "
					+ "on that date, with their names and direct links of that edition (a gemeente in its provincie, "
					+ "COROP area, arbeidsmarktregio and landsdeel). 'parent' gives the regions directly "
					+ "linked to it, never through another level.")
	Mono<List<RegionView>> list(
			@Parameter(description = "land, landsdeel, provincie, corop, arbeidsmarktregio or gemeente") @RequestParam(
					required = false) String level,
			@Parameter(description = "a region code; only regions directly in it") @RequestParam(
					required = false) String parent,
			@Parameter(
					description = "the date whose edition answers, ISO 8601 (2025-01-01); default the newest edition") @RequestParam(
							required = false) String date,
			Lang language) {
		return this.regions.list(level, parent, RegionService.parseDate(date), language);
	}

	@GetMapping("/{code}")
	@Operation(
			summary = "One region, with its name and direct links of the edition valid on 'date' (default: the newest edition)",
			description = "'names' lists every name the region had, by edition, oldest first; a date before "
					+ "its first edition gives its first name, one after it ended the name it ended with.")
	Mono<RegionView> get(@PathVariable String code,
			@Parameter(
					description = "the date whose edition answers, ISO 8601; default the newest edition") @RequestParam(
							required = false) String date,
			Lang language) {
		return this.regions.get(code, RegionService.parseDate(date), language);
	}

}
