package io.bikecast.training.registry;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.registry.ModelRegistryReader;
import io.bikecast.common.registry.RegisteredModel;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.data.ObservationReader;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.run.TrainedModel;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Scores the current champion against a candidate, on the candidate's holdout and on the champion's own holdout, both
 * read from today's observations. The champion is loaded through the registry reader, so its artifact is verified.
 */
@Component
public class ChampionEvaluator {

    private final ModelRegistryReader reader;
    private final RegistryStore store;
    private final ObservationReader observations;
    private final TrainingProperties properties;

    public ChampionEvaluator(
            ModelRegistryReader reader,
            RegistryStore store,
            ObservationReader observations,
            TrainingProperties properties) {
        this.reader = reader;
        this.store = store;
        this.observations = observations;
        this.properties = properties;
    }

    public Optional<ChampionComparison> compare(String modelName, TrainedModel candidate) {
        Optional<Long> championVersion = reader.aliasVersion(modelName, ModelRegistryReader.CHAMPION);
        if (championVersion.isEmpty()) {
            return Optional.empty();
        }
        RegisteredModel champion = reader.load(modelName, championVersion.get());
        ModelVersionView view = store.find(modelName, champion.version()).orElseThrow();
        ModelMetrics onCandidateHoldout =
                Evaluation.metrics(champion.model(), candidate.split().holdout());
        List<TrainingRow> previousHoldout =
                observations.read(properties.seriesId(), view.holdoutStart(), view.holdoutEnd());
        if (previousHoldout.isEmpty()) {
            return Optional.of(new ChampionComparison(champion.version(), onCandidateHoldout, null, null));
        }
        return Optional.of(new ChampionComparison(
                champion.version(),
                onCandidateHoldout,
                Evaluation.metrics(candidate.model(), previousHoldout),
                Evaluation.metrics(champion.model(), previousHoldout)));
    }
}
