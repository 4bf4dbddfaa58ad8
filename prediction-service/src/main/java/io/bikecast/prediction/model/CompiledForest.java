package io.bikecast.prediction.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.VariableIDInfo;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;

/**
 * A Tribuo random forest flattened into primitive arrays: every tree's nodes side by side, each split a feature index
 * into the {@link ServingVector} and a threshold. Walking arrays instead of Tribuo's node objects skips, per
 * tree, the conversion of the example into a sparse vector, the feature-name lookups and the allocation of a
 * prediction object, which is where most of a Tribuo forest's single-row time goes.
 *
 * <p>It follows Tribuo's rule exactly ({@code value > threshold} goes right, else left; a feature the example lacks is
 * 0, so a missing history feature, NaN in the vector, is read as 0) and averages the trees with equal weight, as the {@code AveragingCombiner} of a random forest does. {@link
 * ModelLoader} checks every compiled forest against Tribuo's own predictions before serving it.
 */
final class CompiledForest implements LeadEngine {

    private static final int LEAF = -1;

    /** Bits of a node's link word that hold its feature index plus one (0 marks a leaf). */
    private static final int FEATURE_BITS = 8;

    private static final long FEATURE_MASK = (1L << FEATURE_BITS) - 1;

    private final int[] roots;

    /** False when no split reads a history feature (a forest without history): its vector needs no rewriting. */
    private final boolean readsHistory;

    /**
     * Two words per node, in pre-order, so a node is 16 contiguous bytes and the "≤" child is always the next node:
     * {@code [2i]} the split threshold (or, for a leaf, its value) as raw double bits, {@code [2i + 1]} the index of
     * the "&gt;" child shifted left by {@link #FEATURE_BITS}, or-ed with the feature index plus one (0 for a leaf). A
     * 100-tree forest walks some 1,400 nodes per prediction, so memory locality, not arithmetic, sets its speed.
     */
    private final long[] nodes;

    private CompiledForest(int[] roots, long[] nodes, boolean readsHistory) {
        this.roots = roots;
        this.nodes = nodes;
        this.readsHistory = readsHistory;
    }

    /**
     * Compiles an ensemble of single-output regression trees; empty if the model is anything else (another algorithm,
     * a multi-output tree, a split on a feature outside the schema), which is then served through Tribuo.
     */
    static Optional<CompiledForest> compile(Model<Regressor> model) {
        if (!(model instanceof EnsembleModel<Regressor> ensemble) || ensemble.getNumModels() < 1) {
            return Optional.empty();
        }
        Builder builder = new Builder();
        for (Model<Regressor> member : ensemble.getModels()) {
            if (!(member instanceof TreeModel<Regressor> tree) || !builder.add(tree)) {
                return Optional.empty();
            }
        }
        return Optional.of(builder.build());
    }

    @Override
    public ModelOutput predict(double[] vector) {
        double[] x = missingAsZero(vector);
        int trees = roots.length;
        double[] outputs = new double[trees];
        double sum = 0;
        for (int t = 0; t < trees; t++) {
            double output = walk(roots[t], x);
            outputs[t] = output;
            sum += output;
        }
        Arrays.sort(outputs);
        return new ModelOutput(
                sum / trees,
                Percentiles.ofSorted(outputs, Percentiles.LOWER),
                Percentiles.ofSorted(outputs, Percentiles.UPPER));
    }

    /** Tribuo reads a feature an example lacks as 0; the vector marks one as NaN. */
    private double[] missingAsZero(double[] vector) {
        if (!readsHistory) {
            return vector;
        }
        double[] x = vector;
        for (int i = ServingVector.HISTORY_START; i < vector.length; i++) {
            if (Double.isNaN(vector[i])) {
                if (x == vector) {
                    x = vector.clone();
                }
                x[i] = 0;
            }
        }
        return x;
    }

    /** Tribuo's rule: a value above the threshold goes to the "&gt;" child, anything else to the "≤" child. */
    private double walk(int root, double[] x) {
        int node = root;
        long link;
        while (((link = nodes[2 * node + 1]) & FEATURE_MASK) != 0) {
            double threshold = Double.longBitsToDouble(nodes[2 * node]);
            node = x[(int) (link & FEATURE_MASK) - 1] > threshold ? (int) (link >>> FEATURE_BITS) : node + 1;
        }
        return Double.longBitsToDouble(nodes[2 * node]);
    }

    /** Each tree's own prediction, in ensemble order. */
    double[] memberPredictions(double[] vector) {
        double[] x = missingAsZero(vector);
        double[] outputs = new double[roots.length];
        for (int t = 0; t < roots.length; t++) {
            outputs[t] = walk(roots[t], x);
        }
        return outputs;
    }

    @Override
    public int members() {
        return roots.length;
    }

    @Override
    public String engine() {
        return "compiled";
    }

    /** The number of nodes of all trees together. */
    int nodes() {
        return nodes.length / 2;
    }

    private static final class Builder {
        private final List<Integer> roots = new ArrayList<>();
        private final List<Integer> feature = new ArrayList<>();
        private final List<Double> threshold = new ArrayList<>();
        private final List<Integer> greater = new ArrayList<>();
        private final List<String> schema = List.of(ServingVector.NAMES);

        boolean add(TreeModel<Regressor> tree) {
            Node<Regressor> root = rootOf(tree);
            if (root == null) {
                return false;
            }
            int[] schemaIndexOfId = schemaIndexOfId(tree.getFeatureIDMap());
            int index = feature.size();
            if (!append(root, schemaIndexOfId)) {
                return false;
            }
            roots.add(index);
            return true;
        }

        /** A regression tree keeps one root per output dimension; only single-output trees are compiled. */
        private static Node<Regressor> rootOf(TreeModel<Regressor> tree) {
            if (tree instanceof IndependentRegressionTreeModel independent) {
                Map<String, Node<Regressor>> roots = independent.getRoots();
                return roots.size() == 1 ? roots.values().iterator().next() : null;
            }
            return tree.getRoot();
        }

        private int[] schemaIndexOfId(ImmutableFeatureMap features) {
            int[] mapping = new int[features.size()];
            for (int id = 0; id < mapping.length; id++) {
                VariableIDInfo info = features.get(id);
                mapping[id] = info == null ? LEAF : schema.indexOf(info.getName());
            }
            return mapping;
        }

        /** Appends a subtree in pre-order (node, "≤" subtree, "&gt;" subtree); false if it cannot be compiled. */
        private boolean append(Node<Regressor> node, int[] schemaIndexOfId) {
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
            if (id < 0 || id >= schemaIndexOfId.length || schemaIndexOfId[id] < 0) {
                return false;
            }
            push(schemaIndexOfId[id], split.splitValue());
            if (!append(split.getLessThanOrEqual(), schemaIndexOfId)) {
                return false;
            }
            greater.set(index, feature.size());
            return append(split.getGreaterThan(), schemaIndexOfId);
        }

        private void push(int featureIndex, double thresholdOrValue) {
            feature.add(featureIndex);
            threshold.add(thresholdOrValue);
            greater.add(LEAF);
        }

        CompiledForest build() {
            if (schema.size() >= FEATURE_MASK) {
                throw new IllegalStateException("too many features for the node encoding");
            }
            long[] nodes = new long[2 * feature.size()];
            for (int i = 0; i < feature.size(); i++) {
                nodes[2 * i] = Double.doubleToRawLongBits(threshold.get(i));
                nodes[2 * i + 1] =
                        feature.get(i) == LEAF ? 0 : ((long) greater.get(i) << FEATURE_BITS) | (feature.get(i) + 1);
            }
            boolean readsHistory = feature.stream().anyMatch(index -> index >= ServingVector.HISTORY_START);
            return new CompiledForest(roots.stream().mapToInt(Integer::intValue).toArray(), nodes, readsHistory);
        }
    }
}
