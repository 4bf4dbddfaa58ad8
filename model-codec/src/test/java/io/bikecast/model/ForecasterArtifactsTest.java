package io.bikecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.common.features.HistoryFeatures;
import io.bikecast.common.features.UciFeatures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

class ForecasterArtifactsTest {

    private static final List<UciFeatures> ROWS = List.of(
            new UciFeatures(1, 0, 1, 0, 0, 6, 0, 1, 0.24, 0.2879, 0.81, 0.0),
            new UciFeatures(2, 1, 5, 17, 0, 3, 1, 2, 0.66, 0.6212, 0.44, 0.2836),
            new UciFeatures(3, 1, 7, 8, 0, 2, 1, 1, 0.7, 0.6515, 0.7, 0.1045),
            new UciFeatures(4, 0, 11, 23, 0, 5, 1, 3, 0.36, 0.3333, 0.93, 0.1642));

    @Test
    void readsBackEveryLeadWithItsIntervalAndPredictionsOfBoostedTrees() {
        Model<Regressor> withoutHistory = boosted(false);
        Model<Regressor> dayAhead = boosted(true);
        Forecaster forecaster = new Forecaster(
                "xgboost",
                TargetTransform.LOG1P,
                List.of(new LeadModel(24, dayAhead, -0.4, 0.3), new LeadModel(0, withoutHistory, -0.5, 0.45)));

        Forecaster read = ForecasterArtifacts.read(ForecasterArtifacts.write(forecaster));

        assertThat(read.algorithm()).isEqualTo("xgboost");
        assertThat(read.target()).isEqualTo(TargetTransform.LOG1P);
        assertThat(read.models()).extracting(LeadModel::lead).containsExactly(0, 24);
        assertThat(read.model(24).orElseThrow().intervalLow()).isEqualTo(-0.4);
        assertThat(read.model(24).orElseThrow().intervalHigh()).isEqualTo(0.3);
        for (int i = 0; i < ROWS.size(); i++) {
            Example<Regressor> example = FeatureExamples.unlabelledExample(ROWS.get(i), history(i));
            assertThat(predict(read.model(24).orElseThrow().model(), example)).isEqualTo(predict(dayAhead, example));
            assertThat(predict(read.withoutHistoryModel().model(), FeatureExamples.unlabelledExample(ROWS.get(i))))
                    .isEqualTo(predict(withoutHistory, FeatureExamples.unlabelledExample(ROWS.get(i))));
        }
    }

    @Test
    void aBoostedForecasterIsWrittenAsVersion1WithoutCompactTrees() {
        byte[] artifact = ForecasterArtifacts.write(
                Forecaster.withoutHistory("xgboost", new LeadModel(0, boosted(false), -0.5, 0.45)));

        assertThat(ForecasterArtifacts.readCompact(artifact)).isEmpty();
        assertThat(ForecasterArtifacts.read(artifact).algorithm()).isEqualTo("xgboost");
    }

    @Test
    void readsAnArtifactStoredBeforeForecastersAsAForestWithoutHistory() {
        Model<Regressor> tree = tree();

        Forecaster read = ForecasterArtifacts.read(ModelArtifacts.write(tree));

        assertThat(read.models()).singleElement().satisfies(model -> {
            assertThat(model.lead()).isZero();
            assertThat(model.hasCalibratedInterval()).isFalse();
        });
        assertThat(read.target()).isEqualTo(TargetTransform.COUNT);
        assertThat(read.forHorizon(1)).isSameAs(read.withoutHistoryModel());
        assertThat(predict(read.withoutHistoryModel().model(), FeatureExamples.unlabelledExample(ROWS.get(1))))
                .isEqualTo(predict(tree, FeatureExamples.unlabelledExample(ROWS.get(1))));
    }

    @Test
    void servesAHorizonByTheShortestLeadThatCoversItAndBeyondThemWithoutHistory() {
        Model<Regressor> tree = tree();
        Forecaster forecaster = new Forecaster(
                "random-forest",
                TargetTransform.COUNT,
                List.of(
                        new LeadModel(0, tree, -1, 1),
                        new LeadModel(1, tree, -1, 1),
                        new LeadModel(6, tree, -1, 1),
                        new LeadModel(24, tree, -1, 1)));

        assertThat(forecaster.forHorizon(1).lead()).isEqualTo(1);
        assertThat(forecaster.forHorizon(5).lead()).isEqualTo(6);
        assertThat(forecaster.forHorizon(2).lead())
                .as("no lead-3 model: without history")
                .isZero();
        assertThat(forecaster.forHorizon(30).lead()).isZero();
        assertThat(forecaster.historyLeads()).containsExactly(1, 6, 24);
    }

    @Test
    void refusesAForecasterWithoutAModelWithoutHistory() {
        assertThatThrownBy(() ->
                        new Forecaster("xgboost", TargetTransform.LOG1P, List.of(new LeadModel(1, tree(), -1, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lead 0");
    }

    @Test
    void refusesAManifestThatNamesAModelTheArtifactLacks() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(ForecasterArtifacts.MANIFEST));
            zip.write("format-version=1\nalgorithm=xgboost\ntarget=LOG1P\nleads=0\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThatThrownBy(() -> ForecasterArtifacts.read(bytes.toByteArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lead-0.tribuo");
    }

    @Test
    void refusesBytesThatAreNeitherFormat() {
        assertThatThrownBy(() -> ForecasterArtifacts.read("not a model".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither");
    }

    private static double[] history(int i) {
        double[] history = new double[HistoryFeatures.featureNames().length];
        Arrays.fill(history, 20.0 * (i + 1));
        history[1] = Double.NaN;
        return history;
    }

    private static Model<Regressor> boosted(boolean withHistory) {
        MutableDataset<Regressor> dataset = dataset();
        for (int i = 0; i < ROWS.size(); i++) {
            double target = TargetTransform.LOG1P.toTarget(10 + 100 * i);
            dataset.add(
                    withHistory
                            ? FeatureExamples.example(ROWS.get(i), history(i), target)
                            : FeatureExamples.example(ROWS.get(i), target));
        }
        return new XGBoostRegressionTrainer(
                        XGBoostRegressionTrainer.RegressionType.LINEAR, 5, 0.3, 0, 3, 0, 1, 1, 1, 0, 1, true, 1L)
                .train(dataset);
    }

    private static Model<Regressor> tree() {
        MutableDataset<Regressor> dataset = dataset();
        for (int i = 0; i < ROWS.size(); i++) {
            dataset.add(FeatureExamples.example(ROWS.get(i), 10 + 100 * i));
        }
        return new CARTRegressionTrainer(4, 1f, 0f, 1f, false, new MeanSquaredError(), 1L).train(dataset);
    }

    private static MutableDataset<Regressor> dataset() {
        RegressionFactory factory = new RegressionFactory();
        return new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
    }

    private static double predict(Model<Regressor> model, Example<Regressor> example) {
        return model.predict(example).getOutput().getValues()[0];
    }
}
