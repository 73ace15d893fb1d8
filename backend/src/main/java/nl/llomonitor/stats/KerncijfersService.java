package nl.llomonitor.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;
import nl.llomonitor.cube.PeriodType;
import nl.llomonitor.cube.ValueClass;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.indicator.IndicatorView;
import nl.llomonitor.observation.PeriodRef;
import nl.llomonitor.observation.ReadModel;
import nl.llomonitor.observation.ValueText;
import nl.llomonitor.observation.PeriodCode;
import nl.llomonitor.observation.RequestParams;
import nl.llomonitor.observation.SeriesService;
import nl.llomonitor.region.RegionCatalog;
import nl.llomonitor.region.RegionRef;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The key figures of a region, ArbeidsmarktInZicht style: latest value, the value it is
 * compared with, direction, whether that is good or bad, a one-sentence explanation and
 * the definition. A figure without data is present with value null and the reason.
 */
@Service
class KerncijfersService {

	/**
	 * The figures, in order ({@code kerncijfer.order} in data/indicators.yaml); a
	 * position with alternatives uses the first with data, fallbacks last.
	 * @param all every indicator by code
	 * @return the positions, each a list of alternative indicator codes
	 */
	static List<List<String>> figures(Map<String, IndicatorInfo> all) {
		Map<Integer, List<String>> byOrder = new java.util.TreeMap<>();
		all.values()
			.stream()
			.filter((info) -> info.roles().kerncijferOrder() != null)
			.sorted(java.util.Comparator.comparing((IndicatorInfo info) -> info.roles().kerncijferFallback())
				.thenComparing(IndicatorInfo::code))
			.forEach((info) -> byOrder
				.computeIfAbsent(info.roles().kerncijferOrder(), (k) -> new java.util.ArrayList<>())
				.add(info.code()));
		return List.copyOf(byOrder.values());
	}

	private final ChangeVerdictService verdicts;

	private final ReadModel read;

	/**
	 * Periods before the indicator's latest one that a figure reads first (see
	 * {@link #recent}); 0 reads every period.
	 */
	private final int window;

	@Autowired
	KerncijfersService(ReadModel read, ChangeVerdictService verdicts) {
		this(read, verdicts, WINDOW, true);
	}

	/**
	 * @param window periods before the indicator's latest one read first; 0: every period
	 * (the whole history, as a check of the window)
	 * @param planned whether a request plans its reads, so that they run as three
	 * statements or so instead of one each (false: one each, as a check of the plan)
	 */
	KerncijfersService(ReadModel read, ChangeVerdictService verdicts, int window, boolean planned) {
		this.read = read;
		this.verdicts = verdicts;
		this.window = window;
		this.planned = planned;
	}

	/**
	 * Periods before the indicator's latest period (over all regions) that a figure reads
	 * first: its history and the period it is compared with lie in the last
	 * {@link #ENOUGH} values with a number, so reading its whole history (30 years of
	 * quarters) made most of the work of a request for values never shown; mapping the
	 * rows was most of the app's time.
	 */
	static final int WINDOW = 24;

	/**
	 * Values with a number a read of the recent periods must hold to give the figure a
	 * read of every period gives: the history ({@link #HISTORY}), the value before it
	 * (whether the first one follows a series break) and one more. With fewer, every
	 * period is read. The period compared with (a year or a period back) lies within
	 * them, as does every break between it and the latest value.
	 */
	static final int ENOUGH = KerncijfersService.HISTORY + 2;

	/**
	 * @return the first period of the recent read of an indicator of this period type, or
	 * null to read every period
	 */
	private PeriodCode recent(IndicatorInfo info, String type) {
		List<String> range = info.periodRanges().get(type);
		if (this.window == 0 || range == null || range.size() < 2 || range.get(0) == null || range.get(1) == null) {
			return null;
		}
		PeriodCode from = PeriodCode.of(range.get(1)).plus(-this.window);
		// a series no longer than the window is read whole at once (not twice, when it
		// holds fewer values than a figure needs)
		return (from.compareTo(PeriodCode.of(range.get(0))) <= 0) ? null : from;
	}

	/**
	 * @return the region's values with a number, in period order
	 */
	private static List<SeriesService.Value> known(Map<String, List<SeriesService.Value>> values, String region) {
		return values.getOrDefault(region, List.of()).stream().filter((v) -> v.value() != null).toList();
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
			Part denominator, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Share> shares, boolean revised,
			@JsonInclude(JsonInclude.Include.NON_NULL) ChangeVerdictService.Verdict significance,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<HistoryPoint> history,
			@JsonInclude(JsonInclude.Include.NON_NULL) String incomplete) {

		Figure(String code, IndicatorView indicator, PeriodRef period, BigDecimal value, Previous previous,
				BigDecimal change, String comparison, String direction, String assessment, Category category,
				String explanation, String definition, String sourceTable, String status, String origin, Part numerator,
				Part denominator, List<Share> shares, boolean revised) {
			this(code, indicator, period, value, previous, change, comparison, direction, assessment, category,
					explanation, definition, sourceTable, status, origin, numerator, denominator, shares, revised, null,
					List.of(), null);
		}

		Figure withShares(List<Share> list) {
			return new Figure(this.code, this.indicator, this.period, this.value, this.previous, this.change,
					this.comparison, this.direction, this.assessment, this.category, this.explanation, this.definition,
					this.sourceTable, this.status, this.origin, this.numerator, this.denominator, list, this.revised,
					this.significance, this.history, this.incomplete);
		}

		/**
		 * @param verdict the verdict on the change, null when there is no previous value
		 * @param points the history
		 * @param sentence the explanation made honest
		 * @return the figure with its verdict; its {@code assessment} null unless the
		 * change is significant (a change within the margin, across a break or not
		 * testable is neither good nor bad)
		 */
		Figure withSignificance(ChangeVerdictService.Verdict verdict, List<HistoryPoint> points, String sentence) {
			String judged = (verdict == null || "significant".equals(verdict.verdict())) ? this.assessment : null;
			return new Figure(this.code, this.indicator, this.period, this.value, this.previous, this.change,
					this.comparison, this.direction, judged, this.category, sentence, this.definition, this.sourceTable,
					this.status, this.origin, this.numerator, this.denominator, this.shares, this.revised, verdict,
					points, this.incomplete);
		}

	}

	/**
	 * The figure split by one breakdown dimension, for the same period.
	 *
	 * @param breakdown dimension to member
	 * @param label member name
	 * @param value the value for that member, null when it has none
	 * @param missingReason why it has none, as the source gives it (a code of
	 * {@link nl.llomonitor.cube.MissingReason}); null when it has a value or when the
	 * store holds no cell for it
	 */
	record Share(Map<String, String> breakdown, String label, BigDecimal value, String missingReason) {
	}

	static final int MAX_SHARES = 12;

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

	record KerncijfersResponse(RegionRef region, List<Figure> figures,
			@JsonInclude(JsonInclude.Include.ALWAYS) LocalDate asOf) {
	}

	/**
	 * @param region region code (404 if unknown)
	 * @param moment the figures as known at this moment, or null
	 * @param language language of labels and sentences
	 * @return the key figures of the region
	 */
	Mono<KerncijfersResponse> kerncijfers(String region, OffsetDateTime moment, Lang language) {
		// figures that read the same cells (the EBB base population, the terms of
		// derived figures) read them once
		return SeriesService.sharingReads(Mono.zip(this.read.regions().require(region, "region"),
				this.read.indicators().all(), this.read.regions().snapshot())
			.flatMap((t) -> {
				// the sentences name Utrecht the gemeente "Utrecht (gemeente)": the
				// province has the same name
				RegionCatalog.Region told = t.getT3().told(t.getT1());
				List<List<String>> figures = figures(t.getT2());
				return periodTypes(figures, t.getT1(), t.getT2(), moment)
					// now: each figure's recent values in one statement, then each
					// split and base population in one more (SeriesService#prefetch);
					// as of an earlier moment the period types come from the figures'
					// own reads, so only the splits and base populations are planned
					.flatMap((types) -> prefetch(recentReads(figures, told, t.getT2(), types, moment))
						.then(Flux.fromIterable(figures)
							.flatMapSequential(
									(alternatives) -> figure(alternatives, told, t.getT2(), types, moment, language), 4)
							.collectList()))
					.flatMap((drafts) -> Flux.fromIterable(drafts)
						.concatMap((draft) -> laterReads(draft, told, moment))
						.collectList()
						.flatMap(this::prefetch)
						.then(Flux.fromIterable(drafts)
							.flatMapSequential((draft) -> finish(draft, told, moment, language), 4)
							.collectList()))
					.map((list) -> new KerncijfersResponse(t.getT1().ref(language), list,
							RequestParams.asOfDate(moment)));
			}));
	}

	/** Whether a request plans its reads ({@link SeriesService#prefetch}). */
	private final boolean planned;

	private Mono<Void> prefetch(List<SeriesService.Planned> reads) {
		return this.planned ? this.read.series().prefetch(reads) : Mono.empty();
	}

	/**
	 * @return the read of the recent values of each figure's first indicator with a
	 * period type ({@link #figureOfType}); none as of an earlier moment (the types are
	 * not known before its reads)
	 */
	private List<SeriesService.Planned> recentReads(List<List<String>> figures, RegionCatalog.Region region,
			Map<String, IndicatorInfo> all, java.util.Optional<Map<String, String>> types, OffsetDateTime asOf) {
		if (types.isEmpty()) {
			return List.of();
		}
		List<SeriesService.Planned> reads = new java.util.ArrayList<>();
		for (List<String> alternatives : figures) {
			alternatives.stream()
				.map(all::get)
				.filter((info) -> info != null && info.regionLevels().contains(region.level())
						&& types.get().containsKey(info.code()))
				.findFirst()
				.ifPresent((info) -> reads
					.add(new SeriesService.Planned(recentQuery(info, region, types.get().get(info.code()), asOf))));
		}
		return reads;
	}

	/**
	 * @return the reads a drafted figure makes to be finished: its split and the base
	 * population of its verdict
	 */
	private Flux<SeriesService.Planned> laterReads(Draft draft, RegionCatalog.Region region, OffsetDateTime asOf) {
		if (draft.info() == null) {
			return Flux.empty();
		}
		SeriesService.Planned shares = sharesRead(draft.figure(), draft.info(), region, draft.type(), asOf);
		List<SeriesService.Value> known = draft.known();
		return Flux.concat(Mono.justOrEmpty(shares),
				this.verdicts
					.baseRead(draft.info(), region.code(), draft.type(), known, known.get(known.size() - 1),
							previous(draft.figure(), known), asOf)
					.map(SeriesService.Planned::new));
	}

	/**
	 * A figure built from its values, before its split and verdict; or one without data
	 * ({@code info} null), as it is.
	 *
	 * @param figure the figure
	 * @param info its indicator
	 * @param type its period type
	 * @param known its values with a number, in period order
	 */
	private record Draft(Figure figure, IndicatorInfo info, String type, List<SeriesService.Value> known) {
	}

	private Mono<Figure> finish(Draft draft, RegionCatalog.Region region, OffsetDateTime asOf, Lang lang) {
		if (draft.info() == null) {
			return Mono.just(draft.figure());
		}
		return withShares(draft.figure(), draft.info(), region, draft.type(), asOf, lang)
			.flatMap((f) -> withVerdict(f, draft.info(), region, draft.type(), draft.known(), asOf, lang));
	}

	/**
	 * The period type of every figure's indicators for the region, read at once from what
	 * the store covers; as known at an earlier moment ({@code asOf}) each figure reads
	 * its own from its vintages (none here).
	 * @return by indicator code its finest period type with data (absent without data);
	 * empty for a read as of an earlier moment
	 */
	private Mono<java.util.Optional<Map<String, String>>> periodTypes(List<List<String>> figures,
			RegionCatalog.Region region, Map<String, IndicatorInfo> all, OffsetDateTime asOf) {
		if (asOf != null) {
			return Mono.just(java.util.Optional.empty());
		}
		List<IndicatorInfo> indicators = figures.stream()
			.flatMap(List::stream)
			.map(all::get)
			.filter((info) -> info != null && info.regionLevels().contains(region.level()))
			.toList();
		return this.read.series().finestPeriodTypes(indicators, region.code()).map(java.util.Optional::of);
	}

	private Mono<Draft> figure(List<String> alternatives, RegionCatalog.Region region, Map<String, IndicatorInfo> all,
			java.util.Optional<Map<String, String>> types, OffsetDateTime asOf, Lang lang) {
		return Flux.fromIterable(alternatives)
			.filter(all::containsKey)
			.concatMap((code) -> latest(all.get(code), region, types, asOf, lang))
			.next()
			.switchIfEmpty(
					Mono.fromSupplier(() -> new Draft(missing(alternatives, region, all, lang), null, null, null)));
	}

	private Mono<Draft> latest(IndicatorInfo info, RegionCatalog.Region region,
			java.util.Optional<Map<String, String>> types, OffsetDateTime asOf, Lang lang) {
		if (!info.regionLevels().contains(region.level())) {
			return Mono.empty();
		}
		Mono<String> type = types.isPresent() ? Mono.justOrEmpty(types.get().get(info.code()))
				: this.read.series().finestPeriodType(info, List.of(region.code()), asOf);
		return type.flatMap((t) -> figureOfType(info, region, t, asOf, lang));
	}

	private Mono<Draft> figureOfType(IndicatorInfo info, RegionCatalog.Region region, String type, OffsetDateTime asOf,
			Lang lang) {
		// each value read with whether its cell was revised, in the same statement
		SeriesService.Query query = new SeriesService.Query(info, List.of(region.code()), type, null, null,
				new TreeMap<>(), asOf)
			.withRevisions();
		SeriesService.Query recent = recentQuery(info, region, type, asOf);
		// the recent periods first; every period where they hold too few values
		Mono<Map<String, List<SeriesService.Value>>> read = (recent.from() == null)
				? this.read.series().observedValues(query)
				: this.read.series()
					.observedValues(recent)
					.flatMap((values) -> (known(values, region.code()).size() >= ENOUGH) ? Mono.just(values)
							: this.read.series().observedValues(query));
		return read.flatMap((values) -> {
			List<SeriesService.Value> known = known(values, region.code());
			if (known.isEmpty()) {
				return Mono.empty();
			}
			return Mono.just(new Draft(build(info, region, known, type, lang, withheld(values, region.code(), known)),
					info, type, known));
		});
	}

	/**
	 * @return the first read of a figure's values: its recent periods ({@link #recent}),
	 * every period where it has no window
	 */
	private SeriesService.Query recentQuery(IndicatorInfo info, RegionCatalog.Region region, String type,
			OffsetDateTime asOf) {
		return new SeriesService.Query(info, List.of(region.code()), type, recent(info, type), null, new TreeMap<>(),
				asOf)
			.withRevisions();
	}

	/**
	 * The newest period after the last known value that the source gives without a value
	 * (withdrawn, confidential, unknown), or null: the figure then shows an older period
	 * and says why.
	 */
	private static SeriesService.Value withheld(Map<String, List<SeriesService.Value>> values, String region,
			List<SeriesService.Value> known) {
		PeriodCode last = known.get(known.size() - 1).period();
		SeriesService.Value newest = null;
		for (SeriesService.Value v : values.getOrDefault(region, List.of())) {
			if (v.value() == null && v.missingReason() != null && v.period().compareTo(last) > 0
					&& (newest == null || v.period().compareTo(newest.period()) > 0)) {
				newest = v;
			}
		}
		return newest;
	}

	static Figure build(IndicatorInfo info, RegionCatalog.Region region, List<SeriesService.Value> known, String type,
			Lang lang) {
		return build(info, region, known, type, lang, null);
	}

	/**
	 * @param withheld a later period the source gives without a value, or null
	 * ({@link #withheld})
	 */
	static Figure build(IndicatorInfo info, RegionCatalog.Region region, List<SeriesService.Value> known, String type,
			Lang lang, SeriesService.Value withheld) {
		SeriesService.Value last = known.get(known.size() - 1);
		boolean yearOnYear = !PeriodType.YEAR.code().equals(type) && !info.seasonallyAdjusted();
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
		// the figure's class where its indicator has classes in
		// data/indicators.yaml (UWV's for the spanningsindicator)
		ValueClass valueClass = ValueClass.of(info.roles().classes(), last.value());
		Category category = (valueClass != null) ? new Category(valueClass.code(), valueClass.name(lang == Lang.EN))
				: null;
		String name = info.name(lang);
		String value = ValueText.value(last.value().doubleValue(), info.unit(), info.decimals(), lang);
		// counts read "Werklozen in Utrecht: 29 duizend in ...", which fits plural and
		// singular names alike
		StringBuilder sentence = new StringBuilder(
				Messages.get(lang, Texts.count(info.unit()) ? "kerncijfers.sentence.count" : "kerncijfers.sentence",
						name, Texts.region(region, lang), value, last.period().label(lang)));
		if (previous != null) {
			sentence.append(Messages.get(lang, "kerncijfers.previous." + direction,
					ValueText.value(previous.value().doubleValue(), info.unit(), info.decimals(), lang),
					previous.period().label(lang)));
			if (!"neutral".equals(assessment)) {
				sentence.append(" (").append(Messages.get(lang, "kerncijfers." + assessment)).append(")");
			}
		}
		if (category != null) {
			sentence.append(Messages.get(lang, "kerncijfers.labour-market",
					category.label().toLowerCase(java.util.Locale.ROOT)));
		}
		sentence.append('.');
		if (withheld != null) {
			// the newest period has no figure: said, so that an older quarter is not
			// taken
			// for the latest
			sentence.append(' ')
				.append(Messages.get(lang, "kerncijfers.withheld", withheld.period().label(lang),
						nl.llomonitor.cube.MissingReason.fromCode(withheld.missingReason()).label(lang == Lang.EN)));
		}
		return new Figure(info.code(), info.view(lang), PeriodRef.of(last.period(), lang), last.value(),
				(previous != null) ? new Previous(PeriodRef.of(previous.period(), lang), previous.value()) : null,
				change, yearOnYear ? "same-period-last-year" : "previous-period", direction, assessment, category,
				sentence.toString(), info.definition(lang), last.sourceTable(), last.status(),
				info.derived() ? "derived" : "source",
				info.derived() ? new Part(info.numerator(), last.numerator()) : null,
				info.derived() ? new Part(info.denominator(), last.denominator()) : null, List.of(),
				// revised, as read with the value (a query with revisions)
				last.revised(), null, List.of(),
				// a figure from a cut-off download says so (its other breakdown
				// members may be missing from the store too)
				incomplete(last, lang));
	}

	/**
	 * @return why the value's import was incomplete, in that language: each reason once,
	 * with its table where a derived figure has more than one cut-off table behind it;
	 * null for a complete import
	 */
	static String incomplete(SeriesService.Value value, Lang lang) {
		if (value.incomplete() == null) {
			return null;
		}
		List<nl.llomonitor.api.Incompleteness> all = value.incomplete().all();
		return all.stream()
			.map((i) -> ((all.size() > 1 && i.table() != null) ? i.table() + ": " : "") + i.text(lang))
			.distinct()
			.collect(java.util.stream.Collectors.joining("; "));
	}

	private Mono<Figure> withVerdict(Figure figure, IndicatorInfo info, RegionCatalog.Region region, String type,
			List<SeriesService.Value> known, OffsetDateTime asOf, Lang lang) {
		SeriesService.Value last = known.get(known.size() - 1);
		SeriesService.Value previous = previous(figure, known);
		List<String> breaks = TrendService.breaks(info, known);
		List<HistoryPoint> history = known.subList(Math.max(0, known.size() - HISTORY), known.size())
			.stream()
			.map((v) -> new HistoryPoint(v.period().code(), v.value(), breaks.contains(v.period().code()) ? "b" : null))
			.toList();
		return this.verdicts.verdict(info, region.code(), type, known, last, previous, asOf)
			.map((verdict) -> figure.withSignificance(verdict, history,
					ChangeVerdictService.sentence(figure.explanation(), verdict, lang)))
			.defaultIfEmpty(figure.withSignificance(null, history, figure.explanation()));
	}

	/**
	 * @return the value the figure is compared with, among its values; or null
	 */
	private static SeriesService.Value previous(Figure figure, List<SeriesService.Value> known) {
		return (figure.previous() == null) ? null
				: known.stream()
					.filter((v) -> v.period().code().equals(figure.previous().period().code()))
					.findFirst()
					.orElse(null);
	}

	/**
	 * @return the read of a figure's split ({@link #withShares}): every member of the
	 * first dimension it is split by, for its period; null where it has none
	 */
	private static SeriesService.Planned sharesRead(Figure figure, IndicatorInfo info, RegionCatalog.Region region,
			String type, OffsetDateTime asOf) {
		IndicatorInfo.Dimension dimension = shareDimension(info);
		if (dimension == null) {
			return null;
		}
		PeriodCode period = PeriodCode.of(figure.period().code());
		return new SeriesService.Planned(
				new SeriesService.Query(info, List.of(region.code()), type, period, period, new TreeMap<>(), asOf),
				dimension.members()
					.stream()
					.map((member) -> (java.util.SortedMap<String, String>) new TreeMap<>(
							Map.of(dimension.code(), member.code())))
					.toList());
	}

	/**
	 * @return the first dimension the figure is split by, in order of preference
	 * ({@code shareDimensions} in data/indicators.yaml); null where it has none, or one
	 * of more than {@link #MAX_SHARES} members
	 */
	private static IndicatorInfo.Dimension shareDimension(IndicatorInfo info) {
		IndicatorInfo.Dimension dimension = info.roles()
			.shareDimensions()
			.stream()
			.map(info.dimensions()::get)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
		return (dimension == null || dimension.members().size() > MAX_SHARES) ? null : dimension;
	}

	private Mono<Figure> withShares(Figure figure, IndicatorInfo info, RegionCatalog.Region region, String type,
			OffsetDateTime asOf, Lang lang) {
		SeriesService.Planned split = sharesRead(figure, info, region, type, asOf);
		if (split == null) {
			return Mono.just(figure);
		}
		IndicatorInfo.Dimension dimension = shareDimension(info);
		List<java.util.SortedMap<String, String>> breakdowns = split.breakdowns();
		// every member's value in one read
		return this.read.series().observedValues(split.query(), breakdowns).map((read) -> {
			List<Share> shares = new java.util.ArrayList<>();
			for (int i = 0; i < breakdowns.size(); i++) {
				SeriesService.Value v = read.get(i)
					.getOrDefault(region.code(), List.of())
					.stream()
					.findFirst()
					.orElse(null);
				shares.add(new Share(breakdowns.get(i), dimension.members().get(i).name(lang),
						(v != null) ? v.value() : null, (v != null) ? v.missingReason() : null));
			}
			// a split without a single value or reason says nothing (the store has
			// the figure but not its groups for this period): no shares, not a list
			// of bare labels
			return shares.stream().anyMatch((share) -> share.value() != null || share.missingReason() != null)
					? figure.withShares(shares) : figure;
		});
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
		String reason = (info == null) ? Messages.get(lang, "kerncijfers.undefined", code)
				: Messages.get(lang, "kerncijfers.no-data", Texts.lowerFirst(name), Texts.region(region, lang));
		return new Figure(code, (info != null) ? info.view(lang) : null, null, null, null, null, null, null, "neutral",
				null, reason, (info != null) ? info.definition(lang) : null, null, null,
				(info != null && info.derived()) ? "derived" : "source", null, null, List.of(), false);
	}

}
