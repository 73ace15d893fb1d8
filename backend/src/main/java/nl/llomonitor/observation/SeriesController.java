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
 * One indicator for several regions over a period range, as JSON, CSV or JSON-stat.
 */
@RestController
@Tag(name = "series", description = "Time series per region, with status, margins, footnotes and vintages")
record SeriesController(SeriesAnswers answers) {

	@GetMapping("/api/v1/series")
	@Operation(summary = "An indicator for up to 50 regions over a period range")
	Mono<Dataset<SeriesAnswers.SeriesResponse>> series(
			@Parameter(description = "indicator code") @RequestParam(required = false) String indicator,
			@Parameter(description = "comma-separated region codes, at most 50") @RequestParam(
					required = false) String regions,
			@Parameter(description = "first period code, e.g. 2020KW01") @RequestParam(required = false) String from,
			@Parameter(description = "last period code") @RequestParam(required = false) String to,
			@Parameter(description = "year, quarter or month; default the finest there is") @RequestParam(
					required = false) String periodType,
			@Parameter(description = "e.g. education_level:hoog,labour_position:werkzaam") @RequestParam(
					required = false) String breakdown,
			@Parameter(
					description = "a date: the figures as known at the start of that day in Dutch time (Europe/Amsterdam)") @RequestParam(
							required = false) String asOf,
			@Parameter(description = "a forecast indicator (e.g. grijze_druk_prognose) whose values follow the "
					+ "last observation, marked kind=forecast; where both cover a period the observation wins") @RequestParam(
							required = false) String forecast,
			@RequestParam(required = false) String format, Lang language) {
		ResponseFormat.check(format);
		RequestParams.required("indicator", indicator, "regions", regions);
		return this.answers.series(indicator, RequestParams.regions(regions, "regions", 1),
				RequestParams.period(from, "from"), RequestParams.period(to, "to"), periodType, breakdown,
				RequestParams.asOf(asOf), forecast, language);
	}

}
