package nl.llomonitor.observation;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The periods with data, overall or for one indicator.
 */
@RestController
@Tag(name = "periods")
record PeriodController(PeriodService periods) {

	/** The response header that echoes the {@code asOf} date of a periods list. */
	static final String AS_OF_HEADER = "X-As-Of";

	@GetMapping("/api/v1/periods")
	@Operation(summary = "Periods (year, quarter, month) with data, optionally for one indicator",
			description = "With asOf: the periods with data as known at the start of that day in Dutch time (Europe/Amsterdam); the answer "
					+ "stays a list and echoes the date in the header " + AS_OF_HEADER + ".")
	Mono<List<PeriodService.PeriodView>> periods(@RequestParam(required = false) String indicator,
			@RequestParam(required = false) String type,
			@Parameter(description = "a region level (provincie, gemeente, ...): only the periods with a value for a "
					+ "region of that level; needs indicator") @RequestParam(required = false) String level,
			@Parameter(
					description = "a date: the periods with data as known at the start of that day in Dutch time (Europe/Amsterdam)") @RequestParam(
							required = false) String asOf,
			Lang language, ServerWebExchange exchange) {
		if (type != null && !PeriodCode.TYPES.contains(type)) {
			throw ApiException.invalidParameter("type", "type must be year, quarter or month.");
		}
		OffsetDateTime moment = RequestParams.asOf(asOf);
		if (moment != null) {
			exchange.getResponse().getHeaders().set(AS_OF_HEADER, moment.toLocalDate().toString());
		}
		return this.periods.periods(indicator, type, moment, level, language);
	}

}
