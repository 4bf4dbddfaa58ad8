package io.bikecast.prediction.model;

import io.bikecast.model.CompactForest;
import java.util.Optional;

/**
 * What {@link CompiledForest} walks: the {@link ForestNodes} in {@link NodeOrder}, each leaf's value by node index (a
 * walk reads one per tree, so the gaps at the splits cost memory but no cache), each tree's root and the thresholds the
 * ranks refer to.
 *
 * @param nodes the nodes of every tree, in {@link NodeOrder}
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
        int[] splitFeature = new int[nodes];
        double[] splitThreshold = new double[nodes];
        int splits = 0;
        for (int i = 0; i < nodes; i++) {
            if (feature[i] != CompactForest.LEAF) {
                splitFeature[splits] = servingIndex[feature[i]];
                splitThreshold[splits++] = value[i];
            }
        }
        ThresholdBins bins = ThresholdBins.of(splitFeature, splitThreshold, splits);
        NodeOrder order = NodeOrder.of(forest);
        int[] position = new int[nodes];
        int[] rank = new int[nodes];
        double[] leafValues = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            int compact = order.source()[i];
            if (feature[compact] == CompactForest.LEAF) {
                position[i] = -1;
                leafValues[i] = value[compact];
            } else {
                position[i] = servingIndex[feature[compact]];
                rank[i] = bins.rank(position[i], value[compact]);
            }
        }
        Optional<ForestNodes> compact = CompactNodes.of(position, rank, order.pair());
        Optional<ForestNodes> encoded = compact.isPresent() ? compact : WideNodes.of(position, rank, order.pair());
        return encoded.map(n -> new ForestLayout(n, leafValues, order.roots(), bins));
    }

    /** A vector's bins, with the bin at {@link ForestNodes#LEAF} below every rank. */
    int[] binsOf(double[] vector) {
        int[] b = new int[ForestNodes.LEAF + 1];
        bins.fill(vector, b);
        b[ForestNodes.LEAF] = -1;
        return b;
    }
}
