package nl.llomonitor.revision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Csv;
import nl.llomonitor.api.Lang;
import nl.llomonitor.api.ResponseFormat;
import nl.llomonitor.indicator.IndicatorCatalog;
import nl.llomonitor.indicator.IndicatorView;
import nl.llomonitor.observation.PeriodCode;
import nl.llomonitor.observation.RequestParams;
import nl.llomonitor.observation.SeriesService;
import nl.llomonitor.observation.Source;
import nl.llomonitor.region.RegionCatalog;
import nl.llomonitor.region.RegionRef;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every vintage of one cell (indicator, region, period, breakdown): what each import
 * recorded, when, and when the source published it.
 */
@RestController
@Tag(name = "revisions", description = "Every vintage of a cell")
class RevisionController {

	private final IndicatorCatalog indicators;

	private final RegionCatalog regions;

	private final RevisionService revisions;

	RevisionController(IndicatorCatalog indicators, RegionCatalog regions, RevisionService revisions) {
		this.indicators = indicators;
		this.regions = regions;
		this.revisions = revisions;
	}

	record PeriodRef(String code, String label) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record RevisionsResponse(IndicatorView indicator, RegionRef region, PeriodRef period, Map<String, String> breakdown,
			boolean revised, List<RevisionService.Vintage> vintages, List<Source> sources, LocalDate asOf) {
	}

	@GetMapping("/api/v1/revisions")
	@Operation(summary = "Every vintage of one cell: value, status, import run, recorded and publication date",
			description = "Oldest first; the last is the current value. JSON (default) or CSV (?format=csv or Accept: text/csv). "
					+ "A derived indicator has no vintages of its own (400).")
	Mono<ResponseEntity<Object>> revisions(@RequestParam(required = false) String indicator,
			@Parameter(description = "one region code") @RequestParam(required = false) String region,
			@Parameter(description = "period code, e.g. 2023KW02") @RequestParam(required = false) String period,
			@RequestParam(required = false) String breakdown,
			@Parameter(description = "a date: only the vintages known at the start of that day (UTC)") @RequestParam(
					required = false) String asOf,
			@RequestParam(required = false) String format, @RequestParam(required = false) String lang,
			ServerWebExchange exchange) {
		Lang language = Lang.resolve(lang, exchange);
		ResponseFormat responseFormat = ResponseFormat.negotiate(format, exchange);
		if (responseFormat == ResponseFormat.JSONSTAT) {
			throw ApiException.invalidParameter("format", "Revisions are available as json or csv.");
		}
		String code = RequestParams.regions(region, "region", 1).get(0);
		if (region.contains(",")) {
			throw ApiException.invalidParameter("region", "Parameter 'region' takes one region code.");
		}
		PeriodCode cell = RequestParams.period(period, "period");
		if (cell == null) {
			throw ApiException.invalidParameter("period", "Parameter 'period' is required, e.g. 2023KW02.");
		}
		OffsetDateTime moment = RequestParams.asOf(asOf);
		return Mono.zip(this.indicators.require(indicator, "indicator"), this.regions.require(code, "region"))
			.flatMap((t) -> {
				SortedMap<String, String> filter = SeriesService.parseBreakdown(breakdown, t.getT1());
				return this.revisions.vintages(t.getT1(), code, cell, filter, moment)
					.map((vintages) -> new RevisionsResponse(t.getT1().view(language), t.getT2().ref(language),
							new PeriodRef(cell.code(), cell.label(language)), new LinkedHashMap<>(filter),
							vintages.stream()
								.map((v) -> (v.value() != null) ? v.value().stripTrailingZeros() : null)
								.distinct()
								.count() > 1,
							vintages,
							vintages.stream()
								.map(RevisionService.Vintage::sourceTable)
								.distinct()
								.map(Source::of)
								.toList(),
							RequestParams.asOfDate(moment)));
			})
			.map((response) -> responseFormat.render(response, "revisions-" + response.indicator().code() + "-"
					+ response.region().code() + "-" + response.period().code(), () -> csv(response, language), () -> {
						throw new IllegalStateException("no JSON-stat for revisions");
					}));
	}

	private static String csv(RevisionsResponse response, Lang lang) {
		List<List<Object>> rows = new ArrayList<>();
		String breakdown = SeriesService.key(new java.util.TreeMap<>(response.breakdown()));
		for (RevisionService.Vintage v : response.vintages()) {
			rows.add(Arrays.asList(response.indicator().code(), response.region().code(), response.region().name(),
					response.period().code(), breakdown, v.value(), v.marginLow(), v.marginHigh(),
					response.indicator().unit(), v.status(), v.flags(), v.footnote(), v.importRun(),
					v.recordedAt().toString(), (v.publishedAt() != null) ? v.publishedAt().toString() : null,
					v.sourceTable()));
		}
		return Csv.write(Source.attribution(response.sources(), lang, null, response.asOf()),
				List.of("indicator", "region", "region_name", "period", "breakdown", "value", "margin_low",
						"margin_high", "unit", "status", "flags", "footnote", "import_run", "recorded_at",
						"published_at", "source_table"),
				rows);
	}

}
