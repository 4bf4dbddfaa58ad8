package io.bikecast.training.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.testsupport.UciDataset;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.ForestParameters;
import io.bikecast.training.forest.ForestSize;
import io.bikecast.training.forest.ParallelForestTrainer;
import io.bikecast.training.forest.TrainingSets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

class ModelSizeLimitsTest {

    private static final Model<Regressor> FOREST = new ParallelForestTrainer(1)
            .train(TrainingSets.of(january2011(), "test"), new ForestParameters(3, 4, 5f, 0f, 0.99f, 1L, 1));

    @Test
    void aForestWithinBothLimitsPassesAndItsNodesAreCounted() {
        ModelSizeLimits limits = limits(Map.of());

        long nodes = ForestSize.nodes(FOREST);
        limits.checkNodes("served fit", nodes, ForestSize.trees(FOREST));
        limits.checkArtifact(22_400_000);

        // Three trees of depth 4: at most 3 × 31 nodes, and more than their roots.
        assertThat(nodes).isBetween(4L, 93L);
    }

    @Test
    void aForestOverTheNodeLimitIsRefusedNamingItsNodesTheLimitAndTheProperty() {
        long nodes = ForestSize.nodes(FOREST);
        ModelSizeLimits limits = limits(Map.of("bikecast.training.max-tree-nodes", String.valueOf(nodes - 1)));

        assertThatThrownBy(() -> limits.checkNodes("served fit", nodes, ForestSize.trees(FOREST)))
                .isInstanceOf(ModelTooLargeException.class)
                .hasMessageStartingWith("the served fit has " + nodes + " tree nodes in 3 trees, more than the "
                        + (nodes - 1) + " that bikecast.training.max-tree-nodes allows; nothing was registered")
                .hasMessageContaining("or raise bikecast.training.max-tree-nodes");
    }

    @Test
    void anArtifactOverTheByteLimitIsRefusedNamingItsSizeTheLimitAndTheProperty() {
        ModelSizeLimits limits = limits(Map.of("bikecast.training.max-artifact-bytes", "1KB"));

        limits.checkArtifact(1024);
        assertThatThrownBy(() -> limits.checkArtifact(1025))
                .isInstanceOf(ModelTooLargeException.class)
                .hasMessageStartingWith("the stored artifact of the served fit has 1025 bytes, more than the 1024 (1KB)"
                        + " that bikecast.training.max-artifact-bytes allows; nothing was registered")
                .hasMessageContaining("or raise bikecast.training.max-artifact-bytes");
    }

    @Test
    void aLimitBelowOneIsRefusedAtStartUp() {
        assertThatThrownBy(() -> limits(Map.of("bikecast.training.max-tree-nodes", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }

    private static ModelSizeLimits limits(Map<String, String> properties) {
        return new ModelSizeLimits(new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("bikecast.training", TrainingProperties.class));
    }

    private static List<TrainingRow> january2011() {
        return UciDataset.hours().stream()
                .filter(row -> row.dteday().isBefore(LocalDate.of(2011, 2, 1)))
                .map(row -> new TrainingRow(row.dteday().atTime(row.hr(), 0), row.features(), row.cnt()))
                .toList();
    }
}
