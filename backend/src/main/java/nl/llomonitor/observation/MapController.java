package nl.llomonitor.observation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import nl.llomonitor.indicator.IndicatorCatalog;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.indicator.IndicatorView;
import nl.llomonitor.region.RegionCatalog;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * One indicator for all regions of a level in one period, for the choropleth map.
 */
@RestController
@Tag(name = "map")
class MapController {

	private final IndicatorCatalog indicators;

	private final RegionCatalog regions;

	private final SeriesService series;

	MapController(IndicatorCatalog indicators, RegionCatalog regions, SeriesService series) {
		this.indicators = indicators;
		this.regions = regions;
		this.series = series;
	}

	record PeriodRef(String code, String label) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record MapValue(String code, String name, BigDecimal value, String status, String footnote) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record MapResponse(IndicatorView indicator, PeriodRef period, String level, List<MapValue> values,
			List<Source> sources) {
	}

	@GetMapping("/api/v1/map")
	@Operation(summary = "An indicator for every region of a level in one period (default: the latest with data)")
	Mono<MapResponse> map(@RequestParam(required = false) String indicator,
			@RequestParam(required = false) String level, @RequestParam(required = false) String period,
			@RequestParam(required = false) String breakdown, @RequestParam(required = false) String lang,
			ServerWebExchange exchange) {
		Lang language = Lang.resolve(lang, exchange);
		PeriodCode requested = RequestParams.period(period, "period");
		String levelCode = (level != null) ? level : "provincie";
		return Mono.zip(this.indicators.require(indicator, "indicator"), this.regions.snapshot()).flatMap((t) -> {
			IndicatorInfo info = t.getT1();
			if (!t.getT2().levels().contains(levelCode)) {
				throw ApiException.invalidParameter("level", "Unknown level '" + levelCode + "'.");
			}
			List<String> codes = t.getT2()
				.regions()
				.values()
				.stream()
				.filter((r) -> r.level().equals(levelCode) && r.current())
				.map(RegionCatalog.Region::code)
				.toList();
			var filter = SeriesService.parseBreakdown(breakdown, info);
			Mono<PeriodCode> chosen = (requested != null) ? Mono.just(requested)
					: this.series.latestPeriod(info, codes, filter);
			return chosen.flatMap((p) -> {
				String type = SeriesService.periodType(info, p.type(), p, p);
				return this.series.observedValues(new SeriesService.Query(info, codes, type, p, p, filter, null))
					.map((values) -> {
						Map<String, MapValue> sorted = new TreeMap<>();
						Set<String> tables = new TreeSet<>();
						for (String code : codes) {
							var region = t.getT2().regions().get(code);
							var v = values.getOrDefault(code, List.of()).stream().findFirst().orElse(null);
							if (v != null && v.sourceTable() != null) {
								tables.addAll(List.of(v.sourceTable().split(" / ")));
							}
							sorted.put(code, new MapValue(code, region.name(language), (v != null) ? v.value() : null,
									(v != null) ? v.status() : null, (v != null) ? v.footnote() : null));
						}
						return new MapResponse(info.view(language), new PeriodRef(p.code(), p.label(language)),
								levelCode, List.copyOf(sorted.values()), tables.stream().map(Source::of).toList());
					});
			})
				.switchIfEmpty(Mono
					.fromSupplier(() -> new MapResponse(info.view(language), null, levelCode, List.of(), List.of())));
		});
	}

}
