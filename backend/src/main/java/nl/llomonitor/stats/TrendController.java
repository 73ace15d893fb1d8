package nl.llomonitor.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.Lang;
import nl.llomonitor.observation.RequestParams;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trend of one series (computed by {@link TrendService}): change on the same period a
 * year earlier and on the previous period, our seasonal adjustment of quarterly series,
 * and an OLS trend with confidence band per segment between series breaks.
 */
@RestController
@Tag(name = "trend", description = "Changes, seasonal adjustment and OLS trend of one series")
record TrendController(TrendService trends) {

	@GetMapping("/api/v1/trend")
	@Operation(
			summary = "Changes, seasonal adjustment and OLS trend (95 % band) of one series, segmented at series breaks")
	Mono<TrendService.TrendResponse> trend(@RequestParam(required = false) String indicator,
			@RequestParam(required = false) String region, @RequestParam(required = false) String breakdown,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String periodType,
			@Parameter(
					description = "a date: the figures as known at the start of that day in Dutch time (Europe/Amsterdam)") @RequestParam(
							required = false) String asOf,
			Lang language) {
		RequestParams.required("indicator", indicator, "region", region);
		String code = RequestParams.region(region, "region");
		return this.trends.trend(indicator, code, breakdown, RequestParams.period(from, "from"),
				RequestParams.period(to, "to"), periodType, RequestParams.asOf(asOf), language);
	}

}
