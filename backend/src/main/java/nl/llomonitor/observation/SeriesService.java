package nl.llomonitor.observation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Incompleteness;
import nl.llomonitor.cube.ImportRunState;
import nl.llomonitor.cube.MissingReason;
import nl.llomonitor.cube.PeriodType;
import nl.llomonitor.cube.Status;
import nl.llomonitor.indicator.IndicatorCatalog;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.Queries;
import nl.llomonitor.system.VersionedCache;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;

import org.springframework.stereotype.Service;

import static nl.llomonitor.db.Tables.BREAKDOWN;
import static nl.llomonitor.db.Tables.IMPORT_RUN;
import static nl.llomonitor.db.Tables.OBSERVATION;
import static nl.llomonitor.db.Tables.SOURCE_TABLE_KIND;

/**
 * Reads series from the store: the newest vintage of every cell, or the newest known at a
 * moment ({@code asOf}), and computes derived indicators (numerator / denominator x
 * multiplier) at query time.
 */
@Service
public class SeriesService {

	/** Most regions in one request. */
	public static final int MAX_REGIONS = 50;

	/** Most periods in one request. */
	public static final int MAX_PERIODS = 600;

	private static final Pattern BREAKDOWN_PART = Pattern.compile("[a-z][a-z0-9_]*:[A-Za-z0-9_\\-]+");

	private final DSLContext dsl;

	private final IndicatorCatalog indicators;

	private final VersionedCache<Provenance> provenance;

	private final CellRead cells;

	/** Breakdown ids by key: written only by imports, which bump the data version. */
	private final VersionedCache<Map<String, Long>> breakdowns;

	SeriesService(DSLContext dsl, io.r2dbc.spi.ConnectionFactory pool, IndicatorCatalog indicators,
			DataChangeListener versions) {
		this.dsl = dsl;
		this.cells = new CellRead(pool);
		this.indicators = indicators;
		this.provenance = new VersionedCache<>(versions, this::loadProvenance);
		this.breakdowns = new VersionedCache<>(versions, this::loadBreakdowns);
	}

	/**
	 * What the read side adds to a stored row from two small tables, loaded once per
	 * state of the store (both change only together with a data version: an import bumps
	 * it in the transaction that writes them), so that a read of observations is one
	 * statement on {@code observation} alone.
	 *
	 * @param forecasts the source tables declared forecasts ({@code source_table_kind}),
	 * by table id as stored
	 * @param incomplete why every run marked incomplete was ({@code
	 * import_run.incomplete_reason} and its keys), by run id
	 * @param finished every run finished when this was loaded: a row of another run was
	 * written after it (the data version this instance knows lags a few milliseconds
	 * behind a commit), and is then read with provenance loaded anew, never with stale
	 * marks
	 */
	record Provenance(Map<String, ForecastTable> forecasts, Map<Long, Incompleteness> incomplete, Set<Long> finished) {

		boolean forecast(String sourceTable) {
			return this.forecasts.containsKey(sourceTable);
		}

		/**
		 * @return the forecast tables' ids, for a condition that leaves their rows out
		 */
		String[] forecastIds() {
			return this.forecasts.keySet().toArray(String[]::new);
		}

	}

	/**
	 * The keys and arguments of why an import run was incomplete
	 * ({@code import_run.report -> 'incompleteReasons'}, as text for
	 * {@link Incompleteness#of}), read for an incomplete run only: a complete run's
	 * report is not read.
	 */
	public static final org.jooq.Field<String> INCOMPLETE_REASONS = DSL.field(
			"case when {0} is not null then ({1} -> 'incompleteReasons')::text end", String.class,
			IMPORT_RUN.INCOMPLETE_REASON, IMPORT_RUN.REPORT);

	private Mono<Provenance> loadProvenance() {
		Mono<Map<String, ForecastTable>> forecasts = Queries
			.flux(this.dsl.select(SOURCE_TABLE_KIND.TABLE_ID, SOURCE_TABLE_KIND.BASE_YEAR, SOURCE_TABLE_KIND.TITLE)
				.from(SOURCE_TABLE_KIND)
				.where(SOURCE_TABLE_KIND.KIND.eq("forecast")))
			.collectMap((r) -> r.value1(), (r) -> new ForecastTable(r.value1(),
					(r.value2() != null) ? Integer.valueOf(r.value2()) : null, r.value3()));
		Mono<List<org.jooq.Record4<Long, String, String, String>>> runs = Queries
			.list(this.dsl.select(IMPORT_RUN.ID, IMPORT_RUN.INCOMPLETE_REASON, INCOMPLETE_REASONS, IMPORT_RUN.TABLE_ID)
				.from(IMPORT_RUN)
				.where(IMPORT_RUN.STATUS.ne(ImportRunState.RUNNING)));
		return Mono.zip(forecasts, runs).map((t) -> {
			Map<Long, Incompleteness> incomplete = new HashMap<>();
			Set<Long> finished = new java.util.HashSet<>();
			for (var r : t.getT2()) {
				finished.add(r.value1());
				if (r.value2() != null) {
					incomplete.put(r.value1(), Incompleteness.of(r.value4(), r.value2(), r.value3()));
				}
			}
			return new Provenance(Map.copyOf(t.getT1()), Map.copyOf(incomplete), Set.copyOf(finished));
		});
	}

	/**
	 * What to read.
	 *
	 * @param indicator the indicator
	 * @param regions region codes
	 * @param periodType year, quarter or month
	 * @param from first period, or null for the first there is
	 * @param to last period, or null for the last there is
	 * @param breakdown breakdown filter, dimension to member (empty: total)
	 * @param asOf only vintages recorded before this moment, or null for the newest
	 */
	public record Query(IndicatorInfo indicator, List<String> regions, String periodType, PeriodCode from,
			PeriodCode to, SortedMap<String, String> breakdown, OffsetDateTime asOf, boolean revisions) {

		/**
		 * A query of the values alone ({@link Value#revised} is not read).
		 */
		public Query(IndicatorInfo indicator, List<String> regions, String periodType, PeriodCode from, PeriodCode to,
				SortedMap<String, String> breakdown, OffsetDateTime asOf) {
			this(indicator, regions, periodType, from, to, breakdown, asOf, false);
		}

		/**
		 * @return the same query, reading with each value whether its cell was revised
		 * ({@link Value#revised}), in the same statement
		 */
		public Query withRevisions() {
			return new Query(this.indicator, this.regions, this.periodType, this.from, this.to, this.breakdown,
					this.asOf, true);
		}

	}

	/**
	 * One value of a series.
	 *
	 * @param period the period
	 * @param value the value, null if suppressed or missing
	 * @param marginLow lower bound of the published 95 % interval
	 * @param marginHigh upper bound of the published 95 % interval
	 * @param status definitief, nader_voorlopig, voorlopig or niet_vermeld
	 * ({@link nl.llomonitor.cube.Status})
	 * @param flags flag letters ({@link nl.llomonitor.cube.Flag})
	 * @param footnote a remark, e.g. the source's value attribute
	 * @param sourceTable source table(s)
	 * @param importRun the import run of the vintage used (null if derived)
	 * @param recordedAt when the vintage used became known
	 * @param numerator numerator value of a derived figure
	 * @param denominator denominator value of a derived figure
	 * @param missingReason why {@code value} is null
	 * ({@link nl.llomonitor.cube.MissingReason} code, e.g. {@code vertrouwelijk}), or
	 * null
	 * @param incomplete why the import run of this vintage was probably incomplete, or
	 * null when it was complete
	 * @param forecast whether the value is a forecast (its source table, or a term of a
	 * derived figure, is declared {@code kind: forecast}), never an observation
	 * @param revised whether the cell's vintages (as known at the query's moment) hold
	 * more than one distinct value, a missing value counting as one: a figure the source
	 * revised (a derived one: where its numerator or denominator cell was); read only for
	 * a query {@link Query#withRevisions() with revisions}, false otherwise
	 */
	public record Value(PeriodCode period, BigDecimal value, BigDecimal marginLow, BigDecimal marginHigh, String status,
			String flags, String footnote, String sourceTable, Long importRun, OffsetDateTime recordedAt,
			BigDecimal numerator, BigDecimal denominator, String missingReason, Incompleteness incomplete,
			boolean forecast, boolean revised) {

		/**
		 * A value without a missing reason, observed or forecast.
		 */
		public Value(PeriodCode period, BigDecimal value, BigDecimal marginLow, BigDecimal marginHigh, String status,
				String flags, String footnote, String sourceTable, Long importRun, OffsetDateTime recordedAt,
				BigDecimal numerator, BigDecimal denominator, boolean forecast) {
			this(period, value, marginLow, marginHigh, status, flags, footnote, sourceTable, importRun, recordedAt,
					numerator, denominator, null, null, forecast, false);
		}

		/**
		 * @param lang the reader's language
		 * @return the footnote, with "not an observation" (where a forecast is shown as
		 * no value) in that language
		 */
		public String footnote(nl.llomonitor.api.Lang lang) {
			return SeriesService.footnote(this.footnote, lang);
		}

		/**
		 * @return {@code forecast} or {@code observation}
		 */
		public String kind() {
			return this.forecast ? "forecast" : "observation";
		}

	}

	/**
	 * @param parameter a breakdown filter such as
	 * {@code education_level:hoog,labour_position:werkzaam}, may be null
	 * @param indicator the indicator it applies to
	 * @return dimension to member, sorted by dimension
	 */
	public static SortedMap<String, String> parseBreakdown(String parameter, IndicatorInfo indicator) {
		SortedMap<String, String> breakdown = new TreeMap<>();
		if (parameter == null || parameter.isBlank()) {
			return breakdown;
		}
		if (parameter.length() > 500) {
			throw ApiException.invalidParameter("breakdown", "Parameter 'breakdown' is too long.");
		}
		for (String part : parameter.split(",", -1)) {
			String trimmed = part.trim();
			if (!BREAKDOWN_PART.matcher(trimmed).matches()) {
				throw ApiException.invalidParameter("breakdown",
						"Parameter 'breakdown' must look like dimension:member,dimension:member, e.g. education_level:hoog; got '"
								+ abbreviate(parameter) + "'.");
			}
			String[] pair = trimmed.split(":", 2);
			IndicatorInfo.Dimension dimension = indicator.dimensions().get(pair[0]);
			if (dimension == null) {
				throw ApiException.invalidParameter("breakdown",
						"Indicator '" + indicator.code() + "' has no breakdown by '" + pair[0] + "'; available: "
								+ indicator.dimensions().keySet() + ".");
			}
			if (dimension.members().stream().noneMatch((m) -> m.code().equals(pair[1]))) {
				throw ApiException.invalidParameter("breakdown",
						"Unknown member '" + pair[1] + "' of '" + pair[0] + "'; available: "
								+ dimension.members().stream().map(IndicatorInfo.Member::code).toList() + ".");
			}
			if (breakdown.put(pair[0], pair[1]) != null) {
				throw ApiException.invalidParameter("breakdown", "Dimension '" + pair[0] + "' is given twice.");
			}
		}
		return breakdown;
	}

	/**
	 * @param breakdown dimension to member
	 * @return the canonical breakdown key, e.g.
	 * {@code education_level=hoog;labour_position=werkzaam}
	 */
	public static String key(SortedMap<String, String> breakdown) {
		return breakdown.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(";"));
	}

	/**
	 * @param indicator the indicator
	 * @param periodType requested type, may be null
	 * @param from first period, may be null
	 * @param to last period, may be null
	 * @return the period type to use (null if the indicator has no data)
	 */
	public static String periodType(IndicatorInfo indicator, String periodType, PeriodCode from, PeriodCode to) {
		String type = periodType;
		if (type != null && !PeriodCode.TYPES.contains(type)) {
			throw ApiException.invalidParameter("periodType", "periodType must be year, quarter or month.");
		}
		if (type == null) {
			type = (from != null) ? from.type() : (to != null) ? to.type() : indicator.defaultPeriodType();
		}
		if (periodType != null) {
			requirePeriodType(indicator, type, "periodType");
		}
		if (from != null && !from.type().equals(type)) {
			throw ApiException.invalidParameter("from", "Period 'from' (" + from + ") is not of type " + type + ".");
		}
		if (to != null && !to.type().equals(type)) {
			throw ApiException.invalidParameter("to", "Period 'to' (" + to + ") is not of type " + type + ".");
		}
		if (from != null && to != null) {
			if (from.compareTo(to) > 0) {
				throw ApiException.invalidParameter("from",
						"Period 'from' (" + from + ") lies after 'to' (" + to + ").");
			}
			if (from.countTo(to) > MAX_PERIODS) {
				throw ApiException.rangeTooWide("to", "At most " + MAX_PERIODS + " periods per request; " + from
						+ " to " + to + " spans " + from.countTo(to) + ".");
			}
		}
		if (periodType == null && from != null) {
			requirePeriodType(indicator, from.type(), "from");
		}
		else if (periodType == null && to != null) {
			requirePeriodType(indicator, to.type(), "to");
		}
		return type;
	}

	/**
	 * An indicator without figures of a period type answers a request for it with a 400,
	 * never with empty points that look like missing figures.
	 * @param indicator the indicator
	 * @param type year, quarter or month
	 * @param parameter the parameter that asked it ({@code periodType}, {@code type},
	 * {@code period}, {@code from}, {@code to})
	 * @throws ApiException {@code unsupported-period-type} naming the indicator's types;
	 * nothing for an indicator without any data (its answer is empty)
	 */
	public static void requirePeriodType(IndicatorInfo indicator, String type, String parameter) {
		if (type != null && !indicator.periodTypes().isEmpty() && !indicator.periodTypes().contains(type)) {
			throw ApiException.unsupportedPeriodType(parameter, indicator.code(), type, indicator.periodTypes());
		}
	}

	/**
	 * The period type of a request: as asked (or implied by from/to), else the finest
	 * with data for the regions.
	 * @param indicator the indicator
	 * @param periodType requested type, may be null
	 * @param from first period, may be null
	 * @param to last period, may be null
	 * @param regions region codes
	 * @param breakdown dimension to member; empty for the totals
	 * @return the type, empty Optional if the indicator has no data at all
	 */
	public Mono<java.util.Optional<String>> resolvePeriodType(IndicatorInfo indicator, String periodType,
			PeriodCode from, PeriodCode to, List<String> regions, SortedMap<String, String> breakdown) {
		return resolvePeriodType(indicator, periodType, from, to, regions, breakdown, null);
	}

	/**
	 * As
	 * {@link #resolvePeriodType(IndicatorInfo, String, PeriodCode, PeriodCode, List, SortedMap)},
	 * with the data as known at a moment.
	 * @param indicator the indicator
	 * @param periodType requested type, may be null
	 * @param from first period, may be null
	 * @param to last period, may be null
	 * @param regions region codes
	 * @param breakdown dimension to member; empty for the totals
	 * @param asOf only vintages recorded before this moment, or null for all
	 * @return the type, empty Optional if the indicator has no data at all
	 */
	public Mono<java.util.Optional<String>> resolvePeriodType(IndicatorInfo indicator, String periodType,
			PeriodCode from, PeriodCode to, List<String> regions, SortedMap<String, String> breakdown,
			OffsetDateTime asOf) {
		if (periodType != null || from != null || to != null) {
			return Mono.fromCallable(() -> java.util.Optional.ofNullable(periodType(indicator, periodType, from, to)));
		}
		// the breakdown's own finest type: the totals may have quarters where it has
		// years
		return breakdownId(breakdown).flatMap((id) -> finestPeriodType(indicator, regions, (id >= 0) ? id : null, asOf))
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.ofNullable(indicator.defaultPeriodType()));
	}

	/**
	 * The finest period type that every one of these regions with data has
	 * ({@link #finestCommonType}): an indicator can have quarters for provinces but only
	 * years for arbeidsmarktregio's (85268NED / 86088NED).
	 * @param indicator the indicator
	 * @param regions region codes
	 * @return year, quarter or month; empty without any data for these regions
	 */
	public Mono<String> finestPeriodType(IndicatorInfo indicator, List<String> regions) {
		return finestPeriodType(indicator, regions, null, null);
	}

	/**
	 * @param indicator the indicator
	 * @param regions region codes
	 * @param asOf only vintages recorded before this moment, or null for all
	 * @return year, quarter or month; empty without any data for these regions then
	 */
	public Mono<String> finestPeriodType(IndicatorInfo indicator, List<String> regions, OffsetDateTime asOf) {
		return finestPeriodType(indicator, regions, null, asOf);
	}

	/**
	 * @param breakdownId only the cells of this breakdown; null for any
	 */
	private Mono<String> finestPeriodType(IndicatorInfo indicator, List<String> regions, Long breakdownId,
			OffsetDateTime asOf) {
		if (indicator.periodTypes().size() <= 1 || regions.isEmpty()) {
			return Mono.justOrEmpty(indicator.defaultPeriodType());
		}
		String dataCode = indicator.dataCode();
		var kind = DSL.substring(OBSERVATION.PERIOD_CODE, 5, 2);
		// over all breakdowns and vintages: the period types with a value, from what the
		// store covers (observation_coverage: a row per run, indicator, region and period
		// type) instead of every row of the regions' cells
		boolean covered = breakdownId == null && asOf == null;
		var coverage = nl.llomonitor.db.Tables.OBSERVATION_COVERAGE;
		var types = covered
				? this.dsl.selectDistinct(coverage.REGION_CODE, coverage.PERIOD_TYPE)
					.from(coverage)
					.where(coverage.INDICATOR_CODE.eq(dataCode), coverage.REGION_CODE.eq(anyOf(regions)),
							coverage.FIRST_VALUED.isNotNull())
				: this.dsl.selectDistinct(OBSERVATION.REGION_CODE, kind)
					.from(OBSERVATION)
					.where(OBSERVATION.INDICATOR_CODE.eq(dataCode), OBSERVATION.REGION_CODE.eq(anyOf(regions)),
							OBSERVATION.VALUE.isNotNull(), known(asOf),
							(breakdownId != null) ? OBSERVATION.BREAKDOWN_ID.eq(breakdownId) : DSL.noCondition());
		return Queries.list(types).flatMap((rows) -> {
			Map<String, Set<String>> kindsByRegion = new HashMap<>();
			rows.forEach((r) -> kindsByRegion.computeIfAbsent(r.value1(), (k) -> new java.util.HashSet<>())
				.add(covered ? PeriodType.of(r.value2()).letters() : r.value2()));
			return Mono.justOrEmpty(finestCommonType(kindsByRegion.values()));
		});
	}

	/**
	 * The finest period type of each of these indicators for one region, as
	 * {@link #finestPeriodType(IndicatorInfo, List)} gives it for each, in one statement
	 * on {@code observation_coverage} for all indicators with more than one period type
	 * (the key figures of a region: one statement instead of one per figure).
	 * @param indicators indicators
	 * @param region a region code
	 * @return by indicator code, its period type; an indicator without a value for the
	 * region is absent
	 */
	public Mono<Map<String, String>> finestPeriodTypes(Collection<IndicatorInfo> indicators, String region) {
		Map<String, String> types = new HashMap<>();
		// by the code whose rows decide (a derived indicator: its numerator), the
		// indicators it decides for
		Map<String, List<String>> decides = new HashMap<>();
		for (IndicatorInfo indicator : indicators) {
			if (indicator.periodTypes().size() <= 1) {
				if (indicator.defaultPeriodType() != null) {
					types.put(indicator.code(), indicator.defaultPeriodType());
				}
			}
			else {
				decides.computeIfAbsent(indicator.dataCode(), (k) -> new ArrayList<>()).add(indicator.code());
			}
		}
		if (decides.isEmpty()) {
			return Mono.just(types);
		}
		var coverage = nl.llomonitor.db.Tables.OBSERVATION_COVERAGE;
		return Queries
			.list(this.dsl.selectDistinct(coverage.INDICATOR_CODE, coverage.PERIOD_TYPE)
				.from(coverage)
				.where(coverage.INDICATOR_CODE.eq(anyOf(decides.keySet())), coverage.REGION_CODE.eq(region),
						coverage.FIRST_VALUED.isNotNull()))
			.map((rows) -> {
				Map<String, Set<String>> kinds = new HashMap<>();
				rows.forEach((r) -> kinds.computeIfAbsent(r.value1(), (k) -> new java.util.HashSet<>())
					.add(PeriodType.of(r.value2()).letters()));
				kinds.forEach((code, letters) -> {
					String type = finestCommonType(List.of(letters));
					decides.get(code).forEach((indicator) -> types.put(indicator, type));
				});
				return types;
			});
	}

	/**
	 * The finest period type that every region with data has (an arbeidsmarktregio with
	 * years only beside Nederland with quarters and years: years, so neither is left
	 * without points); where they share none, the finest that any has.
	 * @param kindsByRegion per region with data, the letters of its period types (KW, JJ,
	 * MM)
	 * @return year, quarter or month; null without any data
	 */
	static String finestCommonType(Collection<Set<String>> kindsByRegion) {
		String finestAny = null;
		for (PeriodType type : PeriodType.FINEST_FIRST) {
			if (!kindsByRegion.isEmpty()
					&& kindsByRegion.stream().allMatch((kinds) -> kinds.contains(type.letters()))) {
				return type.code();
			}
			if (finestAny == null && kindsByRegion.stream().anyMatch((kinds) -> kinds.contains(type.letters()))) {
				finestAny = type.code();
			}
		}
		return finestAny;
	}

	/**
	 * The latest period with an observed value (never a forecast) for any of these
	 * regions, of the finest period type they have, for this breakdown. Used when a
	 * request names no period.
	 * @param indicator the indicator (a derived one: its numerator decides)
	 * @param regions region codes
	 * @param breakdown dimension to member; empty for the totals
	 * @return the period; empty without any data
	 */
	public Mono<PeriodCode> latestPeriod(IndicatorInfo indicator, List<String> regions,
			SortedMap<String, String> breakdown) {
		return latestPeriod(indicator, regions, breakdown, null);
	}

	/**
	 * The latest period with a value as known at a moment.
	 * @param indicator the indicator (a derived one: its numerator decides)
	 * @param regions region codes
	 * @param breakdown dimension to member; empty for the totals
	 * @param asOf only vintages recorded before this moment, or null for all
	 * @return the period; empty without any data then
	 */
	public Mono<PeriodCode> latestPeriod(IndicatorInfo indicator, List<String> regions,
			SortedMap<String, String> breakdown, OffsetDateTime asOf) {
		if (regions.isEmpty()) {
			return Mono.empty();
		}
		String dataCode = indicator.dataCode();
		// the finest period type of this breakdown: the totals may have quarters where a
		// breakdown has years only
		return breakdownId(breakdown).filter((id) -> id >= 0)
			.flatMap((id) -> finestPeriodType(indicator, regions, id, asOf).map((type) -> Tuples.of(type, id)))
			.zipWith(this.provenance.get())
			// all rows are read (never cancelled half-way), so the connection always
			// goes back
			// the newest first, one row: an ordered index scan that stops at the first
			// current value (max() over an anti-join would read every vintage)
			.flatMap((t) -> Queries.list(this.dsl.select(OBSERVATION.PERIOD_CODE)
				.from(OBSERVATION)
				.where(OBSERVATION.INDICATOR_CODE.eq(dataCode), OBSERVATION.BREAKDOWN_ID.eq(t.getT1().getT2()),
						OBSERVATION.REGION_CODE.eq(anyOf(regions)), OBSERVATION.VALUE.isNotNull(), known(asOf),
						OBSERVATION.PERIOD_CODE.like(PeriodCode.likePattern(t.getT1().getT1())),
						// the current vintage: a period whose values a later release
						// withdrew has no value any more
						current(asOf),
						// the latest observation: a forecast's 2040 is not "the latest"
						notForecast(t.getT2()))
				.orderBy(OBSERVATION.PERIOD_CODE.desc())
				.limit(1)))
			.flatMap((rows) -> rows.isEmpty() ? Mono.empty() : Mono.justOrEmpty(rows.get(0).value1()))
			.map(PeriodCode::of);
	}

	/**
	 * @param query what to read
	 * @return values by region code (every requested region present), by period
	 */
	public Mono<Map<String, List<Value>>> values(Query query) {
		if (query.periodType() == null) {
			return Mono.just(empty(query.regions()));
		}
		IndicatorInfo indicator = query.indicator();
		if (!indicator.derived()) {
			return source(indicator.code(), query).map((found) -> complete(query.regions(), found));
		}
		return this.indicators.require(indicator.denominator(), "indicator").flatMap((denominator) -> {
			Query d = denominatorQuery(query, denominator);
			Mono<Map<String, List<Value>>> numerators = source(indicator.numerator(), query);
			Mono<Map<String, List<Value>>> denominators = (d.periodType() == null) ? Mono.just(Map.of())
					: source(denominator.code(), d);
			return Mono.zip(numerators, denominators)
				.map((t) -> complete(query.regions(), derive(indicator, d.periodType(), t.getT1(), t.getT2())));
		});
	}

	/**
	 * The denominator cells a derived indicator's query divides by: the same period type
	 * where the denominator has it, else its next coarser type (quarters over years); the
	 * breakdown dimensions the denominator has.
	 * @param query the query of the derived indicator
	 * @param denominator its denominator
	 * @return the denominator's query; its period type is null when it has none to use
	 */
	private static Query denominatorQuery(Query query, IndicatorInfo denominator) {
		String type = denominator.periodTypes().contains(query.periodType()) ? query.periodType()
				: denominator.periodTypes()
					.stream()
					.filter((t) -> PeriodCode.TYPES.indexOf(t) < PeriodCode.TYPES.indexOf(query.periodType()))
					.findFirst()
					.orElse(null);
		SortedMap<String, String> breakdown = new TreeMap<>(query.breakdown());
		breakdown.keySet().retainAll(denominator.dimensions().keySet());
		return new Query(denominator, query.regions(), type,
				(type != null && query.from() != null) ? query.from().alignTo(type) : null,
				(type != null && query.to() != null) ? query.to().alignTo(type) : null, breakdown, query.asOf(),
				query.revisions());
	}

	private static Map<String, List<Value>> derive(IndicatorInfo indicator, String denominatorType,
			Map<String, List<Value>> numerators, Map<String, List<Value>> denominators) {
		Map<String, List<Value>> result = new HashMap<>();
		BigDecimal multiplier = (indicator.multiplier() != null) ? indicator.multiplier() : BigDecimal.ONE;
		numerators.forEach((region, values) -> {
			Map<String, Value> byPeriod = new HashMap<>();
			denominators.getOrDefault(region, List.of()).forEach((v) -> byPeriod.put(v.period().code(), v));
			List<Value> derived = new ArrayList<>();
			for (Value n : values) {
				Value d = (denominatorType != null) ? byPeriod.get(n.period().alignTo(denominatorType).code()) : null;
				BigDecimal value = null;
				String footnote = null;
				// without a value: the reason of the term that has none (its source's, or
				// not available where the store holds no cell), or impossible for a zero
				// denominator
				String missing = null;
				if (n.value() == null || d == null || d.value() == null) {
					footnote = (n.value() == null) ? NUMERATOR_MISSING : DENOMINATOR_MISSING;
					String termReason = (n.value() == null) ? n.missingReason()
							: (d != null) ? d.missingReason() : null;
					missing = (termReason != null) ? termReason : MissingReason.NIET_BESCHIKBAAR.code();
				}
				else if (d.value().signum() == 0) {
					footnote = DENOMINATOR_ZERO;
					missing = MissingReason.NIET_VAN_TOEPASSING.code();
				}
				else {
					value = n.value()
						.multiply(multiplier)
						.divide(d.value(), MathContext.DECIMAL64)
						.setScale(indicator.decimals(), RoundingMode.HALF_UP);
				}
				String status = Status.weaker(n.status(), (d != null) ? d.status() : null);
				String flags = mergeFlags(n.flags(), (d != null) ? d.flags() : "");
				// one id when numerator and denominator come from the same table, "A / B"
				// otherwise (split on " / " by the sources lists)
				String table = (d == null || Objects.equals(n.sourceTable(), d.sourceTable())) ? n.sourceTable()
						: n.sourceTable() + " / " + d.sourceTable();
				OffsetDateTime recorded = (d == null || n.recordedAt().isAfter(d.recordedAt())) ? n.recordedAt()
						: d.recordedAt();
				// incomplete where either term is (each table named with its own reason)
				Incompleteness dIncomplete = (d != null) ? d.incomplete() : null;
				Incompleteness incomplete = (n.incomplete() != null) ? n.incomplete().and(dIncomplete) : dIncomplete;
				// revised where the numerator cell or the denominator cell it is
				// divided by was
				derived.add(new Value(n.period(), value, null, null, status, flags, footnote, table, null, recorded,
						n.value(), (d != null) ? d.value() : null, missing, incomplete,
						n.forecast() || (d != null && d.forecast()), n.revised() || (d != null && d.revised())));
			}
			result.put(region, derived);
		});
		return result;
	}

	private static String mergeFlags(String a, String b) {
		TreeSet<Character> flags = new TreeSet<>();
		(a + b).chars().forEach((c) -> flags.add((char) c));
		StringBuilder sb = new StringBuilder();
		flags.forEach(sb::append);
		return sb.toString();
	}

	private static Map<String, List<Value>> complete(List<String> regions, Map<String, List<Value>> found) {
		Map<String, List<Value>> result = new LinkedHashMap<>();
		for (String region : regions) {
			result.put(region, found.getOrDefault(region, List.of()));
		}
		return result;
	}

	private static Map<String, List<Value>> empty(List<String> regions) {
		return complete(regions, Map.of());
	}

	/**
	 * @param breakdown dimension to member
	 * @return the breakdown id, or -1 if that combination does not occur
	 */
	Mono<Long> breakdownId(SortedMap<String, String> breakdown) {
		if (breakdown.isEmpty()) {
			return Mono.just(0L);
		}
		String key = key(breakdown);
		return this.breakdowns.get().map((ids) -> ids.getOrDefault(key, -1L));
	}

	private Mono<Map<String, Long>> loadBreakdowns() {
		return Queries.flux(this.dsl.select(BREAKDOWN.KEY, BREAKDOWN.ID).from(BREAKDOWN))
			.collectMap((r) -> r.value1(), (r) -> r.value2())
			.map(Map::copyOf);
	}

	/**
	 * @return the values of this indicator with the query's regions, periods, breakdown
	 * and moment, by region code (read by the key {@link #readKey} gives, as
	 * {@link #prefetch} plans it); none for a breakdown the store does not hold
	 */
	private Mono<Map<String, List<Value>>> source(String indicator, Query query) {
		return readKey(indicator, query)
			.flatMap((key) -> read(key.indicator(), key.regions(), key.type(), key.from(), key.to(),
					new long[] { key.breakdownIds().get(0) }, key.asOf(), key.revisions())
				.map((byBreakdown) -> byBreakdown.getOrDefault(key.breakdownIds().get(0), Map.of())))
			.defaultIfEmpty(Map.of());
	}

	/**
	 * @param breakdownIds the breakdowns to read, in one statement
	 * @return by breakdown id (absent where none is stored), the values by region code
	 */
	private Mono<Map<Long, Map<String, List<Value>>>> read(String indicator, Collection<String> regions, String type,
			PeriodCode from, PeriodCode to, long[] breakdownIds, OffsetDateTime asOf, boolean revisions) {
		return Mono.deferContextual((context) -> {
			java.util.Optional<Map<ReadKey, Mono<Map<Long, Map<String, List<Value>>>>>> shared = context
				.getOrEmpty(SHARED_READS);
			if (shared.isEmpty()) {
				return readOnce(indicator, regions, type, from, to, breakdownIds, asOf, revisions);
			}
			ReadKey key = ReadKey.of(indicator, regions, type, from, to, breakdownIds, asOf, revisions);
			return shared.get()
				.computeIfAbsent(key,
						(k) -> readOnce(indicator, regions, type, from, to, breakdownIds, asOf, revisions).cache());
		});
	}

	/** The key of a read shared within one answer ({@link #sharingReads}). */
	private record ReadKey(String indicator, List<String> regions, String type, PeriodCode from, PeriodCode to,
			List<Long> breakdownIds, OffsetDateTime asOf, boolean revisions) {

		static ReadKey of(String indicator, Collection<String> regions, String type, PeriodCode from, PeriodCode to,
				long[] breakdownIds, OffsetDateTime asOf, boolean revisions) {
			return new ReadKey(indicator, List.copyOf(regions), type, from, to,
					java.util.Arrays.stream(breakdownIds).boxed().toList(), asOf, revisions);
		}

		/**
		 * @return the reads of the one statement of several keys, one per breakdown
		 */
		List<CellRead.Part> parts() {
			String pattern = PeriodCode.likePattern(this.type);
			return this.breakdownIds.stream()
				.map((id) -> new CellRead.Part(this.indicator, pattern, (this.from != null) ? this.from.code() : null,
						(this.to != null) ? this.to.code() : null, id))
				.toList();
		}

	}

	/** The reads of one answer, by what they read (in the Reactor context). */
	private static final String SHARED_READS = SeriesService.class.getName() + ".sharedReads";

	/**
	 * An answer that reads the same cells more than once (key figures: the EBB base
	 * population of several figures, the terms of derived figures) reads them once: each
	 * distinct read of the store within {@code answer} runs one statement, and every
	 * subscriber of the answer has reads of its own.
	 * @param answer the answer's pipeline
	 * @param <T> its type
	 * @return the same pipeline, sharing its reads
	 */
	public static <T> Mono<T> sharingReads(Mono<T> answer) {
		return answer
			.contextWrite((context) -> context.put(SHARED_READS, new java.util.concurrent.ConcurrentHashMap<>()));
	}

	private Mono<Map<Long, Map<String, List<Value>>>> readOnce(String indicator, Collection<String> regions,
			String type, PeriodCode from, PeriodCode to, long[] breakdownIds, OffsetDateTime asOf, boolean revisions) {
		// one statement on observation alone (CellRead); whether a value's run was
		// incomplete and whether its table is a forecast come from the provenance of
		// this state
		return withProvenance(this.cells
			.read(indicator, regions, PeriodCode.likePattern(type), (from != null) ? from.code() : null,
					(to != null) ? to.code() : null, breakdownIds, asOf, revisions)
			.map(List::of)).map((t) -> values(t.getT1().get(0), t.getT2(), from, to));
	}

	/**
	 * @return the rows with the provenance that knows every run they name: a row of a run
	 * the provenance does not know was written since it was loaded, so it is loaded anew
	 */
	private Mono<reactor.util.function.Tuple2<List<List<CellRead.Row>>, Provenance>> withProvenance(
			Mono<List<List<CellRead.Row>>> read) {
		return this.provenance.get()
			.flatMap((provenance) -> read.flatMap((lists) -> lists.stream()
				.flatMap(Collection::stream)
				.allMatch((r) -> provenance.finished().contains(r.importRun()))
						? Mono.just(Tuples.of(lists, provenance))
						: loadProvenance().map((fresh) -> Tuples.of(lists, fresh))));
	}

	/**
	 * @param rows the rows of one read
	 * @param known the provenance that knows their runs
	 * @param from the read's first period, or null
	 * @param to its last, or null
	 * @return by breakdown id (absent where none is stored), the values by region code,
	 * in period order; fails with a 400 beyond {@link #MAX_PERIODS} periods
	 */
	private static Map<Long, Map<String, List<Value>>> values(Collection<CellRead.Row> rows, Provenance known,
			PeriodCode from, PeriodCode to) {
		Map<Long, Map<String, Collection<Value>>> all = new HashMap<>();
		for (CellRead.Row r : rows) {
			all.computeIfAbsent(r.breakdownId(), (k) -> new HashMap<>())
				.computeIfAbsent(r.region(), (k) -> new ArrayList<>())
				.add(new Value(PeriodCode.of(r.period()), r.value(), r.marginLow(), r.marginHigh(), r.status(),
						r.flags(), r.footnote(), r.sourceTable(), r.importRun(), r.recordedAt(), null, null,
						r.missingReason(), incompleteness(known, r.importRun(), r.sourceTable()),
						known.forecast(r.sourceTable()), r.revised()));
		}
		Map<Long, Map<String, List<Value>>> result = new HashMap<>();
		all.forEach((breakdown, m) -> {
			// the limit holds when 'from' or 'to' is omitted too: never more periods
			// than a request may ask for explicitly
			long periods = m.values().stream().flatMap(Collection::stream).map(Value::period).distinct().count();
			if (periods > MAX_PERIODS) {
				throw ApiException.rangeTooWide((from == null) ? "from" : "to",
						"At most " + MAX_PERIODS + " periods per request; without 'from' and 'to' this series spans "
								+ periods + "; give 'from' and 'to'.");
			}
			Map<String, List<Value>> sorted = new HashMap<>();
			m.forEach((region, values) -> sorted.put(region,
					values.stream().sorted(Comparator.comparing(Value::period)).toList()));
			result.put(breakdown, sorted);
		});
		return result;
	}

	/**
	 * A read that a later part of an answer will make ({@link #prefetch}): a query, and
	 * for the split of a key figure the breakdowns read together
	 * ({@link #observedValues(Query, List)}).
	 *
	 * @param query what will be read
	 * @param breakdowns the breakdowns read together with it, or null for the query's own
	 */
	public record Planned(Query query, List<SortedMap<String, String>> breakdowns) {

		/**
		 * @param query what will be read ({@link #values(Query)} and its kin)
		 */
		public Planned(Query query) {
			this(query, null);
		}

	}

	/**
	 * Plans what the answer will read next as one statement for each set of regions,
	 * moment and whether revisions are read: within {@link #sharingReads}, each planned
	 * read then finds its cells in that statement's rows (the key figures of a region
	 * read three statements instead of about twenty). The keys are those the reads
	 * themselves make ({@link #keys}); a read planned but never made costs its rows in
	 * the one statement, a read made but not planned runs its own. Outside
	 * {@link #sharingReads} nothing is read.
	 * @param planned the reads to come
	 * @return completes once the statement is prepared (not yet run: it runs when the
	 * first planned read is made)
	 */
	public Mono<Void> prefetch(List<Planned> planned) {
		return Mono.deferContextual((context) -> {
			java.util.Optional<Map<ReadKey, Mono<Map<Long, Map<String, List<Value>>>>>> shared = context
				.getOrEmpty(SHARED_READS);
			if (shared.isEmpty() || planned.isEmpty()) {
				return Mono.<Void>empty();
			}
			return reactor.core.publisher.Flux.fromIterable(planned)
				.concatMap((p) -> keys(p).flatMapMany(reactor.core.publisher.Flux::fromIterable))
				.filter((key) -> !shared.get().containsKey(key))
				.distinct()
				.collectList()
				.doOnNext((keys) -> keys.stream()
					.collect(java.util.stream.Collectors.groupingBy(
							(key) -> java.util.Arrays.asList(key.regions(), key.asOf(), key.revisions()),
							LinkedHashMap::new, java.util.stream.Collectors.toList()))
					.values()
					.forEach((group) -> share(shared.get(), group)))
				.then();
		});
	}

	/**
	 * Makes one statement the read of every key of a group (same regions, moment and
	 * revisions) in the shared reads.
	 */
	private void share(Map<ReadKey, Mono<Map<Long, Map<String, List<Value>>>>> shared, List<ReadKey> group) {
		ReadKey any = group.get(0);
		List<CellRead.Part> parts = new ArrayList<>();
		List<Integer> firstPart = new ArrayList<>();
		for (ReadKey key : group) {
			firstPart.add(parts.size());
			parts.addAll(key.parts());
		}
		Mono<reactor.util.function.Tuple2<List<List<CellRead.Row>>, Provenance>> all = withProvenance(
				this.cells.readAll(parts, any.regions(), any.asOf(), any.revisions()))
			.cache();
		for (int i = 0; i < group.size(); i++) {
			ReadKey key = group.get(i);
			int first = firstPart.get(i);
			int count = key.breakdownIds().size();
			shared.putIfAbsent(key, all.map((t) -> {
				List<CellRead.Row> rows = new ArrayList<>();
				t.getT1().subList(first, first + count).forEach(rows::addAll);
				return values(rows, t.getT2(), key.from(), key.to());
			}).cache());
		}
	}

	/**
	 * @return the keys of the shared reads a planned read makes: those of
	 * {@link #values(Query)} (a derived indicator: its numerator's and denominator's) or
	 * of {@link #observedValues(Query, List)}; none for a breakdown the store does not
	 * hold
	 */
	private Mono<List<ReadKey>> keys(Planned planned) {
		Query query = planned.query();
		if (query.periodType() == null) {
			return Mono.just(List.of());
		}
		List<SortedMap<String, String>> breakdowns = planned.breakdowns();
		if (breakdowns != null) {
			if (query.indicator().derived() || breakdowns.size() < 2) {
				return reactor.core.publisher.Flux.fromIterable(breakdowns)
					.concatMap((b) -> keys(new Planned(new Query(query.indicator(), query.regions(), query.periodType(),
							query.from(), query.to(), b, query.asOf(), query.revisions()))))
					.flatMapIterable((list) -> list)
					.collectList();
			}
			return this.breakdowns.get().map((ids) -> {
				long[] stored = stored(breakdownIds(breakdowns, ids));
				return (stored.length == 0) ? List.of() : List.of(ReadKey.of(query.indicator().code(), query.regions(),
						query.periodType(), query.from(), query.to(), stored, query.asOf(), query.revisions()));
			});
		}
		if (!query.indicator().derived()) {
			return readKey(query.indicator().code(), query).map(List::of).defaultIfEmpty(List.of());
		}
		return this.indicators.require(query.indicator().denominator(), "indicator").flatMap((denominator) -> {
			Query d = denominatorQuery(query, denominator);
			Mono<List<ReadKey>> numerator = readKey(query.indicator().numerator(), query).map(List::of)
				.defaultIfEmpty(List.of());
			Mono<List<ReadKey>> denominators = (d.periodType() == null) ? Mono.just(List.of())
					: readKey(denominator.code(), d).map(List::of).defaultIfEmpty(List.of());
			return Mono.zip(numerator, denominators).map((t) -> {
				List<ReadKey> keys = new ArrayList<>(t.getT1());
				keys.addAll(t.getT2());
				return keys;
			});
		});
	}

	/**
	 * @return the key of {@link #source}'s read of this indicator with the query's
	 * regions, periods, breakdown and moment; empty for a breakdown the store does not
	 * hold
	 */
	private Mono<ReadKey> readKey(String indicator, Query query) {
		return breakdownId(query.breakdown()).filter((id) -> id >= 0)
			.map((id) -> ReadKey.of(indicator, query.regions(), query.periodType(), query.from(), query.to(),
					new long[] { id }, query.asOf(), query.revisions()));
	}

	/**
	 * @return the id of each breakdown, in their order ({@code 0}: the total; {@code -1}:
	 * one the store does not hold)
	 */
	private static long[] breakdownIds(List<SortedMap<String, String>> breakdowns, Map<String, Long> ids) {
		return breakdowns.stream().mapToLong((b) -> b.isEmpty() ? 0L : ids.getOrDefault(key(b), -1L)).toArray();
	}

	/**
	 * @return the ids the store holds among these, each once
	 */
	private static long[] stored(long[] breakdownIds) {
		return java.util.Arrays.stream(breakdownIds).filter((id) -> id >= 0).distinct().toArray();
	}

	/**
	 * Like {@link #observedValues(Query)} for several breakdowns of one query at once
	 * (the shares of a key figure): for an indicator read from the store, one statement
	 * for all of them; a derived one reads each as its own query.
	 * @param query what to read (its own breakdown is not used)
	 * @param breakdowns the breakdowns, each dimension to member
	 * @return for each breakdown, in their order, the observed values by region code
	 * (every requested region present)
	 */
	public Mono<List<Map<String, List<Value>>>> observedValues(Query query,
			List<SortedMap<String, String>> breakdowns) {
		java.util.function.Function<SortedMap<String, String>, Query> of = (b) -> new Query(query.indicator(),
				query.regions(), query.periodType(), query.from(), query.to(), b, query.asOf(), query.revisions());
		if (query.indicator().derived() || query.periodType() == null || breakdowns.size() < 2) {
			return reactor.core.publisher.Flux.fromIterable(breakdowns)
				.flatMapSequential((b) -> observedValues(of.apply(b)), 4)
				.collectList();
		}
		return this.breakdowns.get().flatMap((ids) -> {
			long[] known = breakdownIds(breakdowns, ids);
			long[] stored = stored(known);
			Mono<Map<Long, Map<String, List<Value>>>> read = (stored.length == 0) ? Mono.just(Map.of())
					: read(query.indicator().code(), query.regions(), query.periodType(), query.from(), query.to(),
							stored, query.asOf(), query.revisions());
			return read.map((byBreakdown) -> java.util.Arrays.stream(known)
				.mapToObj((id) -> observed(complete(query.regions(), byBreakdown.getOrDefault(id, Map.of()))))
				.toList());
		});
	}

	/**
	 * @return why the run of a value was incomplete, naming the value's table where the
	 * run names none (so that a derived figure's sources find it), or null
	 */
	private static Incompleteness incompleteness(Provenance known, Long run, String sourceTable) {
		Incompleteness i = known.incomplete().get(run);
		return (i != null) ? i.orTable(sourceTable) : null;
	}

	/**
	 * @param codes codes
	 * @return {@code any(?)} over one array parameter: one prepared statement whatever
	 * the number of codes
	 */
	static org.jooq.QuantifiedSelect<org.jooq.Record1<String>> anyOf(Collection<String> codes) {
		return DSL.any(DSL.val(codes.toArray(String[]::new)));
	}

	/**
	 * @param asOf a moment, or null
	 * @return the condition "recorded before asOf" (none for null)
	 */
	static Condition known(OffsetDateTime asOf) {
		return (asOf != null) ? OBSERVATION.RECORDED_AT.lt(asOf) : DSL.noCondition();
	}

	/**
	 * @param asOf only vintages recorded before this moment count, or null for all
	 * @return the row of {@code observation} is its cell's current vintage then: no later
	 * vintage of the cell is known at that moment
	 */
	static Condition current(OffsetDateTime asOf) {
		var later = OBSERVATION.as("later");
		return DSL.notExists(DSL.selectOne()
			.from(later)
			.where(later.INDICATOR_CODE.eq(OBSERVATION.INDICATOR_CODE), later.REGION_CODE.eq(OBSERVATION.REGION_CODE),
					later.BREAKDOWN_ID.eq(OBSERVATION.BREAKDOWN_ID), later.PERIOD_CODE.eq(OBSERVATION.PERIOD_CODE),
					DSL.row(later.RECORDED_AT, later.ID).gt(DSL.row(OBSERVATION.RECORDED_AT, OBSERVATION.ID)),
					(asOf != null) ? later.RECORDED_AT.lt(asOf) : DSL.noCondition()));
	}

	/**
	 * The cells of a read whose vintages (as known at {@code asOf}) hold more than one
	 * distinct value, a missing value counting as one: the figures a source revised. For
	 * a derived indicator, a cell is revised when its numerator or denominator cell is.
	 * In a statement of its own, by grouping the vintages; the reads of the API take the
	 * same from their one statement ({@link Query#withRevisions()}), and are tested
	 * against this one.
	 * @param query what was read
	 * @return keys {@code REGION|PERIOD} of the revised cells
	 */
	public Mono<java.util.Set<String>> revisedCells(Query query) {
		if (query.periodType() == null) {
			return Mono.just(java.util.Set.of());
		}
		IndicatorInfo indicator = query.indicator();
		if (!indicator.derived()) {
			return revised(indicator.code(), query.regions(), query.periodType(), query.from(), query.to(),
					query.breakdown(), query.asOf());
		}
		return this.indicators.require(indicator.denominator(), "indicator").flatMap((denominator) -> {
			Query d = denominatorQuery(query, denominator);
			String denominatorType = d.periodType();
			Mono<java.util.Set<String>> numerators = revised(indicator.numerator(), query.regions(), query.periodType(),
					query.from(), query.to(), query.breakdown(), query.asOf());
			Mono<java.util.Set<String>> denominators = (denominatorType == null) ? Mono.just(java.util.Set.of())
					: revised(denominator.code(), d.regions(), denominatorType, d.from(), d.to(), d.breakdown(),
							d.asOf());
			return Mono.zip(numerators, denominators).flatMap((t) -> {
				if (t.getT2().isEmpty()) {
					return Mono.just(t.getT1());
				}
				// a numerator cell is revised when the denominator cell it is divided by
				// is
				return values(query).map((all) -> {
					java.util.Set<String> result = new java.util.HashSet<>(t.getT1());
					all.forEach((region, list) -> list.forEach((v) -> {
						if (t.getT2().contains(region + "|" + v.period().alignTo(denominatorType).code())) {
							result.add(region + "|" + v.period().code());
						}
					}));
					return result;
				});
			});
		});
	}

	private Mono<java.util.Set<String>> revised(String indicator, Collection<String> regions, String type,
			PeriodCode from, PeriodCode to, SortedMap<String, String> breakdown, OffsetDateTime asOf) {
		return breakdownId(breakdown).flatMap((id) -> {
			if (id < 0) {
				return Mono.just(java.util.Set.<String>of());
			}
			var distinctValues = DSL.countDistinct(OBSERVATION.VALUE)
				.plus(DSL.max(DSL.when(OBSERVATION.VALUE.isNull(), DSL.inline(1)).otherwise(DSL.inline(0))));
			return Queries
				.list(this.dsl.select(OBSERVATION.REGION_CODE, OBSERVATION.PERIOD_CODE)
					.from(OBSERVATION)
					.where(cells(indicator, regions, type, from, to, id, asOf))
					.groupBy(OBSERVATION.REGION_CODE, OBSERVATION.PERIOD_CODE)
					.having(distinctValues.gt(1)))
				.map((rows) -> {
					java.util.Set<String> keys = new java.util.HashSet<>();
					rows.forEach((r) -> keys.add(r.value1() + "|" + r.value2()));
					return keys;
				});
		});
	}

	/**
	 * @return the rows of these cells (all their vintages known at {@code asOf})
	 */
	private static Condition cells(String indicator, Collection<String> regions, String type, PeriodCode from,
			PeriodCode to, long breakdownId, OffsetDateTime asOf) {
		List<Condition> conditions = new ArrayList<>();
		conditions.add(OBSERVATION.INDICATOR_CODE.eq(indicator));
		conditions.add(OBSERVATION.REGION_CODE.eq(anyOf(regions)));
		conditions.add(OBSERVATION.BREAKDOWN_ID.eq(breakdownId));
		conditions.add(OBSERVATION.PERIOD_CODE.like(PeriodCode.likePattern(type)));
		if (from != null) {
			conditions.add(OBSERVATION.PERIOD_CODE.ge(from.code()));
		}
		if (to != null) {
			conditions.add(OBSERVATION.PERIOD_CODE.le(to.code()));
		}
		conditions.add(known(asOf));
		return DSL.and(conditions);
	}

	/**
	 * Like {@link #values}, for uses that compare, rank, fit or map observations
	 * (compare, kerncijfers, trend, map): a forecast value is never one of them, so it is
	 * shown as no value, with {@link #NOT_OBSERVED} as the reason.
	 * @param query what to read
	 * @return the observed values by region code (every requested region present)
	 */
	public Mono<Map<String, List<Value>>> observedValues(Query query) {
		return values(query).map(SeriesService::observed);
	}

	/**
	 * @return the same values, each forecast shown as no value with {@link #NOT_OBSERVED}
	 */
	private static Map<String, List<Value>> observed(Map<String, List<Value>> all) {
		Map<String, List<Value>> observed = new LinkedHashMap<>();
		all.forEach((region, values) -> observed.put(region,
				values.stream()
					.map((v) -> v.forecast() ? new Value(v.period(), null, null, null, v.status(), v.flags(),
							NOT_OBSERVED, v.sourceTable(), v.importRun(), v.recordedAt(), null, null, true) : v)
					.toList()));
		return observed;
	}

	/** Why a forecast has no value where observations are compared, ranked or mapped. */
	public static final String NOT_OBSERVED = "Prognose, geen waarneming / forecast, not an observation";

	/** The footnote of a derived value whose numerator has no value (both languages). */
	static final String NUMERATOR_MISSING = "Teller ontbreekt / numerator missing";

	/**
	 * The footnote of a derived value whose denominator has no value (both languages).
	 */
	static final String DENOMINATOR_MISSING = "Noemer ontbreekt / denominator missing";

	/** The footnote of a derived value whose denominator is zero (both languages). */
	static final String DENOMINATOR_ZERO = "Noemer is nul / denominator is zero";

	/**
	 * Footnotes this service writes, as stored (both languages, for readers that take
	 * them as they are), and the message key that gives each in one language
	 * ({@link Value#footnote(nl.llomonitor.api.Lang)}).
	 */
	private static final Map<String, String> OWN_FOOTNOTES = Map.of(NOT_OBSERVED, "forecast.not-observed",
			NUMERATOR_MISSING, "derived.numerator-missing", DENOMINATOR_MISSING, "derived.denominator-missing",
			DENOMINATOR_ZERO, "derived.denominator-zero", MissingReason.SUM_TERM_MISSING, "sum.term-missing");

	/**
	 * @param stored a footnote as stored, or null
	 * @param lang the reader's language
	 * @return one of the API's own footnotes (a forecast not observed, a derived figure's
	 * missing term, a sum's missing term) in that language; any other as stored (the
	 * source's own words)
	 */
	public static String footnote(String stored, nl.llomonitor.api.Lang lang) {
		String key = (stored != null) ? OWN_FOOTNOTES.get(stored) : null;
		return (key != null) ? nl.llomonitor.api.Messages.get(lang, key) : stored;
	}

	private Mono<Map<String, List<Value>>> onlyObservations(Query query) {
		return values(query).map((all) -> {
			Map<String, List<Value>> observed = new LinkedHashMap<>();
			all.forEach(
					(region, values) -> observed.put(region, values.stream().filter((v) -> !v.forecast()).toList()));
			return observed;
		});
	}

	/**
	 * An indicator's observed values followed by those of a forecast indicator for the
	 * periods after its last observation: where both cover a period, the observation
	 * wins. The forecast's values keep {@code forecast = true}.
	 * @param query what to read (the observed indicator)
	 * @param forecast the forecast indicator (same unit and period type)
	 * @return values by region code, by period
	 */
	public Mono<Map<String, List<Value>>> withForecast(Query query, IndicatorInfo forecast) {
		Query forecastQuery = new Query(forecast, query.regions(), query.periodType(), query.from(), query.to(),
				new TreeMap<>(), query.asOf());
		return Mono.zip(onlyObservations(query), values(forecastQuery)).map((t) -> {
			Map<String, List<Value>> result = new LinkedHashMap<>();
			t.getT1().forEach((region, observed) -> {
				// the forecast follows the last observation with a value; observed
				// periods after it without a value (not published yet) give way to the
				// forecast, marked as such; gaps before it stay gaps
				PeriodCode last = observed.stream()
					.filter((v) -> v.value() != null)
					.map(Value::period)
					.max(Comparator.naturalOrder())
					.orElse(null);
				List<Value> merged = new ArrayList<>(
						observed.stream().filter((v) -> last != null && v.period().compareTo(last) <= 0).toList());
				t.getT2()
					.getOrDefault(region, List.of())
					.stream()
					.filter((v) -> v.forecast() && (last == null || v.period().compareTo(last) > 0))
					.forEach(merged::add);
				merged.sort(Comparator.comparing(Value::period));
				result.put(region, List.copyOf(merged));
			});
			return result;
		});
	}

	/**
	 * A source table declared a forecast.
	 *
	 * @param table the table id (82220NED)
	 * @param baseYear the forecast's base year, null when not declared
	 * @param title the table's title
	 */
	public record ForecastTable(String table, Integer baseYear, String title) {
	}

	/**
	 * @return the source tables declared forecasts ({@code source_table_kind}), by id
	 */
	public Mono<Map<String, ForecastTable>> forecastTables() {
		return this.provenance.get().map(Provenance::forecasts);
	}

	/**
	 * @return the condition "the row's source table is not declared a forecast", as one
	 * array parameter (the same statement whatever the number of forecast tables)
	 */
	private static Condition notForecast(Provenance provenance) {
		return OBSERVATION.SOURCE_TABLE.ne(DSL.all(DSL.val(provenance.forecastIds())));
	}

	private static String abbreviate(String s) {
		return (s.length() > 60) ? s.substring(0, 60) + "…" : s;
	}

}
