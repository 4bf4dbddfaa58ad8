package io.bikecast.prediction.model;

import io.bikecast.model.CompactForest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo random forest flattened into primitive arrays (from model-codec's {@link CompactForest}, the form an
 * artifact stores, or from the Tribuo model of an older artifact): every tree's nodes side by side, each split a feature index
 * into the {@link ServingVector} and a threshold. Walking arrays instead of Tribuo's node objects skips, per
 * tree, the conversion of the example into a sparse vector, the feature-name lookups and the allocation of a
 * prediction object, which is where most of a Tribuo forest's single-row time goes.
 *
 * <p>It follows Tribuo's rule exactly ({@code value > threshold} goes right, else left; a feature the example lacks is
 * 0, so a missing history feature, NaN in the vector, is read as 0) and averages the trees with equal weight, as the {@code AveragingCombiner} of a random forest does. {@link
 * ModelLoader} checks every compiled forest before serving it: against Tribuo's own predictions when it has the Tribuo
 * model, else against the Tribuo predictions stored with the compact forest.
 */
final class CompiledForest implements LeadEngine {

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
        return CompactForest.of(model).flatMap(CompiledForest::of);
    }

    /**
     * The serving layout of a compact forest: its feature indices rewritten as {@link ServingVector} indices; empty if
     * a split reads a feature the serving vector does not have.
     */
    static Optional<CompiledForest> of(CompactForest forest) {
        List<String> schema = List.of(ServingVector.NAMES);
        if (schema.size() >= FEATURE_MASK) {
            throw new IllegalStateException("too many features for the node encoding");
        }
        int[] servingIndex = servingIndices(forest);
        if (servingIndex == null) {
            return Optional.empty();
        }
        byte[] feature = forest.feature();
        double[] value = forest.value();
        int[] greater = forest.greater();
        long[] nodes = new long[2 * feature.length];
        boolean readsHistory = false;
        for (int i = 0; i < feature.length; i++) {
            nodes[2 * i] = Double.doubleToRawLongBits(value[i]);
            if (feature[i] != CompactForest.LEAF) {
                int index = servingIndex[feature[i]];
                nodes[2 * i + 1] = ((long) greater[i] << FEATURE_BITS) | (index + 1);
                readsHistory |= index >= ServingVector.HISTORY_START;
            }
        }
        return Optional.of(new CompiledForest(forest.roots().clone(), nodes, readsHistory));
    }

    /**
     * Each of the forest's features' index in the {@link ServingVector}, -1 for one no split reads; null if a split
     * reads one the vector lacks.
     */
    static int[] servingIndices(CompactForest forest) {
        List<String> schema = List.of(ServingVector.NAMES);
        boolean[] read = new boolean[forest.featureNames().size()];
        for (byte f : forest.feature()) {
            if (f != CompactForest.LEAF) {
                read[f] = true;
            }
        }
        int[] servingIndex = new int[read.length];
        for (int f = 0; f < read.length; f++) {
            servingIndex[f] = schema.indexOf(forest.featureNames().get(f));
            if (read[f] && servingIndex[f] < 0) {
                return null;
            }
        }
        return servingIndex;
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
}
