package nl.llomonitor.stats;

import java.math.BigDecimal;
import java.util.List;

import nl.llomonitor.cube.ValueClass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * OLS trend, seasonal adjustment and significance against values worked out by hand.
 */
class StatisticsTests {

	@Test
	void olsMatchesHandComputation() {
		// x = 0..4, y = 1, 3, 2, 5, 4: mean x 2, mean y 3, Sxx = 10, Sxy = 8
		// slope 0.8, intercept 1.4, residuals -0.4 0.8 -1.0 1.2 -0.6, SSE 3.6, s^2 = 1.2
		// se(slope) = sqrt(1.2 / 10); t(3; 0.975) = 3.182446305 (table)
		Trend.Fit fit = Trend.ols(new double[] { 0, 1, 2, 3, 4 }, new double[] { 1, 3, 2, 5, 4 });
		double t = 3.182446305;
		double seSlope = Math.sqrt(1.2 / 10);
		assertThat(fit.slope()).isCloseTo(0.8, within(1e-12));
		assertThat(fit.intercept()).isCloseTo(1.4, within(1e-12));
		assertThat(fit.slopeLow()).isCloseTo(0.8 - t * seSlope, within(1e-6));
		assertThat(fit.slopeHigh()).isCloseTo(0.8 + t * seSlope, within(1e-6));
		assertThat(fit.rSquared()).isCloseTo(1 - 3.6 / 10, within(1e-12));
		assertThat(fit.fitted()).containsExactly(new double[] { 1.4, 2.2, 3.0, 3.8, 4.6 }, within(1e-12));
		// band of the mean at x = 0: t * s * sqrt(1/5 + (0 - 2)^2 / 10)
		double band0 = t * Math.sqrt(1.2) * Math.sqrt(0.2 + 0.4);
		assertThat(fit.low()[0]).isCloseTo(1.4 - band0, within(1e-6));
		assertThat(fit.high()[0]).isCloseTo(1.4 + band0, within(1e-6));
		// narrowest at the mean x: t * s * sqrt(1/5)
		assertThat(fit.high()[2] - fit.fitted()[2]).isCloseTo(t * Math.sqrt(1.2) * Math.sqrt(0.2), within(1e-6));
		// slope interval contains 0: not significant at 95 %
		assertThat(fit.significant()).isFalse();
	}

	@Test
	void seasonalAdjustmentRemovesAnExactPattern() {
		// level 10 times factors 1.2, 0.8, 1.1, 0.9: the 2x4 average is exactly 10
		double[] y = { 12, 8, 11, 9, 12, 8, 11, 9, 12, 8, 11, 9 };
		SeasonalAdjustment.Result result = SeasonalAdjustment.adjust(y, 1);
		assertThat(result.multiplicative()).isTrue();
		assertThat(result.factors()).containsExactly(new double[] { 1.2, 0.8, 1.1, 0.9 }, within(1e-12));
		for (double v : result.adjusted()) {
			assertThat(v).isCloseTo(10, within(1e-12));
		}
	}

	@Test
	void seasonalAdjustmentMatchesHandComputation() {
		double[] y = { 8, 12, 9, 11, 10, 14, 11, 13, 12, 16, 13, 15 };
		// centred 2x4 averages, t = 2..9 (worked out by hand):
		// (0.5*8 + 12 + 9 + 11 + 0.5*10) / 4 = 10.25, then 10.75, 11.25, ..., 13.75
		// ratios per quarter (t = 2 is Q3):
		double q1 = (10 / 11.25 + 12 / 13.25) / 2;
		double q2 = (14 / 11.75 + 16 / 13.75) / 2;
		double q3 = (9 / 10.25 + 11 / 12.25) / 2;
		double q4 = (11 / 10.75 + 13 / 12.75) / 2;
		double mean = (q1 + q2 + q3 + q4) / 4;
		double[] factors = { q1 / mean, q2 / mean, q3 / mean, q4 / mean };
		SeasonalAdjustment.Result result = SeasonalAdjustment.adjust(y, 1);
		assertThat(result.factors()).containsExactly(factors, within(1e-12));
		assertThat(result.adjusted()[0]).isCloseTo(8 / factors[0], within(1e-12));
		assertThat(result.adjusted()[5]).isCloseTo(14 / factors[1], within(1e-12));
		assertThat(result.adjusted()[11]).isCloseTo(15 / factors[3], within(1e-12));
		// the second quarter is the high season
		assertThat(factors[1]).isGreaterThan(1.1);
	}

	@Test
	void seasonalAdjustmentNeedsThreeYears() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> SeasonalAdjustment.adjust(new double[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void significanceFromPublishedMargins() {
		// 10000 [9000, 11000] vs 12000 [11500, 12500]: se 2000/3.92 and 1000/3.92
		double seA = Significance.seFromMargins(9000, 11000);
		double seB = Significance.seFromMargins(11500, 12500);
		assertThat(seA).isCloseTo(2000 / (2 * 1.959963985), within(1e-6));
		Significance.Test test = Significance.zTest(10000, seA, 12000, seB, "margins");
		assertThat(test.z()).isCloseTo(-2000 / Math.sqrt(seA * seA + seB * seB), within(1e-9));
		assertThat(test.z()).isCloseTo(-3.506, within(0.001));
		assertThat(test.significant()).isTrue();
		assertThat(Significance.zTest(10000, seA, 10500, seB, "margins").significant()).isFalse();
	}

	@Test
	void overlappingEstimatesTestedWithTheirCovariance() {
		// 4.0 % (se 0.20) for a country against 4.4 % (se 0.30) for a region holding half
		// of its base: as if independent, z = -0.4 / sqrt(0.04 + 0.09) = -1.109; with
		// cov = 0.5 * 0.09 = 0.045, var = 0.13 - 0.09 = 0.04 and z = -0.4 / 0.2 = -2.0
		Significance.Test independent = Significance.zTest(4.0, 0.20, 4.4, 0.30, "ebb-rule");
		assertThat(independent.z()).isCloseTo(-1.1094, within(1e-4));
		assertThat(independent.significant()).isFalse();
		Significance.Test nested = Significance.zTest(independent, 0.5 * 0.09);
		assertThat(nested.z()).isCloseTo(-2.0, within(1e-9));
		assertThat(nested.significant()).isTrue();
		assertThat(nested.method()).isEqualTo("ebb-rule");
		assertThat(nested.seA()).isEqualTo(0.20);
		// a covariance the standard errors cannot hold leaves no variance: not testable
		Significance.Test impossible = Significance.zTest(independent, 0.09);
		assertThat(impossible.significant()).isNull();
		assertThat(impossible.method()).isEqualTo("not-testable");
	}

	@Test
	void ebbRuleStandardError() {
		// Utrecht: 75.5 % of 1,046 thousand; one observation ~ 200 persons per quarter
		// n = 1,046,000 / 200 = 5230; se = sqrt(0.755 * 0.245 / 5230) * 100
		double se = Significance.ebbStandardError(75.5, true, 1046, "quarter");
		assertThat(se).isCloseTo(Math.sqrt(0.755 * 0.245 / 5230) * 100, within(1e-9));
		// a base of 20 thousand persons is 100 observations: below the EBB's 150
		assertThat(Significance.ebbStandardError(50, true, 20, "quarter")).isNaN();
		// yearly figures pool four quarters
		assertThat(Significance.ebbStandardError(75.5, true, 1046, "year")).isCloseTo(se / 2, within(1e-9));
	}

	/**
	 * UWV's classes of the spanningsindicator, as data/indicators.yaml gives them: zeer
	 * ruim < 0.25 <= ruim < 0.67 <= gemiddeld < 1.5 <= krap < 4 <= zeer krap.
	 */
	@Test
	void tensionClassesComeFromTheCatalog() {
		List<ValueClass> classes = nl.llomonitor.importer.catalog.Catalog.load()
			.indicators()
			.stream()
			.filter((i) -> i.code().equals("spanningsindicator"))
			.findFirst()
			.orElseThrow()
			.valueClasses();
		assertThat(classes).extracting(ValueClass::code)
			.containsExactly("zeer_ruim", "ruim", "gemiddeld", "krap", "zeer_krap");
		assertThat(ValueClass.of(classes, new BigDecimal("0.2")).code()).isEqualTo("zeer_ruim");
		assertThat(ValueClass.of(classes, new BigDecimal("0.2499")).code()).isEqualTo("zeer_ruim");
		assertThat(ValueClass.of(classes, new BigDecimal("0.25")).code()).isEqualTo("ruim");
		assertThat(ValueClass.of(classes, new BigDecimal("0.67")).code()).isEqualTo("gemiddeld");
		assertThat(ValueClass.of(classes, new BigDecimal("1.5")).code()).isEqualTo("krap");
		assertThat(ValueClass.of(classes, new BigDecimal("3.99")).code()).isEqualTo("krap");
		assertThat(ValueClass.of(classes, new BigDecimal("4.0")).name(true)).isEqualTo("Very tight");
		assertThat(ValueClass.of(classes, new BigDecimal("4.0")).name(false)).isEqualTo("Zeer krap");
		assertThat(ValueClass.of(classes, null)).isNull();
	}

}
