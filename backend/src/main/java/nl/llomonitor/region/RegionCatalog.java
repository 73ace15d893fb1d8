package nl.llomonitor.region;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.VersionedCache;
import nl.llomonitor.system.Queries;
import org.jooq.DSLContext;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import static nl.llomonitor.db.Tables.REGION;
import static nl.llomonitor.db.Tables.REGION_LEVEL;
import static nl.llomonitor.db.Tables.REGION_PARENT;

/**
 * All regions with their levels, names and ancestors, loaded once per data version.
 */
@Service
public class RegionCatalog {

	private final DSLContext dsl;

	private final VersionedCache<Snapshot> cache;

	RegionCatalog(DSLContext dsl, DataChangeListener versions) {
		this.dsl = dsl;
		this.cache = new VersionedCache<>(versions, this::load);
	}

	/**
	 * One region.
	 *
	 * @param code CBS code, e.g. PV26
	 * @param level level code, e.g. provincie
	 * @param rank level rank (1 = land)
	 * @param nameNl Dutch name
	 * @param nameEn English name
	 * @param current whether it exists today
	 * @param parents all ancestors, highest level first
	 */
	public record Region(String code, String level, int rank, String nameNl, String nameEn, boolean current,
			List<String> parents) {

		public String name(Lang lang) {
			return lang.pick(this.nameNl, this.nameEn);
		}

		public RegionRef ref(Lang lang) {
			return new RegionRef(this.code, name(lang), this.level);
		}

	}

	/**
	 * @param regions by code, in level and code order
	 * @param levels level codes by rank
	 */
	public record Snapshot(Map<String, Region> regions, List<String> levels) {
	}

	public Mono<Snapshot> snapshot() {
		return this.cache.get();
	}

	/**
	 * @param code a region code (case-insensitive, surrounding blanks ignored)
	 * @param parameter the request parameter it came from
	 * @return the region, or a 404 unknown-region
	 */
	public Mono<Region> require(String code, String parameter) {
		return snapshot().map((s) -> lookup(s, code, parameter));
	}

	/**
	 * @param codes region codes
	 * @param parameter the request parameter they came from
	 * @return the regions in the order given, or a 404 for the first unknown one
	 */
	public Mono<List<Region>> requireAll(List<String> codes, String parameter) {
		return snapshot().map((s) -> codes.stream().map((c) -> lookup(s, c, parameter)).toList());
	}

	static Region lookup(Snapshot snapshot, String code, String parameter) {
		Region region = snapshot.regions().get(normalize(code));
		if (region == null) {
			throw ApiException.unknownRegion(code, parameter);
		}
		return region;
	}

	static String normalize(String code) {
		return (code != null) ? code.trim().toUpperCase(Locale.ROOT) : "";
	}

	private Mono<Snapshot> load() {
		LocalDate today = LocalDate.now();
		Mono<List<String>> levels = Queries
			.flux(this.dsl.select(REGION_LEVEL.CODE).from(REGION_LEVEL).orderBy(REGION_LEVEL.RANK))
			.map((r) -> r.value1())
			.collectList();
		Mono<Map<String, List<String>>> links = Queries
			.flux(this.dsl.select(REGION_PARENT.CHILD_CODE, REGION_PARENT.PARENT_CODE)
				.from(REGION_PARENT)
				.where(REGION_PARENT.VALID_FROM.le(today))
				.and(REGION_PARENT.VALID_TO.isNull().or(REGION_PARENT.VALID_TO.gt(today))))
			.collectMultimap((r) -> r.value1(), (r) -> r.value2())
			.map((m) -> {
				Map<String, List<String>> copy = new HashMap<>();
				m.forEach((k, v) -> copy.put(k, List.copyOf(v)));
				return copy;
			});
		Mono<List<org.jooq.Record6<String, String, Short, String, String, Boolean>>> rows = Queries
			.flux(this.dsl
				.select(REGION.CODE, REGION.LEVEL, REGION_LEVEL.RANK, REGION.NAME_NL, REGION.NAME_EN,
						REGION.VALID_TO.isNull().or(REGION.VALID_TO.gt(today)).as("current"))
				.from(REGION)
				.join(REGION_LEVEL)
				.on(REGION_LEVEL.CODE.eq(REGION.LEVEL))
				.orderBy(REGION_LEVEL.RANK, REGION.CODE))
			.collectList();
		return Mono.zip(levels, links, rows).map((t) -> {
			Map<String, Integer> rank = new HashMap<>();
			t.getT3().forEach((r) -> rank.put(r.value1(), r.value3().intValue()));
			Map<String, Region> regions = new LinkedHashMap<>();
			for (var r : t.getT3()) {
				List<String> ancestors = ancestors(r.value1(), t.getT2());
				ancestors.sort(Comparator.comparing((String c) -> rank.getOrDefault(c, 99)).thenComparing((c) -> c));
				regions.put(r.value1(), new Region(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
						Boolean.TRUE.equals(r.value6()), List.copyOf(ancestors)));
			}
			return new Snapshot(regions, t.getT1());
		});
	}

	private static List<String> ancestors(String code, Map<String, List<String>> links) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> todo = new ArrayDeque<>(links.getOrDefault(code, List.of()));
		while (!todo.isEmpty()) {
			String next = todo.pop();
			if (!next.equals(code) && seen.add(next)) {
				todo.addAll(links.getOrDefault(next, List.of()));
			}
		}
		return new ArrayList<>(seen);
	}

}
