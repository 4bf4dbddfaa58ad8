package io.bikecast.prediction.model;

/**
 * A forest's nodes as {@link CompiledForest} walks them, in {@link NodeOrder}: a split's children side by side, each
 * split a {@link ServingVector} position, the rank of its threshold among that feature's ({@link ThresholdBins}) and
 * the index of its children's pair; it goes to the pair's second node, its "&gt;" child, when the vector's bin of the
 * feature is above the rank, else to the first. A leaf reads position {@link #LEAF}, whose bin is below every rank, and
 * its pair is itself: a walk can take more steps than its tree's depth without leaving the leaf, which is what lets
 * {@link CompiledForest} walk several trees in one loop. A node's word is negative exactly when it is a leaf.
 *
 * <p>Two encodings, {@link CompactNodes} (4 bytes a node) where the forest fits it, as forests of this service's data
 * do, else {@link WideNodes} (8 bytes); {@link ForestLayout} chooses.
 */
sealed interface ForestNodes permits CompactNodes, WideNodes {

    /** The bin position a leaf reads: one past the vector, where {@link ForestLayout#binsOf} puts a bin below every rank. */
    int LEAF = ServingVector.NAMES.length;

    /** The word of a node. */
    long word(int node);

    /** The node a walk goes to from {@code node}, whose word is {@code word}: Tribuo's {@code x > threshold} on ranks. */
    int step(long word, int node, int[] bins);

    /** The number of nodes. */
    int size();
}
