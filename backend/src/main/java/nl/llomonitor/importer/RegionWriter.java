package nl.llomonitor.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jooq.DSLContext;

/**
 * Upserts regions, their parent links and aliases, set-based (one statement per table).
 */
final class RegionWriter {

	private RegionWriter() {
	}

	/**
	 * @return the number of rows inserted or changed
	 */
	static long upsert(DSLContext tx, Collection<RegionEntry> entries) {
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

	private static String[] array(List<String> values) {
		return values.toArray(String[]::new);
	}

}
