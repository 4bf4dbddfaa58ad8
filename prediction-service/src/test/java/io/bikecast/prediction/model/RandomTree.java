package io.bikecast.prediction.model;

import io.bikecast.model.CompactForest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random trees in the compact forest's pre-order, unbalanced and deep, each leaf's value its own. */
final class RandomTree {

    private RandomTree() {}

    /** A threshold, or a value at one: a few distinct ones, so that values fall on them. */
    static double threshold(SplittableRandom random) {
        return random.nextInt(0, 40) / 40.0;
    }

    /** One tree of at most {@code depth} levels below the root, as a one-tree forest. */
    static CompactForest grow(SplittableRandom random, int features, int depth) {
        List<Byte> feature = new ArrayList<>();
        List<Double> value = new ArrayList<>();
        List<Integer> greater = new ArrayList<>();
        grow(random, features, depth, feature, value, greater);
        byte[] f = new byte[feature.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = feature.get(i);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            names.add("f" + i);
        }
        return new CompactForest(
                names,
                new int[] {0},
                f,
                value.stream().mapToDouble(Double::doubleValue).toArray(),
                greater.stream().mapToInt(Integer::intValue).toArray(),
                new double[0][],
                new double[0]);
    }

    private static void grow(
            SplittableRandom random,
            int features,
            int depth,
            List<Byte> feature,
            List<Double> value,
            List<Integer> greater) {
        int node = feature.size();
        // Deep on one side more often than on the other, so paths end at many depths.
        if (depth <= 0 || random.nextInt(10) < 3) {
            feature.add(CompactForest.LEAF);
            value.add((double) node + 0.5);
            greater.add((int) CompactForest.LEAF);
            return;
        }
        feature.add((byte) random.nextInt(features));
        value.add(threshold(random));
        greater.add(0);
        grow(random, features, depth - 1 - (random.nextInt(4) == 0 ? 1 : 0), feature, value, greater);
        greater.set(node, feature.size());
        grow(random, features, depth - 1 - random.nextInt(2), feature, value, greater);
    }

    /** The trees, one after the other, as one forest on the given feature names. */
    static CompactForest concatenate(List<String> featureNames, List<CompactForest> trees) {
        int nodes = trees.stream().mapToInt(CompactForest::nodes).sum();
        byte[] feature = new byte[nodes];
        double[] value = new double[nodes];
        int[] greater = new int[nodes];
        int[] roots = new int[trees.size()];
        int at = 0;
        for (int t = 0; t < trees.size(); t++) {
            CompactForest tree = trees.get(t);
            roots[t] = at;
            for (int i = 0; i < tree.nodes(); i++) {
                feature[at + i] = tree.feature()[i];
                value[at + i] = tree.value()[i];
                greater[at + i] = tree.feature()[i] == CompactForest.LEAF ? CompactForest.LEAF : at + tree.greater()[i];
            }
            at += tree.nodes();
        }
        return new CompactForest(featureNames, roots, feature, value, greater, new double[0][], new double[0]);
    }
}
