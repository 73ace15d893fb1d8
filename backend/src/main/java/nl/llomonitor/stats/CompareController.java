package nl.llomonitor.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.Lang;
import nl.llomonitor.api.ResponseFormat;
import nl.llomonitor.observation.Dataset;
import nl.llomonitor.observation.RequestParams;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regions side by side for one indicator and period, with every pairwise difference and
 * whether it is statistically significant (computed by {@link CompareService}).
 */
@RestController
@Tag(name = "compare", description = "Regions side by side, differences and their significance")
record CompareController(CompareService compare) {

	@GetMapping("/api/v1/compare")
	@Operation(summary = "Regions side by side for one indicator and period, with significance of the differences",
			description = "Significance: from published 95 % margins (z-test, se = (high-low)/(2*1.96)); for EBB figures "
					+ "without margins from the EBB publication rule (150 observations ~ 30 thousand persons per quarter); "
					+ "otherwise not testable.")
	Mono<Dataset<CompareService.CompareResponse>> compare(@RequestParam(required = false) String indicator,
			@Parameter(description = "comma-separated region codes, 2 to 50") @RequestParam(
					required = false) String regions,
			@Parameter(description = "period code; default the latest with data") @RequestParam(
					required = false) String period,
			@RequestParam(required = false) String breakdown,
			@Parameter(
					description = "a date: the figures as known at the start of that day in Dutch time (Europe/Amsterdam)") @RequestParam(
							required = false) String asOf,
			@RequestParam(required = false) String format, Lang language) {
		ResponseFormat.check(format);
		RequestParams.required("indicator", indicator, "regions", regions);
		return this.compare.compare(indicator, RequestParams.regions(regions, "regions", 1),
				RequestParams.period(period, "period"), breakdown, RequestParams.asOf(asOf), language);
	}

}
