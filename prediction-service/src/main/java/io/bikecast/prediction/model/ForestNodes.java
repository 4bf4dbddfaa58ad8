package io.bikecast.prediction.model;

import io.bikecast.model.CompactForest;
import java.util.Optional;

/**
 * The serving encoding of a forest's nodes: one {@code long} (8 bytes) per node, in the compact forest's pre-order, so
 * a split's "≤" child is the next word and usually in the same cache line.
 *
 * <p>A split is {@code greater << 32 | rank << 8 | feature}: its {@link ServingVector} position, the rank of its
 * threshold among that feature's ({@link ThresholdBins}) and the index of its "&gt;" child; it goes right when the
 * vector's bin of the feature is above the rank. A leaf is {@code 1 << 63 | self << 32 | leafIndex << 8 | }{@link
 * #ALWAYS}: it reads a feature whose bin is above every rank, so it goes "right" to itself. A walk can thus take more
 * steps than its tree's depth without leaving the leaf, which is what lets {@link CompiledForest} walk several trees
 * in one loop; the sign bit says a leaf is reached, the rank field where its value is in {@link #leafValues}.
 *
 * @param words the nodes, in pre-order
 * @param leafValues the leaves' values, in node order
 * @param roots the index of each tree's root
 * @param bins the thresholds the ranks refer to
 */
record ForestNodes(long[] words, double[] leafValues, int[] roots, ThresholdBins bins) {

    /** The bin position a leaf reads: one past the vector, where {@link #bins} puts a bin above every rank. */
    static final int ALWAYS = ServingVector.NAMES.length;

    static final int FEATURE_BITS = 8;

    static final int RANK_BITS = 24;

    /** The largest rank or leaf index a word holds. */
    static final int MAX_RANK = (1 << RANK_BITS) - 1;

    static final long LEAF = Long.MIN_VALUE;

    /**
     * The encoding of a compact forest whose features are at the given serving positions; empty if it does not fit the
     * words (more than 2<sup>24</sup> leaves or distinct thresholds of one feature, far beyond any forest the registry
     * takes), which is then served through Tribuo.
     */
    static Optional<ForestNodes> of(CompactForest forest, int[] servingIndex) {
        if (ALWAYS >= 1 << FEATURE_BITS) {
            throw new IllegalStateException("too many features for the node encoding");
        }
        byte[] feature = forest.feature();
        double[] value = forest.value();
        int nodes = feature.length;
        int[] splitFeature = new int[nodes];
        double[] splitThreshold = new double[nodes];
        int splits = 0;
        for (int i = 0; i < nodes; i++) {
            if (feature[i] != CompactForest.LEAF) {
                splitFeature[splits] = servingIndex[feature[i]];
                splitThreshold[splits++] = value[i];
            }
        }
        int leaves = nodes - splits;
        ThresholdBins bins = ThresholdBins.of(splitFeature, splitThreshold, splits);
        if (leaves > MAX_RANK + 1 || bins.maxThresholds() > MAX_RANK + 1) {
            return Optional.empty();
        }
        long[] words = new long[nodes];
        double[] leafValues = new double[leaves];
        int leaf = 0;
        for (int i = 0; i < nodes; i++) {
            if (feature[i] == CompactForest.LEAF) {
                leafValues[leaf] = value[i];
                words[i] = word(i, leaf++, ALWAYS) | LEAF;
            } else {
                int f = servingIndex[feature[i]];
                words[i] = word(forest.greater()[i], bins.rank(f, value[i]), f);
            }
        }
        return Optional.of(new ForestNodes(words, leafValues, forest.roots().clone(), bins));
    }

    private static long word(int next, int rank, int feature) {
        return ((long) next << 32) | ((long) rank << FEATURE_BITS) | feature;
    }

    /** A vector's bins, with the bin at {@link #ALWAYS} above every rank. */
    int[] binsOf(double[] vector) {
        int[] b = new int[ALWAYS + 1];
        bins.fill(vector, b);
        b[ALWAYS] = Integer.MAX_VALUE;
        return b;
    }
}
