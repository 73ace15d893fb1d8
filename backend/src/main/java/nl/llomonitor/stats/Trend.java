package nl.llomonitor.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Ordinary least squares trend of a series with 95 % confidence intervals (Student t),
 * for the slope and for the fitted mean at every point.
 */
final class Trend {

	static final double CONFIDENCE = 0.95;

	private Trend() {
	}

	/**
	 * @param n number of points
	 * @param slope slope per period
	 * @param slopeLow lower 95 % bound of the slope
	 * @param slopeHigh upper 95 % bound of the slope
	 * @param intercept value at x = 0
	 * @param rSquared coefficient of determination
	 * @param pValue two-sided p-value of the slope
	 * @param fitted fitted values
	 * @param low lower 95 % bound of the fitted mean
	 * @param high upper 95 % bound of the fitted mean
	 */
	record Fit(int n, double slope, double slopeLow, double slopeHigh, double intercept, double rSquared, double pValue,
			double[] fitted, double[] low, double[] high) {

		boolean significant() {
			return this.pValue < 1 - CONFIDENCE;
		}

	}

	/**
	 * @param x x values (period numbers)
	 * @param y observed values
	 * @return the fit; needs at least 3 points
	 */
	static Fit ols(double[] x, double[] y) {
		if (x.length != y.length || x.length < 3) {
			throw new IllegalArgumentException("OLS needs at least 3 points");
		}
		SimpleRegression regression = new SimpleRegression(true);
		for (int i = 0; i < x.length; i++) {
			regression.addData(x[i], y[i]);
		}
		int n = x.length;
		double slope = regression.getSlope();
		double intercept = regression.getIntercept();
		double halfWidth = regression.getSlopeConfidenceInterval(1 - CONFIDENCE);
		double t = new TDistribution(n - 2).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
		double s = Math.sqrt(regression.getMeanSquareError());
		double meanX = 0;
		for (double v : x) {
			meanX += v;
		}
		meanX /= n;
		double sxx = regression.getXSumSquares();
		double[] fitted = new double[n];
		double[] low = new double[n];
		double[] high = new double[n];
		for (int i = 0; i < n; i++) {
			fitted[i] = intercept + slope * x[i];
			double margin = t * s * Math.sqrt(1.0 / n + (x[i] - meanX) * (x[i] - meanX) / sxx);
			low[i] = fitted[i] - margin;
			high[i] = fitted[i] + margin;
		}
		double p = regression.getSignificance();
		return new Fit(n, slope, slope - halfWidth, slope + halfWidth, intercept, regression.getRSquare(),
				Double.isNaN(p) ? 0 : p, fitted, low, high);
	}

}
