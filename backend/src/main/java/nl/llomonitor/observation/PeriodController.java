package nl.llomonitor.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import nl.llomonitor.indicator.IndicatorCatalog;
import nl.llomonitor.system.Queries;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import static nl.llomonitor.db.Tables.OBSERVATION;
import static nl.llomonitor.db.Tables.PERIOD;

/**
 * The periods with data, overall or for one indicator.
 */
@RestController
@Tag(name = "periods")
class PeriodController {

	private final DSLContext dsl;

	private final IndicatorCatalog indicators;

	PeriodController(DSLContext dsl, IndicatorCatalog indicators) {
		this.dsl = dsl;
		this.indicators = indicators;
	}

	/** The response header that echoes the {@code asOf} date of a periods list. */
	static final String AS_OF_HEADER = "X-As-Of";

	record PeriodView(String code, String label, String type, LocalDate start, LocalDate end) {

		static PeriodView of(PeriodCode p, Lang lang) {
			return new PeriodView(p.code(), p.label(lang), p.type(), p.start(), p.end());
		}

	}

	@GetMapping("/api/v1/periods")
	@Operation(summary = "Periods (year, quarter, month) with data, optionally for one indicator",
			description = "With asOf: the periods with data as known at the start of that day (UTC); the answer "
					+ "stays a list and echoes the date in the header " + AS_OF_HEADER + ".")
	Mono<List<PeriodView>> periods(@RequestParam(required = false) String indicator,
			@RequestParam(required = false) String type,
			@Parameter(
					description = "a date: the periods with data as known at the start of that day (UTC)") @RequestParam(
							required = false) String asOf,
			@RequestParam(required = false) String lang, ServerWebExchange exchange) {
		Lang language = Lang.resolve(lang, exchange);
		if (type != null && !PeriodCode.TYPES.contains(type)) {
			throw ApiException.invalidParameter("type", "type must be year, quarter or month.");
		}
		OffsetDateTime moment = RequestParams.asOf(asOf);
		if (moment != null) {
			exchange.getResponse().getHeaders().set(AS_OF_HEADER, moment.toLocalDate().toString());
		}
		if (indicator == null && moment != null) {
			// the period table has no vintages: the periods of the observations known
			// then
			Condition condition = SeriesService.known(moment)
				.and((type != null) ? OBSERVATION.PERIOD_CODE.like(PeriodCode.likePattern(type)) : DSL.noCondition());
			return Queries
				.flux(this.dsl.selectDistinct(OBSERVATION.PERIOD_CODE)
					.from(OBSERVATION)
					.where(condition)
					.orderBy(OBSERVATION.PERIOD_CODE))
				.map((r) -> PeriodView.of(PeriodCode.of(r.value1()), language))
				.collectList();
		}
		if (indicator == null) {
			Condition condition = (type != null) ? PERIOD.TYPE.eq(type) : DSL.noCondition();
			return Queries.flux(this.dsl.select(PERIOD.CODE).from(PERIOD).where(condition).orderBy(PERIOD.CODE))
				.map((r) -> PeriodView.of(PeriodCode.of(r.value1()), language))
				.collectList();
		}
		return this.indicators.require(indicator, "indicator").flatMap((info) -> {
			String dataCode = info.derived() ? info.numerator() : info.code();
			Condition condition = OBSERVATION.INDICATOR_CODE.eq(dataCode).and(SeriesService.known(moment));
			if (type != null) {
				condition = condition.and(OBSERVATION.PERIOD_CODE.like(PeriodCode.likePattern(type)));
			}
			return Queries
				.flux(this.dsl.selectDistinct(OBSERVATION.PERIOD_CODE)
					.from(OBSERVATION)
					.where(condition)
					.orderBy(OBSERVATION.PERIOD_CODE))
				.map((r) -> PeriodView.of(PeriodCode.of(r.value1()), language))
				.collectList();
		});
	}

}
