package io.bikecast.training.evaluation;

import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.data.ObservationReader;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.Evaluation;
import io.bikecast.training.registry.LoadedModels;
import io.bikecast.training.registry.RegistryStore;
import io.bikecast.training.registry.VersionNotFoundException;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Scores a registered version on the stored hours of the training series in a range, for backtests and operators. It
 * predicts with the stored artifact's raw Tribuo prediction, as the served model does.
 */
@Service
class ModelEvaluationService {

    private final RegistryStore store;
    private final LoadedModels models;
    private final ObservationReader observations;
    private final TrainingProperties properties;

    ModelEvaluationService(
            RegistryStore store, LoadedModels models, ObservationReader observations, TrainingProperties properties) {
        this.store = store;
        this.models = models;
        this.observations = observations;
        this.properties = properties;
    }

    /**
     * @param from the first local hour (inclusive)
     * @param to the end (exclusive), after {@code from}
     * @throws VersionNotFoundException for an unknown version
     * @throws NoStoredHoursException when no stored hour is in the range
     */
    ModelEvaluation evaluate(String modelName, long version, LocalDateTime from, LocalDateTime to) {
        if (store.artifactSha256(modelName, version).isEmpty()) {
            throw new VersionNotFoundException(modelName, version);
        }
        List<TrainingRow> rows = observations.readRange(properties.seriesId(), from, to);
        if (rows.isEmpty()) {
            throw new NoStoredHoursException(properties.seriesId(), from, to);
        }
        return new ModelEvaluation(
                modelName, version, from, to, rows.size(), Evaluation.metrics(models.load(modelName, version), rows));
    }
}
