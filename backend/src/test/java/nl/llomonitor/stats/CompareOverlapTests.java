package nl.llomonitor.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.llomonitor.api.Lang;
import nl.llomonitor.indicator.IndicatorInfo;
import nl.llomonitor.region.RegionCatalog;
import nl.llomonitor.region.RegionCatalog.Relation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The test of two rates whose regions overlap ({@link CompareService#overlapped}): with
 * the covariance where one lies within the other and both sample bases are known,
 * otherwise only a verdict the overlap cannot overturn.
 */
class CompareOverlapTests {

	private static final RegionCatalog.Region PROVINCE = region("PV26", "provincie", "Utrecht");

	private static final RegionCatalog.Region AREA = region("AM13", "arbeidsmarktregio", "Midden-Utrecht");

	private static RegionCatalog.Region region(String code, String level, String name) {
		return new RegionCatalog.Region(code, level, 3, name, name, true, List.of(), LocalDate.of(2020, 1, 1), null);
	}

	// 4.0 % (se 0.20) against 4.4 % (se 0.30): z = -1.11 as if independent
	private static final Significance.Test INDEPENDENT = Significance.zTest(4.0, 0.20, 4.4, 0.30, "ebb-rule");

	@Test
	void aRegionWithinAnotherIsTestedWithTheCovarianceOfItsShare() {
		// Midden-Utrecht holds 500 of Utrecht's 1,000 thousand: cov = 0.5 * 0.30^2,
		// var = 0.04 + 0.09 - 0.09, z = -0.4 / 0.2 = -2.0
		CompareService.Overlapped result = CompareService.overlapped(INDEPENDENT, Relation.CONTAINS, PROVINCE, AREA,
				Map.of("PV26", 1000.0, "AM13", 500.0), Lang.EN);
		assertThat(result.test().z()).isCloseTo(-2.0, within(1e-9));
		assertThat(result.test().significant()).isTrue();
		assertThat(result.explanation()).isEqualTo("Midden-Utrecht lies within Utrecht, and the sample base of"
				+ " Midden-Utrecht is 50% of that of Utrecht: with that overlap z = −2.00 (as if independent: −1.11).");
		// the same pair the other way round: the smaller region is the first one
		CompareService.Overlapped reversed = CompareService.overlapped(
				Significance.zTest(4.4, 0.30, 4.0, 0.20, "ebb-rule"), Relation.WITHIN, AREA, PROVINCE,
				Map.of("PV26", 1000.0, "AM13", 500.0), Lang.NL);
		assertThat(reversed.test().z()).isCloseTo(2.0, within(1e-9));
		assertThat(reversed.explanation()).isEqualTo("Midden-Utrecht ligt binnen Utrecht, en de steekproefbasis van"
				+ " Midden-Utrecht is 50 % van die van Utrecht: met die overlap is z = 2,00 (als onafhankelijk: 1,11).");
	}

	@Test
	void standardErrorsThatDoNotFitTheShareLeaveTheOverlapUnknown() {
		// a province's estimate can be no less precise than its half within it allows
		// (se 0.10 < 0.5 * 0.30): the covariance model does not hold, so the difference
		// the independent test does not find cannot be ruled out
		CompareService.Overlapped result = CompareService.overlapped(
				Significance.zTest(4.0, 0.10, 4.2, 0.30, "ebb-rule"), Relation.CONTAINS, PROVINCE, AREA,
				Map.of("PV26", 1000.0, "AM13", 500.0), Lang.EN);
		assertThat(result.test().significant()).isNull();
		assertThat(result.explanation()).contains("cannot rule one out");
	}

	@Test
	void aDifferenceWithoutAValueNamesEveryRegionWithoutOneAndTheSourcesReason() {
		RegionCatalog.Region fryslan = region("PV21", "provincie", "Fryslân");
		nl.llomonitor.observation.PeriodCode year = nl.llomonitor.observation.PeriodCode.parse("1990JJ00", "period");
		nl.llomonitor.observation.SeriesService.Value secret = new nl.llomonitor.observation.SeriesService.Value(year,
				null, null, null, "definitief", "", null, "85268NED", 1L, null, null, null, "vertrouwelijk", null,
				false, false);
		// neither region has a cell: both are named, not only the first
		assertThat(CompareService.noValue(PROVINCE, null, fryslan, null, year, Lang.NL))
			.isEqualTo("Geen waarde voor Utrecht en Fryslân in 1990.");
		// a cell without a value gives the source's reason
		assertThat(CompareService.noValue(PROVINCE, secret, null, null, year, Lang.EN))
			.isEqualTo("No value for Utrecht (confidential) in 1990.");
		assertThat(CompareService.noValue(fryslan, null, PROVINCE, secret, year, Lang.NL))
			.isEqualTo("Geen waarde voor Fryslân en Utrecht (vertrouwelijk) in 1990.");
		// a forecast where an observation is compared: said
		nl.llomonitor.observation.SeriesService.Value forecast = new nl.llomonitor.observation.SeriesService.Value(year,
				null, null, null, "definitief", "", null, "82220NED", 1L, null, null, null, null, null, true, false);
		assertThat(CompareService.noValue(PROVINCE, forecast, null, null, year, Lang.EN))
			.isEqualTo("No value for Utrecht (a forecast only, not an observation) in 1990.");
		// through the difference of a pair, in the order of the pair
		assertThat(CompareService
			.difference(indicator("rate", "percent", Map.of()), "year", PROVINCE, secret, fryslan, null,
					Relation.UNKNOWN, Map.of(), year, Lang.NL)
			.explanation()).isEqualTo("Geen waarde voor Utrecht (vertrouwelijk) en Fryslân in 1990.");
	}

	private static IndicatorInfo indicator(String code, String unit, Map<String, IndicatorInfo.Dimension> dimensions) {
		return new IndicatorInfo(code, code, code, unit, 1, "", "", null, null, "85268NED", false, false, null, null,
				null, dimensions, List.of("year"), Map.of(), List.of("provincie"),
				new IndicatorInfo.Roles(null, false, List.of(), null, java.util.Set.of(), false));
	}

	@Test
	void aPercentageOfAGroupNeedsTheBaseOfThatGroup() {
		IndicatorInfo.Dimension sex = new IndicatorInfo.Dimension("sex", "Geslacht", "Sex",
				List.of(new IndicatorInfo.Member("women", "Vrouwen", "Women"),
						new IndicatorInfo.Member("men", "Mannen", "Men")));
		IndicatorInfo rate = indicator("rate", "percent", Map.of("sex", sex));
		IndicatorInfo count = indicator("count", "x1000", Map.of("sex", sex));
		IndicatorInfo baseBySex = indicator("population", "x1000", Map.of("sex", sex));
		IndicatorInfo baseTotal = indicator("population", "x1000", Map.of());
		java.util.SortedMap<String, String> women = new java.util.TreeMap<>(Map.of("sex", "women"));
		// the totals, and a count of a group, rest on the whole population's base
		assertThat(CompareService.baseBreakdown(rate, baseTotal, new java.util.TreeMap<>())).isEmpty();
		assertThat(CompareService.baseBreakdown(count, baseTotal, women)).isEmpty();
		// a percentage of women rests on the women in the sample
		assertThat(CompareService.baseBreakdown(rate, baseBySex, women)).isEqualTo(women);
		// without their base the rule does not apply (not the whole population's)
		assertThat(CompareService.baseBreakdown(rate, baseTotal, women)).isNull();
		assertThat(CompareService.baseBreakdown(rate, baseBySex, new java.util.TreeMap<>(Map.of("sex", "other"))))
			.isNull();
	}

	@Test
	void withoutTheBasesANotSignificantDifferenceCannotBeRuledOut() {
		CompareService.Overlapped result = CompareService.overlapped(INDEPENDENT, Relation.CONTAINS, PROVINCE, AREA,
				Map.of(), Lang.EN);
		assertThat(result.test().significant()).isNull();
		assertThat(result.test().method()).isEqualTo("not-testable");
		assertThat(result.explanation()).contains("Utrecht and Midden-Utrecht overlap").contains("cannot rule one out");
	}

	@Test
	void aSignificantDifferenceOfOverlappingRegionsStands() {
		// 4.0 % (se 0.20) against 5.0 % (se 0.30): z = -2.77 as if independent; the
		// covariance of overlapping parts is never negative, so the true z is larger
		// still
		Significance.Test significant = Significance.zTest(4.0, 0.20, 5.0, 0.30, "ebb-rule");
		CompareService.Overlapped result = CompareService.overlapped(significant, Relation.OVERLAPS, PROVINCE, AREA,
				Map.of("PV26", 1000.0, "AM13", 500.0), Lang.EN);
		assertThat(result.test()).isEqualTo(significant);
		assertThat(result.explanation()).isEqualTo("Utrecht and Midden-Utrecht overlap; the test treats them as"
				+ " independent, which only makes a difference harder to call significant, so the difference is"
				+ " significant.");
		// a partial overlap has no share to correct by, even with both bases
		CompareService.Overlapped undecided = CompareService.overlapped(INDEPENDENT, Relation.OVERLAPS, PROVINCE, AREA,
				Map.of("PV26", 1000.0, "AM13", 500.0), Lang.EN);
		assertThat(undecided.test().significant()).isNull();
	}

	@Test
	void regionsThatNoEditionLinksMayOverlap() {
		// how a region without gemeenten lies towards Utrecht is not known: a significant
		// difference stands (an overlap would only make it larger), none found is left
		// open, even with both bases (there is no share to correct by)
		RegionCatalog.Region unlinked = region("XX01", "regio", "Regio X");
		Significance.Test significant = Significance.zTest(4.0, 0.20, 5.0, 0.30, "ebb-rule");
		CompareService.Overlapped stands = CompareService.overlapped(significant, Relation.UNKNOWN, PROVINCE, unlinked,
				Map.of("PV26", 1000.0, "XX01", 500.0), Lang.EN);
		assertThat(stands.test()).isEqualTo(significant);
		assertThat(stands.explanation()).isEqualTo("Utrecht and Regio X: how they lie towards each other is not known"
				+ " (no region edition links both to municipalities). If they overlap, the test treating them as"
				+ " independent only makes a difference harder to call significant, so the difference is significant.");
		CompareService.Overlapped open = CompareService.overlapped(INDEPENDENT, Relation.UNKNOWN, PROVINCE, unlinked,
				Map.of("PV26", 1000.0, "XX01", 500.0), Lang.NL);
		assertThat(open.test().significant()).isNull();
		assertThat(open.test().method()).isEqualTo("not-testable");
		assertThat(open.explanation())
			.startsWith("Utrecht en Regio X: hoe ze ten opzichte van elkaar liggen is niet" + " bekend")
			.endsWith("kan er geen uitsluiten als ze overlappen.");
	}

	private static nl.llomonitor.observation.SeriesService.Value value(String number, String low, String high) {
		return new nl.llomonitor.observation.SeriesService.Value(nl.llomonitor.observation.PeriodCode.of("2023JJ00"),
				new java.math.BigDecimal(number), new java.math.BigDecimal(low), new java.math.BigDecimal(high),
				"definitief", "", null, "85268NED", 1L, null, null, null, false);
	}

	@Test
	void aDifferenceOfRegionsThatNoEditionLinksIsTestedAsIfTheyMayOverlap() {
		RegionCatalog.Region unlinked = region("XX01", "regio", "Regio X");
		var period = nl.llomonitor.observation.PeriodCode.of("2023JJ00");
		// counts with margins that would make the difference significant: one region may
		// hold the other, so it is a difference of size and is not tested
		CompareService.Difference counts = CompareService.difference(indicator("count", "x1000", Map.of()), "year",
				PROVINCE, value("120.0", "118.0", "122.0"), unlinked, value("60.0", "59.0", "61.0"), Relation.UNKNOWN,
				Map.of(), period, Lang.EN);
		assertThat(counts.significant()).isNull();
		assertThat(counts.method()).isEqualTo("not-testable");
		assertThat(counts.explanation()).contains("Utrecht and Regio X: how they lie towards each other is not known")
			.contains("one may include the other");
		// the same counts of disjoint regions are tested
		CompareService.Difference disjoint = CompareService.difference(indicator("count", "x1000", Map.of()), "year",
				PROVINCE, value("120.0", "118.0", "122.0"), unlinked, value("60.0", "59.0", "61.0"), Relation.DISJOINT,
				Map.of(), period, Lang.EN);
		assertThat(disjoint.significant()).isTrue();
		// and say that a count follows the size of the region (a rate does not)
		assertThat(disjoint.explanation()).endsWith("Note: a count follows the size of the region. A significant"
				+ " difference only says that it is not chance of sampling, not that one region fares better or worse;"
				+ " compare a rate for that.");
		// rates: a difference the margins find is significant stands, one they do not
		// find is left open
		IndicatorInfo rate = indicator("rate", "percent", Map.of());
		CompareService.Difference far = CompareService.difference(rate, "year", PROVINCE, value("30.0", "29.0", "31.0"),
				unlinked, value("20.0", "19.0", "21.0"), Relation.UNKNOWN, Map.of(), period, Lang.EN);
		assertThat(far.significant()).isTrue();
		assertThat(far.explanation()).contains("so the difference is significant").doesNotContain("a count follows");
		CompareService.Difference near = CompareService.difference(rate, "year", PROVINCE,
				value("30.0", "29.0", "31.0"), unlinked, value("30.5", "29.5", "31.5"), Relation.UNKNOWN, Map.of(),
				period, Lang.EN);
		assertThat(near.significant()).isNull();
		assertThat(near.explanation()).contains("cannot rule one out if they overlap");
		// disjoint, the same near pair is tested: not significant
		assertThat(CompareService
			.difference(rate, "year", PROVINCE, value("30.0", "29.0", "31.0"), unlinked, value("30.5", "29.5", "31.5"),
					Relation.DISJOINT, Map.of(), period, Lang.EN)
			.significant()).isFalse();
	}

}
