package nl.llomonitor.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

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
import nl.llomonitor.observation.JsonStatDataset;
import nl.llomonitor.observation.PeriodCode;
import nl.llomonitor.observation.RequestParams;
import nl.llomonitor.observation.SeriesService;
import nl.llomonitor.observation.Source;
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
 * Regions side by side for one indicator and period, with every pairwise difference and
 * whether it is statistically significant (see {@link Significance} for the methods).
 */
@RestController
@Tag(name = "compare", description = "Regions side by side, differences and their significance")
class CompareController {

	private final IndicatorCatalog indicators;

	private final RegionCatalog regions;

	private final SeriesService series;

	private final DataChangeListener versions;

	private final ObjectMapper mapper;

	CompareController(IndicatorCatalog indicators, RegionCatalog regions, SeriesService series,
			DataChangeListener versions, ObjectMapper mapper) {
		this.indicators = indicators;
		this.regions = regions;
		this.series = series;
		this.versions = versions;
		this.mapper = mapper;
	}

	record PeriodRef(String code, String label) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record RegionValue(RegionRef region, BigDecimal value, BigDecimal marginLow, BigDecimal marginHigh, String status,
			String flags, String footnote, String sourceTable) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Difference(String a, String b, BigDecimal difference, String unit, Boolean significant, String method,
			Double z, String explanation) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record CompareResponse(IndicatorView indicator, PeriodRef period, Map<String, String> breakdown, long dataVersion,
			List<RegionValue> values, List<Difference> differences, String method, String summary,
			List<Source> sources) {
	}

	@GetMapping("/api/v1/compare")
	@Operation(summary = "Regions side by side for one indicator and period, with significance of the differences",
			description = "Significance: from published 95 % margins (z-test, se = (high-low)/(2*1.96)); for EBB figures "
					+ "without margins from the EBB publication rule (150 observations ~ 30 thousand persons per quarter); "
					+ "otherwise not testable. Content negotiation as for series.")
	Mono<ResponseEntity<Object>> compare(@RequestParam(required = false) String indicator,
			@Parameter(description = "comma-separated region codes, 2 to 50") @RequestParam(
					required = false) String regions,
			@Parameter(description = "period code; default the latest with data") @RequestParam(
					required = false) String period,
			@RequestParam(required = false) String breakdown, @RequestParam(required = false) String format,
			@RequestParam(required = false) String lang, ServerWebExchange exchange) {
		Lang language = Lang.resolve(lang, exchange);
		ResponseFormat responseFormat = ResponseFormat.negotiate(format, exchange);
		List<String> codes = RequestParams.regions(regions, "regions", 1);
		PeriodCode requested = RequestParams.period(period, "period");
		long version = this.versions.currentVersion();
		return Mono.zip(this.indicators.require(indicator, "indicator"), this.regions.requireAll(codes, "regions"))
			.flatMap((t) -> {
				IndicatorInfo info = t.getT1();
				SortedMap<String, String> filter = SeriesService.parseBreakdown(breakdown, info);
				Mono<PeriodCode> chosen = (requested != null) ? Mono.just(requested)
						: this.series.latestPeriod(info, codes, filter);
				return chosen
					.flatMap((p) -> compute(info, t.getT2(), p, filter, language, version)
						.map((r) -> render(r, responseFormat, language)))
					.switchIfEmpty(Mono.fromSupplier(() -> render(
							new CompareResponse(info.view(language), null, filter, version, List.of(), List.of(),
									"not-testable",
									(language == Lang.EN) ? "No data for these regions."
											: "Geen gegevens voor deze regio's.",
									List.of()),
							responseFormat, language)));
			});
	}

	private Mono<CompareResponse> compute(IndicatorInfo info, List<RegionCatalog.Region> regionList, PeriodCode period,
			SortedMap<String, String> filter, Lang lang, long version) {
		List<String> codes = regionList.stream().map(RegionCatalog.Region::code).toList();
		String type = SeriesService.periodType(info, period.type(), period, period);
		Mono<Map<String, List<SeriesService.Value>>> values = this.series
			.values(new SeriesService.Query(info, codes, type, period, period, filter, null));
		Mono<Map<String, Double>> bases = ebbBases(info, codes, type, period);
		return Mono.zip(values, bases).map((t) -> {
			Map<String, SeriesService.Value> byRegion = new HashMap<>();
			t.getT1().forEach((code, list) -> list.stream().findFirst().ifPresent((v) -> byRegion.put(code, v)));
			List<RegionValue> regionValues = new ArrayList<>();
			Set<String> tables = new LinkedHashSet<>();
			for (RegionCatalog.Region region : regionList) {
				SeriesService.Value v = byRegion.get(region.code());
				if (v != null) {
					tables.addAll(Arrays.asList(v.sourceTable().split(" / ")));
				}
				regionValues.add(new RegionValue(region.ref(lang), (v != null) ? v.value() : null,
						(v != null) ? v.marginLow() : null, (v != null) ? v.marginHigh() : null,
						(v != null) ? v.status() : null, (v != null) ? v.flags() : null,
						(v != null) ? v.footnote() : null, (v != null) ? v.sourceTable() : null));
			}
			List<Difference> differences = new ArrayList<>();
			for (int i = 0; i < regionList.size(); i++) {
				for (int j = i + 1; j < regionList.size(); j++) {
					differences.add(difference(info, type, regionList.get(i), byRegion.get(regionList.get(i).code()),
							regionList.get(j), byRegion.get(regionList.get(j).code()), t.getT2(), period, lang));
				}
			}
			Set<String> methods = new LinkedHashSet<>();
			differences.forEach((d) -> methods.add(d.method()));
			String method = methods.isEmpty() ? "not-testable" : String.join(",", methods);
			return new CompareResponse(info.view(lang), new PeriodRef(period.code(), period.label(lang)),
					new LinkedHashMap<>(filter), version, regionValues, differences, method,
					summary(differences.stream().filter((d) -> d.a().equals(regionList.get(0).code())).toList(),
							differences.isEmpty()),
					tables.stream().map(Source::of).toList());
		});
	}

	private Mono<Map<String, Double>> ebbBases(IndicatorInfo info, List<String> codes, String type, PeriodCode period) {
		if (info.sourceTable() == null || !Significance.EBB_TABLES.contains(info.sourceTable())
				|| !("percent".equals(info.unit()) || "x1000".equals(info.unit()))) {
			return Mono.just(Map.of());
		}
		String baseCode = "werkloosheidspercentage".equals(info.code()) ? "beroepsbevolking" : "bevolking_15_75";
		if (baseCode.equals(info.code())) {
			return Mono.just(Map.of());
		}
		return this.indicators.all().flatMap((all) -> {
			IndicatorInfo base = all.get(baseCode);
			if (base == null) {
				return Mono.just(Map.<String, Double>of());
			}
			return this.series.values(new SeriesService.Query(base, codes, type, period, period, new TreeMap<>(), null))
				.map((values) -> {
					Map<String, Double> result = new HashMap<>();
					values.forEach((code, list) -> list.stream()
						.findFirst()
						.filter((v) -> v.value() != null)
						.ifPresent((v) -> result.put(code, v.value().doubleValue())));
					return result;
				});
		});
	}

	private Difference difference(IndicatorInfo info, String type, RegionCatalog.Region ra, SeriesService.Value a,
			RegionCatalog.Region rb, SeriesService.Value b, Map<String, Double> bases, PeriodCode period, Lang lang) {
		String unit = Texts.differenceUnit(info.unit(), lang);
		if (a == null || b == null || a.value() == null || b.value() == null) {
			String missing = Texts.region((a == null || a.value() == null) ? ra.name(lang) : rb.name(lang), lang);
			return new Difference(ra.code(), rb.code(), null, unit, null, "not-testable", null,
					(lang == Lang.EN) ? "No value for " + missing + " in " + period.label(lang) + "."
							: "Geen waarde voor " + missing + " in " + period.label(lang) + ".");
		}
		BigDecimal diff = a.value().subtract(b.value()).setScale(info.decimals(), RoundingMode.HALF_UP);
		double va = a.value().doubleValue();
		double vb = b.value().doubleValue();
		Significance.Test test;
		String explanation;
		Double marginSeA = marginSe(a);
		Double marginSeB = marginSe(b);
		if (marginSeA != null && marginSeB != null) {
			test = Significance.zTest(va, marginSeA, vb, marginSeB, "margins");
			boolean oneSided = a.marginHigh() == null || a.marginLow() == null || b.marginHigh() == null
					|| b.marginLow() == null;
			explanation = (lang == Lang.EN)
					? "z-test on the difference using the published 95 % margins (se = (high - low) / (2 x 1.96)"
							+ (oneSided ? "; where only one bound is published the interval is taken as symmetric" : "")
							+ "), z = " + Texts.number(test.z(), 2, lang) + "."
					: "z-toets op het verschil met de gepubliceerde 95%-marges (se = (boven - onder) / (2 x 1,96)"
							+ (oneSided ? "; waar maar één grens is gepubliceerd, is het interval symmetrisch genomen"
									: "")
							+ "), z = " + Texts.number(test.z(), 2, lang) + ".";
		}
		else if (bases.containsKey(ra.code()) && bases.containsKey(rb.code())) {
			boolean percent = "percent".equals(info.unit());
			double seA = Significance.ebbStandardError(va, percent, bases.get(ra.code()), type);
			double seB = Significance.ebbStandardError(vb, percent, bases.get(rb.code()), type);
			test = (Double.isNaN(seA) || Double.isNaN(seB)) ? Significance.Test.notTestable()
					: Significance.zTest(va, seA, vb, seB, "ebb-rule");
			explanation = test.method().equals("ebb-rule") ? ((lang == Lang.EN)
					? "CBS publishes no margins for EBB figures; approximated from the EBB publication rule (150 sample observations ~ 30 thousand persons per quarter), binomial standard errors "
							+ Texts.number(test.seA(), 2, lang) + " and " + Texts.number(test.seB(), 2, lang) + ", z = "
							+ Texts.number(test.z(), 2, lang) + ". An approximation, not a CBS margin."
					: "CBS publiceert geen marges bij EBB-cijfers; benaderd met de EBB-publicatieregel (150 waarnemingen ~ 30 duizend personen per kwartaal), binomiale standaardfouten "
							+ Texts.number(test.seA(), 2, lang) + " en " + Texts.number(test.seB(), 2, lang) + ", z = "
							+ Texts.number(test.z(), 2, lang) + ". Een benadering, geen CBS-marge.")
					: ((lang == Lang.EN) ? "Too few sample observations to test (EBB rule: fewer than 150)."
							: "Te weinig steekproefwaarnemingen om te toetsen (EBB-regel: minder dan 150).");
		}
		else {
			test = Significance.Test.notTestable();
			explanation = (lang == Lang.EN) ? "The source publishes no margins, so significance cannot be tested."
					: "De bron publiceert geen marges; de significantie is niet te toetsen.";
		}
		String sentence = sentence(info, period, ra, va, rb, vb, diff, test, lang);
		return new Difference(ra.code(), rb.code(), diff, unit, test.significant(), test.method(),
				Double.isNaN(test.z()) ? null : Math.round(test.z() * 100) / 100.0, sentence + " " + explanation);
	}

	/**
	 * @return the standard error from the published 95 % interval; with only one bound
	 * published, the interval is taken as symmetric around the value; null without
	 * margins
	 */
	static Double marginSe(SeriesService.Value v) {
		if (v.marginLow() != null && v.marginHigh() != null) {
			return Significance.seFromMargins(v.marginLow().doubleValue(), v.marginHigh().doubleValue());
		}
		if (v.marginLow() != null) {
			return (v.value().doubleValue() - v.marginLow().doubleValue()) / Significance.Z95;
		}
		if (v.marginHigh() != null) {
			return (v.marginHigh().doubleValue() - v.value().doubleValue()) / Significance.Z95;
		}
		return null;
	}

	private static String sentence(IndicatorInfo info, PeriodCode period, RegionCatalog.Region ra, double va,
			RegionCatalog.Region rb, double vb, BigDecimal diff, Significance.Test test, Lang lang) {
		String name = Texts.lowerFirst(info.name(lang));
		// a count reads "the figure for job vacancies in ... was", which agrees with
		// plural names too
		boolean count = "x1000".equals(info.unit()) || "persons".equals(info.unit());
		String subject = (count ? lang.pick("het cijfer voor ", "the figure for ") : lang.pick("de ", "the ")) + name;
		String a = Texts.region(ra.name(lang), lang) + " (" + Texts.value(va, info.unit(), info.decimals(), lang) + ")";
		String b = Texts.region(rb.name(lang), lang) + " (" + Texts.value(vb, info.unit(), info.decimals(), lang) + ")";
		String amount = Texts.number(diff.abs().doubleValue(), info.decimals(), lang) + " "
				+ Texts.differenceUnit(info.unit(), lang);
		String verdict;
		if (lang == Lang.EN) {
			verdict = (test.significant() == null) ? "whether this difference is significant cannot be tested."
					: test.significant() ? "this difference is significant." : "this difference is not significant.";
			if (diff.signum() == 0) {
				return "In " + period.label(lang) + " " + subject + " in " + a + " was equal to " + b + ".";
			}
			return "In " + period.label(lang) + " " + subject + " in " + a + " was " + amount.trim() + " "
					+ ((diff.signum() > 0) ? "above" : "below") + " " + b + "; " + verdict;
		}
		verdict = (test.significant() == null) ? "of dit verschil significant is, is niet te toetsen."
				: test.significant() ? "dit verschil is significant." : "dit verschil is niet significant.";
		if (diff.signum() == 0) {
			return "In " + period.label(lang) + " was " + subject + " in " + a + " even hoog als in " + b + ".";
		}
		return "In " + period.label(lang) + " lag " + subject + " in " + a + " " + amount.trim() + " "
				+ ((diff.signum() > 0) ? "boven" : "onder") + " " + b + "; " + verdict;
	}

	private static String summary(List<Difference> withFirst, boolean none) {
		if (none) {
			return "";
		}
		StringBuilder sb = new StringBuilder();
		for (Difference d : withFirst) {
			String explanation = d.explanation();
			int end = explanation.indexOf(". ");
			String first = (end > 0 && !explanation.startsWith("Geen") && !explanation.startsWith("No value"))
					? explanation.substring(0, end + 1) : explanation;
			if (sb.length() > 0) {
				sb.append(' ');
			}
			sb.append(first);
		}
		return sb.toString();
	}

	private ResponseEntity<Object> render(CompareResponse response, ResponseFormat format, Lang lang) {
		return format.render(response, "compare-" + response.indicator().code(), () -> csv(response, lang),
				() -> this.mapper.writeValueAsString(jsonStat(response)));
	}

	private static String csv(CompareResponse response, Lang lang) {
		List<String> comments = Source.attribution(response.sources(), lang, response.dataVersion(), null);
		for (Difference d : response.differences()) {
			comments.add(d.a() + " - " + d.b() + ": " + d.explanation());
		}
		List<List<Object>> rows = new ArrayList<>();
		for (RegionValue v : response.values()) {
			rows.add(Arrays.asList(response.indicator().code(), v.region().code(), v.region().name(),
					(response.period() != null) ? response.period().code() : null, v.value(), v.marginLow(),
					v.marginHigh(), response.indicator().unit(), v.status(), v.flags(), v.footnote(), v.sourceTable()));
		}
		return Csv.write(comments, List.of("indicator", "region", "region_name", "period", "value", "margin_low",
				"margin_high", "unit", "status", "flags", "footnote", "source_table"), rows);
	}

	private static Map<String, Object> jsonStat(CompareResponse response) {
		Map<String, String> regionLabels = new LinkedHashMap<>();
		List<BigDecimal> values = new ArrayList<>();
		Map<String, String> status = new LinkedHashMap<>();
		for (RegionValue v : response.values()) {
			regionLabels.put(v.region().code(), v.region().name());
			if (v.status() != null && !"definitief".equals(v.status())) {
				status.put(String.valueOf(values.size()), v.status());
			}
			values.add(v.value());
		}
		Map<String, String> periods = new LinkedHashMap<>();
		if (response.period() != null) {
			periods.put(response.period().code(), response.period().label());
		}
		Map<String, Object> extension = new LinkedHashMap<>();
		extension.put("differences", response.differences());
		extension.put("summary", response.summary());
		return JsonStatDataset.of(response.indicator(), response.sources(), response.dataVersion(),
				List.of(new JsonStatDataset.Dim("region", "Regio / region", regionLabels),
						new JsonStatDataset.Dim("period", "Periode / period", periods)),
				values, status, extension);
	}

}
