package io.bikecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.common.features.UciFeatures;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

class ModelArtifactsTest {

    private static final List<UciFeatures> ROWS = List.of(
            new UciFeatures(1, 0, 1, 0, 0, 6, 0, 1, 0.24, 0.2879, 0.81, 0.0),
            new UciFeatures(2, 1, 5, 17, 0, 3, 1, 2, 0.66, 0.6212, 0.44, 0.2836),
            new UciFeatures(3, 1, 7, 8, 0, 2, 1, 1, 0.7, 0.6515, 0.7, 0.1045),
            new UciFeatures(4, 0, 11, 23, 0, 5, 1, 3, 0.36, 0.3333, 0.93, 0.1642));

    @Test
    void readsBackAModelThatPredictsWhatTheOriginalPredicts() {
        Model<Regressor> tree = trainTree();

        Model<Regressor> read = ModelArtifacts.read(ModelArtifacts.write(tree));

        assertThat(predict(tree, ROWS.getFirst())).as("the tree splits").isNotEqualTo(predict(tree, ROWS.getLast()));

        for (UciFeatures row : ROWS) {
            assertThat(predict(read, row)).isEqualTo(predict(tree, row));
        }
    }

    @Test
    void identifiesAnArtifactByTheHexSha256OfItsBytes() {
        assertThat(ModelArtifacts.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void refusesBytesThatAreNotAnArtifact() {
        assertThatThrownBy(() -> ModelArtifacts.read(new byte[] {1, 2, 3})).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void refusesAnArtifactThatInflatesBeyondTheLimit() {
        byte[] artifact = ModelArtifacts.write(trainTree());

        assertThatThrownBy(() -> ModelArtifacts.read(artifact, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inflates to more than 100 bytes");
    }

    private static Model<Regressor> trainTree() {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
        for (int i = 0; i < ROWS.size(); i++) {
            dataset.add(FeatureExamples.example(ROWS.get(i), 10 + 100 * i));
        }
        return new CARTRegressionTrainer(4, 1f, 0f, 1f, false, new MeanSquaredError(), 1L).train(dataset);
    }

    private static double predict(Model<Regressor> model, UciFeatures row) {
        return model.predict(FeatureExamples.unlabelledExample(row)).getOutput().getValues()[0];
    }
}
