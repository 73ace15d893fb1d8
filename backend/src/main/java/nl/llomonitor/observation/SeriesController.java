package nl.llomonitor.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.Csv;
import nl.llomonitor.api.Lang;
import nl.llomonitor.api.ResponseFormat;
import nl.llomonitor.indicator.IndicatorCatalog;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.indicator.IndicatorView;
import nl.llomonitor.region.RegionCatalog;
import nl.llomonitor.region.RegionRef;
import nl.llomonitor.system.DataChangeListener;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * One indicator for several regions over a period range, as JSON, CSV or JSON-stat.
 */
@RestController
@Tag(name = "series", description = "Time series per region, with status, margins, footnotes and vintages")
class SeriesController {

	private final IndicatorCatalog indicators;

	private final RegionCatalog regions;

	private final SeriesService series;

	private final DataChangeListener versions;

	private final ObjectMapper mapper;

	SeriesController(IndicatorCatalog indicators, RegionCatalog regions, SeriesService series,
			DataChangeListener versions, ObjectMapper mapper) {
		this.indicators = indicators;
		this.regions = regions;
		this.series = series;
		this.versions = versions;
		this.mapper = mapper;
	}

	/**
	 * One value.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Point(String period, String label, String periodType, LocalDate start, BigDecimal value,
			BigDecimal marginLow, BigDecimal marginHigh, String status, String flags, String footnote,
			String sourceTable, Long importRun, OffsetDateTime recordedAt,
			@JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal numerator,
			@JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal denominator, String kind) {

		static Point of(SeriesService.Value v, Lang lang) {
			return new Point(v.period().code(), v.period().label(lang), v.period().type(), v.period().start(),
					v.value(), v.marginLow(), v.marginHigh(), v.status(), v.flags(), v.footnote(), v.sourceTable(),
					v.importRun(), v.recordedAt(), v.numerator(), v.denominator(), v.kind());
		}

	}

	record RegionSeries(RegionRef region, String origin, List<Point> points) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	/**
	 * @param forecasts the forecast tables among the sources, with their base year: their
	 * points have {@code kind = forecast}
	 * @param forecastIndicator the forecast indicator whose values follow the last
	 * observation ({@code forecast} parameter), or null
	 */
	record SeriesResponse(IndicatorView indicator, Map<String, String> breakdown, LocalDate asOf, long dataVersion,
			String periodType, List<RegionSeries> series, List<Source> sources,
			List<SeriesService.ForecastTable> forecasts, String forecastIndicator) {
	}

	@GetMapping("/api/v1/series")
	@Operation(summary = "An indicator for up to 50 regions over a period range",
			description = "Content negotiation: application/json (default), text/csv, application/json+stat (JSON-stat 2.0); or ?format=json|csv|jsonstat.")
	Mono<ResponseEntity<Object>> series(
			@Parameter(description = "indicator code") @RequestParam(required = false) String indicator,
			@Parameter(description = "comma-separated region codes, at most 50") @RequestParam(
					required = false) String regions,
			@Parameter(description = "first period code, e.g. 2020KW01") @RequestParam(required = false) String from,
			@Parameter(description = "last period code") @RequestParam(required = false) String to,
			@Parameter(description = "year, quarter or month; default the finest there is") @RequestParam(
					required = false) String periodType,
			@Parameter(description = "e.g. education_level:hoog,labour_position:werkzaam") @RequestParam(
					required = false) String breakdown,
			@Parameter(description = "a date: the figures as known at the start of that day (UTC)") @RequestParam(
					required = false) String asOf,
			@Parameter(description = "a forecast indicator (e.g. grijze_druk_prognose) whose values follow the "
					+ "last observation, marked kind=forecast; where both cover a period the observation wins") @RequestParam(
							required = false) String forecast,
			@RequestParam(required = false) String format, @RequestParam(required = false) String lang,
			ServerWebExchange exchange) {
		Lang language = Lang.resolve(lang, exchange);
		ResponseFormat responseFormat = ResponseFormat.negotiate(format, exchange);
		List<String> codes = RequestParams.regions(regions, "regions", 1);
		PeriodCode first = RequestParams.period(from, "from");
		PeriodCode last = RequestParams.period(to, "to");
		OffsetDateTime moment = RequestParams.asOf(asOf);
		long dataVersion = this.versions.currentVersion();
		Mono<java.util.Optional<IndicatorInfo>> forecastInfo = (forecast == null)
				? Mono.just(java.util.Optional.empty())
				: this.indicators.require(forecast, "forecast").map(java.util.Optional::of);
		return this.indicators.require(indicator, "indicator")
			.zipWith(this.regions.requireAll(codes, "regions"))
			.zipWith(forecastInfo)
			.zipWith(this.series.forecastTables())
			.flatMap((tt) -> {
				var t = tt.getT1().getT1();
				IndicatorInfo info = t.getT1();
				IndicatorInfo companion = tt.getT1().getT2().orElse(null);
				if (companion != null && !companion.unit().equals(info.unit())) {
					throw nl.llomonitor.api.ApiException.invalidParameter("forecast", "Forecast indicator '"
							+ companion.code() + "' is in " + companion.unit() + ", not in " + info.unit() + ".");
				}
				SortedMap<String, String> filter = SeriesService.parseBreakdown(breakdown, info);
				return this.series.resolvePeriodType(info, periodType, first, last, codes, filter)
					.flatMap((resolved) -> {
						SeriesService.Query query = new SeriesService.Query(info, codes, resolved.orElse(null), first,
								last, filter, moment);
						Mono<Map<String, List<SeriesService.Value>>> read = (companion == null)
								? this.series.values(query) : this.series.withForecast(query, companion);
						return read.map((values) -> toResponse(info, t.getT2(), values, filter, moment, dataVersion,
								resolved.orElse(null), language, tt.getT2(),
								(companion != null) ? companion.code() : null));
					});
			})
			.map((response) -> render(response, responseFormat, language));
	}

	private static SeriesResponse toResponse(IndicatorInfo info, List<RegionCatalog.Region> regions,
			Map<String, List<SeriesService.Value>> values, SortedMap<String, String> filter, OffsetDateTime moment,
			long dataVersion, String type, Lang language, Map<String, SeriesService.ForecastTable> forecastTables,
			String forecastIndicator) {
		List<RegionSeries> list = new ArrayList<>();
		Set<String> tables = new LinkedHashSet<>();
		for (RegionCatalog.Region region : regions) {
			List<Point> points = values.getOrDefault(region.code(), List.of())
				.stream()
				.map((v) -> Point.of(v, language))
				.toList();
			points.forEach((p) -> tables.addAll(List.of(p.sourceTable().split(" / "))));
			list.add(new RegionSeries(region.ref(language), info.derived() ? "derived" : "source", points));
		}
		List<Source> sources = tables.stream().map(Source::of).toList();
		List<SeriesService.ForecastTable> forecasts = tables.stream()
			.map(forecastTables::get)
			.filter(java.util.Objects::nonNull)
			.toList();
		return new SeriesResponse(info.view(language), new LinkedHashMap<>(filter),
				(moment != null) ? moment.toLocalDate() : null, dataVersion, type, list, sources, forecasts,
				forecastIndicator);
	}

	private ResponseEntity<Object> render(SeriesResponse response, ResponseFormat format, Lang lang) {
		return format.render(response, "series-" + response.indicator().code(), () -> csv(response, lang),
				() -> this.mapper.writeValueAsString(jsonStat(response)));
	}

	private static String csv(SeriesResponse response, Lang lang) {
		List<List<Object>> rows = new ArrayList<>();
		for (RegionSeries s : response.series()) {
			for (Point p : s.points()) {
				rows.add(java.util.Arrays.asList(response.indicator().code(), s.region().code(), s.region().name(),
						p.period(), p.label(), p.value(), p.marginLow(), p.marginHigh(), response.indicator().unit(),
						p.status(), p.flags(), p.footnote(), p.sourceTable(), s.origin(),
						(p.recordedAt() != null) ? p.recordedAt().toString() : null, p.kind()));
			}
		}
		return Csv.write(Source.attribution(response.sources(), lang, response.dataVersion(), response.asOf()),
				List.of("indicator", "region", "region_name", "period", "period_label", "value", "margin_low",
						"margin_high", "unit", "status", "flags", "footnote", "source_table", "origin", "recorded_at",
						"kind"),
				rows);
	}

	private static Map<String, Object> jsonStat(SeriesResponse response) {
		List<String> periods = response.series()
			.stream()
			.flatMap((s) -> s.points().stream().map(Point::period))
			.distinct()
			.sorted()
			.toList();
		Map<String, String> periodLabels = new LinkedHashMap<>();
		response.series().forEach((s) -> s.points().forEach((p) -> periodLabels.put(p.period(), p.label())));
		Map<String, String> regionLabels = new LinkedHashMap<>();
		response.series().forEach((s) -> regionLabels.put(s.region().code(), s.region().name()));
		List<BigDecimal> values = new ArrayList<>();
		Map<String, String> status = new LinkedHashMap<>();
		int index = 0;
		for (RegionSeries s : response.series()) {
			Map<String, Point> byPeriod = new LinkedHashMap<>();
			s.points().forEach((p) -> byPeriod.put(p.period(), p));
			for (String period : periods) {
				Point p = byPeriod.get(period);
				values.add((p != null) ? p.value() : null);
				if (p != null && !"definitief".equals(p.status())) {
					status.put(String.valueOf(index), p.status());
				}
				index++;
			}
		}
		Map<String, String> orderedPeriodLabels = new LinkedHashMap<>();
		periods.forEach((p) -> orderedPeriodLabels.put(p, periodLabels.get(p)));
		return JsonStatDataset.of(response.indicator(), response.sources(), response.dataVersion(),
				List.of(new JsonStatDataset.Dim("region", "Regio / region", regionLabels),
						new JsonStatDataset.Dim("period", "Periode / period", orderedPeriodLabels)),
				values, status, Map.of("breakdown", response.breakdown(), "asOf", String.valueOf(response.asOf())));
	}

}
