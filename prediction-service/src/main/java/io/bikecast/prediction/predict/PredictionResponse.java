package io.bikecast.prediction.predict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.bikecast.common.events.ServedBy;
import io.bikecast.common.features.Feature;
import io.bikecast.common.features.FeatureKind;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.prediction.model.ModelOutput;
import io.bikecast.prediction.predictor.Answer;
import io.bikecast.prediction.predictor.Horizon;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One prediction, as every prediction endpoint answers it.
 *
 * @param predictedCount the predicted rentals in the hour: the raw prediction rounded, never below zero
 * @param rawPrediction the model's output in rentals, before rounding
 * @param interval the 80% interval: from offsets calibrated on hours the model did not learn when its version has
 *     them, else the spread of a forest's trees (10th and 90th percentiles of their predictions, which shows how much
 *     they agree and is not calibrated); absent when the model has neither
 * @param servedBy whether the champion or the challenger (A/B) answered
 * @param issuedAt when the forecast was issued: the latest hour whose actual its history features may read; absent
 *     when the hour is unknown or the request is a quick GET
 * @param horizonHours whole hours from {@code issuedAt} to {@code hour}; absent with {@code issuedAt}
 * @param lead the lead of the model that answered, 0 for the model without history
 * @param historyUsed true if the answer read recent demand; false for a new series, a gap, before the demand is
 *     rebuilt at start-up, beyond the longest lead, or a version without history models
 * @param features the model's input: the twelve UCI features after feature engineering (what a natural-form request
 *     turned into), then the history features it read that are known
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
        @Nullable LocalDateTime issuedAt,
        @Nullable Integer horizonHours,
        int lead,
        boolean historyUsed,
        Map<String, Number> features,
        @Nullable List<String> filledFields,
        @Nullable Long prediction,
        @JsonProperty("predicted_bikes") @Nullable Long predictedBikes) {

    /** The 10th and 90th percentiles: the 80% interval. */
    public record Interval(double p10, double p90) {

        /** The output's interval, or null when it has none. */
        public static @Nullable Interval of(ModelOutput output) {
            return output.hasInterval() ? new Interval(output.lower(), output.upper()) : null;
        }
    }

    /** The answer as JSON; {@code filledFields} only for a quick GET. */
    public static PredictionResponse of(Answer answer, @Nullable List<String> filledFields) {
        Horizon horizon = answer.horizon();
        return new PredictionResponse(
                answer.predictionId(),
                answer.input().seriesId().value(),
                answer.input().hour(),
                answer.output().count(),
                answer.output().raw(),
                Interval.of(answer.output()),
                answer.model().modelName(),
                answer.model().version(),
                answer.servedBy(),
                horizon.issuedAt(),
                horizon.horizonHours(),
                horizon.lead(),
                horizon.historyUsed(),
                features(answer.input().features(), horizon),
                filledFields,
                null,
                null);
    }

    /** The features by name: whole numbers for the discrete ones, as the UCI data set writes them. */
    private static Map<String, Number> features(UciFeatures uci, Horizon horizon) {
        Map<String, Number> features = new LinkedHashMap<>();
        for (Feature feature : FeatureSchema.features()) {
            double value = uci.value(feature);
            features.put(feature.columnName(), feature.kind() == FeatureKind.DISCRETE ? (Number) (int) value : value);
        }
        features.putAll(horizon.historyFeatures());
        return features;
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
                issuedAt,
                horizonHours,
                lead,
                historyUsed,
                features,
                filledFields,
                prediction,
                predictedBikes);
    }
}
