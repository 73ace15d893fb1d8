package nl.llomonitor.observation;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The period type a request without one gets: the finest that every region with data has
 * ({@link SeriesService#finestCommonType}).
 */
class FinestCommonTypeTests {

	@Test
	void theFinestTypeEveryRegionHas() {
		// Nederland with quarters and years, an arbeidsmarktregio with years only
		assertThat(SeriesService.finestCommonType(List.of(Set.of("KW", "JJ"), Set.of("JJ")))).isEqualTo("year");
		assertThat(SeriesService.finestCommonType(List.of(Set.of("KW", "JJ"), Set.of("KW", "JJ"))))
			.isEqualTo("quarter");
		assertThat(SeriesService.finestCommonType(List.of(Set.of("MM", "KW"), Set.of("MM", "JJ")))).isEqualTo("month");
	}

	@Test
	void withoutACommonTypeTheFinestAnyHas() {
		assertThat(SeriesService.finestCommonType(List.of(Set.of("MM"), Set.of("JJ")))).isEqualTo("month");
		assertThat(SeriesService.finestCommonType(List.of(Set.of("JJ")))).isEqualTo("year");
	}

	@Test
	void noDataNoType() {
		assertThat(SeriesService.finestCommonType(List.of())).isNull();
	}

}
