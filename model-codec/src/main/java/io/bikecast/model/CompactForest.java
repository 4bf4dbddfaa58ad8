package io.bikecast.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.VariableInfo;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;

/**
 * A random forest of single-output Tribuo regression trees as flat primitive arrays: what the prediction service serves
 * and what an artifact stores beside Tribuo's protobuf, so that serving builds its forest without parsing the protobuf
 * (200 MB for the default forest, 12 s to parse; these arrays are about 13 MB). Tribuo has no compact encoding of a
 * tree ensemble, hence this one.
 *
 * <p>Every tree's nodes are in pre-order, so a split's "≤" child is the next node: {@link #feature} is the split's
 * index into {@link #featureNames} or {@link #LEAF}, {@link #value} its threshold or the leaf's value (doubles, as
 * Tribuo keeps them, so that the walk is Tribuo's bit for bit), {@link #greater} the index of its "&gt;" child (unused
 * for a leaf). The rule is Tribuo's: {@code value > threshold} goes right, a feature the example lacks is 0; the forest
 * predicts the mean of its trees, as the {@code AveragingCombiner} of a random forest does.
 *
 * <p>It carries {@link #checkRows} and the ensemble's own Tribuo predictions of them ({@link #checkPredictions}),
 * taken when it was made from the Tribuo model: {@link #decode} refuses trees that do not reproduce them, so a reader
 * that never sees the Tribuo model still knows the trees are the model's.
 *
 * @param featureNames the features the splits read, by index
 * @param roots the index of each tree's root, ascending; the first is 0
 * @param feature per node, the feature index of a split or {@link #LEAF}
 * @param value per node, the split's threshold or the leaf's value
 * @param greater per node, the split's "&gt;" child; {@link #LEAF} for a leaf
 * @param checkRows feature vectors (in {@code featureNames} order) with values at and just above split thresholds
 * @param checkPredictions Tribuo's prediction of each check row
 */
public record CompactForest(
        List<String> featureNames,
        int[] roots,
        byte[] feature,
        double[] value,
        int[] greater,
        double[][] checkRows,
        double[] checkPredictions) {

    /** A leaf's {@link #feature}. */
    public static final byte LEAF = -1;

    /** The artifact entry's format, first in its bytes: "BKCF" and a version. */
    static final int MAGIC = 0x424b4346;

    static final int VERSION = 1;

    /** More nodes than any forest a run may register (the registry's {@code max-tree-nodes} is a few million). */
    static final int MAX_NODES = 50_000_000;

    static final int MAX_TREES = 100_000;

    /** Feature indices are one byte; the schema has 19 features. */
    static final int MAX_FEATURES = Byte.MAX_VALUE;

    /** Rows checked against Tribuo's predictions: enough to cross each feature's thresholds in many trees. */
    static final int CHECK_ROWS = 32;

    /** Relative tolerance of the check: the mean of the same doubles in another order of addition. */
    static final double TOLERANCE = 1e-9;

    public CompactForest {
        featureNames = List.copyOf(featureNames);
    }

    /**
     * The compact form of an ensemble of single-output regression trees, with its check rows; empty for anything else
     * (boosted trees, a multi-output tree, another model), which is then stored and served as Tribuo's alone.
     */
    public static Optional<CompactForest> of(Model<Regressor> model) {
        if (!(model instanceof EnsembleModel<Regressor> ensemble) || ensemble.getNumModels() < 1) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (VariableInfo info : ensemble.getFeatureIDMap()) {
            names.add(info.getName());
        }
        if (names.size() > MAX_FEATURES) {
            return Optional.empty();
        }
        Flattener flattener = new Flattener(names);
        for (Model<Regressor> member : ensemble.getModels()) {
            if (!(member instanceof TreeModel<Regressor> tree) || !flattener.add(tree)) {
                return Optional.empty();
            }
        }
        return Optional.of(flattener.withChecks(model));
    }

    public int trees() {
        return roots.length;
    }

    public int nodes() {
        return feature.length;
    }

    /** The forest's prediction: the mean of its trees. */
    public double predict(double[] x) {
        double sum = 0;
        for (int root : roots) {
            sum += walk(root, x);
        }
        return sum / roots.length;
    }

    private double walk(int root, double[] x) {
        int node = root;
        while (feature[node] != LEAF) {
            node = x[feature[node]] > value[node] ? greater[node] : node + 1;
        }
        return value[node];
    }

    /** The bytes of an artifact's compact entry. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(feature.length * 13 + 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(featureNames.size());
            for (String name : featureNames) {
                out.writeUTF(name);
            }
            out.writeInt(roots.length);
            for (int root : roots) {
                out.writeInt(root);
            }
            out.writeInt(feature.length);
            out.write(feature);
            for (double v : value) {
                out.writeDouble(v);
            }
            for (int i = 0; i < feature.length; i++) {
                if (feature[i] != LEAF) {
                    out.writeInt(greater[i]);
                }
            }
            out.writeInt(checkRows.length);
            for (int r = 0; r < checkRows.length; r++) {
                for (double v : checkRows[r]) {
                    out.writeDouble(v);
                }
                out.writeDouble(checkPredictions[r]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the compact forest", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads {@link #encode}'s bytes and checks them: sizes within limits, every tree a well-formed pre-order tree that
     * ends where the next begins, every split on a known feature, and Tribuo's predictions of the check rows reproduced.
     *
     * @throws IllegalArgumentException naming what is wrong with the bytes
     */
    public static CompactForest decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("the compact forest does not start with its format mark");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("the compact forest has encoding version " + version
                        + " but this build reads version " + VERSION + ": upgrade the service that reads it");
            }
            int features = bounded(in.readInt(), 1, MAX_FEATURES, "features");
            List<String> names = new ArrayList<>(features);
            for (int f = 0; f < features; f++) {
                names.add(in.readUTF());
            }
            int trees = bounded(in.readInt(), 1, MAX_TREES, "trees");
            int[] roots = new int[trees];
            for (int t = 0; t < trees; t++) {
                roots[t] = in.readInt();
            }
            int nodes = bounded(in.readInt(), trees, MAX_NODES, "nodes");
            // Every node takes at least 9 bytes: a count beyond what is left is corrupt, not a reason to allocate.
            bounded(nodes, trees, in.available() / 9, "nodes (for the bytes left)");
            byte[] feature = new byte[nodes];
            in.readFully(feature);
            double[] value = new double[nodes];
            for (int i = 0; i < nodes; i++) {
                value[i] = in.readDouble();
            }
            int[] greater = new int[nodes];
            for (int i = 0; i < nodes; i++) {
                greater[i] = feature[i] == LEAF ? LEAF : in.readInt();
            }
            int checks = bounded(in.readInt(), 1, 10_000, "check rows");
            double[][] checkRows = new double[checks][features];
            double[] checkPredictions = new double[checks];
            for (int r = 0; r < checks; r++) {
                for (int f = 0; f < features; f++) {
                    checkRows[r][f] = in.readDouble();
                }
                checkPredictions[r] = in.readDouble();
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException(
                        "the compact forest has " + in.available() + " bytes after its check rows");
            }
            CompactForest forest =
                    new CompactForest(names, roots, feature, value, greater, checkRows, checkPredictions);
            forest.checkStructure();
            forest.reproduceChecks();
            return forest;
        } catch (EOFException e) {
            throw new IllegalArgumentException("the compact forest ends before its last node or check row", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the compact forest", e);
        }
    }

    private void checkStructure() {
        if (roots[0] != 0) {
            throw new IllegalArgumentException(
                    "the compact forest's first tree starts at node " + roots[0] + ", not 0");
        }
        // Pre-order: each subtree starts exactly where the previous one ended, a split's "≤" subtree at the next node
        // and its "&gt;" subtree where that one ends. A stack of the subtrees still to come checks exactly that.
        int[] pending = new int[feature.length + 1];
        for (int t = 0; t < roots.length; t++) {
            int end = t + 1 < roots.length ? roots[t + 1] : feature.length;
            int at = roots[t];
            int depth = 0;
            pending[depth++] = roots[t];
            while (depth > 0) {
                int node = pending[--depth];
                if (node != at || at >= end) {
                    throw new IllegalArgumentException("the compact forest's tree " + t + " (nodes " + roots[t] + ".."
                            + (end - 1) + ") is not a pre-order tree: a subtree starts at node " + node
                            + " where node " + at + " was expected");
                }
                at++;
                if (feature[node] == LEAF) {
                    continue;
                }
                if (feature[node] < 0 || feature[node] >= featureNames.size()) {
                    throw new IllegalArgumentException("the compact forest's node " + node + " splits on feature "
                            + feature[node] + " of " + featureNames.size());
                }
                pending[depth++] = greater[node];
                pending[depth++] = node + 1;
            }
            if (at != end) {
                throw new IllegalArgumentException("the compact forest's tree " + t + " ends at node " + (at - 1)
                        + " but the next tree starts at " + end);
            }
        }
    }

    private void reproduceChecks() {
        for (int r = 0; r < checkRows.length; r++) {
            double expected = checkPredictions[r];
            double actual = predict(checkRows[r]);
            if (!(Math.abs(expected - actual) <= TOLERANCE * Math.max(1.0, Math.abs(expected)))) {
                throw new IllegalArgumentException("the compact forest predicts " + actual + " for check row " + r
                        + " where the Tribuo model it was made from predicted " + expected
                        + ": its trees are not the model's");
            }
        }
    }

    private static int bounded(int n, int min, int max, String what) {
        if (n < min || n > max) {
            throw new IllegalArgumentException(
                    "the compact forest claims " + n + " " + what + ", outside " + min + ".." + max);
        }
        return n;
    }

    /** Flattens trees into the arrays, mapping each tree's feature ids to the ensemble's names by name. */
    private static final class Flattener {
        private final List<String> names;
        private final List<Integer> roots = new ArrayList<>();
        private final List<Byte> feature = new ArrayList<>();
        private final List<Double> value = new ArrayList<>();
        private final List<Integer> greater = new ArrayList<>();

        Flattener(List<String> names) {
            this.names = names;
        }

        boolean add(TreeModel<Regressor> tree) {
            Node<Regressor> root = rootOf(tree);
            if (root == null) {
                return false;
            }
            ImmutableFeatureMap map = tree.getFeatureIDMap();
            int[] indexOfId = new int[map.size()];
            for (int id = 0; id < indexOfId.length; id++) {
                VariableInfo info = map.get(id);
                indexOfId[id] = info == null ? LEAF : names.indexOf(info.getName());
            }
            int start = feature.size();
            if (!append(root, indexOfId)) {
                return false;
            }
            roots.add(start);
            return true;
        }

        /** A regression tree keeps one root per output dimension; only single-output trees are flattened. */
        private static Node<Regressor> rootOf(TreeModel<Regressor> tree) {
            if (tree instanceof IndependentRegressionTreeModel independent) {
                Map<String, Node<Regressor>> roots = independent.getRoots();
                return roots.size() == 1 ? roots.values().iterator().next() : null;
            }
            return tree.getRoot();
        }

        /** Appends a subtree in pre-order; false if it cannot be flattened. */
        private boolean append(Node<Regressor> node, int[] indexOfId) {
            int index = feature.size();
            if (node instanceof LeafNode<Regressor> leaf) {
                double[] outputs = leaf.getOutput().getValues();
                if (outputs.length != 1) {
                    return false;
                }
                push(LEAF, outputs[0]);
                return true;
            }
            if (!(node instanceof SplitNode<Regressor> split)) {
                return false;
            }
            int id = split.getFeatureID();
            if (id < 0 || id >= indexOfId.length || indexOfId[id] < 0) {
                return false;
            }
            push((byte) indexOfId[id], split.splitValue());
            if (!append(split.getLessThanOrEqual(), indexOfId)) {
                return false;
            }
            greater.set(index, feature.size());
            return append(split.getGreaterThan(), indexOfId);
        }

        private void push(byte featureIndex, double thresholdOrValue) {
            feature.add(featureIndex);
            value.add(thresholdOrValue);
            greater.add((int) LEAF);
        }

        /**
         * The arrays, with check rows: each feature set to one of its split thresholds or the double just above it
         * (seeded, so the same forest gets the same rows), which sends rows down both sides of many splits exactly at
         * their boundary, where a wrong comparison or a rounded threshold would show.
         */
        CompactForest withChecks(Model<Regressor> model) {
            byte[] features = new byte[feature.size()];
            double[] values = new double[value.size()];
            for (int i = 0; i < features.length; i++) {
                features[i] = feature.get(i);
                values[i] = value.get(i);
            }
            List<List<Double>> thresholds = new ArrayList<>();
            names.forEach(name -> thresholds.add(new ArrayList<>()));
            for (int i = 0; i < features.length; i++) {
                if (features[i] != LEAF) {
                    thresholds.get(features[i]).add(values[i]);
                }
            }
            SplittableRandom random = new SplittableRandom(features.length);
            double[][] rows = new double[CHECK_ROWS][names.size()];
            double[] predictions = new double[CHECK_ROWS];
            String[] nameArray = names.toArray(String[]::new);
            for (double[] row : rows) {
                for (int f = 0; f < row.length; f++) {
                    List<Double> candidates = thresholds.get(f);
                    if (!candidates.isEmpty()) {
                        double threshold = candidates.get(random.nextInt(candidates.size()));
                        row[f] = random.nextBoolean() ? threshold : Math.nextUp(threshold);
                    }
                }
            }
            for (int r = 0; r < rows.length; r++) {
                predictions[r] = model.predict(
                                new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, nameArray, rows[r]))
                        .getOutput()
                        .getValues()[0];
            }
            return new CompactForest(
                    names,
                    roots.stream().mapToInt(Integer::intValue).toArray(),
                    features,
                    values,
                    greater.stream().mapToInt(Integer::intValue).toArray(),
                    rows,
                    predictions);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompactForest that
                && featureNames.equals(that.featureNames)
                && Arrays.equals(roots, that.roots)
                && Arrays.equals(feature, that.feature)
                && Arrays.equals(value, that.value)
                && Arrays.equals(greater, that.greater)
                && Arrays.deepEquals(checkRows, that.checkRows)
                && Arrays.equals(checkPredictions, that.checkPredictions);
    }

    @Override
    public int hashCode() {
        return 31 * featureNames.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "CompactForest[" + roots.length + " trees, " + feature.length + " nodes, features " + featureNames + "]";
    }
}
