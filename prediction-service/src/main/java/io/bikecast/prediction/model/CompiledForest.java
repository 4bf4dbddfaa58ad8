package io.bikecast.prediction.model;

import io.bikecast.model.CompactForest;
import java.util.List;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo random forest flattened into primitive arrays (from model-codec's {@link CompactForest}, the form an
 * artifact stores, or from the Tribuo model of an older artifact): every tree's nodes side by side, 4 bytes each
 * where the forest fits them, else 8 ({@link ForestNodes}), each split a position in the {@link ServingVector} and the
 * rank of its threshold among that feature's ({@link ThresholdBins}). Walking arrays instead of Tribuo's node objects skips, per tree, the
 * conversion of the example into a sparse vector, the feature-name lookups and the allocation of a prediction object,
 * which is where most of a Tribuo forest's single-row time goes.
 *
 * <p>It follows Tribuo's rule exactly ({@code value > threshold} goes right, else left; a feature the example lacks is
 * 0, so a missing history feature, NaN in the vector, is read as 0) and averages the trees with equal weight, as the
 * {@code AveragingCombiner} of a random forest does. {@link ModelLoader} checks every compiled forest before serving
 * it: against Tribuo's own predictions when it has the Tribuo model, else against the Tribuo predictions stored with
 * the compact forest.
 *
 * <p>Memory, not arithmetic, sets its speed: the default forest (100 unbounded trees, 1.33 M nodes) visits some 1,400
 * nodes per prediction, each a load that depends on the one before. Hence the small nodes (5.3 MB instead of the 21 MB
 * of 16-byte nodes with double thresholds, so the forest keeps to the L3 cache), the walk of {@value #GROUP} trees in
 * one branch-free loop, so that their loads overlap instead of queueing, and percentiles without a sort. Measured in
 * one JVM against the 16-byte walk one tree at a time, under the same load: 2.5 to 3.3 times faster
 * ({@code SinglePredictionBenchmark served} and docs/prediction-service.md give the figures).
 */
final class CompiledForest implements LeadEngine {

    /** Trees walked side by side: each step issues this many independent loads. */
    static final int GROUP = 8;

    private final ForestLayout layout;

    private final ForestNodes nodes;

    private final double[] leafValues;

    private final int[] roots;

    private CompiledForest(ForestLayout layout) {
        this.layout = layout;
        this.nodes = layout.nodes();
        this.leafValues = layout.leafValues();
        this.roots = layout.roots();
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
     * Every tree's prediction into {@code outputs}, in ensemble order: {@value #GROUP} at a time, then the rest one by
     * one. Eight walks in one loop measured 1.4x faster than four (and lanes refilled from an array, tree by tree, slower
     * than either): the core keeps eight independent loads in flight, where one walk waits on each.
     */
    private void walkAll(int[] bins, double[] outputs) {
        int trees = roots.length;
        int t = 0;
        for (; t + GROUP <= trees; t += GROUP) {
            int a = roots[t];
            int b = roots[t + 1];
            int c = roots[t + 2];
            int d = roots[t + 3];
            int e = roots[t + 4];
            int f = roots[t + 5];
            int g = roots[t + 6];
            int h = roots[t + 7];
            long wa = nodes.word(a);
            long wb = nodes.word(b);
            long wc = nodes.word(c);
            long wd = nodes.word(d);
            long we = nodes.word(e);
            long wf = nodes.word(f);
            long wg = nodes.word(g);
            long wh = nodes.word(h);
            // A leaf steps to itself, so the loop runs until the longest path of the eight ends.
            while ((wa & wb & wc & wd & we & wf & wg & wh) >= 0) {
                a = nodes.step(wa, a, bins);
                b = nodes.step(wb, b, bins);
                c = nodes.step(wc, c, bins);
                d = nodes.step(wd, d, bins);
                e = nodes.step(we, e, bins);
                f = nodes.step(wf, f, bins);
                g = nodes.step(wg, g, bins);
                h = nodes.step(wh, h, bins);
                wa = nodes.word(a);
                wb = nodes.word(b);
                wc = nodes.word(c);
                wd = nodes.word(d);
                we = nodes.word(e);
                wf = nodes.word(f);
                wg = nodes.word(g);
                wh = nodes.word(h);
            }
            outputs[t] = leafValues[a];
            outputs[t + 1] = leafValues[b];
            outputs[t + 2] = leafValues[c];
            outputs[t + 3] = leafValues[d];
            outputs[t + 4] = leafValues[e];
            outputs[t + 5] = leafValues[f];
            outputs[t + 6] = leafValues[g];
            outputs[t + 7] = leafValues[h];
        }
        for (; t < trees; t++) {
            outputs[t] = walk(roots[t], bins);
        }
    }

    /** One tree's prediction. */
    private double walk(int root, int[] bins) {
        int node = root;
        long word;
        while ((word = nodes.word(node)) >= 0) {
            node = nodes.step(word, node, bins);
        }
        return leafValues[node];
    }

    /** Each tree's own prediction, in ensemble order. */
    double[] memberPredictions(double[] vector) {
        int[] bins = layout.binsOf(vector);
        double[] outputs = new double[roots.length];
        for (int t = 0; t < roots.length; t++) {
            outputs[t] = walk(roots[t], bins);
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
        return nodes.size();
    }
}
