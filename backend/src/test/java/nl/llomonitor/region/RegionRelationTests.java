package nl.llomonitor.region;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.llomonitor.region.RegionCatalog.Link;
import nl.llomonitor.region.RegionCatalog.Relation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How two regions lie towards each other ({@link RegionCatalog.Snapshot#relation}), by
 * the gemeenten each holds in the edition of a date: a province and an arbeidsmarktregio
 * within it, one that crosses its border, one elsewhere, and an edition that moves a
 * gemeente to another arbeidsmarktregio.
 */
class RegionRelationTests {

	private static final LocalDate FIRST = LocalDate.of(2023, 1, 1);

	private static final LocalDate SECOND = LocalDate.of(2026, 1, 1);

	private static RegionCatalog.Region region(String code, String level) {
		return new RegionCatalog.Region(code, level, 0, code, code, true, List.of(), FIRST, null);
	}

	/**
	 * NL01 holds PV1 (G1, G2, G3) and PV2 (G4, G5; G6 until the second edition merged it
	 * away, G7 from then on). AM1 holds G1 and G2; AM2 held G3 and G4 (across the border
	 * of PV1 and PV2) until the second edition moved G3 to AM1; AM3 and the COROP area
	 * CR1 both hold G5 alone. Provinces and arbeidsmarktregio's are linked to NL01 too,
	 * as in the real editions.
	 */
	private static RegionCatalog.Snapshot snapshot() {
		Map<String, RegionCatalog.Region> regions = new LinkedHashMap<>();
		regions.put("NL01", region("NL01", "land"));
		Map<String, List<Link>> links = new LinkedHashMap<>();
		for (String code : List.of("PV1", "PV2", "AM1", "AM2", "AM3", "CR1")) {
			regions.put(code, region(code, code.startsWith("PV") ? "provincie" : "arbeidsmarktregio"));
			links.put(code, List.of(new Link(code, "NL01", FIRST, null)));
		}
		String[][] gemeenten = { { "G1", "PV1", "AM1" }, { "G2", "PV1", "AM1" }, { "G3", "PV1", "AM2" },
				{ "G4", "PV2", "AM2" }, { "G5", "PV2", "AM3", "CR1" } };
		for (String[] g : gemeenten) {
			regions.put(g[0], region(g[0], "gemeente"));
			List<Link> of = new java.util.ArrayList<>(
					List.of(new Link(g[0], "NL01", FIRST, null), new Link(g[0], g[1], FIRST, null)));
			if (g[0].equals("G3")) {
				of.add(new Link("G3", "AM2", FIRST, SECOND));
				of.add(new Link("G3", "AM1", SECOND, null));
			}
			else {
				for (int i = 2; i < g.length; i++) {
					of.add(new Link(g[0], g[i], FIRST, null));
				}
			}
			links.put(g[0], List.copyOf(of));
		}
		regions.put("G6", region("G6", "gemeente"));
		links.put("G6", List.of(new Link("G6", "NL01", FIRST, SECOND), new Link("G6", "PV2", FIRST, SECOND)));
		regions.put("G7", region("G7", "gemeente"));
		links.put("G7", List.of(new Link("G7", "NL01", SECOND, null), new Link("G7", "PV2", SECOND, null)));
		return new RegionCatalog.Snapshot(regions, List.of("land", "provincie", "arbeidsmarktregio", "gemeente"),
				links);
	}

	@Test
	void containmentOverlapAndNoneByTheGemeentenEachHolds() {
		RegionCatalog.Snapshot s = snapshot();
		LocalDate day = LocalDate.of(2024, 6, 1);
		assertThat(s.relation("NL01", "PV1", day)).isEqualTo(Relation.CONTAINS);
		assertThat(s.relation("PV1", "NL01", day)).isEqualTo(Relation.WITHIN);
		// an arbeidsmarktregio is no province's child, yet lies within one
		assertThat(s.relation("PV1", "AM1", day)).isEqualTo(Relation.CONTAINS);
		assertThat(s.relation("PV1", "AM2", day)).isEqualTo(Relation.OVERLAPS);
		assertThat(s.relation("AM2", "PV2", day)).isEqualTo(Relation.OVERLAPS);
		assertThat(s.relation("PV1", "AM3", day)).isEqualTo(Relation.DISJOINT);
		assertThat(s.relation("PV1", "PV2", day)).isEqualTo(Relation.DISJOINT);
		assertThat(s.relation("PV1", "G2", day)).isEqualTo(Relation.CONTAINS);
		assertThat(s.relation("G4", "AM2", day)).isEqualTo(Relation.WITHIN);
		assertThat(s.relation("G4", "G5", day)).isEqualTo(Relation.DISJOINT);
		// two codes for one area
		assertThat(s.relation("AM3", "CR1", day)).isEqualTo(Relation.SAME);
		assertThat(Relation.SAME.overlapping()).isTrue();
		assertThat(Relation.OVERLAPS.overlapping()).isTrue();
		assertThat(Relation.DISJOINT.overlapping()).isFalse();
		assertThat(Relation.UNKNOWN.overlapping()).isFalse();
	}

	@Test
	void theEditionOfTheDateDecides() {
		RegionCatalog.Snapshot s = snapshot();
		// once G3 belongs to AM1, AM2 holds only G4, which lies in PV2
		assertThat(s.relation("PV1", "AM2", SECOND)).isEqualTo(Relation.DISJOINT);
		assertThat(s.relation("PV2", "AM2", SECOND)).isEqualTo(Relation.CONTAINS);
		assertThat(s.relation("AM1", "G3", SECOND)).isEqualTo(Relation.CONTAINS);
		// a gemeente that did not exist yet, or no longer, lies where its nearest
		// edition puts it
		assertThat(s.relation("PV2", "G7", LocalDate.of(2024, 6, 1))).isEqualTo(Relation.CONTAINS);
		assertThat(s.relation("G6", "PV2", LocalDate.of(2027, 6, 1))).isEqualTo(Relation.WITHIN);
		assertThat(s.relation("PV1", "G7", LocalDate.of(2024, 6, 1))).isEqualTo(Relation.DISJOINT);
		// a date before the first edition is judged by the first edition
		assertThat(s.relation("PV1", "AM2", LocalDate.of(2015, 1, 1))).isEqualTo(Relation.OVERLAPS);
	}

	@Test
	void aRegionNoEditionLinksIsUnknown() {
		RegionCatalog.Snapshot s = snapshot();
		assertThat(s.relation("PV1", "XX99", SECOND)).isEqualTo(Relation.UNKNOWN);
		RegionCatalog.Snapshot unlinked = new RegionCatalog.Snapshot(
				Map.of("NL01", region("NL01", "land"), "PV1", region("PV1", "provincie")), List.of(), Map.of());
		assertThat(unlinked.relation("NL01", "PV1", SECOND)).isEqualTo(Relation.UNKNOWN);
	}

}
