package io.bikecast.prediction.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.model.CompactForest;
import io.bikecast.model.FeatureExamples;
import io.bikecast.prediction.support.TestForecasters;
import io.bikecast.prediction.support.TestModels;
import io.bikecast.testsupport.UciDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/** The flattened forest must answer exactly as Tribuo does, tree by tree, on rows it was and was not trained on. */
class CompiledForestTest {

    @Test
    void everyTreeAnswersAsTribuoDoes() {
        Model<Regressor> forest = TestModels.first().model();
        CompiledForest compiled = CompiledForest.compile(forest).orElseThrow();
        List<Model<Regressor>> trees = ((EnsembleModel<Regressor>) forest).getModels();

        for (int i = 0; i < UciDataset.hours().size(); i += 13) {
            UciFeatures features = UciDataset.hours().get(i).features();
            double[] perTree = compiled.memberPredictions(FeatureEngineering.vector(features));
            for (int t = 0; t < trees.size(); t++) {
                assertThat(perTree[t])
                        .as("tree %d on row %d", t, i)
                        .isEqualTo(trees.get(t)
                                .predict(FeatureExamples.unlabelledExample(features))
                                .getOutput()
                                .getValues()[0]);
            }
            assertThat(compiled.predict(FeatureEngineering.vector(features)).raw())
                    .isCloseTo(TestModels.first().predict(features), within(1e-9));
        }
    }

    @Test
    void answersAtASplitsThresholdAsTribuoDoes() {
        Model<Regressor> forest = TestModels.first().model();
        CompiledForest compiled = CompiledForest.compile(forest).orElseThrow();
        // hum and windspeed take few distinct values in hour.csv, so thresholds fall between and on observed values.
        for (double hum = 0; hum <= 1.0; hum += 0.01) {
            UciFeatures features = new UciFeatures(1, 0, 1, 8, 0, 1, 1, 1, 0.2, 0.2, hum, 0.1940);
            assertThat(compiled.predict(FeatureEngineering.vector(features)).raw())
                    .isCloseTo(TestModels.first().predict(features), within(1e-9));
        }
    }

    @Test
    void aForestWithHistoryFeaturesReadsAMissingOneAsTribuoDoes() {
        var factory = new org.tribuo.regression.RegressionFactory();
        var dataset = new org.tribuo.MutableDataset<Regressor>(
                new org.tribuo.provenance.SimpleDataSourceProvenance("rows", factory), factory);
        List<UciDataset.HourRow> rows = UciDataset.hours().subList(200, 1_200);
        rows.forEach(row ->
                dataset.add(FeatureExamples.example(row.features(), TestForecasters.history(row, 1), row.cnt())));
        Model<Regressor> forest = new RandomForestTrainer<>(
                        new CARTRegressionTrainer(8, 5f, 0f, 0.9f, false, new MeanSquaredError(), 3L),
                        new AveragingCombiner(),
                        10,
                        3L)
                .train(dataset);
        CompiledForest compiled = CompiledForest.compile(forest).orElseThrow();

        for (int i = 0; i < rows.size(); i += 7) {
            double[] history = TestForecasters.history(rows.get(i), 1);
            if (i % 2 == 0) {
                history[i % history.length] = Double.NaN;
            }
            double[] vector = ServingVector.of(rows.get(i).features(), history);
            assertThat(compiled.predict(vector).raw())
                    .as("row %d", i)
                    .isCloseTo(TribuoPredictor.predict(forest, vector), within(1e-9));
        }
        double[] noHistory = ServingVector.withoutHistory(rows.getFirst().features());
        assertThat(compiled.predict(noHistory).raw())
                .isCloseTo(TribuoPredictor.predict(forest, noHistory), within(1e-9));
    }

    @Test
    void aForestTooWideForFourByteNodesIsWalkedAsTheCompactForestIs() {
        // A comb of 1,100 splits on temp: more distinct thresholds than a 4-byte node's rank holds.
        int splits = 1_100;
        int nodes = 2 * splits + 1;
        byte[] feature = new byte[nodes];
        double[] value = new double[nodes];
        int[] greater = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            feature[i] = i < splits ? 0 : CompactForest.LEAF;
            value[i] = i < splits ? i / (double) splits : i;
            greater[i] = i < splits ? nodes - 1 - i : CompactForest.LEAF;
        }
        CompactForest comb = new CompactForest(
                List.of("temp"), new int[] {0}, feature, value, greater, new double[0][], new double[0]);
        CompiledForest compiled = CompiledForest.of(comb).orElseThrow();
        int temp = List.of(ServingVector.NAMES).indexOf("temp");

        for (int i = -1; i <= splits; i++) {
            for (double x : new double[] {i / (double) splits, Math.nextUp(i / (double) splits)}) {
                double[] vector = new double[ServingVector.NAMES.length];
                vector[temp] = x;
                assertThat(compiled.predict(vector).raw()).as("temp %s", x).isEqualTo(comb.predict(new double[] {x}));
            }
        }
    }

    @Test
    void aDeepUnevenForestIsWalkedAsTheCompactForestIs() {
        // Trees of 3 to 1,855 nodes and up to 23 levels, so that lanes reach their leaves at many steps and stay there
        // while others walk; 37 of them, two groups of 19 lanes, the second padded with a leaf.
        SplittableRandom random = new SplittableRandom(5);
        List<String> features = List.of("temp", "hum", "hr", "windspeed");
        List<CompactForest> trees = new ArrayList<>();
        for (int t = 0; t < 37; t++) {
            trees.add(RandomTree.grow(random, features.size(), 3 + (t % 11) * 2));
        }
        CompactForest forest = RandomTree.concatenate(features, trees);
        CompiledForest compiled = CompiledForest.of(forest).orElseThrow();
        List<String> schema = List.of(ServingVector.NAMES);

        for (int row = 0; row < 500; row++) {
            double[] x = new double[features.size()];
            double[] vector = new double[ServingVector.NAMES.length];
            for (int f = 0; f < x.length; f++) {
                // On a threshold, or just beside one.
                x[f] = RandomTree.threshold(random) + random.nextInt(-1, 2) * 0.01;
                vector[schema.indexOf(features.get(f))] = x[f];
            }
            double[] perTree = compiled.memberPredictions(vector);
            for (int t = 0; t < trees.size(); t++) {
                assertThat(perTree[t])
                        .as("tree %d, row %d", t, row)
                        .isEqualTo(trees.get(t).predict(x));
            }
            assertThat(compiled.predict(vector).raw()).isCloseTo(forest.predict(x), within(1e-9));
        }
    }

    @Test
    void leavesAModelThatIsNotAForestToTribuo() {
        var dataset = new org.tribuo.MutableDataset<Regressor>(
                new org.tribuo.provenance.SimpleDataSourceProvenance(
                        "rows", new org.tribuo.regression.RegressionFactory()),
                new org.tribuo.regression.RegressionFactory());
        UciDataset.hours()
                .subList(0, 200)
                .forEach(row -> dataset.add(FeatureExamples.example(row.features(), row.cnt())));
        Model<Regressor> singleTree =
                new CARTRegressionTrainer(4, 5f, 0f, 1f, false, new MeanSquaredError(), 1L).train(dataset);

        assertThat(CompiledForest.compile(singleTree)).isEmpty();
        ModelOutput output = new TribuoPredictor(singleTree)
                .predict(FeatureEngineering.vector(TestModels.row(5).features()));
        assertThat(output.hasInterval()).isFalse();
    }
}
