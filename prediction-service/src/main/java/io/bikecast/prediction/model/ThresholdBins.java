package io.bikecast.prediction.model;

import java.util.Arrays;

/**
 * Each feature's distinct split thresholds, sorted, so that a split compares small integers instead of doubles: a
 * value's <em>bin</em> is the number of the feature's thresholds it is above, and {@code x > t_k} holds exactly when
 * {@code bin(x) > k}, for every double {@code x} (NaN included: it is above none, as it is above no threshold). The
 * thresholds are the forest's own doubles, so the walk is still Tribuo's bit for bit; the ranks only make a node small
 * enough ({@link CompactNodes}: 4 bytes instead of 16) for the forest to stay in the caches.
 *
 * <p>A forest splits each feature on a few hundred to a few thousand distinct values, so binning the vector (one
 * binary search per feature) costs far less than the node visits it makes cheaper.
 */
final class ThresholdBins {

    /** Per {@link ServingVector} position, the distinct thresholds of the splits that read it, ascending. */
    private final double[][] thresholds;

    /** False when no split reads a history feature (a forest without history): none of its values is rewritten. */
    private final boolean readsHistory;

    private ThresholdBins(double[][] thresholds) {
        this.thresholds = thresholds;
        boolean history = false;
        for (int f = ServingVector.HISTORY_START; f < thresholds.length; f++) {
            history |= thresholds[f].length > 0;
        }
        this.readsHistory = history;
    }

    /**
     * The bins of the given splits.
     *
     * @param feature per split, its {@link ServingVector} position
     * @param threshold per split, its threshold
     * @param splits how many of the arrays' entries are splits
     */
    static ThresholdBins of(int[] feature, double[] threshold, int splits) {
        int features = ServingVector.NAMES.length;
        int[] counts = new int[features];
        for (int s = 0; s < splits; s++) {
            counts[feature[s]]++;
        }
        double[][] all = new double[features][];
        for (int f = 0; f < features; f++) {
            all[f] = new double[counts[f]];
            counts[f] = 0;
        }
        for (int s = 0; s < splits; s++) {
            all[feature[s]][counts[feature[s]]++] = threshold[s];
        }
        double[][] distinct = new double[features][];
        for (int f = 0; f < features; f++) {
            distinct[f] = Arrays.stream(all[f]).sorted().distinct().toArray();
        }
        return new ThresholdBins(distinct);
    }

    /** The rank of one of a feature's thresholds among its distinct thresholds. */
    int rank(int feature, double threshold) {
        int rank = Arrays.binarySearch(thresholds[feature], threshold);
        if (rank < 0) {
            throw new IllegalArgumentException("not a threshold of feature " + feature + ": " + threshold);
        }
        return rank;
    }

    /**
     * Writes each feature's bin of the vector into {@code bins}. A missing history feature (NaN) is binned as 0, the
     * value Tribuo reads for a feature an example lacks, and so is one past the end of a shorter vector (the UCI
     * features alone).
     */
    void fill(double[] vector, int[] bins) {
        int history = readsHistory ? ServingVector.HISTORY_START : thresholds.length;
        int features = Math.min(thresholds.length, vector.length);
        for (int f = features; f < thresholds.length; f++) {
            bins[f] = binOf(thresholds[f], 0);
        }
        for (int f = 0; f < features; f++) {
            double x = vector[f];
            bins[f] = binOf(thresholds[f], f >= history && Double.isNaN(x) ? 0 : x);
        }
    }

    /** The number of thresholds {@code x} is above: Tribuo's {@code x > threshold}, counted by binary search. */
    private static int binOf(double[] sorted, double x) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (x > sorted[middle]) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
