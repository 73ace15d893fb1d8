package nl.llomonitor.observation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.Lang;
import nl.llomonitor.api.ResponseFormat;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One indicator for all regions of a level in one period, for the choropleth map.
 */
@RestController
@Tag(name = "map")
record MapController(MapService maps) {

	@GetMapping("/api/v1/map")
	@Operation(summary = "An indicator for every region of a level in one period (default: the latest with data)")
	Mono<Dataset<MapService.MapResponse>> map(@RequestParam(required = false) String indicator,
			@RequestParam(required = false) String level, @RequestParam(required = false) String period,
			@RequestParam(required = false) String breakdown,
			@Parameter(
					description = "a date: the figures as known at the start of that day in Dutch time (Europe/Amsterdam)") @RequestParam(
							required = false) String asOf,
			@Parameter(description = "csv or jsonstat (or the Accept header: text/csv, application/json+stat);"
					+ " default JSON") @RequestParam(required = false) String format,
			Lang language) {
		ResponseFormat.check(format);
		return this.maps
			.map(indicator, level, RequestParams.period(period, "period"), breakdown, RequestParams.asOf(asOf),
					language)
			.map((response) -> MapService.dataset(response, language));
	}

}
