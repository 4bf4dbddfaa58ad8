package io.bikecast.prediction.model;

import io.bikecast.model.CompactForest;
import java.util.Optional;

/**
 * What {@link CompiledForest} walks: the {@link ForestNodes}, each leaf's value by node index (a walk reads one per
 * tree, so the gaps at the splits cost memory but no cache), each tree's root and the thresholds the ranks refer to.
 *
 * @param nodes the nodes of every tree, in pre-order
 * @param leafValues per node, the leaf's value (0 for a split)
 * @param roots the index of each tree's root
 * @param bins the thresholds the ranks refer to
 */
record ForestLayout(ForestNodes nodes, double[] leafValues, int[] roots, ThresholdBins bins) {

    /**
     * The nodes of a compact forest whose features are at the given serving positions: compact if it fits, else wide;
     * empty if it fits neither (more than 2<sup>24</sup> distinct thresholds of one feature, far beyond any forest the
     * registry takes), which is then served through Tribuo.
     */
    static Optional<ForestLayout> of(CompactForest forest, int[] servingIndex) {
        byte[] feature = forest.feature();
        double[] value = forest.value();
        int nodes = feature.length;
        int[] position = new int[nodes];
        int[] splitFeature = new int[nodes];
        double[] splitThreshold = new double[nodes];
        int splits = 0;
        for (int i = 0; i < nodes; i++) {
            position[i] = feature[i] == CompactForest.LEAF ? -1 : servingIndex[feature[i]];
            if (position[i] >= 0) {
                splitFeature[splits] = position[i];
                splitThreshold[splits++] = value[i];
            }
        }
        ThresholdBins bins = ThresholdBins.of(splitFeature, splitThreshold, splits);
        int[] rank = new int[nodes];
        double[] leafValues = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            if (position[i] >= 0) {
                rank[i] = bins.rank(position[i], value[i]);
            } else {
                leafValues[i] = value[i];
            }
        }
        Optional<ForestNodes> compact = CompactNodes.of(position, rank, forest.greater());
        Optional<ForestNodes> encoded = compact.isPresent() ? compact : WideNodes.of(position, rank, forest.greater());
        return encoded.map(n -> new ForestLayout(n, leafValues, forest.roots().clone(), bins));
    }

    /** A vector's bins, with the bin at {@link ForestNodes#ALWAYS} above every rank. */
    int[] binsOf(double[] vector) {
        int[] b = new int[ForestNodes.ALWAYS + 1];
        bins.fill(vector, b);
        b[ForestNodes.ALWAYS] = Integer.MAX_VALUE;
        return b;
    }
}
