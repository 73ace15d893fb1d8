package nl.llomonitor.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.cube.PeriodType;
import nl.llomonitor.cube.ValueClass;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.VersionedCache;
import nl.llomonitor.system.Queries;
import org.jooq.DSLContext;
import org.jooq.Record;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import static nl.llomonitor.db.Tables.INDICATOR;
import static nl.llomonitor.db.Tables.SOURCE;
import static nl.llomonitor.db.Tables.SOURCE_TABLE_KIND;

/**
 * Every indicator with its available breakdowns, period types and region levels, loaded
 * once per data version. A derived indicator has what its numerator has.
 */
@Service
public class IndicatorCatalog {

	private static final List<String> TYPE_ORDER = PeriodType.CODES;

	private static final tools.jackson.databind.json.JsonMapper CLASSES_JSON = tools.jackson.databind.json.JsonMapper
		.builder()
		.build();

	static {
		// the value classes' deserializer is built (its classes loaded) here, at start:
		// the catalog is read on an event-loop thread, where the first read would load
		// classes from the jar, a blocking call (BlockHound saw it)
		classes(org.jooq.JSONB.valueOf("[{\"code\":\"a\",\"nameNl\":\"A\",\"nameEn\":\"A\",\"below\":1},"
				+ "{\"code\":\"b\",\"nameNl\":\"B\",\"nameEn\":\"B\"}]"));
	}

	private final DSLContext dsl;

	private final VersionedCache<Map<String, IndicatorInfo>> cache;

	IndicatorCatalog(DSLContext dsl, DataChangeListener versions) {
		this.dsl = dsl;
		this.cache = new VersionedCache<>(versions, this::load);
	}

	/**
	 * @return all indicators by code, in code order
	 */
	public Mono<Map<String, IndicatorInfo>> all() {
		return this.cache.get();
	}

	/**
	 * @param code indicator code
	 * @param parameter request parameter it came from
	 * @return the indicator or a 404 unknown-indicator
	 */
	public Mono<IndicatorInfo> require(String code, String parameter) {
		if (code == null || code.isBlank()) {
			return Mono.error(ApiException.invalidParameter(parameter, "Parameter '" + parameter + "' is required."));
		}
		String normalized = code.trim().toLowerCase(Locale.ROOT);
		return all().map((all) -> {
			IndicatorInfo info = all.get(normalized);
			if (info == null) {
				throw ApiException.unknownIndicator(code, parameter);
			}
			return info;
		});
	}

	private Mono<Map<String, IndicatorInfo>> load() {
		Mono<List<Record>> indicators = Queries.flux(this.dsl.selectFrom(INDICATOR).orderBy(INDICATOR.CODE))
			.map((r) -> (Record) r)
			.collectList();
		// what the store covers, from observation_coverage (kept by triggers on
		// observation): the same answer as grouping every observation, without reading
		// them
		Mono<List<Record>> availability = Queries.list(this.dsl.resultQuery("""
				select c.indicator_code, c.period_type, r.level, l.rank, min(c.first_valued) as first,
				       max(c.last_valued) as last
				from observation_coverage c join region r on r.code = c.region_code
				join region_level l on l.code = r.level
				where c.first_valued is not null
				group by c.indicator_code, c.period_type, r.level, l.rank"""));
		Mono<List<Record>> members = Queries.list(this.dsl.resultQuery("""
				select distinct used.indicator_code, bm.dimension_code, bm.member_code, dm.name_nl, dm.name_en,
				       dm.sort_order, d.name_nl as dim_nl, d.name_en as dim_en
				from (select distinct indicator_code, breakdown_id from observation_coverage_breakdown
				      where breakdown_id <> 0) used
				join breakdown_member bm on bm.breakdown_id = used.breakdown_id
				join dimension_member dm on dm.dimension_code = bm.dimension_code and dm.code = bm.member_code
				join dimension d on d.code = bm.dimension_code"""));
		// the total member of each dimension that has one (is_total): not a breakdown
		// member, but the series without the dimension
		Mono<Map<String, IndicatorInfo.Member>> totals = Queries.list(this.dsl.resultQuery("""
				select dimension_code, code, name_nl, name_en from dimension_member where is_total
				order by dimension_code, sort_order, code""")).map((rows) -> {
			Map<String, IndicatorInfo.Member> byDimension = new HashMap<>();
			for (Record r : rows) {
				byDimension.putIfAbsent(r.get("dimension_code", String.class), new IndicatorInfo.Member(
						r.get("code", String.class), r.get("name_nl", String.class), r.get("name_en", String.class)));
			}
			return byDimension;
		});
		Mono<Map<String, String>> surveys = Queries
			.flux(this.dsl.select(SOURCE.TABLE_ID, SOURCE.SURVEY).from(SOURCE).where(SOURCE.SURVEY.isNotNull()))
			.collectMap((r) -> r.value1().toLowerCase(java.util.Locale.ROOT), (r) -> r.value2());
		Mono<Set<String>> forecasts = Queries
			.flux(this.dsl.select(SOURCE_TABLE_KIND.TABLE_ID)
				.from(SOURCE_TABLE_KIND)
				.where(SOURCE_TABLE_KIND.KIND.eq("forecast")))
			.map((r) -> r.value1().toLowerCase(java.util.Locale.ROOT))
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
		return Mono.zip(indicators, availability, members, surveys, forecasts, totals)
			.map((t) -> build(t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6()));
	}

	private static Map<String, IndicatorInfo> build(List<Record> indicators, List<Record> availability,
			List<Record> members, Map<String, String> surveys, Set<String> forecasts,
			Map<String, IndicatorInfo.Member> totals) {
		Map<String, String> tables = new HashMap<>();
		for (Record r : indicators) {
			String table = r.get(INDICATOR.SOURCE_TABLE);
			if (table != null) {
				tables.put(r.get(INDICATOR.CODE), table.toLowerCase(java.util.Locale.ROOT));
			}
		}
		Map<String, Set<String>> types = new HashMap<>();
		Map<String, Map<String, String[]>> ranges = new HashMap<>();
		Map<String, Map<String, Integer>> levels = new HashMap<>();
		for (Record r : availability) {
			String code = r.get("indicator_code", String.class);
			String type = r.get("period_type", String.class);
			types.computeIfAbsent(code, (k) -> new LinkedHashSet<>()).add(type);
			levels.computeIfAbsent(code, (k) -> new HashMap<>())
				.put(r.get("level", String.class), r.get("rank", Integer.class));
			String first = r.get("first", String.class);
			String last = r.get("last", String.class);
			ranges.computeIfAbsent(code, (k) -> new HashMap<>())
				.merge(type, new String[] { first, last }, (a, b) -> new String[] {
						(a[0].compareTo(b[0]) <= 0) ? a[0] : b[0], (a[1].compareTo(b[1]) >= 0) ? a[1] : b[1] });
		}
		Map<String, Map<String, DimBuilder>> dims = new HashMap<>();
		for (Record r : members) {
			String code = r.get("indicator_code", String.class);
			String dim = r.get("dimension_code", String.class);
			DimBuilder builder = dims.computeIfAbsent(code, (k) -> new HashMap<>())
				.computeIfAbsent(dim,
						(k) -> new DimBuilder(dim, r.get("dim_nl", String.class), r.get("dim_en", String.class)));
			builder.members.add(new SortedMember(r.get("sort_order", Integer.class),
					new IndicatorInfo.Member(r.get("member_code", String.class), r.get("name_nl", String.class),
							r.get("name_en", String.class))));
		}
		Map<String, IndicatorInfo> result = new LinkedHashMap<>();
		for (Record r : indicators) {
			String code = r.get(INDICATOR.CODE);
			String numerator = r.get(INDICATOR.NUMERATOR_CODE);
			String denominator = r.get(INDICATOR.DENOMINATOR_CODE);
			String dataCode = (numerator != null) ? numerator : code;
			List<String> periodTypes = new ArrayList<>(types.getOrDefault(dataCode, Set.of()));
			periodTypes.sort(Comparator.comparing(TYPE_ORDER::indexOf));
			Map<String, List<String>> periodRanges = new LinkedHashMap<>();
			ranges.getOrDefault(dataCode, Map.of()).forEach((type, range) -> periodRanges.put(type, List.of(range)));
			Map<String, Integer> levelRanks = new HashMap<>(levels.getOrDefault(dataCode, Map.of()));
			if (denominator != null) {
				levelRanks.keySet().retainAll(levels.getOrDefault(denominator, Map.of()).keySet());
			}
			List<String> regionLevels = levelRanks.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByValue())
				.map(Map.Entry::getKey)
				.toList();
			Map<String, IndicatorInfo.Dimension> dimensions = new LinkedHashMap<>();
			dims.getOrDefault(dataCode, Map.of())
				.values()
				.stream()
				.sorted(Comparator.comparing((DimBuilder d) -> d.code))
				.forEach((d) -> dimensions.put(d.code, d.build(totals.get(d.code))));
			// a derived figure is a forecast where its numerator or denominator is one
			// (as each of its values is: SeriesService.derive)
			boolean forecast = forecasts.contains(tables.getOrDefault(dataCode, ""))
					|| (denominator != null && forecasts.contains(tables.getOrDefault(denominator, "")));
			result.put(code,
					new IndicatorInfo(code, r.get(INDICATOR.NAME_NL), r.get(INDICATOR.NAME_EN), r.get(INDICATOR.UNIT),
							r.get(INDICATOR.DECIMALS), r.get(INDICATOR.DEFINITION_NL), r.get(INDICATOR.DEFINITION_EN),
							r.get(INDICATOR.EXPLANATION_NL), r.get(INDICATOR.EXPLANATION_EN),
							r.get(INDICATOR.SOURCE_TABLE), r.get(INDICATOR.HIGHER_IS_BETTER),
							Boolean.TRUE.equals(r.get(INDICATOR.SEASONALLY_ADJUSTED)), numerator, denominator,
							r.get(INDICATOR.MULTIPLIER), dimensions, List.copyOf(periodTypes), periodRanges,
							regionLevels, roles(r, surveys, tables, forecast)));
		}
		return result;
	}

	private static IndicatorInfo.Roles roles(Record r, Map<String, String> surveys, Map<String, String> tables,
			boolean forecast) {
		Set<String> behind = new java.util.TreeSet<>();
		for (String code : java.util.Arrays.asList(r.get(INDICATOR.CODE), r.get(INDICATOR.NUMERATOR_CODE),
				r.get(INDICATOR.DENOMINATOR_CODE))) {
			String survey = (code != null && tables.containsKey(code)) ? surveys.get(tables.get(code)) : null;
			if (survey != null) {
				behind.add(survey);
			}
		}
		Short order = r.get(INDICATOR.KERNCIJFER_ORDER);
		String[] shares = r.get(INDICATOR.SHARE_DIMENSIONS);
		return new IndicatorInfo.Roles((order != null) ? order.intValue() : null,
				Boolean.TRUE.equals(r.get(INDICATOR.KERNCIJFER_FALLBACK)),
				(shares != null) ? List.of(shares) : List.of(), r.get(INDICATOR.SAMPLE_BASE), Set.copyOf(behind),
				forecast, classes(r.get(INDICATOR.CLASSES)));
	}

	/** The value classes stored by the catalog load (migration V15), or none. */
	private static List<ValueClass> classes(org.jooq.JSONB json) {
		if (json == null) {
			return List.of();
		}
		return ValueClass.checked(List.of(CLASSES_JSON.readValue(json.data(), ValueClass[].class)));
	}

	private record SortedMember(int sort, IndicatorInfo.Member member) {
	}

	private static final class DimBuilder {

		final String code;

		final String nameNl;

		final String nameEn;

		final List<SortedMember> members = new ArrayList<>();

		DimBuilder(String code, String nameNl, String nameEn) {
			this.code = code;
			this.nameNl = nameNl;
			this.nameEn = nameEn;
		}

		IndicatorInfo.Dimension build(IndicatorInfo.Member total) {
			List<IndicatorInfo.Member> sorted = this.members.stream()
				.distinct()
				.sorted(Comparator.comparingInt(SortedMember::sort).thenComparing((m) -> m.member().code()))
				.map(SortedMember::member)
				.distinct()
				.toList();
			return new IndicatorInfo.Dimension(this.code, this.nameNl, this.nameEn, sorted, total);
		}

	}

}
