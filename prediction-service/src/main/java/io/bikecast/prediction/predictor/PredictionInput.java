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
 */
public record PredictionInput(
        UciFeatures features,
        SeriesId seriesId,
        @Nullable LocalDateTime hour,
        @Nullable String clientKey) {}
