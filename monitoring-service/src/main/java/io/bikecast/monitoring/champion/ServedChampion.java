package io.bikecast.monitoring.champion;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The champion as monitoring knows it: what its live error is judged against, and how old its served fit is.
 *
 * @param holdoutRmse its RMSE on the holdout it was evaluated on one hour ahead (a forecaster's lead-1 model; a model
 *     without leads, its own), rentals per hour; null when unknown
 * @param trainedThrough the last local hour its served fit learned from; null when the producer did not say
 * @param receivedClock the clock (local) when monitoring learned of it; null under the data clock before its first
 *     hour
 * @param receivedAt when it was promoted (the event's time), or first seen in the registry
 */
public record ServedChampion(
        String modelName,
        long version,
        Double holdoutRmse,
        LocalDateTime trainedThrough,
        LocalDateTime receivedClock,
        Instant receivedAt) {

    /** Under the data clock: the hour the served fit's age is measured from, if known. */
    public LocalDateTime servedFitHour() {
        return trainedThrough != null ? trainedThrough : receivedClock;
    }
}
