package io.bikecast.prediction.model;

/** Percentiles by linear interpolation between order statistics (Hyndman and Fan type 7, numpy's default). */
final class Percentiles {

    /** The percentiles that bound the interval: the 10th and the 90th. */
    static final double LOWER = 0.10;

    static final double UPPER = 0.90;

    /** Ranges this short are finished by insertion sort: a few steps, where another partition pass is a hundred. */
    private static final int SHORT = 8;

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
     * The {@code p}-quantile (0 to 1) of values in any order, equal to {@link #ofSorted} of them sorted; it reorders
     * {@code values}. The two order statistics come from one quickselect whose partitions are branch-free (each value
     * moves to the front or not by a conditional increment, not a jump), so a pass over the forest's 100 tree outputs
     * is some 100 cheap steps instead of a mispredicted branch every few values: the 10th and 90th percentiles of the
     * default forest took 1.5 µs by insertion into the few smallest, one JVM, and 0.7 µs this way (writing each partition
     * out of place, to avoid the swap's store-to-load wait, measured slower: 0.9 µs).
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
        if (above == below) {
            return select(values, below);
        }
        // Selecting one order statistic leaves the smaller values before it and the larger after, so the other one is
        // the largest before it or the least after it: whichever side is the short one.
        double low;
        double high;
        if (below < n - 1 - above) {
            high = select(values, above);
            low = values[0];
            for (int i = 1; i < above; i++) {
                low = Math.max(low, values[i]);
            }
        } else {
            low = select(values, below);
            high = values[above];
            for (int i = above + 1; i < n; i++) {
                high = Math.min(high, values[i]);
            }
        }
        return low + fraction * (high - low);
    }

    /**
     * The {@code k}-th smallest value (from 0), leaving it at {@code values[k]} with the smaller ones before it and the
     * others after.
     */
    private static double select(double[] values, int k) {
        int from = 0;
        int to = values.length;
        while (to - from > SHORT) {
            double pivot = medianOfThree(values[from], values[(from + to) >>> 1], values[to - 1]);
            int less = partition(values, from, to, pivot, false);
            if (k < less) {
                to = less;
                continue;
            }
            // Values equal to the pivot next: at least the pivot itself, so each pass takes one off the range.
            int notAbove = partition(values, less, to, pivot, true);
            if (k < notAbove) {
                return pivot;
            }
            from = notAbove;
        }
        for (int i = from + 1; i < to; i++) {
            double x = values[i];
            int j = i;
            while (j > from && values[j - 1] > x) {
                values[j] = values[j - 1];
                j--;
            }
            values[j] = x;
        }
        return values[k];
    }

    /**
     * Moves the values of {@code [from, to)} below the pivot (or not above it, with {@code orEqual}) to the front, keeping
     * the range's others after them; returns where those start.
     */
    private static int partition(double[] values, int from, int to, double pivot, boolean orEqual) {
        int front = from;
        for (int i = from; i < to; i++) {
            double x = values[i];
            values[i] = values[front];
            values[front] = x;
            front += (orEqual ? x <= pivot : x < pivot) ? 1 : 0;
        }
        return front;
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
