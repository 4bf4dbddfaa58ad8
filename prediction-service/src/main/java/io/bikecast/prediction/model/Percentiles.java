package io.bikecast.prediction.model;

/** Percentiles by linear interpolation between order statistics (Hyndman and Fan type 7, numpy's default). */
final class Percentiles {

    /** The percentiles that bound the interval: the 10th and the 90th. */
    static final double LOWER = 0.10;

    static final double UPPER = 0.90;

    private Percentiles() {}

    /** The {@code p}-quantile (0 to 1) of values already sorted ascending. */
    static double ofSorted(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
