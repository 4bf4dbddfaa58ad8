package io.bikecast.prediction.predict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.bikecast.common.events.ServedBy;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.prediction.predictor.Answer;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One prediction, as every prediction endpoint answers it.
 *
 * @param predictedCount the predicted rentals in the hour: the raw prediction rounded, never below zero
 * @param rawPrediction the model's own output
 * @param interval the spread of the forest's trees: the 10th and 90th percentiles of their individual predictions
 *     (absent for a model that is not an ensemble). It shows how much the trees agree; it is not a calibrated
 *     prediction interval for the actual count
 * @param servedBy whether the champion or the challenger (A/B) answered
 * @param features the model's input, after feature engineering (what a natural-form request turned into)
 * @param filledFields for a quick GET, the fields that were not given and were filled from the champion's reference
 *     medians; absent otherwise
 * @param prediction {@code predictedCount} again, under the name the seed services' clients read; only on the
 *     compatibility paths ({@code POST /predict}, {@code POST /predict/batch})
 * @param predictedBikes {@code predictedCount} again, as the seed's quick GET named it; only on {@code GET /predict}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictionResponse(
        UUID predictionId,
        String seriesId,
        @Nullable LocalDateTime hour,
        long predictedCount,
        double rawPrediction,
        @Nullable Interval interval,
        String modelName,
        long modelVersion,
        ServedBy servedBy,
        UciFeatures features,
        @Nullable List<String> filledFields,
        @Nullable Long prediction,
        @JsonProperty("predicted_bikes") @Nullable Long predictedBikes) {

    /** The 10th and 90th percentiles of the trees' predictions. */
    public record Interval(double p10, double p90) {}

    /** The answer as JSON; {@code filledFields} only for a quick GET. */
    public static PredictionResponse of(Answer answer, @Nullable List<String> filledFields) {
        return new PredictionResponse(
                answer.predictionId(),
                answer.input().seriesId().value(),
                answer.input().hour(),
                answer.output().count(),
                answer.output().raw(),
                answer.output().hasInterval()
                        ? new Interval(answer.output().lower(), answer.output().upper())
                        : null,
                answer.model().modelName(),
                answer.model().version(),
                answer.servedBy(),
                answer.input().features(),
                filledFields,
                null,
                null);
    }

    /** With {@code prediction}, for the seed's clients on {@code POST /predict} and {@code POST /predict/batch}. */
    public PredictionResponse withSeedPrediction() {
        return withSeedFields(predictedCount, null);
    }

    /** With {@code predicted_bikes}, for the seed's clients on {@code GET /predict}. */
    public PredictionResponse withSeedPredictedBikes() {
        return withSeedFields(null, predictedCount);
    }

    private PredictionResponse withSeedFields(@Nullable Long prediction, @Nullable Long predictedBikes) {
        return new PredictionResponse(
                predictionId,
                seriesId,
                hour,
                predictedCount,
                rawPrediction,
                interval,
                modelName,
                modelVersion,
                servedBy,
                features,
                filledFields,
                prediction,
                predictedBikes);
    }
}
