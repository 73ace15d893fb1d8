package nl.llomonitor.stats;

import nl.llomonitor.cube.PeriodType;

/**
 * Whether the difference between two figures is statistically significant at the 95 %
 * level, by a z-test on the difference of two independent estimates.
 * <ul>
 * <li>{@code margins}: from published 95 % intervals, se = (high - low) / (2 x
 * 1.96).</li>
 * <li>{@code ebb-rule}: for figures of the Enquete Beroepsbevolking (EBB: the mapping
 * files of its tables say {@code survey: EBB}; the indicator names its base population as
 * {@code sampleBase} in data/indicators.yaml), which CBS publishes without margins. CBS's
 * publication rule says a percentage needs 150 independent sample observations, which for
 * quarterly figures (quarterly weight) corresponds to a weighted population of about 30
 * thousand persons (EBB onderzoeksbeschrijving 2023, section 7). So one observation
 * stands for about 200 persons in a quarter. We approximate the sample size of a figure
 * as its base population / 200 (quarter) or / 50 (year: four quarterly samples pooled,
 * assumed independent) and use the binomial standard error sqrt(p (1 - p) / n). For a
 * count X in a population N the same is applied to p = X / N. Figures whose base rests on
 * fewer than 150 approximated observations are not tested. This is an approximation (no
 * design effect, rotation panel ignored), stated as such in every answer.</li>
 * <li>{@code not-testable}: neither margins nor a sample rule apply.</li>
 * </ul>
 */
final class Significance {

	static final double Z95 = 1.959963984540054;

	static final double PERSONS_PER_OBSERVATION_QUARTER = 30_000.0 / 150;

	static final double PERSONS_PER_OBSERVATION_YEAR = PERSONS_PER_OBSERVATION_QUARTER / 4;

	static final int MIN_OBSERVATIONS = 150;

	private Significance() {
	}

	/**
	 * @param method margins, ebb-rule or not-testable
	 * @param z z statistic (NaN if not testable)
	 * @param significant whether |z| > 1.96 (null if not testable)
	 * @param seA standard error of a
	 * @param seB standard error of b
	 */
	record Test(String method, double z, Boolean significant, double seA, double seB) {

		static Test notTestable() {
			return new Test("not-testable", Double.NaN, null, Double.NaN, Double.NaN);
		}

	}

	/**
	 * @param low lower bound of a published 95 % interval
	 * @param high upper bound
	 * @return the standard error
	 */
	static double seFromMargins(double low, double high) {
		return (high - low) / (2 * Z95);
	}

	/**
	 * @param a first estimate
	 * @param seA its standard error
	 * @param b second estimate
	 * @param seB its standard error
	 * @param method how the standard errors were found
	 * @return the z-test of a - b
	 */
	static Test zTest(double a, double seA, double b, double seB, String method) {
		double se = Math.sqrt(seA * seA + seB * seB);
		if (!(se > 0)) {
			return Test.notTestable();
		}
		double z = (a - b) / se;
		return new Test(method, z, Math.abs(z) > Z95, seA, seB);
	}

	/**
	 * The same two estimates tested again with their covariance:
	 * {@code z = (a - b) / sqrt(se_a^2 + se_b^2 - 2 cov)}.
	 * @param independent the test as if they were independent (method and standard errors
	 * kept)
	 * @param covariance their covariance, in the squared unit of the figures
	 * @return the test; not testable when the variance of the difference is not positive
	 * (standard errors that do not fit the covariance)
	 */
	static Test zTest(Test independent, double covariance) {
		double variance = independent.seA() * independent.seA() + independent.seB() * independent.seB()
				- 2 * covariance;
		if (!(variance > 0) || Double.isNaN(independent.z())) {
			return Test.notTestable();
		}
		double se = Math.sqrt(independent.seA() * independent.seA() + independent.seB() * independent.seB());
		double z = independent.z() * se / Math.sqrt(variance);
		return new Test(independent.method(), z, Math.abs(z) > Z95, independent.seA(), independent.seB());
	}

	/**
	 * Approximate standard error of an EBB figure by the EBB publication rule.
	 * @param value the figure: a percentage, or a count in the unit of the base
	 * @param percent whether the figure is a percentage of the base
	 * @param base the base population in thousands
	 * @param periodType quarter or year
	 * @return the standard error in the unit of the figure, or NaN if the figure rests on
	 * fewer than 150 approximated observations or the base is unknown
	 */
	static double ebbStandardError(double value, boolean percent, double base, String periodType) {
		if (!(base > 0)) {
			return Double.NaN;
		}
		double personsPerObservation = PeriodType.YEAR.code().equals(periodType) ? PERSONS_PER_OBSERVATION_YEAR
				: PERSONS_PER_OBSERVATION_QUARTER;
		double p = percent ? value / 100 : value / base;
		if (p < 0 || p > 1) {
			return Double.NaN;
		}
		double sample = base * 1000 / personsPerObservation;
		if (sample < MIN_OBSERVATIONS) {
			return Double.NaN;
		}
		double seP = Math.sqrt(p * (1 - p) / sample);
		return percent ? seP * 100 : seP * base;
	}

}
