package io.bikecast.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.VariableInfo;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gradient-boosted trees of a Tribuo {@link XGBoostModel} flattened into arrays, so that one prediction walks a few
 * hundred small trees without building XGBoost's native matrix for a single row, which is where Tribuo's XGBoost spends
 * most of a single prediction (and it crosses into native code and back).
 *
 * <p>It follows XGBoost's rules: a split sends a value below its threshold (compared in single precision, as XGBoost
 * stores both) to its "yes" child and a missing value to the child the tree learnt for missing values; the prediction
 * is the sum of the leaves plus the model's base score. XGBoost's dump does not state the base score, so it is
 * recovered from one prediction of Tribuo's, and {@link #agreesWith} lets a loader check the whole compilation against
 * Tribuo before serving it.
 *
 * <p>Input is a vector in the order of the names given to {@link #compile}, NaN for a missing value. Immutable and
 * thread-safe.
 */
public final class CompiledBoostedTrees {

    static final int LEAF = -1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Ints per node in {@link #nodes}. */
    static final int NODE = 4;

    /** A split's first int: its feature's vector index, plus this when a missing value goes to its "yes" child. */
    static final int MISSING_YES = 1 << 30;

    private final int[] roots;
    /**
     * Every node of every tree in pre-order, {@value #NODE} ints each, so that a walk reads one small array: for a split
     * the feature (with {@link #MISSING_YES}), the threshold's float bits, the "yes" and the "no" child's offsets; for a
     * leaf {@link #LEAF} and the index of its value in {@link #leaves}.
     */
    private final int[] nodes;

    private final double[] leaves;

    /** The same trees, complete, walked without branches; null when one is too deep for it. */
    private final CompleteTrees complete;

    private final double baseScore;
    private final String[] names;

    private CompiledBoostedTrees(Builder builder, double baseScore, String[] names) {
        int n = builder.feature.size();
        this.roots = builder.roots.stream().mapToInt(root -> root * NODE).toArray();
        this.nodes = new int[n * NODE];
        List<Double> leafValues = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = i * NODE;
            int f = builder.feature.get(i);
            if (f == LEAF) {
                nodes[at] = LEAF;
                nodes[at + 1] = leafValues.size();
                leafValues.add(builder.leaf.get(i));
            } else {
                int yes = builder.yes.get(i);
                nodes[at] = f | (builder.missing.get(i) == yes ? MISSING_YES : 0);
                nodes[at + 1] = Float.floatToRawIntBits(builder.threshold.get(i));
                nodes[at + 2] = yes * NODE;
                nodes[at + 3] = builder.no.get(i) * NODE;
            }
        }
        this.leaves = leafValues.stream().mapToDouble(Double::doubleValue).toArray();
        this.complete = CompleteTrees.of(roots, nodes, leaves).orElse(null);
        this.baseScore = baseScore;
        this.names = names.clone();
    }

    /**
     * Compiles a model of gradient-boosted trees over features named {@code names}; empty if the model is anything
     * else, or splits on a feature outside {@code names}, or XGBoost cannot dump it: it is then served through Tribuo.
     */
    public static Optional<CompiledBoostedTrees> compile(Model<Regressor> model, String[] names) {
        if (!(model instanceof XGBoostModel<Regressor> boosted)
                || boosted.getInnerModels().size() != 1) {
            return Optional.empty();
        }
        ImmutableFeatureMap features = boosted.getFeatureIDMap();
        int[] vectorIndexOfId = new int[features.size()];
        Arrays.fill(vectorIndexOfId, LEAF);
        for (int i = 0; i < names.length; i++) {
            VariableInfo info = features.get(names[i]);
            if (info != null) {
                vectorIndexOfId[features.getID(names[i])] = i;
            }
        }
        Builder builder = new Builder(vectorIndexOfId);
        try {
            Booster booster = boosted.getInnerModels().getFirst();
            for (String tree : booster.getModelDump((String) null, false, "json")) {
                if (!builder.addTree(JSON.readTree(tree))) {
                    return Optional.empty();
                }
            }
        } catch (XGBoostError e) {
            return Optional.empty();
        }
        CompiledBoostedTrees withoutBase = new CompiledBoostedTrees(builder, 0, names);
        double[] zeros = new double[names.length];
        double tribuo = predictWithTribuo(model, names, zeros);
        return Optional.of(new CompiledBoostedTrees(builder, tribuo - withoutBase.predict(zeros), names));
    }

    /** The model's output (in its target's space) for a vector in the compiled names' order, NaN for missing. */
    public double predict(double[] x) {
        float[] values = new float[x.length];
        boolean anyMissing = false;
        for (int i = 0; i < x.length; i++) {
            values[i] = (float) x[i];
            anyMissing |= Double.isNaN(x[i]);
        }
        if (complete != null) {
            return baseScore + complete.sum(values, anyMissing);
        }
        int[] nodes = this.nodes;
        double sum = baseScore;
        for (int root : roots) {
            int node = root;
            int split;
            while ((split = nodes[node]) != LEAF) {
                float value = values[split & ~MISSING_YES];
                boolean yes =
                        value != value ? (split & MISSING_YES) != 0 : value < Float.intBitsToFloat(nodes[node + 1]);
                node = nodes[node + (yes ? 2 : 3)];
            }
            sum += leaves[nodes[node + 1]];
        }
        return sum;
    }

    /** True if the trees are walked as {@link CompleteTrees}, false if one was too deep for that. */
    boolean walksCompleteTrees() {
        return complete != null;
    }

    /** The number of trees. */
    public int trees() {
        return roots.length;
    }

    /**
     * True if this compilation predicts what Tribuo predicts for every vector, to {@code tolerance} (XGBoost sums in
     * single precision, this class in double).
     */
    public boolean agreesWith(Model<Regressor> model, List<double[]> vectors, double tolerance) {
        for (double[] x : vectors) {
            if (Math.abs(predict(x) - predictWithTribuo(model, names, x)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static double predictWithTribuo(Model<Regressor> model, String[] names, double[] x) {
        List<String> present = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                present.add(names[i]);
                values.add(x[i]);
            }
        }
        Example<Regressor> example = new ArrayExample<>(
                RegressionFactory.UNKNOWN_REGRESSOR,
                present.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
        return model.predict(example).getOutput().getValues()[0];
    }

    /** Appends trees in pre-order, mapping XGBoost's node ids onto array indices. */
    private static final class Builder {
        private final int[] vectorIndexOfId;
        private final List<Integer> roots = new ArrayList<>();
        private final List<Integer> feature = new ArrayList<>();
        private final List<Float> threshold = new ArrayList<>();
        private final List<Integer> yes = new ArrayList<>();
        private final List<Integer> no = new ArrayList<>();
        private final List<Integer> missing = new ArrayList<>();
        private final List<Double> leaf = new ArrayList<>();

        Builder(int[] vectorIndexOfId) {
            this.vectorIndexOfId = vectorIndexOfId;
        }

        boolean addTree(JsonNode root) {
            roots.add(feature.size());
            return add(root) >= 0;
        }

        /** Adds a node and its subtree; the index of the node, or -1 if the tree cannot be compiled. */
        private int add(JsonNode node) {
            int index = feature.size();
            feature.add(LEAF);
            threshold.add(0f);
            yes.add(LEAF);
            no.add(LEAF);
            missing.add(LEAF);
            leaf.add(0.0);
            if (node.has("leaf")) {
                leaf.set(index, node.get("leaf").asDouble());
                return index;
            }
            String split = node.path("split").asString("");
            if (!split.startsWith("f")) {
                return -1;
            }
            int id;
            try {
                id = Integer.parseInt(split.substring(1));
            } catch (NumberFormatException e) {
                return -1;
            }
            if (id < 0 || id >= vectorIndexOfId.length || vectorIndexOfId[id] == LEAF) {
                return -1;
            }
            feature.set(index, vectorIndexOfId[id]);
            threshold.set(index, (float) node.get("split_condition").asDouble());
            int yesId = node.get("yes").asInt();
            int noId = node.get("no").asInt();
            int missingId = node.get("missing").asInt();
            JsonNode children = node.get("children");
            if (children == null || children.size() != 2) {
                return -1;
            }
            for (JsonNode child : children) {
                int childIndex = add(child);
                if (childIndex < 0) {
                    return -1;
                }
                int childId = child.get("nodeid").asInt();
                if (childId == yesId) {
                    yes.set(index, childIndex);
                }
                if (childId == noId) {
                    no.set(index, childIndex);
                }
                if (childId == missingId) {
                    missing.set(index, childIndex);
                }
            }
            return yes.get(index) == LEAF || no.get(index) == LEAF || missing.get(index) == LEAF ? -1 : index;
        }
    }
}
