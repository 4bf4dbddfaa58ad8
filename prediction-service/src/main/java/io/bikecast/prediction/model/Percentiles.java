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

    /**
     * The {@code p}-quantile (0 to 1) of values in any order, equal to {@link #ofSorted} of them sorted. It keeps only
     * the few values at the nearer end that the two order statistics need, so most values cost one well-predicted
     * comparison: sorting a forest's 100 tree outputs (insertion sort at that size, a mispredicted branch per step)
     * cost more than walking the trees once their nodes were small.
     */
    static double of(double[] values, double p) {
        int n = values.length;
        if (n == 1) {
            return values[0];
        }
        double position = p * (n - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, n - 1);
        double fraction = position - below;
        if (below < n / 2) {
            double[] low = smallest(values, above + 1, 1);
            return low[below] + fraction * (low[above] - low[below]);
        }
        // The largest values are the smallest negated; negating a double is exact.
        double[] high = smallest(values, n - below, -1);
        return -high[n - 1 - below] + fraction * (-high[n - 1 - above] - -high[n - 1 - below]);
    }

    /** The {@code count} smallest of the values times {@code sign} (1 or -1), ascending. */
    private static double[] smallest(double[] values, int count, double sign) {
        double[] kept = new double[count];
        int size = 0;
        for (double value : values) {
            double x = sign * value;
            if (size == count) {
                if (!(x < kept[count - 1])) {
                    continue;
                }
                size--;
            }
            int i = size++;
            while (i > 0 && kept[i - 1] > x) {
                kept[i] = kept[i - 1];
                i--;
            }
            kept[i] = x;
        }
        return kept;
    }
}
