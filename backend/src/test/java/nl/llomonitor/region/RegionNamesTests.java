package nl.llomonitor.region;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name a region has on a date, by the spans of its editions
 * ({@link RegionCatalog.Snapshot#namedOn}).
 */
class RegionNamesTests {

	private static final RegionCatalog.Region REGION = new RegionCatalog.Region("GM9999", "gemeente", 6, "Nieuwstad",
			"Nieuwstad", true, List.of(), LocalDate.of(2024, 1, 1), null);

	/**
	 * An older edition that names the region for its own span, before the edition that
	 * gave it its later name: a date between the two has the older name, not the newest.
	 */
	@Test
	void aDateBetweenTwoNamedSpansHasTheNameBefore() {
		RegionCatalog.Snapshot snapshot = new RegionCatalog.Snapshot(Map.of("GM9999", REGION), List.of("gemeente"),
				Map.of(),
				Map.of("GM9999",
						List.of(new RegionCatalog.Name(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), "Oudstad",
								"Oudstad"),
								new RegionCatalog.Name(LocalDate.of(2026, 1, 1), null, "Nieuwstad", "Nieuwstad"))));
		assertThat(snapshot.namedOn(REGION, LocalDate.of(2024, 6, 1)).nameNl()).isEqualTo("Oudstad");
		assertThat(snapshot.namedOn(REGION, LocalDate.of(2025, 6, 1)).nameNl()).isEqualTo("Oudstad");
		assertThat(snapshot.namedOn(REGION, LocalDate.of(2026, 6, 1)).nameNl()).isEqualTo("Nieuwstad");
		assertThat(snapshot.namedOn(REGION, LocalDate.of(2020, 1, 1)).nameNl()).as("before its first name")
			.isEqualTo("Oudstad");
	}

	@Test
	void aRegionWithoutDatedNamesKeepsItsName() {
		RegionCatalog.Snapshot snapshot = new RegionCatalog.Snapshot(Map.of("GM9999", REGION), List.of("gemeente"),
				Map.of());
		assertThat(snapshot.namedOn(REGION, LocalDate.of(2020, 1, 1))).isSameAs(REGION);
	}

}
