package io.bikecast.training.forest;

import static org.assertj.core.api.Assertions.assertThat;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import io.bikecast.common.events.ModelMetrics;
import io.bikecast.model.ModelArtifacts;
import io.bikecast.testsupport.UciDataset;
import io.bikecast.training.data.TimeSplit;
import io.bikecast.training.data.TrainingRow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.dataset.DatasetView;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.regression.Regressor;

class ParallelForestTrainerTest {

    private static final ForestParameters SMALL = new ForestParameters(12, 8, 5f, 0f, 0.99f, 7L, 4);

    private final TimeSplit split =
            TimeSplit.at(rows(), LocalDate.of(2011, 5, 1).atStartOfDay());
    private final MutableDataset<Regressor> data = TrainingSets.of(split.training(), "test");

    @Test
    void theSameDataAndSeedGiveTheSameForestWhateverTheNumberOfThreads() {
        Model<Regressor> oneThread = new ParallelForestTrainer(1).train(data, SMALL);
        Model<Regressor> fourThreads = new ParallelForestTrainer(4).train(data, SMALL);

        assertThat(Evaluation.predict(fourThreads, split.holdout()))
                .containsExactly(Evaluation.predict(oneThread, split.holdout()));
        assertThat(Evaluation.metrics(fourThreads, split.holdout()))
                .isEqualTo(Evaluation.metrics(oneThread, split.holdout()));
    }

    @Test
    void anotherSeedGivesAnotherForest() {
        ModelMetrics seven = Evaluation.metrics(new ParallelForestTrainer(2).train(data, SMALL), split.holdout());
        ForestParameters otherSeed = new ForestParameters(12, 8, 5f, 0f, 0.99f, 8L, 4);
        ModelMetrics eight = Evaluation.metrics(new ParallelForestTrainer(2).train(data, otherSeed), split.holdout());

        assertThat(eight.rmse()).isNotEqualTo(seven.rmse());
    }

    @Test
    void mergesEveryShardsTreesIntoOneForestThatSurvivesTheArtifactRoundTrip() {
        Model<Regressor> forest = new ParallelForestTrainer(2).train(data, SMALL);

        assertThat(((EnsembleModel<Regressor>) forest).getNumModels()).isEqualTo(12);
        Model<Regressor> reloaded = ModelArtifacts.read(ModelArtifacts.write(forest));
        assertThat(Evaluation.predict(reloaded, split.holdout()))
                .containsExactly(Evaluation.predict(forest, split.holdout()));
    }

    @Test
    void keepsNoRowIndicesInAnyTreesProvenance() {
        EnsembleModel<Regressor> forest = (EnsembleModel<Regressor>) new ParallelForestTrainer(2).train(data, SMALL);

        // Stored indices would make a 100-tree artifact about 126 MB larger; the seed reproduces each bag instead.
        for (Model<Regressor> tree : forest.getModels()) {
            DatasetView.DatasetViewProvenance bag =
                    (DatasetView.DatasetViewProvenance) tree.getProvenance().getDatasetProvenance();
            assertThat(bag.isSampled()).isTrue();
            Map<String, Provenance> recorded = new HashMap<>();
            bag.forEach(entry -> recorded.put(entry.getA(), entry.getB()));
            assertThat(recorded).containsKey("seed");
            assertThat(recorded.get("indices"))
                    .isInstanceOfSatisfying(
                            ListProvenance.class,
                            indices -> assertThat(indices.getList()).isEmpty());
        }
    }

    @Test
    void spreadsTheTreesOverTheShardsWithDistinctSeeds() {
        List<ParallelForestTrainer.ShardSpec> shards =
                ParallelForestTrainer.shards(new ForestParameters(10, 8, 5f, 0f, 0.99f, 7L, 4));

        assertThat(shards).extracting(ParallelForestTrainer.ShardSpec::trees).containsExactly(3, 3, 2, 2);
        assertThat(shards).extracting(ParallelForestTrainer.ShardSpec::seed).doesNotHaveDuplicates();
    }

    private static List<TrainingRow> rows() {
        return UciDataset.hours().stream()
                .filter(row -> row.dteday().isBefore(LocalDate.of(2011, 6, 1)))
                .map(row -> new TrainingRow(row.dteday().atTime(row.hr(), 0), row.features(), row.cnt()))
                .toList();
    }
}
