package nl.llomonitor.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.llomonitor.api.Lang;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.indicator.IndicatorView;
import nl.llomonitor.region.RegionCatalog;
import nl.llomonitor.region.RegionRef;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The answer of {@code GET /api/v1/series}: one indicator for several regions over a
 * period range, as a {@link Dataset} (JSON, CSV, JSON-stat).
 */
@Service
record SeriesAnswers(ReadModel read) {

	/**
	 * One value.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Point(String period, String label, String periodType, LocalDate start, BigDecimal value,
			BigDecimal marginLow, BigDecimal marginHigh, String status, String flags, String footnote,
			String missingReason, String sourceTable, Long importRun, OffsetDateTime recordedAt,
			@JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal numerator,
			@JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal denominator, String kind) {

		static Point of(SeriesService.Value v, Lang lang) {
			return new Point(v.period().code(), v.period().label(lang), v.period().type(), v.period().start(),
					v.value(), v.marginLow(), v.marginHigh(), v.status(), v.flags(), v.footnote(lang),
					v.missingReason(), v.sourceTable(), v.importRun(), v.recordedAt(), v.numerator(), v.denominator(),
					v.kind());
		}

	}

	record RegionSeries(RegionRef region, String origin, List<Point> points) {
	}

	/**
	 * @param forecasts the forecast tables among the sources, with their base year: their
	 * points have {@code kind = forecast}
	 * @param forecastIndicator the forecast indicator whose values follow the last
	 * observation ({@code forecast} parameter), or null
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record SeriesResponse(IndicatorView indicator, Map<String, String> breakdown, LocalDate asOf, long dataVersion,
			String periodType, List<RegionSeries> series, List<Source> sources,
			List<SeriesService.ForecastTable> forecasts, String forecastIndicator) {
	}

	/**
	 * @param indicator indicator code (404 if unknown)
	 * @param codes region codes (404 if one is unknown)
	 * @param first first period, or null
	 * @param last last period, or null
	 * @param periodType year, quarter, month or null
	 * @param breakdown breakdown filter parameter, or null
	 * @param asOf the figures as known at this moment, or null
	 * @param forecast a forecast indicator whose values follow the last observation
	 * (marked {@code kind = forecast}; where both cover a period the observation wins),
	 * or null; 404 if unknown, 400 if in another unit
	 * @param lang language
	 * @return the answer
	 */
	Mono<Dataset<SeriesResponse>> series(String indicator, List<String> codes, PeriodCode first, PeriodCode last,
			String periodType, String breakdown, OffsetDateTime asOf, String forecast, Lang lang) {
		long dataVersion = this.read.currentVersion();
		Mono<java.util.Optional<IndicatorInfo>> forecastInfo = (forecast == null)
				? Mono.just(java.util.Optional.empty())
				: this.read.indicators().require(forecast, "forecast").map(java.util.Optional::of);
		return this.read.indicators()
			.require(indicator, "indicator")
			.zipWith(this.read.regions().requireAll(codes, "regions"))
			.zipWith(forecastInfo)
			.zipWith(this.read.series().forecastTables())
			.flatMap((tt) -> {
				var t = tt.getT1().getT1();
				IndicatorInfo info = t.getT1();
				IndicatorInfo companion = tt.getT1().getT2().orElse(null);
				if (companion != null && !companion.unit().equals(info.unit())) {
					throw nl.llomonitor.api.ApiException.invalidParameter("forecast", "Forecast indicator '"
							+ companion.code() + "' is in " + companion.unit() + ", not in " + info.unit() + ".");
				}
				SortedMap<String, String> filter = SeriesService.parseBreakdown(breakdown, info);
				return this.read.series()
					.resolvePeriodType(info, periodType, first, last, codes, filter, asOf)
					.flatMap((resolved) -> {
						SeriesService.Query query = new SeriesService.Query(info, codes, resolved.orElse(null), first,
								last, filter, asOf);
						Mono<Map<String, List<SeriesService.Value>>> read = (companion == null)
								? this.read.series().values(query) : this.read.series().withForecast(query, companion);
						return read.zipWith(this.read.sources().all())
							.map((vs) -> dataset(response(info, t.getT2(), vs.getT1(), filter, asOf, dataVersion,
									resolved.orElse(null), lang, vs.getT2(), tt.getT2(),
									(companion != null) ? companion.code() : null), lang));
					});
			});
	}

	private static SeriesResponse response(IndicatorInfo info, List<RegionCatalog.Region> regions,
			Map<String, List<SeriesService.Value>> values, SortedMap<String, String> filter, OffsetDateTime moment,
			long dataVersion, String type, Lang language, Map<String, Source> known,
			Map<String, SeriesService.ForecastTable> forecastTables, String forecastIndicator) {
		List<RegionSeries> list = new ArrayList<>();
		List<SeriesService.Value> shown = new ArrayList<>();
		for (RegionCatalog.Region region : regions) {
			List<SeriesService.Value> own = values.getOrDefault(region.code(), List.of());
			shown.addAll(own);
			list.add(new RegionSeries(region.ref(language), info.derived() ? "derived" : "source",
					own.stream().map((v) -> Point.of(v, language)).toList()));
		}
		List<Source> sources = Source.of(shown, known, language);
		// the tables as the values name them (the forecast tables are keyed so)
		List<SeriesService.ForecastTable> forecasts = Source.tablesOf(shown)
			.stream()
			.map(forecastTables::get)
			.filter(java.util.Objects::nonNull)
			.toList();
		return new SeriesResponse(info.view(language), new LinkedHashMap<>(filter), RequestParams.asOfDate(moment),
				dataVersion, type, list, sources, forecasts, forecastIndicator);
	}

	private static Dataset<SeriesResponse> dataset(SeriesResponse response, Lang lang) {
		Dataset.Dimension region = Dataset.Dimension.of("region", "Regio / region", "region_name");
		Dataset.Dimension period = Dataset.Dimension.of("period", "Periode / period", "period_label");
		Map<String, String> periodLabels = new LinkedHashMap<>();
		TreeSet<String> periods = new TreeSet<>();
		List<Dataset.Cell> cells = new ArrayList<>();
		for (RegionSeries s : response.series()) {
			region.categories().put(s.region().code(), s.region().name());
			for (Point p : s.points()) {
				periods.add(p.period());
				periodLabels.put(p.period(), p.label());
				// JSON-stat gives a cell one status: a forecast says so there (its
				// source may call it definitief, which alone would read as a final
				// observation)
				String status = !"forecast".equals(p.kind()) ? p.status()
						: (p.status() == null || "definitief".equals(p.status())) ? "prognose"
								: "prognose, " + p.status();
				cells.add(new Dataset.Cell(List.of(s.region().code(), p.period()), p.value(), status,
						Arrays.asList(p.marginLow(), p.marginHigh(), response.indicator().unit(), p.status(), p.flags(),
								p.footnote(), p.missingReason(), p.sourceTable(), s.origin(),
								(p.recordedAt() != null) ? p.recordedAt().toString() : null, p.kind())));
			}
		}
		periods.forEach((code) -> period.categories().put(code, periodLabels.get(code)));
		return new Dataset<>(response, "series-" + response.indicator().code(), response.indicator(),
				List.of(region, period),
				List.of("margin_low", "margin_high", "unit", "status", "flags", "footnote", "missing_reason",
						"source_table", "origin", "recorded_at", "kind"),
				cells, response.sources(), response.dataVersion(), response.asOf(), List.of(), extension(response),
				lang);
	}

	private static Map<String, Object> extension(SeriesResponse response) {
		Map<String, Object> extension = new LinkedHashMap<>();
		extension.put("breakdown", response.breakdown());
		// absent for the current figures (it read "null", a string)
		if (response.asOf() != null) {
			extension.put("asOf", response.asOf().toString());
		}
		return extension;
	}

}
