package io.bikecast.training.forecast;

import java.util.Arrays;

/**
 * Split-conformal 80% intervals: the 10th and 90th percentiles of a model's errors (actual minus predicted, in the
 * target's space) on hours it did not learn shift each prediction. Under log1p the offsets are ratios, so an
 * interval's width follows the level of demand.
 */
final class Intervals {

    static final double LOW = 0.10;
    static final double HIGH = 0.90;

    private Intervals() {}

    /** {low, high} offsets of the errors. */
    static double[] offsets(double[] errors) {
        double[] sorted = errors.clone();
        Arrays.sort(sorted);
        return new double[] {percentile(sorted, LOW), percentile(sorted, HIGH)};
    }

    private static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
