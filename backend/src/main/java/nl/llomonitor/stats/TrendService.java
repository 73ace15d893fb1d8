package nl.llomonitor.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;
import nl.llomonitor.cube.PeriodType;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.indicator.IndicatorView;
import nl.llomonitor.observation.PeriodCode;
import nl.llomonitor.observation.ReadModel;
import nl.llomonitor.observation.RequestParams;
import nl.llomonitor.observation.SeriesService;
import nl.llomonitor.region.RegionRef;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The trend of one series: change on the same period a year earlier and on the previous
 * period, our seasonal adjustment of quarterly series, and an OLS trend with confidence
 * band per segment between series breaks; values the source revised are marked.
 */
@Service
class TrendService {

	/** The EBB was redesigned in 2021: figures before and after are not comparable. */
	static final int EBB_REDESIGN_YEAR = 2021;

	private final ReadModel read;

	TrendService(ReadModel read) {
		this.read = read;
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record TrendPoint(String period, String label, BigDecimal value, String status, String flags,
			BigDecimal changeOnYear, BigDecimal changeOnPeriod, BigDecimal seasonallyAdjusted, boolean revised) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Adjustment(boolean applied, String method, String reason, String origin, List<Double> factors) {
	}

	record LinePoint(String period, double fitted, double low, double high) {
	}

	record Segment(String from, String to, int n, String basis, double slopePerPeriod, double slopeLow,
			double slopeHigh, double intercept, double rSquared, double pValue, boolean significant,
			List<LinePoint> line) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record TrendResponse(IndicatorView indicator, RegionRef region, Map<String, String> breakdown, String periodType,
			String defaultComparison, List<TrendPoint> points, Adjustment seasonalAdjustment, List<String> breaks,
			List<Segment> segments, LocalDate asOf) {
	}

	/**
	 * @param indicator indicator code (404 if unknown)
	 * @param code region code (404 if unknown)
	 * @param breakdown breakdown filter parameter, or null
	 * @param first first period, or null
	 * @param last last period, or null
	 * @param periodType year, quarter, month or null
	 * @param asOf the figures as known at this moment, or null
	 * @param language language of labels and reasons
	 * @return the trend analysis of the series
	 */
	Mono<TrendResponse> trend(String indicator, String code, String breakdown, PeriodCode first, PeriodCode last,
			String periodType, OffsetDateTime asOf, Lang language) {
		return Mono
			.zip(this.read.indicators().require(indicator, "indicator"), this.read.regions().require(code, "region"))
			.flatMap((t) -> {
				IndicatorInfo info = t.getT1();
				SortedMap<String, String> filter = SeriesService.parseBreakdown(breakdown, info);
				List<String> codes = List.of(t.getT2().code());
				return this.read.series()
					.resolvePeriodType(info, periodType, first, last, codes, filter, asOf)
					.flatMap((resolved) -> {
						String type = resolved.orElse(null);
						// each value read with whether the source revised it, in one
						// statement
						SeriesService.Query query = new SeriesService.Query(info, codes, type, first, last, filter,
								asOf)
							.withRevisions();
						// the year before the first period asked for, read beside it (at
						// most a year of periods, outside the range's limit), so that the
						// first year of the range has its change on a year earlier too;
						// those values are not shown
						Mono<List<SeriesService.Value>> before = (first != null && type != null
								&& type.equals(first.type()))
										? this.read.series()
											.observedValues(new SeriesService.Query(info, codes, type,
													first.sameLastYear(), first.plus(-1), filter, asOf))
											.map((v) -> v.getOrDefault(t.getT2().code(), List.of()))
										: Mono.just(List.of());
						return Mono.zip(this.read.series().observedValues(query), before).map((both) -> {
							List<SeriesService.Value> values = both.getT1().getOrDefault(t.getT2().code(), List.of());
							List<SeriesService.Value> earlier = both.getT2();
							java.util.Set<String> revised = new java.util.HashSet<>();
							values.stream()
								.filter(SeriesService.Value::revised)
								.forEach((r) -> revised.add(r.period().code()));
							return analyse(info, t.getT2().ref(language), filter, type, earlier, values, language,
									revised::contains, asOf);
						});
					});
			});
	}

	/**
	 * @param earlier the values of the year before the first period shown, oldest first:
	 * they give the first year's changes (and a break between), nothing else
	 * @param values the values shown, oldest first
	 * @param revised whether the value of a period (code) was revised
	 * @param asOf the moment of an {@code asOf} view, or null
	 */
	static TrendResponse analyse(IndicatorInfo info, RegionRef region, SortedMap<String, String> breakdown, String type,
			List<SeriesService.Value> earlier, List<SeriesService.Value> values, Lang lang,
			java.util.function.Predicate<String> revised, OffsetDateTime asOf) {
		List<SeriesService.Value> known = values.stream().filter((v) -> v.value() != null).toList();
		List<SeriesService.Value> knownWithEarlier = java.util.stream.Stream.concat(earlier.stream(), values.stream())
			.filter((v) -> v.value() != null)
			.toList();
		Map<String, BigDecimal> byCode = new HashMap<>();
		knownWithEarlier.forEach((v) -> byCode.put(v.period().code(), v.value()));
		// a break between the year before and the first periods shown stops their
		// changes, and is reported (the chart marks it, and it says why those
		// changes are missing)
		List<String> changeBreaks = breaks(info, knownWithEarlier);
		String firstShown = values.isEmpty() ? null : values.get(0).period().code();
		List<String> breaks = changeBreaks.stream()
			.filter((b) -> firstShown != null && b.compareTo(firstShown) >= 0)
			.toList();
		List<List<SeriesService.Value>> segments = segments(known, breaks);

		// seasonal adjustment, per segment of consecutive quarters
		Map<String, Double> adjusted = new HashMap<>();
		Adjustment adjustment;
		if (!PeriodType.QUARTER.code().equals(type)) {
			adjustment = new Adjustment(false, null, Messages.get(lang, "trend.adjustment.quarters-only"), null, null);
		}
		else if (info.seasonallyAdjusted()) {
			adjustment = new Adjustment(false, null, Messages.get(lang, "trend.adjustment.source-adjusted"), "source",
					null);
		}
		else {
			List<Double> factors = null;
			for (List<SeriesService.Value> segment : segments) {
				if (segment.size() >= SeasonalAdjustment.MIN_QUARTERS && consecutive(segment)) {
					SeasonalAdjustment.Result result = SeasonalAdjustment.adjust(
							segment.stream().mapToDouble((v) -> v.value().doubleValue()).toArray(),
							segment.get(0).period().number());
					for (int i = 0; i < segment.size(); i++) {
						adjusted.put(segment.get(i).period().code(), result.adjusted()[i]);
					}
					factors = java.util.Arrays.stream(result.factors()).map((f) -> round(f, 4)).boxed().toList();
				}
			}
			String method = Messages.get(lang, "trend.adjustment.method");
			adjustment = adjusted.isEmpty()
					? new Adjustment(false, method,
							Messages.get(lang, "trend.adjustment.too-short",
									String.valueOf(SeasonalAdjustment.MIN_QUARTERS)),
							null, null)
					: new Adjustment(true, method, null, "adjusted", factors);
		}

		List<TrendPoint> points = new ArrayList<>();
		for (SeriesService.Value v : values) {
			BigDecimal value = v.value();
			BigDecimal lastYear = byCode.get(v.period().sameLastYear().code());
			BigDecimal previous = byCode.get(v.period().plus(-1).code());
			boolean breakBetweenYear = crossesBreak(changeBreaks, v.period().sameLastYear(), v.period());
			boolean breakBetweenPeriod = crossesBreak(changeBreaks, v.period().plus(-1), v.period());
			Double sa = adjusted.get(v.period().code());
			points.add(new TrendPoint(v.period().code(), v.period().label(lang), value, v.status(), v.flags(),
					(value != null && lastYear != null && !breakBetweenYear)
							? value.subtract(lastYear).setScale(info.decimals(), RoundingMode.HALF_UP) : null,
					(value != null && previous != null && !breakBetweenPeriod)
							? value.subtract(previous).setScale(info.decimals(), RoundingMode.HALF_UP) : null,
					(sa != null) ? BigDecimal.valueOf(sa).setScale(info.decimals() + 1, RoundingMode.HALF_UP) : null,
					revised.test(v.period().code())));
		}

		List<Segment> fits = new ArrayList<>();
		for (List<SeriesService.Value> segment : segments) {
			if (segment.size() < 3) {
				continue;
			}
			boolean useAdjusted = segment.stream().allMatch((v) -> adjusted.containsKey(v.period().code()));
			double[] x = segment.stream()
				.mapToDouble((v) -> v.period().index() - segment.get(0).period().index())
				.toArray();
			double[] y = segment.stream()
				.mapToDouble((v) -> useAdjusted ? adjusted.get(v.period().code()) : v.value().doubleValue())
				.toArray();
			Trend.Fit fit = Trend.ols(x, y);
			List<LinePoint> line = new ArrayList<>();
			for (int i = 0; i < segment.size(); i++) {
				line.add(new LinePoint(segment.get(i).period().code(), round(fit.fitted()[i], 3),
						round(fit.low()[i], 3), round(fit.high()[i], 3)));
			}
			fits.add(new Segment(segment.get(0).period().code(), segment.get(segment.size() - 1).period().code(),
					fit.n(), useAdjusted ? "seasonally-adjusted" : "values", round(fit.slope(), 4),
					round(fit.slopeLow(), 4), round(fit.slopeHigh(), 4), round(fit.intercept(), 4),
					round(fit.rSquared(), 4), round(fit.pValue(), 4), fit.significant(), line));
		}
		String comparison = (PeriodType.YEAR.code().equals(type) || info.seasonallyAdjusted()) ? "previous-period"
				: "same-period-last-year";
		return new TrendResponse(info.view(lang), region, new java.util.LinkedHashMap<>(breakdown), type, comparison,
				points, adjustment, breaks, fits, RequestParams.asOfDate(asOf));
	}

	/**
	 * Breaks: periods flagged {@code b} (break before this period), and the first period
	 * of 2021 for EBB tables (redesign), where the series spans it.
	 */
	static List<String> breaks(IndicatorInfo info, List<SeriesService.Value> values) {
		TreeSet<String> breaks = new TreeSet<>();
		for (int i = 1; i < values.size(); i++) {
			SeriesService.Value v = values.get(i);
			if (v.flags() != null && v.flags().contains("b")) {
				breaks.add(v.period().code());
			}
			boolean ebb = v.sourceTable() != null && info.roles().fromSurvey(IndicatorInfo.Roles.EBB);
			if (ebb && v.period().year() == EBB_REDESIGN_YEAR
					&& values.get(i - 1).period().year() < EBB_REDESIGN_YEAR) {
				breaks.add(v.period().code());
			}
		}
		return List.copyOf(breaks);
	}

	private static List<List<SeriesService.Value>> segments(List<SeriesService.Value> values, List<String> breaks) {
		List<List<SeriesService.Value>> segments = new ArrayList<>();
		List<SeriesService.Value> current = new ArrayList<>();
		for (SeriesService.Value v : values) {
			if (breaks.contains(v.period().code()) && !current.isEmpty()) {
				segments.add(current);
				current = new ArrayList<>();
			}
			current.add(v);
		}
		if (!current.isEmpty()) {
			segments.add(current);
		}
		return segments;
	}

	private static boolean consecutive(List<SeriesService.Value> segment) {
		for (int i = 1; i < segment.size(); i++) {
			if (segment.get(i).period().index() != segment.get(i - 1).period().index() + 1) {
				return false;
			}
		}
		return true;
	}

	private static boolean crossesBreak(List<String> breaks, PeriodCode before, PeriodCode after) {
		for (String b : breaks) {
			if (b.compareTo(before.code()) > 0 && b.compareTo(after.code()) <= 0) {
				return true;
			}
		}
		return false;
	}

	private static double round(double value, int decimals) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value;
		}
		return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
	}

}
