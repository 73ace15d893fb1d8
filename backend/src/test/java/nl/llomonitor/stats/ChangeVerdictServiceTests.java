package nl.llomonitor.stats;

import java.util.List;

import nl.llomonitor.observation.PeriodCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdict rules of a key figure's change that need no database: a series break
 * between the two periods, and significance at |z| &gt; 1.96. The EBB rule on real data
 * is checked through {@code /api/v1/kerncijfers} in
 * DashboardTrustBrowserIntegrationTests.
 */
class ChangeVerdictServiceTests {

	@Test
	void aBreakAfterTheEarlierPeriodUpToTheLaterOneMakesTheValuesIncomparable() {
		List<String> breaks = List.of("2021KW01");
		assertThat(ChangeVerdictService.crossesBreak(breaks, PeriodCode.of("2020KW04"), PeriodCode.of("2021KW04")))
			.isTrue();
		assertThat(ChangeVerdictService.crossesBreak(breaks, PeriodCode.of("2020KW01"), PeriodCode.of("2021KW01")))
			.isTrue();
		assertThat(ChangeVerdictService.crossesBreak(breaks, PeriodCode.of("2021KW01"), PeriodCode.of("2022KW01")))
			.isFalse();
		assertThat(ChangeVerdictService.crossesBreak(breaks, PeriodCode.of("2019KW01"), PeriodCode.of("2020KW01")))
			.isFalse();
		assertThat(ChangeVerdictService.crossesBreak(List.of(), PeriodCode.of("2020KW01"), PeriodCode.of("2021KW01")))
			.isFalse();
	}

	@Test
	void aChangeWithinTheCombinedMarginIsStableAndBeyondItSignificant() {
		// published 95 % margins of +-1.0 point: se = 0.51 each, combined 0.72
		double se = Significance.seFromMargins(74.0, 76.0);
		ChangeVerdictService.Verdict small = ChangeVerdictService.Verdict
			.of(Significance.zTest(75.1, se, 75.0, se, "margins"));
		assertThat(small.verdict()).isEqualTo("stable");
		assertThat(small.method()).isEqualTo("margins");
		assertThat(small.z()).isEqualTo(0.14);
		ChangeVerdictService.Verdict large = ChangeVerdictService.Verdict
			.of(Significance.zTest(77.0, se, 75.0, se, "margins"));
		assertThat(large.verdict()).isEqualTo("significant");
		assertThat(ChangeVerdictService.Verdict.of(Significance.Test.notTestable()))
			.isEqualTo(ChangeVerdictService.Verdict.NOT_TESTABLE);
	}

}
