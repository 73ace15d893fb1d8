package nl.llomonitor.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import nl.llomonitor.api.Lang;
import nl.llomonitor.indicator.IndicatorCatalog;
import nl.llomonitor.system.Queries;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import static nl.llomonitor.db.Tables.OBSERVATION;
import static nl.llomonitor.db.Tables.PERIOD;

/**
 * The periods with data, overall or for one indicator, now or as known at a moment.
 */
@Service
class PeriodService {

	private final DSLContext dsl;

	private final IndicatorCatalog indicators;

	PeriodService(DSLContext dsl, IndicatorCatalog indicators) {
		this.dsl = dsl;
		this.indicators = indicators;
	}

	record PeriodView(String code, String label, String type, LocalDate start, LocalDate end) {

		static PeriodView of(PeriodCode p, Lang language) {
			return new PeriodView(p.code(), p.label(language), p.type(), p.start(), p.end());
		}

	}

	/**
	 * @param indicator indicator code, or null for all (404 if unknown)
	 * @param type year, quarter, month, or null for all
	 * @param moment the periods with data as known at this moment, or null
	 * @param language language of the labels
	 * @return the periods, in order
	 */
	Mono<List<PeriodView>> periods(String indicator, String type, OffsetDateTime moment, Lang language) {
		Condition ofType = (type != null) ? OBSERVATION.PERIOD_CODE.like(PeriodCode.likePattern(type))
				: DSL.noCondition();
		if (indicator == null && moment == null) {
			Condition condition = (type != null) ? PERIOD.TYPE.eq(nl.llomonitor.cube.PeriodType.of(type))
					: DSL.noCondition();
			return Queries.flux(this.dsl.select(PERIOD.CODE).from(PERIOD).where(condition).orderBy(PERIOD.CODE))
				.map((r) -> PeriodView.of(PeriodCode.of(r.value1()), language))
				.collectList();
		}
		if (indicator == null) {
			// the period table has no vintages: the periods of the observations known
			// then
			return observed(SeriesService.known(moment).and(ofType), language);
		}
		return this.indicators.require(indicator, "indicator").flatMap((info) -> {
			SeriesService.requirePeriodType(info, type, "type");
			String dataCode = info.dataCode();
			return observed(OBSERVATION.INDICATOR_CODE.eq(dataCode).and(SeriesService.known(moment)).and(ofType),
					language);
		});
	}

	private Mono<List<PeriodView>> observed(Condition condition, Lang language) {
		return Queries
			.flux(this.dsl.selectDistinct(OBSERVATION.PERIOD_CODE)
				.from(OBSERVATION)
				.where(condition)
				.orderBy(OBSERVATION.PERIOD_CODE))
			.map((r) -> PeriodView.of(PeriodCode.of(r.value1()), language))
			.collectList();
	}

}
