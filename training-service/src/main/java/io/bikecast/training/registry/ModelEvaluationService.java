package io.bikecast.training.registry;

import io.bikecast.platform.web.ProblemException;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.data.ObservationReader;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forest.Evaluation;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Scores a registered version on the stored hours of the training series in a range, for backtests and operators. It
 * predicts with the stored artifact's raw Tribuo prediction, as the served model does.
 */
@Service
public class ModelEvaluationService {

    private final RegistryStore store;
    private final LoadedModels models;
    private final ObservationReader observations;
    private final TrainingProperties properties;

    public ModelEvaluationService(
            RegistryStore store, LoadedModels models, ObservationReader observations, TrainingProperties properties) {
        this.store = store;
        this.models = models;
        this.observations = observations;
        this.properties = properties;
    }

    /**
     * @param from the first local hour (inclusive)
     * @param to the end (exclusive), after {@code from}
     * @throws ProblemException 404 for an unknown version, 422 when no stored hour is in the range
     */
    public ModelEvaluation evaluate(String modelName, long version, LocalDateTime from, LocalDateTime to) {
        if (store.artifactSha256(modelName, version).isEmpty()) {
            throw ProblemException.notFound("model " + modelName + " has no version " + version);
        }
        List<TrainingRow> rows = observations.readRange(properties.seriesId(), from, to);
        if (rows.isEmpty()) {
            throw new ProblemException(
                    HttpStatus.valueOf(422),
                    "No stored hours in range",
                    "series '" + properties.seriesId() + "' has no stored hour from " + from + " (inclusive) to " + to
                            + " (exclusive); ingest those hours or choose a range with data");
        }
        return new ModelEvaluation(
                modelName, version, from, to, rows.size(), Evaluation.metrics(models.load(modelName, version), rows));
    }
}
