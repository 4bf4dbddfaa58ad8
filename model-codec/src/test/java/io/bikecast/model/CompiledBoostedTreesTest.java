package io.bikecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.HistoryFeatures;
import io.bikecast.common.features.UciFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

class CompiledBoostedTreesTest {

    private static final String[] NAMES = names();

    @Test
    void predictsWhatTribuoPredictsIncludingZerosAndMissingHistory() {
        Random random = new Random(7);
        List<double[]> vectors = vectors(random, 600);
        Model<Regressor> model = boosted(vectors, 5);

        CompiledBoostedTrees compiled =
                CompiledBoostedTrees.compile(model, NAMES).orElseThrow();

        assertThat(compiled.trees()).isEqualTo(60);
        assertThat(compiled.walksCompleteTrees()).isTrue();
        List<double[]> unseen = vectors(random, 300);
        assertThat(compiled.agreesWith(model, vectors, 1e-4)).isTrue();
        assertThat(compiled.agreesWith(model, unseen, 1e-4)).isTrue();
        double[] allMissing = unseen.getFirst().clone();
        Arrays.fill(allMissing, FeatureSchema.featureNames().length, allMissing.length, Double.NaN);
        assertThat(compiled.agreesWith(model, List.of(allMissing), 1e-4)).isTrue();
    }

    @Test
    void treesTooDeepToLayOutCompleteAreWalkedNodeByNodeWithTheSameAnswers() {
        List<double[]> vectors = vectors(new Random(11), 3_000);
        Model<Regressor> model = boosted(vectors, 16);

        CompiledBoostedTrees compiled =
                CompiledBoostedTrees.compile(model, NAMES).orElseThrow();

        assertThat(compiled.walksCompleteTrees()).isFalse();
        assertThat(compiled.agreesWith(model, vectors.subList(0, 500), 1e-4)).isTrue();
    }

    @Test
    void leavesAnythingButBoostedTreesToTribuo() {
        Random random = new Random(3);
        MutableDataset<Regressor> dataset = dataset();
        for (int i = 0; i < 50; i++) {
            dataset.add(FeatureExamples.example(uci(random), 10 + i));
        }
        Model<Regressor> tree =
                new CARTRegressionTrainer(4, 1f, 0f, 1f, false, new MeanSquaredError(), 1L).train(dataset);

        assertThat(CompiledBoostedTrees.compile(tree, NAMES)).isEmpty();
    }

    private static Model<Regressor> boosted(List<double[]> vectors, int maxDepth) {
        MutableDataset<Regressor> dataset = dataset();
        for (double[] x : vectors) {
            UciFeatures f = UciFeatures.fromVector(Arrays.copyOf(x, FeatureSchema.featureNames().length));
            double[] history = Arrays.copyOfRange(x, FeatureSchema.featureNames().length, x.length);
            double demand = 20 + 10 * f.hr() * (f.workingday() + 1) + (Double.isNaN(history[0]) ? 5 : history[0] / 2);
            dataset.add(FeatureExamples.example(f, history, TargetTransform.LOG1P.toTarget(demand)));
        }
        return new XGBoostRegressionTrainer(
                        XGBoostRegressionTrainer.RegressionType.LINEAR,
                        60,
                        0.2,
                        0,
                        maxDepth,
                        1,
                        1,
                        1,
                        1,
                        0,
                        1,
                        true,
                        1L)
                .train(dataset);
    }

    private static List<double[]> vectors(Random random, int count) {
        List<double[]> vectors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            vectors.add(vector(random));
        }
        return vectors;
    }

    private static double[] vector(Random random) {
        double[] uci = uci(random).toVector();
        double[] history = new double[HistoryFeatures.featureNames().length];
        for (int i = 0; i < history.length; i++) {
            int kind = random.nextInt(10);
            history[i] = kind == 0 ? Double.NaN : kind == 1 ? 0 : random.nextInt(500);
        }
        double[] x = Arrays.copyOf(uci, uci.length + history.length);
        System.arraycopy(history, 0, x, uci.length, history.length);
        return x;
    }

    private static UciFeatures uci(Random random) {
        return new UciFeatures(
                1 + random.nextInt(4),
                random.nextInt(2),
                1 + random.nextInt(12),
                random.nextInt(24),
                random.nextInt(2),
                random.nextInt(7),
                random.nextInt(2),
                1 + random.nextInt(4),
                random.nextDouble(),
                random.nextDouble(),
                random.nextInt(3) == 0 ? 0 : random.nextDouble(),
                random.nextInt(3) == 0 ? 0 : random.nextDouble());
    }

    private static String[] names() {
        String[] uci = FeatureSchema.featureNames();
        String[] history = HistoryFeatures.featureNames();
        String[] names = Arrays.copyOf(uci, uci.length + history.length);
        System.arraycopy(history, 0, names, uci.length, history.length);
        return names;
    }

    private static MutableDataset<Regressor> dataset() {
        RegressionFactory factory = new RegressionFactory();
        return new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
    }
}
