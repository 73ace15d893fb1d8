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

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The revisions of figures, from {@link RevisionService}: every vintage of one cell
 * (indicator, region, period, breakdown), what each import recorded, when, and when the
 * source published it; and an Atom feed (RFC 4287) of the changes to a region's figures,
 * one entry per import run that wrote figures for the region, listing its revisions (old
 * → new) and new figures. Entry ids are stable
 * ({@code urn:llo-monitor:changes:run:<id>:region:<code>[:indicator:<code>]}), an entry's
 * {@code updated} is the end of its import run.
 */
@RestController
record RevisionController(RevisionService revisions) {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	@GetMapping("/api/v1/revisions")
	@Tag(name = "revisions", description = "Every vintage of a cell")
	@Operation(summary = "Every vintage of one cell: value, status, import run, recorded and publication date",
			description = "Oldest first; the last is the current value; CSV and JSON-stat have a dimension import_run. "
					+ "A derived indicator has no vintages of its own (400).")
	Mono<Dataset<RevisionService.RevisionsResponse>> revisions(@RequestParam(required = false) String indicator,
			@Parameter(description = "one region code") @RequestParam(required = false) String region,
			@Parameter(description = "period code, e.g. 2023KW02") @RequestParam(required = false) String period,
			@RequestParam(required = false) String breakdown,
			@Parameter(
					description = "a date: only the vintages known at the start of that day in Dutch time (Europe/Amsterdam)") @RequestParam(
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

	@GetMapping(path = "/api/v1/feeds/changes.atom", produces = "application/atom+xml")
	@Tag(name = "feeds", description = "Atom feeds of new releases and revisions")
	@Operation(summary = "Atom feed of new releases and revisions (old → new) for a region, optionally one indicator",
			description = "One entry per import run among the newest " + RevisionService.FEED_RUNS
					+ " that wrote figures for the region.")
	Mono<ResponseEntity<String>> changes(
			@Parameter(description = "one region code, e.g. PV26") @RequestParam(required = false) String region,
			@Parameter(description = "only this indicator") @RequestParam(required = false) String indicator,
			Lang language, ServerWebExchange exchange) {
		if (region == null || region.isBlank() || region.contains(",")) {
			throw ApiException.invalidParameter("region", "Parameter 'region' takes one region code, e.g. PV26.");
		}
		String code = region.trim().toUpperCase(java.util.Locale.ROOT);
		return this.revisions.feed(code, indicator, exchange.getRequest().getURI().toString(), language)
			.map((xml) -> ResponseEntity.ok().contentType(ATOM).body(xml));
	}

}
