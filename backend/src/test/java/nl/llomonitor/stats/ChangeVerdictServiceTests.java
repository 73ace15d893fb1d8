package nl.llomonitor.stats;

import java.util.List;

import nl.llomonitor.api.Lang;
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

	@Test
	void theExplanationCallsNoChangeWithinTheMarginAnImprovement() {
		String nl = "Werkloosheid in Utrecht was 3,5 % in 2024 4e kwartaal, meer dan 3,3 % in 2023 4e kwartaal "
				+ "(een verslechtering).";
		assertThat(
				ChangeVerdictService.sentence(nl, new ChangeVerdictService.Verdict("stable", "ebb-rule", 0.5), Lang.NL))
			.endsWith("2023 4e kwartaal (binnen de marge).");
		assertThat(ChangeVerdictService.sentence(nl, ChangeVerdictService.Verdict.BREAK, Lang.NL))
			.endsWith("(niet vergelijkbaar: trendbreuk).");
		// no margin known: the change cannot be tested, so it is no deterioration either
		assertThat(ChangeVerdictService.sentence(nl, ChangeVerdictService.Verdict.NOT_TESTABLE, Lang.NL))
			.endsWith("2023 4e kwartaal (niet toetsbaar: marge onbekend).")
			.doesNotContain("verslechtering");
		assertThat(
				ChangeVerdictService.sentence("Unemployment rate in Utrecht was 3.5 %, up from 3.3 % (an improvement).",
						ChangeVerdictService.Verdict.NOT_TESTABLE, Lang.EN))
			.endsWith("(not testable: margin unknown).");
		assertThat(ChangeVerdictService.sentence(nl, new ChangeVerdictService.Verdict("significant", "margins", 3.1),
				Lang.NL))
			.isEqualTo(nl);
		assertThat(ChangeVerdictService.sentence(
				"Unemployment rate in Utrecht was 3.5 %, up from 3.3 % (a deterioration).",
				new ChangeVerdictService.Verdict("stable", "ebb-rule", 0.5), Lang.EN))
			.endsWith("(within the margin).");
	}

}
