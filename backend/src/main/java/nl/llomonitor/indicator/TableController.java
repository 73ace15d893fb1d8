package nl.llomonitor.indicator;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.Lang;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The imported source tables (docs/api.md): any CBS table, with or without a mapping
 * file.
 */
@RestController
@RequestMapping("/api/v1/tables")
@Tag(name = "tables", description = "Imported source tables: periods, regions, measures, dimensions, last import")
record TableController(TableCatalog tables) {

	@GetMapping
	@Operation(summary = "All imported tables")
	Mono<List<TableCatalog.Table>> list(Lang language) {
		return this.tables.all().map((all) -> all.values().stream().map((t) -> t.in(language)).toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One imported table")
	Mono<TableCatalog.Table> get(@PathVariable String id, Lang language) {
		return this.tables.require(id, "id").map((t) -> t.in(language));
	}

}
