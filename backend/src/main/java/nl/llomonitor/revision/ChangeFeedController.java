package nl.llomonitor.revision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * An Atom feed (RFC 4287) of the changes to a region's figures: one entry per import run
 * that wrote figures for the region, listing its revisions (old → new) and new figures.
 * Entry ids are stable
 * ({@code urn:llo-monitor:changes:run:<id>:region:<code>[:indicator:<code>]}), an entry's
 * {@code updated} is the end of its import run.
 */
@RestController
@Tag(name = "feeds", description = "Atom feeds of new releases and revisions")
record ChangeFeedController(RevisionService revisions) {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	@GetMapping(path = "/api/v1/feeds/changes.atom", produces = "application/atom+xml")
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
