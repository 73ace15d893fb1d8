package nl.llomonitor.importer.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import nl.llomonitor.cube.IncompleteReason;
import nl.llomonitor.importer.ImportException;
import nl.llomonitor.importer.catalog.RegionEntry;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import static nl.llomonitor.db.Tables.REGION;
import static nl.llomonitor.db.Tables.REGION_EDITION;
import static nl.llomonitor.db.Tables.REGION_NAME;
import static nl.llomonitor.db.Tables.REGION_PARENT;

/**
 * Writes regions, their parent links and aliases: the built-in list into an empty store
 * ({@link #upsert}), and each imported edition by date ({@link #applyEdition}).
 */
public final class RegionWriter {

	private RegionWriter() {
	}

	/**
	 * @return the number of rows inserted or changed
	 */
	public static long upsert(DSLContext tx, Collection<RegionEntry> entries) {
		List<String> codes = new ArrayList<>();
		List<String> levels = new ArrayList<>();
		List<String> namesNl = new ArrayList<>();
		List<String> namesEn = new ArrayList<>();
		List<String> children = new ArrayList<>();
		List<String> parents = new ArrayList<>();
		List<String> schemes = new ArrayList<>();
		List<String> aliases = new ArrayList<>();
		List<String> aliasCodes = new ArrayList<>();
		for (RegionEntry e : entries) {
			codes.add(e.code());
			levels.add(e.level());
			namesNl.add(e.nameNl());
			namesEn.add(e.nameEn());
			for (String parent : e.parents()) {
				children.add(e.code());
				parents.add(parent);
			}
			for (RegionEntry.Alias alias : e.aliases()) {
				schemes.add(alias.scheme());
				aliases.add(alias.alias());
				aliasCodes.add(e.code());
			}
		}
		long changed = tx.execute("""
				insert into region (code, level, name_nl, name_en)
				select * from unnest(?::text[], ?::text[], ?::text[], ?::text[])
				on conflict (code) do update set level = excluded.level, name_nl = excluded.name_nl,
				    name_en = excluded.name_en
				where (region.level, region.name_nl, region.name_en)
				    is distinct from (excluded.level, excluded.name_nl, excluded.name_en)""", array(codes),
				array(levels), array(namesNl), array(namesEn));
		// the built-in list dates no name: its names hold from the start
		tx.execute("""
				insert into region_name (region_code, valid_from, valid_to, name_nl, name_en)
				select code, date '1900-01-01', null, name_nl, name_en from region where code = any(?::text[])
				on conflict (region_code, valid_from) do update set name_nl = excluded.name_nl,
				    name_en = excluded.name_en
				where (region_name.name_nl, region_name.name_en)
				    is distinct from (excluded.name_nl, excluded.name_en)""", (Object) array(codes));
		changed += tx.execute("""
				insert into region_parent (child_code, parent_code)
				select * from unnest(?::text[], ?::text[])
				on conflict do nothing""", array(children), array(parents));
		changed += tx.execute("""
				insert into region_alias (scheme, alias, region_code)
				select * from unnest(?::text[], ?::text[], ?::text[])
				on conflict (scheme, alias, valid_from) do update set region_code = excluded.region_code
				where region_alias.region_code is distinct from excluded.region_code""", array(schemes), array(aliases),
				array(aliasCodes));
		return changed;
	}

	/**
	 * What an edition changed.
	 *
	 * @param complete whether the edition lists every provincie of the store (then the
	 * regions of its levels it does not list are ended)
	 * @param gemeenten gemeenten it lists
	 * @param regionsAdded regions new to the store, valid from the edition's date
	 * @param regionsRenamed regions whose name changed
	 * @param linksStarted links that start at the edition's date
	 * @param linksEnded links that end at the edition's date
	 * @param regionsEnded regions that end at the edition's date (complete editions only)
	 * @param gapsKept regions of its levels that an older complete edition does not list,
	 * though an earlier edition and a later one have them: kept for its span, since a
	 * region cannot have a gap (the first few codes)
	 * @param keptWithData regions an earlier import of this same edition added that this
	 * one does not list, kept since the store holds figures for them (the others are
	 * removed and counted as ended)
	 * @param cutOff why a complete edition is probably cut off, when it was applied as a
	 * partial one ({@code allowIncomplete}); null otherwise
	 */
	public record EditionResult(boolean complete, int gemeenten, int regionsAdded, int regionsRenamed, int linksStarted,
			int linksEnded, int regionsEnded, List<String> gapsKept, List<String> keptWithData,
			IncompleteReason cutOff) {

		public long changed() {
			return (long) this.regionsAdded + this.regionsRenamed + this.linksStarted + this.linksEnded
					+ this.regionsEnded;
		}

	}

	/**
	 * Applies one "Gebieden in Nederland" edition valid from a date. Each region it lists
	 * gets exactly the direct parents the edition states: a link the store has on that
	 * date but the edition does not state ends at the date ({@code valid_to}); a link the
	 * edition states that the store lacks starts at the date. Unchanged links stay as
	 * they are, so re-importing an edition changes nothing. A complete edition (gemeenten
	 * in every provincie the store knows) also ends the regions of its levels it no
	 * longer lists, with their links (a merger). Names follow the edition; earlier labels
	 * stay aliases, so older files still resolve.
	 * <p>
	 * An edition dated before one already in the store (history loaded later) states the
	 * span of each region it lists from its date to the next edition that states that
	 * region (a complete one, or one that lists it; a partial edition says nothing of the
	 * regions it does not list, migration V18): a link it changes is changed in that span
	 * and goes on as before from there; a region it adds exists from its date (until the
	 * next complete edition, if that does not list it); a region of its levels it does
	 * not list, in a complete edition, ends at its date unless a later edition lists it
	 * (then it begins with that edition, or is kept where an earlier complete edition has
	 * it); names stay those of the newest edition that states the region (the older ones
	 * become aliases).
	 * @param tx the import's transaction
	 * @param entries the regions of the edition, with their direct parents
	 * @param validFrom the edition's validity date
	 * @param fileName for error messages
	 * @param runId the import run
	 * @return what changed
	 * @throws ImportException when a region code changed its level
	 */
	public static EditionResult applyEdition(DSLContext tx, List<RegionEntry> entries, LocalDate validFrom,
			String fileName, long runId) {
		return applyEdition(tx, entries, validFrom, fileName, runId, false);
	}

	/**
	 * As {@link #applyEdition(DSLContext, List, LocalDate, String, long)}; a complete
	 * edition that is probably cut off ({@link #probablyCutOff}) is refused, or, with
	 * {@code allowCutOff}, applied as a partial edition: it states the regions and links
	 * it lists and ends none ({@link EditionResult#cutOff} says why).
	 * @param allowCutOff whether a probably cut-off edition is applied as a partial one
	 * (the import's {@code allowIncomplete})
	 * @throws ImportException when a region code changed its level, or when the edition
	 * is probably cut off and that is not allowed
	 */
	public static EditionResult applyEdition(DSLContext tx, List<RegionEntry> entries, LocalDate validFrom,
			String fileName, long runId, boolean allowCutOff) {
		// an edition dated before one already in the store (history loaded later) states
		// the regions and links of its own span only: from its date to the next edition's
		LocalDate next = tx.select(DSL.min(REGION_EDITION.VALID_FROM))
			.from(REGION_EDITION)
			.where(REGION_EDITION.VALID_FROM.gt(validFrom))
			.fetchOne()
			.value1();
		LocalDate nextComplete = tx.select(DSL.min(REGION_EDITION.VALID_FROM))
			.from(REGION_EDITION)
			.where(REGION_EDITION.VALID_FROM.gt(validFrom), REGION_EDITION.COMPLETE.isTrue())
			.fetchOne()
			.value1();
		// a later edition bounds the span of the regions it states only: a partial one
		// says nothing of the regions it does not list
		List<Later> later = later(tx, validFrom);
		Set<String> provincesInStore = codesValidOn(tx, "provincie", validFrom);
		Set<String> provincesListed = new HashSet<>();
		Set<String> levelsListed = new HashSet<>();
		int gemeenten = 0;
		for (RegionEntry e : entries) {
			if (e.level().equals("gemeente")) {
				gemeenten++;
				e.parents().stream().filter((p) -> p.startsWith("PV")).forEach(provincesListed::add);
			}
			if (!e.level().equals("land")) {
				levelsListed.add(e.level());
			}
		}
		boolean complete = !provincesInStore.isEmpty() && provincesListed.containsAll(provincesInStore);
		IncompleteReason cutOff = complete ? probablyCutOff(tx, entries, validFrom, fileName, allowCutOff) : null;
		if (cutOff != null) {
			// allowed: what it lists is stated, nothing after the cut is ended
			complete = false;
		}
		Map<String, RegionEntry> listed = new LinkedHashMap<>();
		entries.forEach((e) -> listed.put(e.code(), e));
		// regions: new ones start at the edition's date; names follow the edition
		Map<String, String[]> existing = new HashMap<>();
		tx.select(REGION.CODE, REGION.NAME_NL, REGION.NAME_EN, REGION.LEVEL)
			.from(REGION)
			.where(REGION.CODE.in(listed.keySet()))
			.forEach((r) -> existing.put(r.value1(), new String[] { r.value2(), r.value3(), r.value4() }));
		// the names the store has for the edition's date
		Map<String, String[]> namedOn = new HashMap<>();
		tx.select(REGION_NAME.REGION_CODE, REGION_NAME.NAME_NL, REGION_NAME.NAME_EN)
			.from(REGION_NAME)
			.where(REGION_NAME.REGION_CODE.in(listed.keySet()), REGION_NAME.VALID_FROM.le(validFrom),
					REGION_NAME.VALID_TO.isNull().or(REGION_NAME.VALID_TO.gt(validFrom)))
			.forEach((r) -> namedOn.put(r.value1(), new String[] { r.value2(), r.value3() }));
		int added = 0;
		List<String> namedCodes = new ArrayList<>();
		List<String> namesNl = new ArrayList<>();
		List<String> namesEn = new ArrayList<>();
		for (RegionEntry e : listed.values()) {
			String[] old = existing.get(e.code());
			if (old == null) {
				// a region no later complete edition lists ended before it
				added += tx.insertInto(REGION)
					.set(REGION.CODE, e.code())
					.set(REGION.LEVEL, e.level())
					.set(REGION.NAME_NL, e.nameNl())
					.set(REGION.NAME_EN, e.nameEn())
					.set(REGION.VALID_FROM, validFrom)
					.set(REGION.VALID_TO, nextComplete)
					.execute();
				namedCodes.add(e.code());
				namesNl.add(e.nameNl());
				namesEn.add(e.nameEn());
				continue;
			}
			if (!old[2].equals(e.level())) {
				throw new ImportException(fileName, null, "code", e.code(),
						"the level the store has for " + e.code() + " (" + old[2] + ")",
						"a region code changed its level");
			}
			String[] then = namedOn.get(e.code());
			if (e.code().equals("NL01") || (then != null && then[0].equals(e.nameNl()))) {
				continue;
			}
			// the edition names the region for its span; the English name follows only
			// where it was the Dutch one
			String nameEn = (then == null) ? e.nameEn() : then[1].equals(then[0]) ? e.nameNl() : then[1];
			namedCodes.add(e.code());
			namesNl.add(e.nameNl());
			namesEn.add(nameEn);
			if (nextFor(later, e.code()) == null && !old[0].equals(e.nameNl())) {
				// region holds the newest names; an older edition's stay in region_name
				// and its labels become aliases
				tx.update(REGION)
					.set(REGION.NAME_NL, e.nameNl())
					.set(REGION.NAME_EN, old[1].equals(old[0]) ? e.nameNl() : old[1])
					.where(REGION.CODE.eq(e.code()))
					.execute();
			}
		}
		// each up to the next edition that states it
		Map<LocalDate, List<Integer>> byNext = new LinkedHashMap<>();
		for (int i = 0; i < namedCodes.size(); i++) {
			byNext.computeIfAbsent(nextFor(later, namedCodes.get(i)), (d) -> new ArrayList<>()).add(i);
		}
		byNext.forEach((to, at) -> nameSpan(tx, at.stream().map(namedCodes::get).toList(),
				at.stream().map(namesNl::get).toList(), at.stream().map(namesEn::get).toList(), validFrom, to));
		// renamed: listed regions that had another name on the date (a region the store
		// had no name for then is named, not renamed)
		int renamed = (int) namedCodes.stream().filter(namedOn::containsKey).count();
		// a region listed again after it had ended exists again (up to the next complete
		// edition that does not list it, for an older edition)
		tx.update(REGION)
			.set(REGION.VALID_TO, nextComplete)
			.where(REGION.CODE.in(listed.keySet()), REGION.VALID_TO.le(validFrom))
			.execute();
		// a region a later edition added existed already at this one's date
		tx.update(REGION)
			.set(REGION.VALID_FROM, validFrom)
			.where(REGION.CODE.in(listed.keySet()), REGION.VALID_FROM.gt(validFrom))
			.execute();
		// links: what the store has on the date against what the edition states
		Map<String, Set<String>> current = new HashMap<>();
		tx.select(REGION_PARENT.CHILD_CODE, REGION_PARENT.PARENT_CODE)
			.from(REGION_PARENT)
			.where(REGION_PARENT.VALID_FROM.le(validFrom),
					REGION_PARENT.VALID_TO.isNull().or(REGION_PARENT.VALID_TO.gt(validFrom)))
			.forEach((r) -> current.computeIfAbsent(r.value1(), (c) -> new HashSet<>()).add(r.value2()));
		List<String> endChildren = new ArrayList<>();
		List<String> endParents = new ArrayList<>();
		List<String> startChildren = new ArrayList<>();
		List<String> startParents = new ArrayList<>();
		for (RegionEntry e : listed.values()) {
			Set<String> had = current.getOrDefault(e.code(), Set.of());
			Set<String> stated = new LinkedHashSet<>(e.parents());
			for (String parent : had) {
				if (!stated.contains(parent)) {
					endChildren.add(e.code());
					endParents.add(parent);
				}
			}
			for (String parent : stated) {
				if (!had.contains(parent)) {
					startChildren.add(e.code());
					startParents.add(parent);
				}
			}
		}
		// a complete edition ends the regions of its levels that it no longer lists
		List<String> endedRegions = new ArrayList<>();
		List<String> gapsKept = new ArrayList<>();
		List<String> keptWithData = new ArrayList<>();
		int removed = 0;
		if (complete) {
			// a region a later edition lists is kept: an older edition says nothing
			// about the span after the next one that states it
			Map<String, LocalDate> notListedHere = new LinkedHashMap<>();
			tx.select(REGION.CODE, REGION.VALID_TO)
				.from(REGION)
				.where(REGION.LEVEL.in(levelsListed), REGION.CODE.notIn(listed.keySet()),
						REGION.VALID_FROM.lt(validFrom), REGION.VALID_TO.isNull().or(REGION.VALID_TO.gt(validFrom)))
				.orderBy(REGION.CODE)
				.forEach((r) -> notListedHere.put(r.value1(), listedLater(later, r.value1(), r.value2())));
			notListedHere.forEach((code, listedLater) -> {
				if (listedLater == null) {
					endedRegions.add(code);
				}
			});
			for (String code : endedRegions) {
				for (String parent : current.getOrDefault(code, Set.of())) {
					endChildren.add(code);
					endParents.add(parent);
				}
			}
			if (!endedRegions.isEmpty()) {
				tx.update(REGION).set(REGION.VALID_TO, validFrom).where(REGION.CODE.in(endedRegions)).execute();
			}
			if (tx.fetchExists(REGION_EDITION, REGION_EDITION.VALID_FROM.eq(validFrom))) {
				// this edition again, corrected: a region its earlier import added
				// that it does not list was never there; it goes with its links and
				// aliases, unless data exist for it (then it is kept and named)
				List<String> neverThere = tx.select(REGION.CODE)
					.from(REGION)
					.where(REGION.LEVEL.in(levelsListed), REGION.CODE.notIn(listed.keySet()),
							REGION.VALID_FROM.eq(validFrom))
					.orderBy(REGION.CODE)
					.fetch(REGION.CODE);
				if (!neverThere.isEmpty()) {
					removed = tx.execute("""
							delete from region r where r.code = any(?::text[])
							  and not exists (select 1 from observation o where o.region_code = r.code)""",
							(Object) array(neverThere));
					keptWithData.addAll(tx.select(REGION.CODE)
						.from(REGION)
						.where(REGION.CODE.in(neverThere))
						.orderBy(REGION.CODE)
						.fetch(REGION.CODE));
					// kept for its figures, but in no provincie, COROP area or
					// arbeidsmarktregio of this edition, which does not have it
					tx.deleteFrom(REGION_PARENT)
						.where(REGION_PARENT.CHILD_CODE.in(keptWithData), REGION_PARENT.VALID_FROM.eq(validFrom))
						.execute();
				}
			}
			Map<String, LocalDate> listedLater = new LinkedHashMap<>(notListedHere);
			listedLater.values().removeIf(java.util.Objects::isNull);
			if (!listedLater.isEmpty()) {
				// an older complete edition: a region of its levels that it does not list
				// but a later edition has
				if (tx.fetchExists(REGION_EDITION,
						REGION_EDITION.VALID_FROM.lt(validFrom).and(REGION_EDITION.COMPLETE.isTrue()))) {
					// an earlier complete edition, which lists every region of these
					// levels then, has it too: it existed before, and a region cannot
					// have a gap, so it is kept (and named) instead of losing its
					// earlier existence
					gapsKept.addAll(listedLater.keySet());
				}
				else {
					// the oldest complete edition: the region was not there yet (the
					// built-in list dates none); it begins with the first later edition
					// that lists it
					listedLater.forEach((code, from) -> tx.update(REGION)
						.set(REGION.VALID_FROM, from)
						.where(REGION.CODE.eq(code))
						.execute());
				}
			}
		}
		int ended = 0;
		if (!endChildren.isEmpty() && next != null) {
			// an older edition: a link that lasts past the date of the next edition that
			// states its region goes on from there, as the later editions state it
			tx.execute("""
					insert into region_parent (child_code, parent_code, valid_from, valid_to)
					select p.child_code, p.parent_code, e.nxt, p.valid_to
					from region_parent p join unnest(?::text[], ?::text[], ?::date[]) as e(child, parent, nxt)
					  on p.child_code = e.child and p.parent_code = e.parent
					where e.nxt is not null and p.valid_from <= ? and (p.valid_to is null or p.valid_to > e.nxt)
					on conflict (child_code, parent_code, valid_from) do nothing""", array(endChildren),
					array(endParents), nexts(later, endChildren), validFrom);
		}
		if (!endChildren.isEmpty()) {
			// a link that started on this very date was never valid: it goes
			ended += tx.execute("""
					delete from region_parent p using unnest(?::text[], ?::text[]) as e(child, parent)
					where p.child_code = e.child and p.parent_code = e.parent and p.valid_from = ?""",
					array(endChildren), array(endParents), validFrom);
			ended += tx.execute("""
					update region_parent p set valid_to = ?
					from unnest(?::text[], ?::text[]) as e(child, parent)
					where p.child_code = e.child and p.parent_code = e.parent and p.valid_from < ?
					  and (p.valid_to is null or p.valid_to > ?)""", validFrom, array(endChildren), array(endParents),
					validFrom, validFrom);
		}
		int started = 0;
		if (!startChildren.isEmpty()) {
			java.sql.Date[] startNexts = nexts(later, startChildren);
			// an older edition: a link the next edition that states its region starts
			// began already here; one it does not have lasts until that edition
			started += tx.execute("""
					update region_parent p set valid_from = ?
					from unnest(?::text[], ?::text[], ?::date[]) as e(child, parent, nxt)
					where e.nxt is not null and p.child_code = e.child and p.parent_code = e.parent
					  and p.valid_from = e.nxt""", validFrom, array(startChildren), array(startParents), startNexts);
			started += tx.execute("""
					insert into region_parent (child_code, parent_code, valid_from, valid_to)
					select child, parent, ?, nxt from unnest(?::text[], ?::text[], ?::date[]) as e(child, parent, nxt)
					where e.nxt is not null
					on conflict (child_code, parent_code, valid_from) do nothing""", validFrom, array(startChildren),
					array(startParents), startNexts);
			// no later edition states the region: the link lasts
			started += tx.execute("""
					insert into region_parent (child_code, parent_code, valid_from)
					select child, parent, ? from unnest(?::text[], ?::text[], ?::date[]) as e(child, parent, nxt)
					where e.nxt is null
					on conflict (child_code, parent_code, valid_from) do update set valid_to = null""", validFrom,
					array(startChildren), array(startParents), startNexts);
		}
		// aliases: every label the edition writes resolves to its region from now on; a
		// bare name only where no other region of the store has it (a partial edition
		// cannot tell that AM35 Gorinchem shares its name with the gemeente)
		Map<String, Set<String>> codesByName = new HashMap<>();
		tx.select(REGION.CODE, REGION.NAME_NL)
			.from(REGION)
			.forEach((r) -> codesByName.computeIfAbsent(r.value2(), (n) -> new HashSet<>()).add(r.value1()));
		List<String> schemes = new ArrayList<>();
		List<String> aliases = new ArrayList<>();
		List<String> aliasCodes = new ArrayList<>();
		for (RegionEntry e : listed.values()) {
			for (RegionEntry.Alias alias : e.aliases()) {
				if (alias.scheme().equals("name")
						&& !codesByName.getOrDefault(alias.alias(), Set.of(e.code())).equals(Set.of(e.code()))) {
					continue;
				}
				schemes.add(alias.scheme());
				aliases.add(alias.alias());
				aliasCodes.add(e.code());
			}
		}
		// an older edition adds the labels the store does not know; a label a later
		// edition gave to another region stays with it
		tx.execute("""
				insert into region_alias (scheme, alias, region_code)
				select * from unnest(?::text[], ?::text[], ?::text[])
				on conflict (scheme, alias, valid_from) do update set region_code = excluded.region_code
				where region_alias.region_code is distinct from excluded.region_code and ?""", array(schemes),
				array(aliases), array(aliasCodes), next == null);
		EditionResult result = new EditionResult(complete, gemeenten, added, renamed, started, ended,
				endedRegions.size() + removed, List.copyOf(gapsKept), List.copyOf(keptWithData), cutOff);
		tx.execute("""
				insert into region_edition (valid_from, import_run_id, file_name, complete, gemeenten, links_started,
				    links_ended, regions_ended)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (valid_from) do update set import_run_id = excluded.import_run_id,
				    file_name = excluded.file_name, complete = region_edition.complete or excluded.complete,
				    gemeenten = greatest(region_edition.gemeenten, excluded.gemeenten),
				    links_started = region_edition.links_started + excluded.links_started,
				    links_ended = region_edition.links_ended + excluded.links_ended,
				    regions_ended = region_edition.regions_ended + excluded.regions_ended""", validFrom, runId,
				fileName, complete, gemeenten, started, ended, endedRegions.size());
		// what this edition lists, for editions dated before it imported later: a
		// complete edition (also a corrected one of the same date) lists what it lists
		// now; a partial one adds to what other files of its date listed, as
		// region_edition merges them
		if (complete) {
			tx.execute("delete from region_edition_region where valid_from = ?", validFrom);
		}
		tx.execute("""
				insert into region_edition_region (valid_from, region_code)
				select ?, c from unnest(?::text[]) as c on conflict do nothing""", validFrom,
				(Object) listed.keySet().toArray(String[]::new));
		return result;
	}

	/**
	 * Whether a complete edition (one listing every provincie) is probably cut off: when
	 * it would end more than a tenth of the gemeenten valid on its date, and at least
	 * ten. A file cut off at a line break still lists every provincie in its first rows,
	 * and would end every gemeente after the cut. Real editions end a few gemeenten a
	 * year (the most in recent years in 2019, when their number fell from 380 to 355); a
	 * partial edition ends none and is not judged. A file cut off after most of its rows
	 * (320 of 342) passes this rule, and is judged by {@link #cutAtTheEnd}.
	 * @param allowCutOff whether a probably cut-off edition is applied as a partial one
	 * @return why it is probably cut off, when that is allowed; null when it is not
	 * @throws ImportException when it is and that is not allowed, naming how many it
	 * would end, the first of them, and the date
	 */
	private static IncompleteReason probablyCutOff(DSLContext tx, List<RegionEntry> entries, LocalDate validFrom,
			String fileName, boolean allowCutOff) {
		Set<String> codes = new HashSet<>();
		entries.forEach((e) -> codes.add(e.code()));
		Set<String> valid = codesValidOn(tx, "gemeente", validFrom);
		List<String> unlisted = valid.stream().filter((c) -> !codes.contains(c)).sorted().toList();
		if (unlisted.size() < 10 || unlisted.size() * 10 <= valid.size()) {
			return cutAtTheEnd(tx, entries, unlisted, validFrom, fileName, allowCutOff);
		}
		IncompleteReason reason = IncompleteReason.editionCutOff(unlisted.size(), valid.size(), validFrom.toString(),
				unlisted.get(0));
		if (allowCutOff) {
			return reason;
		}
		throw new ImportException(fileName, null, null,
				unlisted.size() + " of " + valid.size() + " (first: " + unlisted.get(0) + ")",
				"an edition that ends at most a tenth of the gemeenten valid on its date (real editions end a few a"
						+ " year; a partial edition, which lists not every provincie, ends none); or the import run with"
						+ " --allow-incomplete (admin form field allowIncomplete=true), which applies it as a partial"
						+ " edition that ends no region",
				"the edition would end " + unlisted.size() + " of the " + valid.size() + " gemeenten valid on "
						+ validFrom + ": probably cut off");
	}

	/**
	 * Whether a complete edition that passes the tenth rule ({@link #probablyCutOff}) is
	 * probably cut off after most of its rows: three or more of the gemeenten it would
	 * end have names that come after the name of every gemeente it lists (CBS's sort
	 * name, {@link #sortName}). "Gebieden in Nederland" lists its gemeenten by sort name,
	 * Aa en Hunze to Zwolle: a file that lost its last rows ends the gemeenten after the
	 * cut, while the gemeenten a real edition ends (merged into others) lie anywhere in
	 * the alphabet, and a whole edition lists Zwolle. Gemeenten the file would end for
	 * other reasons (a renumbering it undoes) do not hide the cut. Three, not two: a real
	 * edition in which the two gemeenten last in the alphabet merge into one named
	 * otherwise ends two after its last; one in which the last three do would be refused
	 * (and with allowIncomplete end none of them). Not by code: the newest gemeenten have
	 * the highest codes, and a corrected edition may rightly end them. A file that lost
	 * one or two rows, or sorted otherwise and cut off after most of its rows, is not
	 * caught.
	 * @return why it is probably cut off, when that is allowed; null when it is not
	 * @throws ImportException when it is and that is not allowed, naming how many it
	 * would end, the first of them, the file's last gemeente and the date
	 */
	private static IncompleteReason cutAtTheEnd(DSLContext tx, List<RegionEntry> entries, List<String> unlisted,
			LocalDate validFrom, String fileName, boolean allowCutOff) {
		List<RegionEntry> gemeenten = entries.stream().filter((e) -> e.level().equals("gemeente")).toList();
		if (unlisted.size() < 2 || gemeenten.isEmpty()) {
			return null;
		}
		// the names the store gives the unlisted ones on the edition's date
		Map<String, String> names = new HashMap<>();
		tx.fetch("""
				select r.code, coalesce(n.name_nl, r.name_nl)
				from region r
				left join region_name n on n.region_code = r.code and n.valid_from <= ?
				  and (n.valid_to is null or n.valid_to > ?)
				where r.code = any(?::text[])""", validFrom, validFrom, (Object) unlisted.toArray(String[]::new))
			.forEach((r) -> names.put(r.get(0, String.class), r.get(1, String.class)));
		RegionEntry lastEntry = gemeenten.stream()
			.max(Comparator.comparing((RegionEntry e) -> sortName(e.nameNl())))
			.orElseThrow();
		String lastKey = sortName(lastEntry.nameNl());
		List<String> after = unlisted.stream()
			.filter((c) -> names.containsKey(c) && sortName(names.get(c)).compareTo(lastKey) > 0)
			.toList();
		if (after.size() < 3) {
			return null;
		}
		String last = lastEntry.code() + " " + lastEntry.nameNl();
		IncompleteReason reason = IncompleteReason.editionCutOffAtTheEnd(unlisted.size(), after.size(),
				validFrom.toString(), after.get(0), last);
		if (allowCutOff) {
			return reason;
		}
		throw new ImportException(fileName, null, null,
				after.size() + " after " + last + " (first: " + after.get(0) + ")",
				"an edition that ends at most two gemeenten whose names come after that of every gemeente it lists"
						+ " (the gemeenten a real edition ends lie anywhere in the alphabet; the rows a file sorted by"
						+ " name loses at its end all come after its last); or the import run with --allow-incomplete"
						+ " (admin form field allowIncomplete=true), which applies it as a partial edition that ends"
						+ " no region",
				"the edition would end " + unlisted.size() + " gemeenten valid on " + validFrom + ", " + after.size()
						+ " of them after its last gemeente by name, " + last + ": probably cut off at the end");
	}

	/**
	 * CBS's sort name of a gemeente ({@code SorteringNaam} in "Gebieden in Nederland"),
	 * as far as an order goes: a leading article ({@code De}, {@code Den}, {@code Het},
	 * {@code 's-}, {@code 't}) moved behind the name ("De Bilt" sorts as "Bilt De",
	 * "'s-Gravenhage" as "Gravenhage 's-"), accents and case ignored.
	 * @param name a gemeente's name
	 * @return the key its name sorts by
	 */
	static String sortName(String name) {
		String key = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(java.util.Locale.ROOT);
		java.util.regex.Matcher article = ARTICLE.matcher(key);
		return article.lookingAt() ? key.substring(article.end()) + " " + article.group(1).strip() : key;
	}

	/** A leading article of a Dutch place name, as CBS moves it behind the name. */
	private static final java.util.regex.Pattern ARTICLE = java.util.regex.Pattern.compile("(de |den |het |'s-|'t )");

	/**
	 * @return the codes of the store's regions of a level that are valid on a date
	 */
	private static Set<String> codesValidOn(DSLContext tx, String level, LocalDate date) {
		return new HashSet<>(tx.select(REGION.CODE)
			.from(REGION)
			.where(REGION.LEVEL.eq(level), REGION.VALID_FROM.le(date),
					REGION.VALID_TO.isNull().or(REGION.VALID_TO.gt(date)))
			.fetch(REGION.CODE));
	}

	/**
	 * An edition dated after the one being applied.
	 *
	 * @param validFrom its date
	 * @param complete whether it lists every provincie's gemeenten (it then states every
	 * region of its levels: one it does not list it ended)
	 * @param listed the codes it lists, or null where that is not recorded (imported
	 * before migration V18): taken to list every region that exists on its date
	 */
	private record Later(LocalDate validFrom, boolean complete, Set<String> listed) {

	}

	private static List<Later> later(DSLContext tx, LocalDate validFrom) {
		List<Later> later = new ArrayList<>();
		tx.fetch("""
				select e.valid_from, e.complete, array_remove(array_agg(x.region_code), null)
				from region_edition e left join region_edition_region x on x.valid_from = e.valid_from
				where e.valid_from > ? group by e.valid_from, e.complete order by e.valid_from""", validFrom)
			.forEach((r) -> {
				String[] codes = r.get(2, String[].class);
				later.add(new Later(r.get(0, LocalDate.class), Boolean.TRUE.equals(r.get(1, Boolean.class)),
						(codes == null || codes.length == 0) ? null : Set.of(codes)));
			});
		return later;
	}

	/**
	 * @return the date of the first later edition that states the region (a complete one,
	 * or one that lists it), up to which the edition being applied states it; null: none
	 */
	private static LocalDate nextFor(List<Later> later, String code) {
		for (Later l : later) {
			if (l.complete() || l.listed() == null || l.listed().contains(code)) {
				return l.validFrom();
			}
		}
		return null;
	}

	/**
	 * @param validTo the day the region ends in the store (exclusive), or null
	 * @return the date of the first later edition that lists the region; null: none
	 */
	private static LocalDate listedLater(List<Later> later, String code, LocalDate validTo) {
		for (Later l : later) {
			boolean lists = (l.listed() != null) ? l.listed().contains(code)
					: validTo == null || validTo.isAfter(l.validFrom());
			if (lists) {
				return l.validFrom();
			}
		}
		return null;
	}

	private static java.sql.Date[] nexts(List<Later> later, List<String> codes) {
		return codes.stream()
			.map((c) -> nextFor(later, c))
			.map((d) -> (d != null) ? java.sql.Date.valueOf(d) : null)
			.toArray(java.sql.Date[]::new);
	}

	/**
	 * Gives regions their names for the span from one date (inclusive) to another
	 * (exclusive, or open): a name they had before the span ends at its start, one they
	 * had after it goes on from its end.
	 */
	private static void nameSpan(DSLContext tx, List<String> codes, List<String> namesNl, List<String> namesEn,
			LocalDate from, LocalDate to) {
		if (codes.isEmpty()) {
			return;
		}
		String[] code = array(codes);
		if (to != null) {
			tx.execute(
					"""
							insert into region_name (region_code, valid_from, valid_to, name_nl, name_en)
							select n.region_code, ?, n.valid_to, n.name_nl, n.name_en from region_name n
							where n.region_code = any(?::text[]) and n.valid_from < ? and (n.valid_to is null or n.valid_to > ?)""",
					to, code, to, to);
		}
		tx.execute("""
				delete from region_name n where n.region_code = any(?::text[]) and n.valid_from >= ?
				  and (?::date is null or n.valid_from < ?::date)""", code, from, to, to);
		tx.execute("""
				update region_name n set valid_to = ? where n.region_code = any(?::text[]) and n.valid_from < ?
				  and (n.valid_to is null or n.valid_to > ?)""", from, code, from, from);
		tx.execute("""
				insert into region_name (region_code, valid_from, valid_to, name_nl, name_en)
				select c, ?, ?, nl, en from unnest(?::text[], ?::text[], ?::text[]) as n(c, nl, en)""", from, to, code,
				array(namesNl), array(namesEn));
	}

	private static String[] array(List<String> values) {
		return values.toArray(String[]::new);
	}

}
