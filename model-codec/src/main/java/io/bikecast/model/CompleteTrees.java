package io.bikecast.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Boosted trees laid out as complete binary trees of one depth, so that a walk has no data-dependent branch: at each
 * level the next node is {@code 2i + 1} or {@code 2i + 2}, picked by a comparison the JIT turns into a conditional
 * move. Walking a few hundred shallow trees one unpredictable branch per level is what bounds the pointer layout of
 * {@link CompiledBoostedTrees} (about half the levels mispredict); here every tree costs the same fixed number of
 * loads. A leaf above the full depth is padded with splits whose two sides both end in copies of it, so the answer is
 * the same whichever way the padding goes. The price is memory, {@code 2^depth} leaves a tree, so only trees up to
 * {@value #MAX_DEPTH} levels deep (XGBoost's default is 6) are laid out this way.
 *
 * <p>A missing value (NaN) goes where the tree learnt it should; a vector without any takes the comparison-only walk.
 * Immutable and thread-safe.
 */
final class CompleteTrees {

    static final int MAX_DEPTH = 10;

    private final int depth;
    private final int trees;
    private final int internal;
    private final int[] feature;
    private final float[] threshold;
    private final boolean[] missingRight;
    private final double[] leaf;

    private CompleteTrees(int depth, int trees) {
        this.depth = depth;
        this.trees = trees;
        this.internal = (1 << depth) - 1;
        this.feature = new int[trees * internal];
        this.threshold = new float[trees * internal];
        this.missingRight = new boolean[trees * internal];
        this.leaf = new double[trees << depth];
        Arrays.fill(threshold, Float.POSITIVE_INFINITY);
    }

    /**
     * The trees of a {@link CompiledBoostedTrees} layout (node offsets in {@code roots}, nodes of {@code
     * CompiledBoostedTrees.NODE} ints), or empty if one is deeper than {@link #MAX_DEPTH}.
     */
    static Optional<CompleteTrees> of(int[] roots, int[] nodes, double[] leaves) {
        int depth = 0;
        for (int root : roots) {
            depth = Math.max(depth, depth(nodes, root));
            if (depth > MAX_DEPTH) {
                return Optional.empty();
            }
        }
        CompleteTrees complete = new CompleteTrees(depth, roots.length);
        for (int t = 0; t < roots.length; t++) {
            complete.place(nodes, leaves, t, roots[t], 0, 0);
        }
        return Optional.of(complete);
    }

    private static int depth(int[] nodes, int node) {
        int split = nodes[node];
        if (split == CompiledBoostedTrees.LEAF) {
            return 0;
        }
        return 1 + Math.max(depth(nodes, nodes[node + 2]), depth(nodes, nodes[node + 3]));
    }

    /** Puts the subtree at {@code node} at position {@code i} (0 = root) of tree {@code t}'s complete layout. */
    private void place(int[] nodes, double[] leaves, int t, int node, int i, int level) {
        int split = nodes[node];
        if (level == depth) {
            leaf[(t << depth) + i - internal] = leaves[nodes[node + 1]];
            return;
        }
        int at = t * internal + i;
        if (split == CompiledBoostedTrees.LEAF) {
            place(nodes, leaves, t, node, 2 * i + 1, level + 1);
            place(nodes, leaves, t, node, 2 * i + 2, level + 1);
            return;
        }
        feature[at] = split & ~CompiledBoostedTrees.MISSING_YES;
        threshold[at] = Float.intBitsToFloat(nodes[node + 1]);
        missingRight[at] = (split & CompiledBoostedTrees.MISSING_YES) == 0;
        place(nodes, leaves, t, nodes[node + 2], 2 * i + 1, level + 1);
        place(nodes, leaves, t, nodes[node + 3], 2 * i + 2, level + 1);
    }

    /** The sum of the trees' leaves for {@code values}, NaN for missing. */
    double sum(float[] values, boolean anyMissing) {
        return anyMissing ? sumWithMissing(values) : sumComplete(values);
    }

    /**
     * Walks four trees at a time: a level of one tree is a chain of dependent loads (its feature, the value, the next
     * node), so a single walk waits on memory at every step; four independent chains keep the core busy meanwhile.
     */
    private double sumComplete(float[] values) {
        int[] feature = this.feature;
        float[] threshold = this.threshold;
        double[] leaf = this.leaf;
        int leaves = 1 << depth;
        double sum = 0;
        int t = 0;
        for (; t + 4 <= trees; t += 4) {
            int b0 = t * internal;
            int b1 = b0 + internal;
            int b2 = b1 + internal;
            int b3 = b2 + internal;
            int i0 = 0;
            int i1 = 0;
            int i2 = 0;
            int i3 = 0;
            for (int level = 0; level < depth; level++) {
                i0 = 2 * i0 + (values[feature[b0 + i0]] < threshold[b0 + i0] ? 1 : 2);
                i1 = 2 * i1 + (values[feature[b1 + i1]] < threshold[b1 + i1] ? 1 : 2);
                i2 = 2 * i2 + (values[feature[b2 + i2]] < threshold[b2 + i2] ? 1 : 2);
                i3 = 2 * i3 + (values[feature[b3 + i3]] < threshold[b3 + i3] ? 1 : 2);
            }
            int l0 = t * leaves - internal;
            sum += leaf[l0 + i0] + leaf[l0 + leaves + i1] + leaf[l0 + 2 * leaves + i2] + leaf[l0 + 3 * leaves + i3];
        }
        for (; t < trees; t++) {
            int base = t * internal;
            int i = 0;
            for (int level = 0; level < depth; level++) {
                i = 2 * i + (values[feature[base + i]] < threshold[base + i] ? 1 : 2);
            }
            sum += leaf[t * leaves + i - internal];
        }
        return sum;
    }

    private double sumWithMissing(float[] values) {
        double sum = 0;
        for (int t = 0, base = 0; t < trees; t++, base += internal) {
            int i = 0;
            for (int level = 0; level < depth; level++) {
                int at = base + i;
                float value = values[feature[at]];
                boolean right = value != value ? missingRight[at] : !(value < threshold[at]);
                i = 2 * i + (right ? 2 : 1);
            }
            sum += leaf[(t << depth) + i - internal];
        }
        return sum;
    }
}
