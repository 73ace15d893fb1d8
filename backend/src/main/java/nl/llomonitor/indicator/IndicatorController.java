package nl.llomonitor.indicator;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.Lang;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Indicator definitions with unit, source and what data exists for them.
 */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "indicators", description = "Indicator definitions, units, sources, breakdowns and coverage")
record IndicatorController(IndicatorCatalog catalog, TableCatalog tables) {

	@GetMapping
	@Operation(summary = "All indicators")
	Mono<List<IndicatorView>> list(Lang language, @RequestParam(required = false) String table) {
		if (table != null && !table.isBlank()) {
			// the indicators a table feeds: its own, and the canonical ones its mapping
			// names
			return this.tables.require(table, "table")
				.flatMap((t) -> this.catalog.all()
					.map((all) -> t.measures()
						.stream()
						.map((m) -> all.get(m.code()))
						.filter(java.util.Objects::nonNull)
						.map((i) -> i.view(language))
						.toList()));
		}
		return this.catalog.all().map((all) -> all.values().stream().map((i) -> i.view(language)).toList());
	}

	@GetMapping("/{code}")
	@Operation(summary = "One indicator")
	Mono<IndicatorView> get(@PathVariable String code, Lang language) {
		return this.catalog.require(code, "code").map((i) -> i.view(language));
	}

}
