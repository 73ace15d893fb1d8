package nl.llomonitor.region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.llomonitor.api.ApiException;
import nl.llomonitor.api.Lang;
import nl.llomonitor.api.Messages;
import nl.llomonitor.system.DataChangeListener;
import nl.llomonitor.system.VersionedCache;
import nl.llomonitor.system.Queries;
import org.jooq.DSLContext;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import static nl.llomonitor.db.Tables.REGION;
import static nl.llomonitor.db.Tables.REGION_LEVEL;
import static nl.llomonitor.db.Tables.REGION_NAME;
import static nl.llomonitor.db.Tables.REGION_PARENT;

/**
 * All regions with their levels, names and the direct links of every edition, loaded once
 * per data version.
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
	 * @param parents its direct parents today (links of the edition valid today: a
	 * gemeente's provincie, COROP area, arbeidsmarktregio, landsdeel and NL01), highest
	 * level first
	 * @param validFrom first day it exists (its first edition)
	 * @param validTo the day an edition ended it (exclusive), or null
	 */
	public record Region(String code, String level, int rank, String nameNl, String nameEn, boolean current,
			List<String> parents, LocalDate validFrom, LocalDate validTo) {

		public String name(Lang lang) {
			return lang.pick(this.nameNl, this.nameEn);
		}

		public RegionRef ref(Lang lang) {
			return new RegionRef(this.code, name(lang), this.level);
		}

		/**
		 * @return this region with its level after its name in both languages ("Utrecht
		 * (gemeente)", "Utrecht (municipality)"), for sentences that must tell it from a
		 * region of another level with the same name
		 */
		public Region withLevelInName() {
			return new Region(this.code, this.level, this.rank,
					this.nameNl + " (" + Messages.getOrDefault(Lang.NL, "level." + this.level, this.level) + ")",
					this.nameEn + " (" + Messages.getOrDefault(Lang.EN, "level." + this.level, this.level) + ")",
					this.current, this.parents, this.validFrom, this.validTo);
		}

		/**
		 * @param date a date
		 * @return whether the region exists on that date (from its first edition until an
		 * edition ends it)
		 */
		public boolean existsOn(LocalDate date) {
			return within(this.validFrom, this.validTo, date);
		}

	}

	/**
	 * @param from first day
	 * @param to the day after the last, or null while it holds
	 * @param date a date
	 * @return whether the span from {@code from} to {@code to} holds on the date
	 */
	static boolean within(LocalDate from, LocalDate to, LocalDate date) {
		return !from.isAfter(date) && (to == null || to.isAfter(date));
	}

	/**
	 * A direct containment link of an edition.
	 *
	 * @param child the contained region
	 * @param parent the containing region
	 * @param validFrom first day of the link
	 * @param validTo the day a later edition ended it (exclusive), null while valid
	 */
	public record Link(String child, String parent, LocalDate validFrom, LocalDate validTo) {

		boolean validOn(LocalDate date) {
			return within(this.validFrom, this.validTo, date);
		}

	}

	/**
	 * A region's names in a span of editions.
	 *
	 * @param validFrom first day (inclusive)
	 * @param validTo the day a later edition renamed it (exclusive), or null
	 * @param nameNl Dutch name
	 * @param nameEn English name
	 */
	public record Name(LocalDate validFrom, LocalDate validTo, String nameNl, String nameEn) {

		boolean validOn(LocalDate date) {
			return within(this.validFrom, this.validTo, date);
		}

	}

	/**
	 * @param regions by code, in level and code order; parents as valid today
	 * @param levels level codes by rank
	 * @param links every direct link of every edition, by child code
	 * @param parents every code that is some region's parent in some edition
	 * @param names the names of every edition by code, oldest first, a span per name
	 * (consecutive spans with the same names joined)
	 */
	public record Snapshot(Map<String, Region> regions, List<String> levels, Map<String, List<Link>> links,
			Set<String> parents, Map<String, List<Name>> names) {

		/**
		 * @param regions by code
		 * @param levels level codes by rank
		 * @param links every direct link of every edition, by child code
		 */
		public Snapshot(Map<String, Region> regions, List<String> levels, Map<String, List<Link>> links) {
			this(regions, levels, links, Map.of());
		}

		/**
		 * @param regions by code
		 * @param levels level codes by rank
		 * @param links every direct link of every edition, by child code
		 * @param names the names of every edition by code, oldest first
		 */
		public Snapshot(Map<String, Region> regions, List<String> levels, Map<String, List<Link>> links,
				Map<String, List<Name>> names) {
			this(regions, levels, links,
					links.values()
						.stream()
						.flatMap(List::stream)
						.map(Link::parent)
						.collect(java.util.stream.Collectors.toUnmodifiableSet()),
					names);
		}

		/**
		 * @param code a region code
		 * @return its names by span, oldest first; empty when the store dates none
		 */
		public List<Name> namesOf(String code) {
			return this.names.getOrDefault(code, List.of());
		}

		/**
		 * @param region a region
		 * @param date a date
		 * @return the region with the names of the edition valid on that date: before its
		 * first named span the first names, else the last names it had by then (a region
		 * that ended keeps the names it ended with); itself when the store dates no names
		 * for it
		 */
		public Region namedOn(Region region, LocalDate date) {
			List<Name> spans = namesOf(region.code());
			if (spans.isEmpty()) {
				return region;
			}
			// on a date no span covers (before its first name, or between two editions
			// that named it), the name it last had before, else its first
			Name name = spans.stream()
				.filter((n) -> n.validOn(date))
				.findFirst()
				.orElseGet(() -> spans.stream()
					.filter((n) -> !n.validFrom().isAfter(date))
					.reduce((a, b) -> b)
					.orElse(spans.get(0)));
			if (name.nameNl().equals(region.nameNl()) && name.nameEn().equals(region.nameEn())) {
				return region;
			}
			return new Region(region.code(), region.level(), region.rank(), name.nameNl(), name.nameEn(),
					region.current(), region.parents(), region.validFrom(), region.validTo());
		}

		/**
		 * @param today the date of today
		 * @return the date on which the newest edition the store holds answers: the last
		 * day any edition starts or ends a region, a link or a name, or today when that
		 * lies before it (an edition published ahead, such as the gemeenten of next
		 * January, answers from its own date on)
		 */
		public LocalDate newestEdition(LocalDate today) {
			LocalDate newest = today;
			for (Region r : this.regions.values()) {
				newest = later(later(newest, r.validFrom()), r.validTo());
			}
			for (List<Link> each : this.links.values()) {
				for (Link l : each) {
					newest = later(later(newest, l.validFrom()), l.validTo());
				}
			}
			for (List<Name> each : this.names.values()) {
				for (Name n : each) {
					newest = later(later(newest, n.validFrom()), n.validTo());
				}
			}
			return newest;
		}

		private static LocalDate later(LocalDate a, LocalDate b) {
			return (b != null && b.isAfter(a)) ? b : a;
		}

		/**
		 * @param region a region
		 * @return the region as a sentence about it alone names it: with its level after
		 * its name where a current region of another level has the same name (Utrecht the
		 * gemeente and the province), else itself
		 */
		public Region told(Region region) {
			boolean shared = this.regions.values()
				.stream()
				.anyMatch((r) -> r.current() && !r.level().equals(region.level())
						&& (r.nameNl().equalsIgnoreCase(region.nameNl())
								|| r.nameEn().equalsIgnoreCase(region.nameEn())));
			return shared ? region.withLevelInName() : region;
		}

		/**
		 * @param level a region level code, as a request parameter {@code level}
		 * @return the level
		 * @throws ApiException 400 {@code invalid-parameter} naming the levels the store
		 * knows, for any other
		 */
		public String requireLevel(String level) {
			if (!this.levels.contains(level)) {
				throw ApiException.invalidParameter("level",
						"Unknown level '" + level + "'; expected one of " + this.levels + ".");
			}
			return level;
		}

		/**
		 * The direct parents of a region on a date (every containment is a direct link of
		 * its edition, never a path through another level), highest level first.
		 * @param code region code
		 * @param date the date
		 * @return parent codes
		 */
		public List<String> parentsOn(String code, LocalDate date) {
			return this.links.getOrDefault(code, List.of())
				.stream()
				.filter((l) -> l.validOn(date))
				.map(Link::parent)
				.sorted(Comparator.comparing((String c) -> rankOf(c)).thenComparing((c) -> c))
				.toList();
		}

		/**
		 * How two regions lie towards each other on a date, judged by the regions of the
		 * finest level (gemeenten) each holds by the direct links of the edition valid
		 * then: one holds every gemeente of the other, they share some, or none. A date
		 * before the store's first edition is judged by that first edition.
		 * @param a a region code
		 * @param b another region code
		 * @param date the date (a period's first day)
		 * @return the relation of {@code a} to {@code b}; {@link Relation#UNKNOWN} when
		 * either holds no gemeente on that date (no edition links it)
		 */
		public Relation relation(String a, String b, LocalDate date) {
			Map<String, Set<String>> members = members(List.of(a, b), date);
			return Relation.of(members.get(a), members.get(b));
		}

		/**
		 * The regions of the finest level (gemeenten) that each of these holds on a date,
		 * by the direct links of the edition valid then (a date before the store's first
		 * edition: that edition), in one pass over the links.
		 * @param codes region codes
		 * @param date the date
		 * @return per code, its gemeenten: itself for a gemeente (linked to parents, no
		 * region's parent); none for a region no edition links
		 */
		public Map<String, Set<String>> members(Collection<String> codes, LocalDate date) {
			LocalDate on = this.links.values().stream().flatMap(List::stream).anyMatch((l) -> l.validOn(date)) ? date
					: this.links.values()
						.stream()
						.flatMap(List::stream)
						.map(Link::validFrom)
						.min(Comparator.naturalOrder())
						.orElse(date);
			Map<String, Set<String>> members = new HashMap<>();
			for (String code : codes) {
				members.put(code, (this.parents.contains(code) || !this.links.containsKey(code)) ? new HashSet<>()
						: new HashSet<>(Set.of(code)));
			}
			this.links.forEach((child, list) -> {
				if (this.parents.contains(child)) {
					return;
				}
				// a gemeente that did not exist on that date (new, or merged away)
				// lies where its nearest edition puts it
				LocalDate when = nearest(list, on);
				for (Link l : list) {
					Set<String> of = members.get(l.parent());
					if (of != null && l.validOn(when)) {
						of.add(child);
					}
				}
			});
			return members;
		}

		/**
		 * @return the date itself when one of the links is valid on it, else the nearest
		 * day on which one is
		 */
		private static LocalDate nearest(List<Link> links, LocalDate date) {
			LocalDate best = null;
			long distance = Long.MAX_VALUE;
			for (Link l : links) {
				if (l.validOn(date)) {
					return date;
				}
				LocalDate day = l.validFrom().isAfter(date) ? l.validFrom() : l.validTo().minusDays(1);
				long d = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(date, day));
				if (d < distance) {
					distance = d;
					best = day;
				}
			}
			return (best != null) ? best : date;
		}

		private int rankOf(String code) {
			Region region = this.regions.get(code);
			return (region != null) ? region.rank() : 99;
		}

	}

	/**
	 * How one region lies towards another ({@link Snapshot#relation}).
	 */
	public enum Relation {

		/** It holds every gemeente of the other (Nederland and Utrecht). */
		CONTAINS,
		/** The other holds every gemeente of it (Utrecht and Nederland). */
		WITHIN,
		/**
		 * They share some gemeenten, not all (a province and a border-crossing
		 * arbeidsmarktregio).
		 */
		OVERLAPS,
		/**
		 * They hold the same gemeenten (an arbeidsmarktregio that is a province, such as
		 * Zeeland).
		 */
		SAME,
		/** They share no gemeente. */
		DISJOINT,
		/** Not known: an edition links neither to gemeenten on that date. */
		UNKNOWN;

		/**
		 * @param a the gemeenten of one region ({@link Snapshot#members})
		 * @param b those of another
		 * @return how the first lies towards the second
		 */
		public static Relation of(Set<String> a, Set<String> b) {
			if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
				return UNKNOWN;
			}
			if (a.equals(b)) {
				return SAME;
			}
			if (a.containsAll(b)) {
				return CONTAINS;
			}
			if (b.containsAll(a)) {
				return WITHIN;
			}
			return a.stream().anyMatch(b::contains) ? OVERLAPS : DISJOINT;
		}

		/**
		 * @return whether the two share gemeenten
		 */
		public boolean overlapping() {
			return this == SAME || this == CONTAINS || this == WITHIN || this == OVERLAPS;
		}

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
		Mono<List<Link>> links = Queries
			.flux(this.dsl.select(REGION_PARENT.CHILD_CODE, REGION_PARENT.PARENT_CODE, REGION_PARENT.VALID_FROM,
					REGION_PARENT.VALID_TO)
				.from(REGION_PARENT))
			.map((r) -> new Link(r.value1(), r.value2(), r.value3(), r.value4()))
			.collectList();
		Mono<List<org.jooq.Record7<String, String, Short, String, String, LocalDate, LocalDate>>> rows = Queries
			.flux(this.dsl
				.select(REGION.CODE, REGION.LEVEL, REGION_LEVEL.RANK, REGION.NAME_NL, REGION.NAME_EN, REGION.VALID_FROM,
						REGION.VALID_TO)
				.from(REGION)
				.join(REGION_LEVEL)
				.on(REGION_LEVEL.CODE.eq(REGION.LEVEL))
				.orderBy(REGION_LEVEL.RANK, REGION.CODE))
			.collectList();
		Mono<Map<String, List<Name>>> names = Queries
			.flux(this.dsl
				.select(REGION_NAME.REGION_CODE, REGION_NAME.VALID_FROM, REGION_NAME.VALID_TO, REGION_NAME.NAME_NL,
						REGION_NAME.NAME_EN)
				.from(REGION_NAME)
				.orderBy(REGION_NAME.REGION_CODE, REGION_NAME.VALID_FROM))
			.collectList()
			.map(RegionCatalog::joinNames);
		return Mono.zip(levels, links, rows, names).map((t) -> {
			Map<String, List<Link>> byChild = new HashMap<>();
			t.getT2().forEach((l) -> byChild.computeIfAbsent(l.child(), (c) -> new ArrayList<>()).add(l));
			Map<String, List<Link>> linkMap = new HashMap<>();
			byChild.forEach((k, v) -> linkMap.put(k, List.copyOf(v)));
			Map<String, Region> regions = new LinkedHashMap<>();
			for (var r : t.getT3()) {
				regions.put(r.value1(), new Region(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), false,
						List.of(), r.value6(), r.value7()));
			}
			Map<String, List<Name>> spans = clipped(t.getT4(), regions);
			Snapshot draft = new Snapshot(regions, t.getT1(), linkMap, spans);
			Map<String, Region> resolved = new LinkedHashMap<>();
			regions.forEach((code, r) -> resolved.put(code, new Region(code, r.level(), r.rank(), r.nameNl(),
					r.nameEn(), r.existsOn(today), draft.parentsOn(code, today), r.validFrom(), r.validTo())));
			return new Snapshot(resolved, t.getT1(), linkMap, spans);
		});
	}

	/**
	 * @return the name spans of each region within its existence: a name an edition gave
	 * does not outlast the edition that ended the region (the order in which editions are
	 * imported does not matter)
	 */
	private static Map<String, List<Name>> clipped(Map<String, List<Name>> names, Map<String, Region> regions) {
		Map<String, List<Name>> result = new HashMap<>();
		names.forEach((code, spans) -> {
			Region region = regions.get(code);
			LocalDate end = (region != null) ? region.validTo() : null;
			if (end == null) {
				result.put(code, spans);
				return;
			}
			List<Name> within = spans.stream()
				.filter((n) -> n.validFrom().isBefore(end))
				.map((n) -> (n.validTo() == null || n.validTo().isAfter(end))
						? new Name(n.validFrom(), end, n.nameNl(), n.nameEn()) : n)
				.toList();
			result.put(code, within.isEmpty() ? spans : within);
		});
		return result;
	}

	/**
	 * @param rows region_name rows in code and date order
	 * @return the spans by code, consecutive spans with the same names joined (an edition
	 * that repeats a name leaves a span of its own)
	 */
	private static Map<String, List<Name>> joinNames(
			List<org.jooq.Record5<String, LocalDate, LocalDate, String, String>> rows) {
		Map<String, List<Name>> byCode = new HashMap<>();
		for (var r : rows) {
			List<Name> spans = byCode.computeIfAbsent(r.value1(), (c) -> new ArrayList<>());
			Name last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
			if (last != null && r.value2().equals(last.validTo()) && last.nameNl().equals(r.value4())
					&& last.nameEn().equals(r.value5())) {
				spans.set(spans.size() - 1, new Name(last.validFrom(), r.value3(), last.nameNl(), last.nameEn()));
			}
			else {
				spans.add(new Name(r.value2(), r.value3(), r.value4(), r.value5()));
			}
		}
		Map<String, List<Name>> result = new HashMap<>();
		byCode.forEach((code, spans) -> result.put(code, List.copyOf(spans)));
		return result;
	}

}
