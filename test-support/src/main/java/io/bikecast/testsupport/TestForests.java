package io.bikecast.testsupport;

import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.FeatureExamples;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * Small real forests and their reference samples, for the tests of services that serve or monitor models: what the
 * training service would register, made in a second instead of a training run. Registering them is {@link
 * FakeTrainingRegistry}'s business (through the registry API, as the services read it).
 */
public final class TestForests {

    private TestForests() {}

    /** A small random forest (depth 8) trained on the given rows of {@code hour.csv}. */
    public static Model<Regressor> trainForest(List<UciDataset.HourRow> rows, int trees, long seed) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("uci-hour-sample", OffsetDateTime.now(), factory), factory);
        rows.forEach(row -> dataset.add(FeatureExamples.example(row.features(), row.cnt())));
        CARTRegressionTrainer tree =
                new CARTRegressionTrainer(8, 5.0f, 0.0f, 0.5f, false, new MeanSquaredError(), seed);
        return new RandomForestTrainer<>(tree, new AveragingCombiner(), trees, seed).train(dataset);
    }

    /** A reference sample of the given rows (without their hours), with the model's predictions for them. */
    public static ReferenceSample referenceSample(Model<Regressor> model, List<UciDataset.HourRow> rows) {
        Map<String, double[]> features = new LinkedHashMap<>();
        String[] names = FeatureSchema.featureNames();
        for (int f = 0; f < names.length; f++) {
            double[] values = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                values[i] = FeatureEngineering.vector(rows.get(i).features())[f];
            }
            features.put(names[f], values);
        }
        double[] predictions =
                rows.stream().mapToDouble(row -> predict(model, row.features())).toArray();
        return new ReferenceSample(features, predictions);
    }

    /** What the model predicts for the features (its raw output). */
    public static double predict(Model<Regressor> model, UciFeatures features) {
        return model.predict(FeatureExamples.unlabelledExample(features))
                .getOutput()
                .getValues()[0];
    }
}
