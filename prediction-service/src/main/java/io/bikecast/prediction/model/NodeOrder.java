package io.bikecast.prediction.model;

import io.bikecast.model.CompactForest;

/**
 * The order {@link CompiledForest} lays a forest's nodes out in, tree after tree: a split's two children side by side,
 * "≤" then "&gt;", so that a node needs one link, to its children's pair, and a step is the pair's index plus the
 * comparison (one addition fewer than a choice between the next node and a "&gt;" link). Below the root the pairs are
 * depth-first, a pair then the pairs under its "≤" child then those under its "&gt;" child, so that, as in the compact
 * forest's pre-order, a "≤" step mostly stays in the cache line it is in.
 *
 * <p>Laying each tree's top 10 levels out breadth-first instead (one dense block of 4 KB a tree, 365 KB for the
 * default forest, which would sit in the 1 MB L2 where pre-order spreads those nodes over 5.8 MB of cache lines)
 * measured no faster in one JVM (walk 5.3 µs either way): on this machine the time goes to the deep, rarely shared
 * nodes and to the steps themselves, not to the top of the trees.
 *
 * @param source per node, its index in the compact forest
 * @param pair per node, the index of its children's pair; its own index for a leaf
 * @param roots the index of each tree's root
 */
record NodeOrder(int[] source, int[] pair, int[] roots) {

    static NodeOrder of(CompactForest forest) {
        int nodes = forest.nodes();
        Placing placing = new Placing(forest, new int[nodes], new int[nodes]);
        int[] roots = new int[forest.trees()];
        int[] stack = new int[nodes];
        for (int t = 0; t < roots.length; t++) {
            roots[t] = placing.place(forest.roots()[t]);
            if (placing.isSplit(roots[t])) {
                placing.placeDepthFirst(roots[t], stack);
            }
        }
        return new NodeOrder(placing.source, placing.pair, roots);
    }

    /** The nodes placed so far, by their serving index. */
    private static final class Placing {

        private final byte[] feature;

        private final int[] greater;

        private final int[] source;

        private final int[] pair;

        private int placed;

        Placing(CompactForest forest, int[] source, int[] pair) {
            this.feature = forest.feature();
            this.greater = forest.greater();
            this.source = source;
            this.pair = pair;
        }

        /** Places a compact node next; a leaf's pair is itself. */
        int place(int compactNode) {
            int node = placed++;
            source[node] = compactNode;
            pair[node] = node;
            return node;
        }

        boolean isSplit(int node) {
            return feature[source[node]] != CompactForest.LEAF;
        }

        /** Places a split's children, "≤" then "&gt;", next; returns the pair's index. */
        int placeChildren(int split) {
            int compact = source[split];
            int less = place(compact + 1);
            place(greater[compact]);
            pair[split] = less;
            return less;
        }

        /** Places everything under a split, depth-first; {@code stack} has room for every node. */
        void placeDepthFirst(int split, int[] stack) {
            int size = 0;
            stack[size++] = split;
            while (size > 0) {
                int pair = placeChildren(stack[--size]);
                // The "≤" child on top, so its children come right after this pair.
                if (isSplit(pair + 1)) {
                    stack[size++] = pair + 1;
                }
                if (isSplit(pair)) {
                    stack[size++] = pair;
                }
            }
        }
    }
}
