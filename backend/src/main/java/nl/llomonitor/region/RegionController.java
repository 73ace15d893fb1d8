package nl.llomonitor.region;

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
import org.springframework.web.server.ServerWebExchange;

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

	record RegionView(String code, String name, String nameNl, String nameEn, String level, List<String> parents) {

		static RegionView of(RegionCatalog.Region region, Lang lang) {
			return new RegionView(region.code(), region.name(lang), region.nameNl(), region.nameEn(), region.level(),
					region.parents());
		}

	}

	@GetMapping
	@Operation(summary = "List regions, optionally of one level and/or below one parent")
	Mono<List<RegionView>> list(
			@Parameter(description = "land, landsdeel, provincie, corop, arbeidsmarktregio or gemeente") @RequestParam(
					required = false) String level,
			@Parameter(description = "a region code; only regions below it") @RequestParam(
					required = false) String parent,
			@RequestParam(required = false) String lang, ServerWebExchange exchange) {
		Lang language = Lang.resolve(lang, exchange);
		return this.catalog.snapshot().map((snapshot) -> {
			if (level != null && !snapshot.levels().contains(level)) {
				throw ApiException.invalidParameter("level",
						"Unknown level '" + level + "'; expected one of " + snapshot.levels() + ".");
			}
			String parentCode = (parent != null) ? RegionCatalog.lookup(snapshot, parent, "parent").code() : null;
			return snapshot.regions()
				.values()
				.stream()
				.filter(RegionCatalog.Region::current)
				.filter((r) -> level == null || r.level().equals(level))
				.filter((r) -> parentCode == null || r.parents().contains(parentCode))
				.map((r) -> RegionView.of(r, language))
				.toList();
		});
	}

	@GetMapping("/{code}")
	@Operation(summary = "One region")
	Mono<RegionView> get(@PathVariable String code, @RequestParam(required = false) String lang,
			ServerWebExchange exchange) {
		Lang language = Lang.resolve(lang, exchange);
		return this.catalog.require(code, "code").map((r) -> RegionView.of(r, language));
	}

}
