package nl.llomonitor.observation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import nl.llomonitor.indicator.IndicatorCatalog;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.region.RegionCatalog;
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

	private final RegionCatalog regions;

	PeriodService(DSLContext dsl, IndicatorCatalog indicators, RegionCatalog regions) {
		this.dsl = dsl;
		this.indicators = indicators;
		this.regions = regions;
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
	 * @param level a region level: only the periods with a value for a region of that
	 * level (400 for an unknown level; only with an indicator), or null
	 * @param language language of the labels
	 * @return the periods, in order
	 */
	Mono<List<PeriodView>> periods(String indicator, String type, OffsetDateTime moment, String level, Lang language) {
		if (level != null && indicator == null) {
			throw ApiException.invalidParameter("level", "Parameter 'level' needs an indicator.");
		}
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
		return Mono.zip(this.indicators.require(indicator, "indicator"), this.regions.snapshot()).flatMap((t) -> {
			IndicatorInfo info = t.getT1();
			SeriesService.requirePeriodType(info, type, "type");
			String dataCode = info.dataCode();
			Condition atLevel = DSL.noCondition();
			if (level != null) {
				t.getT2().requireLevel(level);
				// periods with a current figure for a region of the level (of a derived
				// indicator: its numerator's), in any edition: a period whose figures a
				// later release withdrew is none
				atLevel = OBSERVATION.VALUE.isNotNull()
					.and(SeriesService.current(moment))
					.and(OBSERVATION.REGION_CODE.in(t.getT2()
						.regions()
						.values()
						.stream()
						.filter((r) -> r.level().equals(level))
						.map(RegionCatalog.Region::code)
						.toList()));
			}
			return observed(
					OBSERVATION.INDICATOR_CODE.eq(dataCode).and(SeriesService.known(moment)).and(ofType).and(atLevel),
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
