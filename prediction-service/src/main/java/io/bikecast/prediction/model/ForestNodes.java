package io.bikecast.prediction.model;

/**
 * A forest's nodes as {@link CompiledForest} walks them: in the compact forest's pre-order, so a split's "≤" child is
 * the next node and usually in the same cache line, each split a {@link ServingVector} position and the rank of its
 * threshold among that feature's ({@link ThresholdBins}); it goes right when the vector's bin of the feature is above
 * the rank. A leaf reads position {@link #ALWAYS}, whose bin is above every rank, and its "&gt;" child is itself: a walk
 * can take more steps than its tree's depth without leaving the leaf, which is what lets {@link CompiledForest} walk
 * several trees in one loop. A node's word is negative exactly when it is a leaf.
 *
 * <p>Two encodings, {@link CompactNodes} (4 bytes a node) where the forest fits it, as forests of this service's data
 * do, else {@link WideNodes} (8 bytes); {@link ForestLayout} chooses.
 */
sealed interface ForestNodes permits CompactNodes, WideNodes {

    /** The bin position a leaf reads: one past the vector, where {@link ForestLayout#binsOf} puts a bin above every rank. */
    int ALWAYS = ServingVector.NAMES.length;

    /** The word of a node. */
    long word(int node);

    /** The node a walk goes to from {@code node}, whose word is {@code word}: Tribuo's {@code x > threshold} on ranks. */
    int step(long word, int node, int[] bins);

    /** The number of nodes. */
    int size();
}
