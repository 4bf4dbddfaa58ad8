package io.bikecast.prediction.model;

import java.util.Optional;

/**
 * The {@link ForestNodes} of any forest, 8 bytes a node: a split is {@code pair << 32 | rank << 8 | position}, its
 * children's pair's index, its threshold's rank and its {@link ServingVector} position; a leaf is {@code 1 << 63 | self
 * << 32 |} {@link ForestNodes#LEAF}.
 */
record WideNodes(long[] words) implements ForestNodes {

    private static final int POSITION_BITS = 8;

    private static final int MAX_RANK = (1 << 24) - 1;

    static Optional<ForestNodes> of(int[] position, int[] rank, int[] pair) {
        long[] words = new long[position.length];
        for (int i = 0; i < words.length; i++) {
            if (rank[i] > MAX_RANK) {
                return Optional.empty();
            }
            words[i] = position[i] < 0
                    ? Long.MIN_VALUE | ((long) i << 32) | LEAF
                    : ((long) pair[i] << 32) | ((long) rank[i] << POSITION_BITS) | position[i];
        }
        return Optional.of(new WideNodes(words));
    }

    @Override
    public long word(int node) {
        return words[node];
    }

    @Override
    public int step(long word, int node, int[] bins) {
        int low = (int) word;
        int pair = (int) (word >>> 32) & Integer.MAX_VALUE;
        // -1 when the bin is above the rank: the pair's second node.
        int right = ((low >>> POSITION_BITS) - bins[low & 0xFF]) >> 31;
        return pair - right;
    }

    @Override
    public int size() {
        return words.length;
    }
}
