package io.bikecast.training.evaluation;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.data.ObservationReader;
import io.bikecast.training.data.SeriesSelection;
import io.bikecast.training.data.TrainingRow;
import io.bikecast.training.forecast.Forecasts;
import io.bikecast.training.forecast.WindowHistory;
import io.bikecast.training.registry.LoadedModels;
import io.bikecast.training.registry.RegistryStore;
import io.bikecast.training.registry.VersionNotFoundException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Scores a registered version on the stored hours of the training series in a range, for backtests and operators, as
 * the promotion gate scores it: at each lead of 1, 3, 6 and 24 hours by the model serving that horizon, the history
 * features read from the stored actuals up to the issue time, and the mean over the leads. A version stored before
 * forecasters serves every lead with its single model.
 */
@Service
class ModelEvaluationService {

    /** The furthest back a history feature reads: the same hour four weeks before (lead 24). */
    static final int HISTORY_DAYS = 28;

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
        SeriesSelection series = properties
                .model(modelName)
                .orElseThrow(() -> new VersionNotFoundException(modelName, version))
                .series();
        List<TrainingRow> withHistory = observations.readRange(series, from.minusDays(HISTORY_DAYS), to);
        List<TrainingRow> rows =
                withHistory.stream().filter(row -> !row.hour().isBefore(from)).toList();
        if (rows.isEmpty()) {
            throw new NoStoredHoursException(series.toString(), from, to);
        }
        Map<Integer, ModelMetrics> leads =
                Forecasts.metricsByLead(models.load(modelName, version), rows, WindowHistory.of(withHistory));
        return new ModelEvaluation(
                modelName, version, from, to, rows.size(), Forecasts.mean(List.copyOf(leads.values())), leads);
    }
}
