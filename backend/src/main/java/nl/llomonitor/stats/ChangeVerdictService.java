package nl.llomonitor.stats;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;
import nl.llomonitor.cube.Unit;
import nl.llomonitor.indicator.IndicatorCatalog;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.observation.PeriodCode;
import nl.llomonitor.observation.SeriesService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Whether the change of a key figure on its comparison period (same period last year, or
 * the previous year for yearly figures) is real, so that the dashboard shows an arrow and
 * a colour only for a change that is statistically significant and comparable.
 * <ul>
 * <li>{@code break}: a point after the comparison period up to the latest one carries
 * flag {@code b} (a series break), so the two values are not comparable; no test.</li>
 * <li>{@code margins}: both values have published 95 % margins; z-test on the difference
 * with the combined standard errors (see {@link Significance#seFromMargins}). Where only
 * one bound is published (the WW benefits of 85554NED), the interval is taken as
 * symmetric around the value, as in {@code /api/v1/compare}.</li>
 * <li>{@code ebb-rule}: an EBB figure (percentage or count in thousands) without margins;
 * standard errors approximated from the EBB publication rule, the same rule as
 * {@code /api/v1/compare} ({@link Significance#ebbStandardError}). The two periods are
 * treated as independent samples (the EBB rotation panel is ignored, which makes the test
 * conservative).</li>
 * <li>{@code not-testable}: neither applies (no margins, not a sample the rule covers, or
 * too few sample observations).</li>
 * </ul>
 * The verdict is {@code significant} (|z| &gt; 1.96), {@code stable} (within the margin),
 * {@code break} or {@code not-testable}.
 */
@Service
class ChangeVerdictService {

	/**
	 * @param verdict significant, stable, break or not-testable
	 * @param method margins, ebb-rule, or null (break, not-testable)
	 * @param z the z statistic of the change, null when not tested
	 */
	record Verdict(String verdict, String method, Double z) {

		static final Verdict BREAK = new Verdict("break", null, null);

		static final Verdict NOT_TESTABLE = new Verdict("not-testable", null, null);

		static Verdict of(Significance.Test test) {
			if (test.significant() == null) {
				return NOT_TESTABLE;
			}
			return new Verdict(test.significant() ? "significant" : "stable", test.method(),
					Math.round(test.z() * 100) / 100.0);
		}

	}

	private final IndicatorCatalog indicators;

	private final SeriesService series;

	ChangeVerdictService(IndicatorCatalog indicators, SeriesService series) {
		this.indicators = indicators;
		this.series = series;
	}

	/**
	 * @param info the indicator
	 * @param region the region code
	 * @param type the period type of the values
	 * @param known the region's values with a value, in period order
	 * @param last the latest value
	 * @param previous the value it is compared with, may be null
	 * @param asOf the figures as known at this moment, or null for the latest
	 * @return the verdict, empty when there is nothing to compare
	 */
	Mono<Verdict> verdict(IndicatorInfo info, String region, String type, List<SeriesService.Value> known,
			SeriesService.Value last, SeriesService.Value previous, OffsetDateTime asOf) {
		Verdict decided = decided(info, known, last, previous);
		if (decided == null) {
			return Mono.empty();
		}
		if (decided != NEEDS_BASE) {
			return Mono.just(decided);
		}
		boolean percent = Unit.PERCENT.code().equals(info.unit());
		return baseQuery(info, region, type, last, previous, asOf)
			.flatMap((query) -> this.series.values(query).map((values) -> {
				Map<PeriodCode, Double> bases = new TreeMap<>();
				values.getOrDefault(region, List.of())
					.stream()
					.filter((v) -> v.value() != null)
					.forEach((v) -> bases.put(v.period(), v.value().doubleValue()));
				double seLast = Significance.ebbStandardError(last.value().doubleValue(), percent,
						bases.getOrDefault(last.period(), Double.NaN), type);
				double sePrevious = Significance.ebbStandardError(previous.value().doubleValue(), percent,
						bases.getOrDefault(previous.period(), Double.NaN), type);
				if (Double.isNaN(seLast) || Double.isNaN(sePrevious)) {
					return Verdict.NOT_TESTABLE;
				}
				return Verdict.of(Significance.zTest(last.value().doubleValue(), seLast, previous.value().doubleValue(),
						sePrevious, "ebb-rule"));
			}))
			.defaultIfEmpty(Verdict.NOT_TESTABLE);
	}

	/**
	 * The read of the EBB base population that {@link #verdict} with the same arguments
	 * will make, so that a caller can plan it with others
	 * ({@link SeriesService#prefetch}).
	 * @return the query, empty where the verdict reads none
	 */
	Mono<SeriesService.Query> baseRead(IndicatorInfo info, String region, String type, List<SeriesService.Value> known,
			SeriesService.Value last, SeriesService.Value previous, OffsetDateTime asOf) {
		return (decided(info, known, last, previous) == NEEDS_BASE)
				? baseQuery(info, region, type, last, previous, asOf) : Mono.empty();
	}

	/** The mark of a verdict the EBB rule gives, with the base population read. */
	private static final Verdict NEEDS_BASE = new Verdict("needs-base", null, null);

	/**
	 * @return the verdict where it needs no read: null when there is nothing to compare,
	 * {@link #NEEDS_BASE} where the EBB rule decides with the base population
	 */
	private static Verdict decided(IndicatorInfo info, List<SeriesService.Value> known, SeriesService.Value last,
			SeriesService.Value previous) {
		if (previous == null || previous.value() == null || last.value() == null) {
			return null;
		}
		if (crossesBreak(TrendService.breaks(info, known), previous.period(), last.period())) {
			return Verdict.BREAK;
		}
		// published margins, as in compare: where only one bound is published, the
		// interval is taken as symmetric around the value (CompareService#marginSe)
		Double seLastMargin = CompareService.marginSe(last);
		Double sePreviousMargin = CompareService.marginSe(previous);
		if (seLastMargin != null && sePreviousMargin != null) {
			return Verdict.of(Significance.zTest(last.value().doubleValue(), seLastMargin,
					previous.value().doubleValue(), sePreviousMargin, "margins"));
		}
		return (ebbBase(info) == null) ? Verdict.NOT_TESTABLE : NEEDS_BASE;
	}

	/**
	 * @return the query of the base population's values of the two periods; empty where
	 * the base indicator is not defined
	 */
	private Mono<SeriesService.Query> baseQuery(IndicatorInfo info, String region, String type,
			SeriesService.Value last, SeriesService.Value previous, OffsetDateTime asOf) {
		return this.indicators.all()
			.mapNotNull((all) -> all.get(ebbBase(info)))
			.map((base) -> new SeriesService.Query(base, List.of(region), type, previous.period(), last.period(),
					new TreeMap<>(), asOf));
	}

	/**
	 * The explanation with its judgement of the change made honest: a change within the
	 * margin or across a series break is no improvement or deterioration.
	 * @param explanation the sentence of the figure
	 * @param verdict the verdict on its change
	 * @param lang the language of the sentence
	 * @return the sentence, its "(een verbetering)" kept only when the change is
	 * significant, else replaced by "(binnen de marge)", "(niet vergelijkbaar:
	 * trendbreuk)" or "(niet toetsbaar: marge onbekend)" as the verdict says (issue 11:
	 * honest arrows)
	 */
	static String sentence(String explanation, Verdict verdict, Lang lang) {
		if (explanation == null || verdict == null || "significant".equals(verdict.verdict())) {
			return explanation;
		}
		// the judgements KerncijfersService may have written, in the sentence's language
		String honest = " (" + Messages.get(lang, "kerncijfers." + verdict.verdict()) + ")";
		for (String judgement : List.of(" (" + Messages.get(lang, "kerncijfers.good") + ")",
				" (" + Messages.get(lang, "kerncijfers.bad") + ")")) {
			if (explanation.contains(judgement)) {
				return explanation.replace(judgement, honest);
			}
		}
		return explanation;
	}

	/**
	 * @param breaks periods before which the series breaks, as the trend analysis finds
	 * them (flag b, and the EBB redesign of 2021: {@link TrendService#breaks})
	 * @param from the earlier period
	 * @param to the later period
	 * @return whether a break lies after {@code from} up to and including {@code to}
	 */
	static boolean crossesBreak(List<String> breaks, PeriodCode from, PeriodCode to) {
		return breaks.stream().map(PeriodCode::of).anyMatch((b) -> b.compareTo(from) > 0 && b.compareTo(to) <= 0);
	}

	/**
	 * The base population of an EBB figure for the sample rule, as in compare: the
	 * indicator's {@code sampleBase} (data/indicators.yaml), for a percentage or a count
	 * in thousands from the EBB survey.
	 * @param info the indicator
	 * @return the code of the base indicator, or null when the rule does not apply
	 */
	static String ebbBase(IndicatorInfo info) {
		String baseCode = info.roles().sampleBase();
		if (baseCode == null || !info.roles().fromSurvey(IndicatorInfo.Roles.EBB)
				|| !(Unit.PERCENT.code().equals(info.unit()) || Unit.THOUSANDS.code().equals(info.unit()))) {
			return null;
		}
		return baseCode.equals(info.code()) ? null : baseCode;
	}

}
