package io.bikecast.prediction.predictor;

import io.bikecast.prediction.history.RecentDemand;
import java.time.Duration;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * When an input's forecast is issued and how many hours ahead of its hour, whichever model answers it.
 *
 * @param issuedAt the latest hour whose actual the forecast may read
 * @param horizonHours whole hours from {@code issuedAt} to the predicted hour, at least 1
 */
record Issue(LocalDateTime issuedAt, int horizonHours) {

    /**
     * The input's issue: the time it names, else the latest hour with an actual of its series but at most an hour
     * before its hour (a forecast of an hour already observed is made as if issued the hour before), else, for a series
     * without actuals, the hour before. None for an input without an hour, or one that must not use history.
     */
    static @Nullable Issue of(PredictionInput input, RecentDemand demand) {
        LocalDateTime target = input.hour();
        if (target == null || !input.historyAllowed()) {
            return null;
        }
        LocalDateTime issuedAt = input.issuedAt();
        if (issuedAt == null) {
            LocalDateTime latest = demand.latestHour(input.seriesId()).orElse(null);
            LocalDateTime hourBefore = target.minusHours(1);
            issuedAt = latest == null || latest.isAfter(hourBefore) ? hourBefore : latest;
        }
        return new Issue(issuedAt, (int) Duration.between(issuedAt, target).toHours());
    }
}
