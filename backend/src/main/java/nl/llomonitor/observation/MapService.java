package nl.llomonitor.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.indicator.IndicatorView;
import nl.llomonitor.region.RegionCatalog;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * One indicator for all regions of a level in one period, for the choropleth map.
 */
@Service
record MapService(ReadModel read) {

	/**
	 * One region's figure: its value with status and footnote, or, without a value, the
	 * reason the source gives ({@code missingReason}, a code of
	 * {@link nl.llomonitor.cube.MissingReason}); its vintage ({@code recordedAt}). All
	 * null where the store holds no cell for the region.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record MapValue(String code, String name, BigDecimal value, BigDecimal marginLow, BigDecimal marginHigh,
			String status, String flags, String footnote, String missingReason, String sourceTable,
			OffsetDateTime recordedAt) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record MapResponse(IndicatorView indicator, PeriodRef period, String level, Map<String, String> breakdown,
			List<MapValue> values, List<Source> sources, LocalDate asOf) {
	}

	/**
	 * @param indicator indicator code (404 if unknown)
	 * @param level region level, or null for provincie (400 if unknown)
	 * @param requested the period, or null for the latest with data
	 * @param breakdown breakdown filter parameter, or null
	 * @param moment the figures as known at this moment, or null
	 * @param language language of names and labels
	 * @return the values of every current region of the level
	 */
	Mono<MapResponse> map(String indicator, String level, PeriodCode requested, String breakdown, OffsetDateTime moment,
			Lang language) {
		LocalDate echo = RequestParams.asOfDate(moment);
		String levelCode = (level != null) ? level : "provincie";
		return Mono
			.zip(this.read.indicators().require(indicator, "indicator"), this.read.regions().snapshot(),
					this.read.sources().all())
			.flatMap((t) -> {
				IndicatorInfo info = t.getT1();
				if (!t.getT2().levels().contains(levelCode)) {
					throw ApiException.invalidParameter("level", "Unknown level '" + levelCode + "'.");
				}
				// every region of the level, ended ones too: a past period is shown with
				// the regions of its own time (Weesp in 2022), not today's
				List<RegionCatalog.Region> ofLevel = t.getT2()
					.regions()
					.values()
					.stream()
					.filter((r) -> r.level().equals(levelCode))
					.toList();
				List<String> codes = ofLevel.stream().map(RegionCatalog.Region::code).toList();
				java.time.LocalDate firstEdition = ofLevel.stream()
					.map(RegionCatalog.Region::validFrom)
					.min(java.util.Comparator.naturalOrder())
					.orElse(null);
				var filter = SeriesService.parseBreakdown(breakdown, info);
				Mono<PeriodCode> chosen = (requested != null) ? Mono.just(requested)
						: this.read.series().latestPeriod(info, codes, filter, moment);
				if (requested != null) {
					SeriesService.requirePeriodType(info, requested.type(), "period");
				}
				return chosen.flatMap((p) -> {
					String type = SeriesService.periodType(info, p.type(), p, p);
					return this.read.series()
						.observedValues(new SeriesService.Query(info, codes, type, p, p, filter, moment))
						.map((values) -> {
							Map<String, MapValue> sorted = new TreeMap<>();
							List<SeriesService.Value> shown = new ArrayList<>();
							for (String code : codes) {
								var region = t.getT2().regions().get(code);
								var v = values.getOrDefault(code, List.of()).stream().findFirst().orElse(null);
								if (v == null && !existsDuring(region, p, firstEdition)) {
									// a region of another time without a figure: not on
									// this map
									continue;
								}
								shown.add(v);
								sorted.put(code,
										(v == null)
												? new MapValue(code, region.name(language), null, null, null, null,
														null, null, null, null, null)
												: new MapValue(code, region.name(language), v.value(), v.marginLow(),
														v.marginHigh(), v.status(), v.flags(), v.footnote(language),
														v.missingReason(), v.sourceTable(), v.recordedAt()));
							}
							return new MapResponse(info.view(language), PeriodRef.of(p, language), levelCode,
									new java.util.LinkedHashMap<>(filter), List.copyOf(sorted.values()),
									Source.of(shown, t.getT3(), language), echo);
						});
				})
					.switchIfEmpty(Mono.fromSupplier(() -> new MapResponse(info.view(language), null, levelCode,
							new java.util.LinkedHashMap<>(filter), List.of(), List.of(), echo)));
			});
	}

	/**
	 * @param region a region
	 * @param period a period
	 * @param firstEdition the first day of the store's first edition of the level's
	 * regions: a region of that edition stands for the periods before it too (the store
	 * knows no older edition)
	 * @return whether the region existed at some time in the period: not ended before it
	 * starts, and begun by its end (or in the first edition)
	 */
	static boolean existsDuring(RegionCatalog.Region region, PeriodCode period, java.time.LocalDate firstEdition) {
		boolean notEnded = region.validTo() == null || region.validTo().isAfter(period.start());
		boolean begun = !region.validFrom().isAfter(period.end()) || region.validFrom().equals(firstEdition);
		return notEnded && begun;
	}

	/**
	 * @param response a map answer
	 * @param lang the reader's language
	 * @return the answer as a dataset: one cell per region of the level (CSV, JSON-stat;
	 * JSON is the answer itself)
	 */
	static Dataset<MapResponse> dataset(MapResponse response, Lang lang) {
		return Dataset.ofRegions(response, "map-" + response.indicator().code() + "-" + response.level(),
				response.indicator(), response.period(),
				response.values()
					.stream()
					.map((v) -> new Dataset.RegionCell(v.code(), v.name(), v.value(), v.marginLow(), v.marginHigh(),
							v.status(), v.flags(), v.footnote(), v.missingReason(), v.sourceTable(), v.recordedAt()))
					.toList(),
				response.sources(), null, response.asOf(),
				// no period: no region of the level has a figure, said rather than an
				// empty file
				(response.period() == null) ? List.of(nl.llomonitor.api.Messages.get(lang, "map.no-figures",
						response.indicator().name(), response.level())) : List.of(),
				Map.of("level", response.level(), "breakdown", response.breakdown()), lang);
	}

}
