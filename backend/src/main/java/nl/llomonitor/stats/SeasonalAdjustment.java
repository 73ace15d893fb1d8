package nl.llomonitor.stats;

/**
 * Our own seasonal adjustment of a quarterly series: a centred 2x4 moving average
 * (weights 1/8, 1/4, 1/4, 1/4, 1/8) as the trend-cycle, the ratio of each value to it,
 * the mean ratio per quarter as seasonal factor (normalised to average 1), and the value
 * divided by its quarter's factor. Where a value is zero or negative the additive form is
 * used (differences instead of ratios). This is a classical decomposition, simpler than
 * the X-13 method CBS uses, and labelled as ours.
 */
final class SeasonalAdjustment {

	/** Fewest consecutive quarters we adjust (three years). */
	static final int MIN_QUARTERS = 12;

	private SeasonalAdjustment() {
	}

	/**
	 * @param adjusted seasonally adjusted values
	 * @param factors seasonal factor per quarter (index 0 = Q1); ratios, or differences
	 * if additive
	 * @param multiplicative whether factors are ratios
	 */
	record Result(double[] adjusted, double[] factors, boolean multiplicative) {
	}

	/**
	 * @param values consecutive quarterly values, no gaps
	 * @param firstQuarter quarter (1-4) of the first value
	 * @return the adjustment
	 */
	static Result adjust(double[] values, int firstQuarter) {
		int n = values.length;
		if (n < MIN_QUARTERS) {
			throw new IllegalArgumentException("Seasonal adjustment needs at least " + MIN_QUARTERS + " quarters");
		}
		boolean multiplicative = true;
		for (double v : values) {
			if (v <= 0) {
				multiplicative = false;
				break;
			}
		}
		double[] sum = new double[4];
		int[] count = new int[4];
		for (int t = 2; t < n - 2; t++) {
			double cma = (0.5 * values[t - 2] + values[t - 1] + values[t] + values[t + 1] + 0.5 * values[t + 2]) / 4;
			int q = quarter(firstQuarter, t);
			sum[q] += multiplicative ? values[t] / cma : values[t] - cma;
			count[q]++;
		}
		double[] factors = new double[4];
		double mean = 0;
		for (int q = 0; q < 4; q++) {
			factors[q] = sum[q] / count[q];
			mean += factors[q] / 4;
		}
		for (int q = 0; q < 4; q++) {
			factors[q] = multiplicative ? factors[q] / mean : factors[q] - mean;
		}
		double[] adjusted = new double[n];
		for (int t = 0; t < n; t++) {
			double f = factors[quarter(firstQuarter, t)];
			adjusted[t] = multiplicative ? values[t] / f : values[t] - f;
		}
		return new Result(adjusted, factors, multiplicative);
	}

	private static int quarter(int firstQuarter, int t) {
		return (firstQuarter - 1 + t) % 4;
	}

}
