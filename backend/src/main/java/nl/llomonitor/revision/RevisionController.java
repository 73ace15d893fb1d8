package nl.llomonitor.revision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import nl.llomonitor.api.ResponseFormat;
import nl.llomonitor.observation.Dataset;
import nl.llomonitor.observation.PeriodCode;
import nl.llomonitor.observation.RequestParams;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every vintage of one cell (indicator, region, period, breakdown): what each import
 * recorded, when, and when the source published it.
 */
@RestController
@Tag(name = "revisions", description = "Every vintage of a cell")
record RevisionController(RevisionService revisions) {

	@GetMapping("/api/v1/revisions")
	@Operation(summary = "Every vintage of one cell: value, status, import run, recorded and publication date",
			description = "Oldest first; the last is the current value; CSV and JSON-stat have a dimension import_run. "
					+ "A derived indicator has no vintages of its own (400).")
	Mono<Dataset<RevisionService.RevisionsResponse>> revisions(@RequestParam(required = false) String indicator,
			@Parameter(description = "one region code") @RequestParam(required = false) String region,
			@Parameter(description = "period code, e.g. 2023KW02") @RequestParam(required = false) String period,
			@RequestParam(required = false) String breakdown,
			@Parameter(description = "a date: only the vintages known at the start of that day (UTC)") @RequestParam(
					required = false) String asOf,
			@RequestParam(required = false) String format, Lang language) {
		ResponseFormat.check(format);
		RequestParams.required("indicator", indicator, "region", region, "period", period);
		String code = RequestParams.region(region, "region");
		PeriodCode cell = RequestParams.period(period, "period");
		if (cell == null) {
			throw ApiException.invalidParameter("period", "Parameter 'period' is required, e.g. 2023KW02.");
		}
		return this.revisions.revisions(indicator, code, cell, breakdown, RequestParams.asOf(asOf), language);
	}

}
