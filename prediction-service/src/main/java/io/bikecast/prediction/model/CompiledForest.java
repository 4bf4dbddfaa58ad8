package io.bikecast.prediction.model;

import io.bikecast.model.CompactForest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo random forest flattened into primitive arrays (from model-codec's {@link CompactForest}, the form an
 * artifact stores, or from the Tribuo model of an older artifact): every tree's nodes side by side, 4 bytes each
 * where the forest fits them, else 8 ({@link ForestNodes}), each split a position in the {@link ServingVector} and the
 * rank of its threshold among that feature's ({@link ThresholdBins}). Walking arrays instead of Tribuo's node objects
 * skips, per tree, the conversion of the example into a sparse vector, the feature-name lookups and the allocation of a prediction object,
 * which is where most of a Tribuo forest's single-row time goes.
 *
 * <p>It follows Tribuo's rule exactly ({@code value > threshold} goes right, else left; a feature the example lacks is
 * 0, so a missing history feature, NaN in the vector, is read as 0) and averages the trees with equal weight, as the
 * {@code AveragingCombiner} of a random forest does. {@link ModelLoader} checks every compiled forest before serving
 * it: against Tribuo's own predictions when it has the Tribuo model, else against the Tribuo predictions stored with
 * the compact forest.
 *
 * <p>Its speed is set by the steps and the loads they wait for. The default forest (100 unbounded trees, 1.33 M nodes)
 * takes 15.5 steps a tree, 1,550 a prediction, each a load that depends on the one before. Hence the small nodes (4
 * bytes, 5.3 MB instead of the 21 MB of 16-byte nodes with double thresholds), the children side by side ({@link
 * NodeOrder}: a step is one addition), {@value #LANES} trees walked level by level in one branch-free loop, so that
 * their loads overlap instead of queueing, and percentiles by a branch-free selection. In one JVM, 1,024 rows, µs a
 * prediction (best of 20 runs, load average below 1): 6.5, of which the walk 5.3 (3.9 when every prediction is the same
 * row, its nodes all in the core's caches) and the percentiles 0.9. The eight-lane loop this walk replaced took 9 to
 * 11 µs, and a whole prediction by the 16-byte walk one tree at a time 38 to 48 ({@code SinglePredictionBenchmark
 * served} and docs/prediction-service.md give the JMH figures).
 */
final class CompiledForest implements LeadEngine {

    /**
     * At most this many trees walked side by side ({@link #walkAll}). Measured on the default forest (100 trees, one JVM,
     * 1,024 rows, µs a walk, best of 17 runs, load average about 3): 8 lanes 6.9, 16 lanes 5.7, 25 lanes 5.2, 50 lanes
     * 5.0, 100 lanes 6.1 (eight lanes in eight variables instead of an array: 6.5). More lanes keep more loads in flight
     * but take as many passes as the longest path among them; 20 to 50 are a plateau, and 25 splits 100 trees into four
     * groups without padding.
     */
    static final int LANES = 25;

    private final ForestLayout layout;

    private final ForestNodes nodes;

    private final double[] leafValues;

    private final int[] roots;

    /** Trees walked side by side: the groups of at most {@link #LANES} trees made as even as they can be. */
    private final int width;

    /** The roots, then a leaf as often as it takes to make a multiple of {@link #width}: a lane with nothing to walk. */
    private final int[] paddedRoots;

    private CompiledForest(ForestLayout layout) {
        this.layout = layout;
        this.nodes = layout.nodes();
        this.leafValues = layout.leafValues();
        this.roots = layout.roots();
        int groups = (roots.length + LANES - 1) / LANES;
        this.width = (roots.length + groups - 1) / groups;
        this.paddedRoots = Arrays.copyOf(roots, groups * width);
        int leaf = 0;
        while (nodes.word(leaf) >= 0) {
            leaf++;
        }
        Arrays.fill(paddedRoots, roots.length, paddedRoots.length, leaf);
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
        int[] servingIndex = servingIndices(forest);
        if (servingIndex == null) {
            return Optional.empty();
        }
        return ForestLayout.of(forest, servingIndex).map(CompiledForest::new);
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
        int trees = roots.length;
        double[] outputs = new double[trees];
        walkAll(layout.binsOf(vector), outputs);
        double sum = 0;
        for (double output : outputs) {
            sum += output;
        }
        return new ModelOutput(
                sum / trees, Percentiles.of(outputs, Percentiles.LOWER), Percentiles.of(outputs, Percentiles.UPPER));
    }

    /**
     * Every tree's prediction into {@code outputs}, in ensemble order. The trees are walked {@link #width} at a time,
     * level by level: each pass of the inner loop takes one step in each of them, and since a leaf steps to itself the
     * passes go on until the longest of their paths has ended. The lanes' walks do not depend on one another, so the
     * core runs their loads side by side instead of waiting on each in turn.
     */
    private void walkAll(int[] bins, double[] outputs) {
        int[] node = paddedRoots.clone();
        for (int start = 0; start < node.length; start += width) {
            int end = start + width;
            long leaves;
            do {
                leaves = -1;
                for (int i = start; i < end; i++) {
                    long word = nodes.word(node[i]);
                    leaves &= word;
                    node[i] = nodes.step(word, node[i], bins);
                }
            } while (leaves >= 0);
        }
        for (int t = 0; t < outputs.length; t++) {
            outputs[t] = leafValues[node[t]];
        }
    }

    /** Each tree's own prediction, in ensemble order, from the walk {@link #predict} makes. */
    double[] memberPredictions(double[] vector) {
        double[] outputs = new double[roots.length];
        walkAll(layout.binsOf(vector), outputs);
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
        return nodes.size();
    }
}
