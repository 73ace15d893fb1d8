package nl.llomonitor.observation;

import java.time.LocalDate;
import java.util.List;

import nl.llomonitor.region.RegionCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which gemeenten a map of a period shows ({@link MapService#existsDuring}): those of its
 * own time, not today's. Weesp (GM0457) was merged into Amsterdam on 24 March 2022;
 * Voorne aan Zee (GM1992) began on 1 January 2023.
 */
class MapRegionsTests {

	private static final LocalDate FIRST_EDITION = LocalDate.of(2020, 1, 1);

	private static RegionCatalog.Region gemeente(String code, LocalDate from, LocalDate to) {
		return new RegionCatalog.Region(code, "gemeente", 6, code, code, to == null, List.of(), from, to);
	}

	private static final RegionCatalog.Region WEESP = gemeente("GM0457", FIRST_EDITION, LocalDate.of(2022, 3, 24));

	private static final RegionCatalog.Region VOORNE = gemeente("GM1992", LocalDate.of(2023, 1, 1), null);

	private static final RegionCatalog.Region UTRECHT = gemeente("GM0344", FIRST_EDITION, null);

	@Test
	void aPastPeriodHasTheRegionsOfItsTime() {
		PeriodCode y2022 = PeriodCode.of("2022JJ00");
		assertThat(MapService.existsDuring(WEESP, y2022, FIRST_EDITION)).isTrue();
		assertThat(MapService.existsDuring(VOORNE, y2022, FIRST_EDITION)).isFalse();
		assertThat(MapService.existsDuring(UTRECHT, y2022, FIRST_EDITION)).isTrue();
		PeriodCode y2024 = PeriodCode.of("2024JJ00");
		assertThat(MapService.existsDuring(WEESP, y2024, FIRST_EDITION)).isFalse();
		assertThat(MapService.existsDuring(VOORNE, y2024, FIRST_EDITION)).isTrue();
		// the quarter Weesp ended in still has it; the next does not
		assertThat(MapService.existsDuring(WEESP, PeriodCode.of("2022KW01"), FIRST_EDITION)).isTrue();
		assertThat(MapService.existsDuring(WEESP, PeriodCode.of("2022KW02"), FIRST_EDITION)).isFalse();
	}

	@Test
	void theFirstEditionStandsForThePeriodsBeforeIt() {
		// the store knows no older edition: its first one's regions are shown for 2015
		PeriodCode y2015 = PeriodCode.of("2015JJ00");
		assertThat(MapService.existsDuring(UTRECHT, y2015, FIRST_EDITION)).isTrue();
		assertThat(MapService.existsDuring(WEESP, y2015, FIRST_EDITION)).isTrue();
		assertThat(MapService.existsDuring(VOORNE, y2015, FIRST_EDITION)).isFalse();
	}

}
