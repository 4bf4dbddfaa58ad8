package io.bikecast.training.data;

import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.series.SeriesId;
import java.time.LocalDateTime;

/**
 * One observed hour of one series as training sees it.
 *
 * @param seriesId the series the hour belongs to; its history features read only this series' demand
 * @param hour the local hour (America/New_York)
 * @param features the model inputs
 * @param count the rentals in that hour: the target
 */
public record TrainingRow(String seriesId, LocalDateTime hour, UciFeatures features, double count) {

    /** An hour of the UCI data's one series, {@code system}. */
    public TrainingRow(LocalDateTime hour, UciFeatures features, double count) {
        this(SeriesId.SYSTEM.value(), hour, features, count);
    }
}
