package nl.llomonitor.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.llomonitor.api.Lang;
import nl.llomonitor.indicator.IndicatorCatalog;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.indicator.IndicatorView;
import nl.llomonitor.observation.PeriodCode;
import nl.llomonitor.observation.SeriesService;
import nl.llomonitor.region.RegionCatalog;
import nl.llomonitor.region.RegionRef;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The key figures of a region, ArbeidsmarktInZicht style: latest value, the value it is
 * compared with, direction, whether that is good or bad, a one-sentence explanation and
 * the definition. A figure without data is present with value null and the reason.
 */
@RestController
@Tag(name = "kerncijfers", description = "Key labour-market and LLO figures of a region")
class KerncijfersController {

	/** The figures, in order; an entry with alternatives uses the first with data. */
	static final List<List<String>> FIGURES = List.of(List.of("werkzame_beroepsbevolking"),
			List.of("werkloze_beroepsbevolking"), List.of("netto_arbeidsparticipatie"),
			List.of("werkloosheidspercentage"), List.of("vacatures"), List.of("ww_uitkeringen"),
			List.of("spanningsindicator"), List.of("grijze_druk"), List.of("llo_deelname_eurostat", "llo_deelname"));

	private final IndicatorCatalog indicators;

	private final RegionCatalog regions;

	private final SeriesService series;

	private final ChangeVerdictService verdicts;

	KerncijfersController(IndicatorCatalog indicators, RegionCatalog regions, SeriesService series,
			ChangeVerdictService verdicts) {
		this.indicators = indicators;
		this.regions = regions;
		this.series = series;
		this.verdicts = verdicts;
	}

	record PeriodRef(String code, String label) {
	}

	record Previous(PeriodRef period, BigDecimal value) {
	}

	record Category(String code, String label) {
	}

	record Part(String indicator, BigDecimal value) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Figure(String code, IndicatorView indicator, PeriodRef period, BigDecimal value, Previous previous,
			BigDecimal change, String comparison, String direction, String assessment, Category category,
			String explanation, String definition, String sourceTable, String status, String origin, Part numerator,
			Part denominator, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Share> shares,
			@JsonInclude(JsonInclude.Include.NON_NULL) ChangeVerdictService.Verdict significance,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<HistoryPoint> history) {

		Figure(String code, IndicatorView indicator, PeriodRef period, BigDecimal value, Previous previous,
				BigDecimal change, String comparison, String direction, String assessment, Category category,
				String explanation, String definition, String sourceTable, String status, String origin, Part numerator,
				Part denominator, List<Share> shares) {
			this(code, indicator, period, value, previous, change, comparison, direction, assessment, category,
					explanation, definition, sourceTable, status, origin, numerator, denominator, shares, null,
					List.of());
		}

		Figure withShares(List<Share> list) {
			return new Figure(this.code, this.indicator, this.period, this.value, this.previous, this.change,
					this.comparison, this.direction, this.assessment, this.category, this.explanation, this.definition,
					this.sourceTable, this.status, this.origin, this.numerator, this.denominator, list,
					this.significance, this.history);
		}

		Figure withSignificance(ChangeVerdictService.Verdict verdict, List<HistoryPoint> points, String sentence) {
			return new Figure(this.code, this.indicator, this.period, this.value, this.previous, this.change,
					this.comparison, this.direction, this.assessment, this.category, sentence, this.definition,
					this.sourceTable, this.status, this.origin, this.numerator, this.denominator, this.shares, verdict,
					points);
		}

	}

	/**
	 * The figure split by one breakdown dimension, for the same period.
	 *
	 * @param breakdown dimension to member
	 * @param label member name
	 * @param value the value for that member
	 */
	record Share(Map<String, String> breakdown, String label, BigDecimal value) {
	}

	/**
	 * One value of the figure's recent history (for a sparkline), oldest first.
	 *
	 * @param period period code
	 * @param value the value
	 * @param flags b where the series breaks before this period (as in the trend
	 * analysis)
	 */
	record HistoryPoint(String period, BigDecimal value, String flags) {
	}

	/** Values of the history of a figure: three years of quarters or twelve years. */
	static final int HISTORY = 13;

	/** Dimensions a figure is split by, in order of preference; the first one it has. */
	static final List<String> SHARE_DIMENSIONS = List.of("sex", "age_group", "education_level", "llo_type", "sector");

	static final int MAX_SHARES = 12;

	record KerncijfersResponse(RegionRef region, List<Figure> figures) {
	}

	@GetMapping("/api/v1/kerncijfers/{region}")
	@Operation(summary = "Key figures of a region: latest value, previous value, direction, good/bad, explanation")
	Mono<KerncijfersResponse> kerncijfers(@PathVariable String region, @RequestParam(required = false) String lang,
			ServerWebExchange exchange) {
		Lang language = Lang.resolve(lang, exchange);
		return Mono.zip(this.regions.require(region, "region"), this.indicators.all())
			.flatMap((t) -> Flux.fromIterable(FIGURES)
				.flatMapSequential((alternatives) -> figure(alternatives, t.getT1(), t.getT2(), language), 4)
				.collectList()
				.map((figures) -> new KerncijfersResponse(t.getT1().ref(language), figures)));
	}

	private Mono<Figure> figure(List<String> alternatives, RegionCatalog.Region region, Map<String, IndicatorInfo> all,
			Lang lang) {
		return Flux.fromIterable(alternatives)
			.filter(all::containsKey)
			.concatMap((code) -> latest(all.get(code), region, lang))
			.next()
			.switchIfEmpty(Mono.fromSupplier(() -> missing(alternatives, region, all, lang)));
	}

	private Mono<Figure> latest(IndicatorInfo info, RegionCatalog.Region region, Lang lang) {
		if (!info.regionLevels().contains(region.level())) {
			return Mono.empty();
		}
		return this.series.finestPeriodType(info, List.of(region.code()))
			.flatMap((type) -> figureOfType(info, region, type, lang));
	}

	private Mono<Figure> figureOfType(IndicatorInfo info, RegionCatalog.Region region, String type, Lang lang) {
		return this.series
			.values(new SeriesService.Query(info, List.of(region.code()), type, null, null, new TreeMap<>(), null))
			.flatMap((values) -> {
				List<SeriesService.Value> known = values.getOrDefault(region.code(), List.of())
					.stream()
					.filter((v) -> v.value() != null)
					.toList();
				if (known.isEmpty()) {
					return Mono.empty();
				}
				return withShares(build(info, region, known, type, lang), info, region, type, lang)
					.flatMap((figure) -> withVerdict(figure, info, region, type, known, lang));
			});
	}

	static Figure build(IndicatorInfo info, RegionCatalog.Region region, List<SeriesService.Value> known, String type,
			Lang lang) {
		SeriesService.Value last = known.get(known.size() - 1);
		boolean yearOnYear = !"year".equals(type) && !info.seasonallyAdjusted();
		PeriodCode comparePeriod = yearOnYear ? last.period().sameLastYear() : last.period().plus(-1);
		SeriesService.Value previous = known.stream()
			.filter((v) -> v.period().equals(comparePeriod))
			.findFirst()
			.orElse(null);
		BigDecimal change = (previous != null)
				? last.value().subtract(previous.value()).setScale(info.decimals(), RoundingMode.HALF_UP) : null;
		String direction = (change == null) ? null
				: (change.signum() > 0) ? "up" : (change.signum() < 0) ? "down" : "flat";
		String assessment = (direction == null || "flat".equals(direction) || info.higherIsBetter() == null) ? "neutral"
				: (("up".equals(direction) == info.higherIsBetter()) ? "good" : "bad");
		Category category = "spanningsindicator".equals(info.code()) ? tension(last.value().doubleValue(), lang) : null;
		String name = info.name(lang);
		String value = Texts.value(last.value().doubleValue(), info.unit(), info.decimals(), lang);
		boolean en = lang == Lang.EN;
		// counts read "Werklozen in Utrecht: 29 duizend in ...", which fits plural and
		// singular names alike
		boolean count = "x1000".equals(info.unit()) || "persons".equals(info.unit());
		StringBuilder sentence = new StringBuilder().append(name)
			.append(" in ")
			.append(Texts.region(region.name(lang), lang))
			.append(count ? ": " : " was ")
			.append(value)
			.append(" in ")
			.append(last.period().label(lang));
		if (previous != null) {
			String comparison = "up".equals(direction) ? (en ? "up from " : "meer dan ") : "down".equals(direction)
					? (en ? "down from " : "minder dan ") : (en ? "the same as " : "evenveel als ");
			sentence.append(", ")
				.append(comparison)
				.append(Texts.value(previous.value().doubleValue(), info.unit(), info.decimals(), lang))
				.append(" in ")
				.append(previous.period().label(lang));
			if (!"neutral".equals(assessment)) {
				String verdict = "good".equals(assessment) ? (en ? "an improvement" : "een verbetering")
						: (en ? "a deterioration" : "een verslechtering");
				sentence.append(" (").append(verdict).append(")");
			}
		}
		if (category != null) {
			sentence.append(en ? "; the labour market is " : "; de arbeidsmarkt is ")
				.append(category.label().toLowerCase(java.util.Locale.ROOT));
		}
		sentence.append('.');
		return new Figure(info.code(), info.view(lang), new PeriodRef(last.period().code(), last.period().label(lang)),
				last.value(),
				(previous != null) ? new Previous(
						new PeriodRef(previous.period().code(), previous.period().label(lang)), previous.value())
						: null,
				change, yearOnYear ? "same-period-last-year" : "previous-period", direction, assessment, category,
				sentence.toString(), lang.pick(info.definitionNl(), info.definitionEn()), last.sourceTable(),
				last.status(), info.derived() ? "derived" : "source",
				info.derived() ? new Part(info.numerator(), last.numerator()) : null,
				info.derived() ? new Part(info.denominator(), last.denominator()) : null, List.of());
	}

	private Mono<Figure> withVerdict(Figure figure, IndicatorInfo info, RegionCatalog.Region region, String type,
			List<SeriesService.Value> known, Lang lang) {
		SeriesService.Value last = known.get(known.size() - 1);
		SeriesService.Value previous = (figure.previous() == null) ? null
				: known.stream()
					.filter((v) -> v.period().code().equals(figure.previous().period().code()))
					.findFirst()
					.orElse(null);
		List<String> breaks = TrendController.breaks(info, known);
		List<HistoryPoint> history = known.subList(Math.max(0, known.size() - HISTORY), known.size())
			.stream()
			.map((v) -> new HistoryPoint(v.period().code(), v.value(), breaks.contains(v.period().code()) ? "b" : null))
			.toList();
		return this.verdicts.verdict(info, region.code(), type, known, last, previous)
			.map((verdict) -> figure.withSignificance(verdict, history,
					ChangeVerdictService.sentence(figure.explanation(), verdict, lang)))
			.defaultIfEmpty(figure.withSignificance(null, history, figure.explanation()));
	}

	private Mono<Figure> withShares(Figure figure, IndicatorInfo info, RegionCatalog.Region region, String type,
			Lang lang) {
		IndicatorInfo.Dimension dimension = SHARE_DIMENSIONS.stream()
			.map(info.dimensions()::get)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
		if (dimension == null || dimension.members().size() > MAX_SHARES) {
			return Mono.just(figure);
		}
		PeriodCode period = PeriodCode.of(figure.period().code());
		return Flux.fromIterable(dimension.members()).flatMapSequential((member) -> {
			java.util.SortedMap<String, String> breakdown = new TreeMap<>(Map.of(dimension.code(), member.code()));
			return this.series
				.values(new SeriesService.Query(info, List.of(region.code()), type, period, period, breakdown, null))
				.map((values) -> new Share(breakdown, lang.pick(member.nameNl(), member.nameEn()),
						values.getOrDefault(region.code(), List.of())
							.stream()
							.findFirst()
							.map(SeriesService.Value::value)
							.orElse(null)));
		}, 4).collectList().map(figure::withShares);
	}

	/**
	 * UWV's categories of the spanningsindicator (vacancies per WW benefit).
	 */
	static Category tension(double ratio, Lang lang) {
		if (ratio < 0.25) {
			return new Category("zeer_ruim", lang.pick("Zeer ruim", "Very slack"));
		}
		if (ratio < 0.67) {
			return new Category("ruim", lang.pick("Ruim", "Slack"));
		}
		if (ratio < 1.5) {
			return new Category("gemiddeld", lang.pick("Gemiddeld", "Average"));
		}
		if (ratio < 4.0) {
			return new Category("krap", lang.pick("Krap", "Tight"));
		}
		return new Category("zeer_krap", lang.pick("Zeer krap", "Very tight"));
	}

	private static Figure missing(List<String> alternatives, RegionCatalog.Region region,
			Map<String, IndicatorInfo> all, Lang lang) {
		IndicatorInfo info = alternatives.stream()
			.map(all::get)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
		String code = (info != null) ? info.code() : alternatives.get(0);
		String name = (info != null) ? info.name(lang) : code;
		String reason = (info == null)
				? lang.pick("De indicator " + code + " is (nog) niet gedefinieerd.",
						"The indicator " + code + " is not defined (yet).")
				: lang.pick(
						"Geen gegevens over " + Texts.lowerFirst(name) + " voor " + region.name(lang)
								+ " in de ingelezen bronnen.",
						"No data on " + Texts.lowerFirst(name) + " for " + Texts.region(region.name(lang), lang)
								+ " in the imported sources.");
		return new Figure(code, (info != null) ? info.view(lang) : null, null, null, null, null, null, null, "neutral",
				null, reason, (info != null) ? lang.pick(info.definitionNl(), info.definitionEn()) : null, null, null,
				(info != null && info.derived()) ? "derived" : "source", null, null, List.of());
	}

}
