package io.bikecast.common.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bikecast.common.features.UciFeatures;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Many predictions in one event: how the prediction service logs them. Each element says what one {@link
 * PredictionLogged} says, written as a JSON array rather than an object, because predictions are by far the busiest
 * topic: a 500-station forecast of the next day is 12,000 of them, and one record each with every field named was
 * seven megabytes of JSON to write, send, read and parse, on the same cores that serve the requests. Batched and
 * without names it is a fifth of that, in a few dozen records.
 *
 * <p>The key is the first prediction's id, which spreads the batches over the topic's partitions; consumers store each
 * prediction id once, so a redelivered batch changes nothing.
 *
 * @param predictions the predictions, in the order they were made
 */
public record PredictionsLogged(UUID eventId, Instant occurredAt, int schemaVersion, List<Entry> predictions)
        implements BikecastEvent {

    public static final String TYPE = "predictions-logged";

    public PredictionsLogged {
        eventId = EventDefaults.id(eventId);
        occurredAt = EventDefaults.at(occurredAt);
        schemaVersion = EventDefaults.version(schemaVersion);
        predictions = EventDefaults.list(predictions);
    }

    /** One event carrying {@code predictions}; they keep their own ids, the event gets a new one. */
    public static PredictionsLogged of(List<PredictionLogged> predictions) {
        return new PredictionsLogged(
                UUID.randomUUID(),
                Instant.now(),
                CURRENT_SCHEMA_VERSION,
                predictions.stream().map(Entry::of).toList());
    }

    /**
     * The predictions as single events, each with the batch's event id and time: a view for consumers, which tell
     * predictions apart by their ids, never published again. A fresh random id each would cost a secure random draw
     * per prediction, 12,000 for one bulk forecast, for an id no one reads.
     */
    public List<PredictionLogged> each() {
        return predictions.stream()
                .map(entry -> entry.toEvent(eventId, occurredAt))
                .toList();
    }

    @Override
    public String key() {
        return predictions.isEmpty()
                ? String.valueOf(eventId)
                : String.valueOf(predictions.getFirst().predictionId());
    }

    /** One prediction; the fields are those of {@link PredictionLogged}, which documents them. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({
        "predictionId",
        "seriesId",
        "hour",
        "features",
        "prediction",
        "predictedCount",
        "modelName",
        "modelVersion",
        "servedBy",
        "shadow",
        "predictedAt",
        "issuedAt",
        "horizonHours"
    })
    public record Entry(
            UUID predictionId,
            String seriesId,
            LocalDateTime hour,
            @JsonFormat(shape = JsonFormat.Shape.ARRAY) UciFeatures features,
            double prediction,
            long predictedCount,
            String modelName,
            long modelVersion,
            ServedBy servedBy,
            boolean shadow,
            Instant predictedAt,
            LocalDateTime issuedAt,
            Integer horizonHours) {

        static Entry of(PredictionLogged p) {
            return new Entry(
                    p.predictionId(),
                    p.seriesId(),
                    p.hour(),
                    p.features(),
                    p.prediction(),
                    p.predictedCount(),
                    p.modelName(),
                    p.modelVersion(),
                    p.servedBy(),
                    p.shadow(),
                    p.predictedAt(),
                    p.issuedAt(),
                    p.horizonHours());
        }

        PredictionLogged toEvent(UUID eventId, Instant occurredAt) {
            return new PredictionLogged(
                    eventId,
                    occurredAt,
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
    }
}
