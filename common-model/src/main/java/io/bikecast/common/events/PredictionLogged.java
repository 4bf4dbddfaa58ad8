package io.bikecast.common.events;

import io.bikecast.common.features.UciFeatures;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One prediction, as the prediction service made it: what monitoring tests for drift and joins with actuals.
 *
 * @param predictionId the id returned to the client; monitoring stores each id once
 * @param seriesId the series predicted
 * @param hour the local hour predicted, when the request named one (the natural form always does); else null
 * @param features the model's input, after feature engineering
 * @param prediction the model's raw output
 * @param predictedCount the count returned to the client: the raw output rounded and floored at zero
 * @param servedBy which alias produced it
 * @param shadow true when a challenger in shadow mode produced it: logged, never returned to the client
 * @param predictedAt when the prediction was made
 */
public record PredictionLogged(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID predictionId,
        String seriesId,
        LocalDateTime hour,
        UciFeatures features,
        double prediction,
        long predictedCount,
        String modelName,
        long modelVersion,
        ServedBy servedBy,
        boolean shadow,
        Instant predictedAt)
        implements BikecastEvent {

    public static final String TYPE = "prediction-logged";

    public PredictionLogged {
        eventId = EventDefaults.id(eventId);
        occurredAt = EventDefaults.at(occurredAt);
        schemaVersion = EventDefaults.version(schemaVersion);
        seriesId = EventDefaults.text(seriesId, "system");
        servedBy = servedBy == null ? ServedBy.CHAMPION : servedBy;
        predictedAt = predictedAt == null ? occurredAt : predictedAt;
    }

    public static PredictionLogged of(
            UUID predictionId,
            String seriesId,
            LocalDateTime hour,
            UciFeatures features,
            double prediction,
            long predictedCount,
            String modelName,
            long modelVersion,
            ServedBy servedBy,
            boolean shadow,
            Instant predictedAt) {
        return new PredictionLogged(
                UUID.randomUUID(),
                Instant.now(),
                CURRENT_SCHEMA_VERSION,
                predictionId,
                seriesId,
                hour,
                features,
                prediction,
                predictedCount,
                modelName,
                modelVersion,
                servedBy,
                shadow,
                predictedAt);
    }

    @Override
    public String key() {
        return String.valueOf(predictionId);
    }
}
