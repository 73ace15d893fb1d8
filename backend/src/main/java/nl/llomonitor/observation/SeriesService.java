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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.indicator.IndicatorCatalog;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.system.Queries;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;

import org.springframework.stereotype.Service;

import static nl.llomonitor.db.Tables.BREAKDOWN;
import static nl.llomonitor.db.Tables.OBSERVATION;

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

	private static final List<String> STATUS_ORDER = List.of("definitief", "nader_voorlopig", "voorlopig");

	private final DSLContext dsl;

	private final IndicatorCatalog indicators;

	SeriesService(DSLContext dsl, IndicatorCatalog indicators) {
		this.dsl = dsl;
		this.indicators = indicators;
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
			PeriodCode to, SortedMap<String, String> breakdown, OffsetDateTime asOf) {
	}

	/**
	 * One value of a series.
	 *
	 * @param period the period
	 * @param value the value, null if suppressed or missing
	 * @param marginLow lower bound of the published 95 % interval
	 * @param marginHigh upper bound of the published 95 % interval
	 * @param status definitief, nader_voorlopig or voorlopig
	 * @param flags Eurostat-style flags (b, u, e)
	 * @param footnote why a value is missing, or a remark
	 * @param sourceTable source table(s)
	 * @param importRun the import run of the vintage used (null if derived)
	 * @param recordedAt when the vintage used became known
	 * @param numerator numerator value of a derived figure
	 * @param denominator denominator value of a derived figure
	 */
	public record Value(PeriodCode period, BigDecimal value, BigDecimal marginLow, BigDecimal marginHigh, String status,
			String flags, String footnote, String sourceTable, Long importRun, OffsetDateTime recordedAt,
			BigDecimal numerator, BigDecimal denominator) {
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
		return type;
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
		if (periodType != null || from != null || to != null) {
			return Mono.fromCallable(() -> java.util.Optional.ofNullable(periodType(indicator, periodType, from, to)));
		}
		// the breakdown's own finest type: the totals may have quarters where it has
		// years
		return breakdownId(breakdown).flatMap((id) -> finestPeriodType(indicator, regions, (id >= 0) ? id : null))
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.ofNullable(indicator.defaultPeriodType()));
	}

	/**
	 * The finest period type with data for these regions: an indicator can have quarters
	 * for provinces but only years for arbeidsmarktregio's (85268NED / 86088NED).
	 * @param indicator the indicator
	 * @param regions region codes
	 * @return year, quarter or month; empty without any data for these regions
	 */
	public Mono<String> finestPeriodType(IndicatorInfo indicator, List<String> regions) {
		return finestPeriodType(indicator, regions, null);
	}

	/**
	 * @param breakdownId only the cells of this breakdown; null for any
	 */
	private Mono<String> finestPeriodType(IndicatorInfo indicator, List<String> regions, Long breakdownId) {
		if (indicator.periodTypes().size() <= 1 || regions.isEmpty()) {
			return Mono.justOrEmpty(indicator.defaultPeriodType());
		}
		String dataCode = indicator.derived() ? indicator.numerator() : indicator.code();
		var kind = DSL.substring(OBSERVATION.PERIOD_CODE, 5, 2);
		return Queries
			.list(this.dsl.selectDistinct(kind)
				.from(OBSERVATION)
				.where(OBSERVATION.INDICATOR_CODE.eq(dataCode), OBSERVATION.REGION_CODE.in(regions),
						OBSERVATION.VALUE.isNotNull(),
						(breakdownId != null) ? OBSERVATION.BREAKDOWN_ID.eq(breakdownId) : DSL.noCondition()))
			.flatMap((rows) -> {
				java.util.Set<String> kinds = new java.util.HashSet<>();
				rows.forEach((r) -> kinds.add(r.value1()));
				for (String type : PeriodCode.TYPES) {
					if (kinds.contains(PeriodCode.likePattern(type).substring(4, 6))) {
						return Mono.just(type);
					}
				}
				return Mono.empty();
			});
	}

	/**
	 * The latest period with a value for any of these regions, of the finest period type
	 * they have, for this breakdown. Used when a request names no period.
	 * @param indicator the indicator (a derived one: its numerator decides)
	 * @param regions region codes
	 * @param breakdown dimension to member; empty for the totals
	 * @return the period; empty without any data
	 */
	public Mono<PeriodCode> latestPeriod(IndicatorInfo indicator, List<String> regions,
			SortedMap<String, String> breakdown) {
		if (regions.isEmpty()) {
			return Mono.empty();
		}
		String dataCode = indicator.derived() ? indicator.numerator() : indicator.code();
		// the finest period type of this breakdown: the totals may have quarters where a
		// breakdown has years only
		return breakdownId(breakdown).filter((id) -> id >= 0)
			.flatMap((id) -> finestPeriodType(indicator, regions, id).map((type) -> Tuples.of(type, id)))
			// all rows are read (never cancelled half-way), so the connection always
			// goes back
			.flatMap((t) -> Queries.list(this.dsl.select(DSL.max(OBSERVATION.PERIOD_CODE))
				.from(OBSERVATION)
				.where(OBSERVATION.INDICATOR_CODE.eq(dataCode), OBSERVATION.BREAKDOWN_ID.eq(t.getT2()),
						OBSERVATION.REGION_CODE.in(regions), OBSERVATION.VALUE.isNotNull(),
						OBSERVATION.PERIOD_CODE.like(PeriodCode.likePattern(t.getT1())))))
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
			return source(indicator.code(), query.regions(), query.periodType(), query.from(), query.to(),
					query.breakdown(), query.asOf())
				.map((found) -> complete(query.regions(), found));
		}
		return this.indicators.require(indicator.denominator(), "indicator").flatMap((denominator) -> {
			String denominatorType = denominator.periodTypes().contains(query.periodType()) ? query.periodType()
					: denominator.periodTypes()
						.stream()
						.filter((t) -> PeriodCode.TYPES.indexOf(t) < PeriodCode.TYPES.indexOf(query.periodType()))
						.findFirst()
						.orElse(null);
			SortedMap<String, String> denominatorBreakdown = new TreeMap<>(query.breakdown());
			denominatorBreakdown.keySet().retainAll(denominator.dimensions().keySet());
			Mono<Map<String, List<Value>>> numerators = source(indicator.numerator(), query.regions(),
					query.periodType(), query.from(), query.to(), query.breakdown(), query.asOf());
			Mono<Map<String, List<Value>>> denominators = (denominatorType == null) ? Mono.just(Map.of())
					: source(denominator.code(), query.regions(), denominatorType,
							(query.from() != null) ? query.from().alignTo(denominatorType) : null,
							(query.to() != null) ? query.to().alignTo(denominatorType) : null, denominatorBreakdown,
							query.asOf());
			return Mono.zip(numerators, denominators)
				.map((t) -> complete(query.regions(), derive(indicator, denominatorType, t.getT1(), t.getT2())));
		});
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
				if (n.value() == null || d == null || d.value() == null) {
					footnote = (n.value() == null) ? "Teller ontbreekt / numerator missing"
							: "Noemer ontbreekt / denominator missing";
				}
				else if (d.value().signum() == 0) {
					footnote = "Noemer is nul / denominator is zero";
				}
				else {
					value = n.value()
						.multiply(multiplier)
						.divide(d.value(), MathContext.DECIMAL64)
						.setScale(indicator.decimals(), RoundingMode.HALF_UP);
				}
				String status = worst(n.status(), (d != null) ? d.status() : null);
				String flags = mergeFlags(n.flags(), (d != null) ? d.flags() : "");
				String table = n.sourceTable() + ((d != null) ? " / " + d.sourceTable() : "");
				OffsetDateTime recorded = (d == null || n.recordedAt().isAfter(d.recordedAt())) ? n.recordedAt()
						: d.recordedAt();
				derived.add(new Value(n.period(), value, null, null, status, flags, footnote, table, null, recorded,
						n.value(), (d != null) ? d.value() : null));
			}
			result.put(region, derived);
		});
		return result;
	}

	private static String worst(String a, String b) {
		if (b == null) {
			return a;
		}
		return (STATUS_ORDER.indexOf(a) >= STATUS_ORDER.indexOf(b)) ? a : b;
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
		return Queries.flux(this.dsl.select(BREAKDOWN.ID).from(BREAKDOWN).where(BREAKDOWN.KEY.eq(key(breakdown))))
			.collectList()
			.map((rows) -> rows.isEmpty() ? -1L : rows.get(0).value1());
	}

	private Mono<Map<String, List<Value>>> source(String indicator, Collection<String> regions, String type,
			PeriodCode from, PeriodCode to, SortedMap<String, String> breakdown, OffsetDateTime asOf) {
		return breakdownId(breakdown).flatMap((id) -> (id < 0) ? Mono.just(Map.<String, List<Value>>of())
				: read(indicator, regions, type, from, to, id, asOf));
	}

	private Mono<Map<String, List<Value>>> read(String indicator, Collection<String> regions, String type,
			PeriodCode from, PeriodCode to, long breakdownId, OffsetDateTime asOf) {
		List<Condition> conditions = new ArrayList<>();
		conditions.add(OBSERVATION.INDICATOR_CODE.eq(indicator));
		conditions.add(OBSERVATION.REGION_CODE.in(regions));
		conditions.add(OBSERVATION.BREAKDOWN_ID.eq(breakdownId));
		conditions.add(OBSERVATION.PERIOD_CODE.like(PeriodCode.likePattern(type)));
		if (from != null) {
			conditions.add(OBSERVATION.PERIOD_CODE.ge(from.code()));
		}
		if (to != null) {
			conditions.add(OBSERVATION.PERIOD_CODE.le(to.code()));
		}
		if (asOf != null) {
			conditions.add(OBSERVATION.RECORDED_AT.lt(asOf));
		}
		return Queries
			.flux(this.dsl.selectDistinct(OBSERVATION.REGION_CODE, OBSERVATION.PERIOD_CODE, OBSERVATION.VALUE,
					OBSERVATION.MARGIN_LOW, OBSERVATION.MARGIN_HIGH, OBSERVATION.STATUS, OBSERVATION.FLAGS,
					OBSERVATION.FOOTNOTE, OBSERVATION.SOURCE_TABLE, OBSERVATION.IMPORT_RUN_ID, OBSERVATION.RECORDED_AT)
				.on(OBSERVATION.REGION_CODE, OBSERVATION.PERIOD_CODE)
				.from(OBSERVATION)
				.where(DSL.and(conditions))
				.orderBy(OBSERVATION.REGION_CODE, OBSERVATION.PERIOD_CODE, OBSERVATION.RECORDED_AT.desc(),
						OBSERVATION.ID.desc()))
			.map((r) -> Map.entry(r.value1(),
					new Value(PeriodCode.of(r.value2()), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
							r.value8(), r.value9(), r.value10(), r.value11(), null, null)))
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map((m) -> {
				// the limit holds when 'from' or 'to' is omitted too: never more periods
				// than a request may ask for explicitly
				long periods = m.values().stream().flatMap(Collection::stream).map(Value::period).distinct().count();
				if (periods > MAX_PERIODS) {
					throw ApiException.rangeTooWide((from == null) ? "from" : "to",
							"At most " + MAX_PERIODS
									+ " periods per request; without 'from' and 'to' this series spans " + periods
									+ "; give 'from' and 'to'.");
				}
				Map<String, List<Value>> sorted = new HashMap<>();
				m.forEach((region, values) -> sorted.put(region,
						values.stream().sorted(Comparator.comparing(Value::period)).toList()));
				return sorted;
			});
	}

	private static String abbreviate(String s) {
		return (s.length() > 60) ? s.substring(0, 60) + "…" : s;
	}

}
