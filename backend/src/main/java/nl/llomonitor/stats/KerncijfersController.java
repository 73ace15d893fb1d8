package nl.llomonitor.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.Lang;
import nl.llomonitor.observation.RequestParams;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The key figures of a region, ArbeidsmarktInZicht style (computed by
 * {@link KerncijfersService}): latest value, the value it is compared with, direction,
 * whether that is good or bad, a one-sentence explanation and the definition.
 */
@RestController
@Tag(name = "kerncijfers", description = "Key labour-market and LLO figures of a region")
record KerncijfersController(KerncijfersService kerncijfers) {

	@GetMapping("/api/v1/kerncijfers/{region}")
	@Operation(summary = "Key figures of a region: latest value, previous value, direction, good/bad, explanation")
	Mono<KerncijfersService.KerncijfersResponse> kerncijfers(@PathVariable String region, @Parameter(
			description = "a date: the figures as known at the start of that day in Dutch time (Europe/Amsterdam)") @RequestParam(
					required = false) String asOf,
			Lang language) {
		return this.kerncijfers.kerncijfers(region, RequestParams.asOf(asOf), language);
	}

}
