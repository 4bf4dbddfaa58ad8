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
 * @param issuedAt the latest hour whose actual the prediction could read (its issue time); null for a prediction made
 *     without an hour or without history, and in events older than the forecasters
 * @param horizonHours whole hours from {@code issuedAt} to {@code hour}; null with {@code issuedAt}
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
        Instant predictedAt,
        LocalDateTime issuedAt,
        Integer horizonHours)
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
        return of(
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
                predictedAt,
                null,
                null);
    }

    /** A prediction issued at a known time, {@code horizonHours} before its hour. */
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
            Instant predictedAt,
            LocalDateTime issuedAt,
            Integer horizonHours) {
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
                predictedAt,
                issuedAt,
                horizonHours);
    }

    @Override
    public String key() {
        return String.valueOf(predictionId);
    }
}
