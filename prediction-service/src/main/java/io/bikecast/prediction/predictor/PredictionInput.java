package io.bikecast.prediction.predictor;

import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.series.SeriesId;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One validated request row: the model's features and what the prediction log records with them.
 *
 * @param hour the local hour predicted, when known (always for the natural form)
 * @param clientKey the key that keeps a client on the same side of an A/B split, if given
 * @param issuedAt the issue time the request names, before {@code hour}; null for the default (the series' latest
 *     actual, at most an hour before {@code hour})
 * @param historyAllowed false when the answer must come from the model without history whatever the hour (the quick
 *     GET)
 */
public record PredictionInput(
        UciFeatures features,
        SeriesId seriesId,
        @Nullable LocalDateTime hour,
        @Nullable String clientKey,
        @Nullable LocalDateTime issuedAt,
        boolean historyAllowed) {

    /** An input of the given hour, issued at the default time, that may use history. */
    public PredictionInput(
            UciFeatures features, SeriesId seriesId, @Nullable LocalDateTime hour, @Nullable String clientKey) {
        this(features, seriesId, hour, clientKey, null, true);
    }

    /** The same input, answered by the model without history. */
    public PredictionInput withoutHistory() {
        return new PredictionInput(features, seriesId, hour, clientKey, issuedAt, false);
    }
}
