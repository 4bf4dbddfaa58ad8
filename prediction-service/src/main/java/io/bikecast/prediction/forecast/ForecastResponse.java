package io.bikecast.prediction.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bikecast.common.events.ServedBy;
import io.bikecast.prediction.predict.PredictionResponse.Interval;
import io.bikecast.prediction.predictor.Answer;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A forecast of a series' next hours, every hour answered by the same model version.
 *
 * @param issuedAt the issue time: the history features read actuals up to this hour only
 * @param historyUsed true if any hour's answer read recent demand (see each point's)
 * @param points one per hour, in hour order
 */
record ForecastResponse(
        String seriesId,
        LocalDateTime issuedAt,
        int hours,
        String modelName,
        long modelVersion,
        ServedBy servedBy,
        boolean historyUsed,
        List<Point> points) {

    /**
     * One forecast hour.
     *
     * @param horizonHours hours after the issue time, 1 for the first
     * @param lead the lead of the model that answered, 0 for the model without history
     * @param interval the 80% interval (see the prediction response), absent when the model gives none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Point(
            UUID predictionId,
            LocalDateTime hour,
            int horizonHours,
            int lead,
            boolean historyUsed,
            long predictedCount,
            double rawPrediction,
            @Nullable Interval interval,
            long modelVersion) {

        static Point of(Answer answer) {
            return new Point(
                    answer.predictionId(),
                    answer.input().hour(),
                    answer.horizon().horizonHours(),
                    answer.horizon().lead(),
                    answer.horizon().historyUsed(),
                    answer.output().count(),
                    answer.output().raw(),
                    Interval.of(answer.output()),
                    answer.model().version());
        }
    }

    static ForecastResponse of(String seriesId, LocalDateTime issuedAt, List<Answer> answers) {
        Answer first = answers.getFirst();
        return new ForecastResponse(
                seriesId,
                issuedAt,
                answers.size(),
                first.model().modelName(),
                first.model().version(),
                first.servedBy(),
                answers.stream().anyMatch(answer -> answer.horizon().historyUsed()),
                answers.stream().map(Point::of).toList());
    }
}
