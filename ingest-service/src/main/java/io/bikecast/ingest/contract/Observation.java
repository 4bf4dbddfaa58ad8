package io.bikecast.ingest.contract;

import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.series.SeriesId;
import java.time.LocalDateTime;

/**
 * One hour of one series that satisfies the data contract: what is stored in {@code ingest.observation}.
 *
 * @param hour the local hour in {@link SeriesId#ZONE}
 * @param casual rentals by casual users, when the source gave them
 * @param registered rentals by registered users, when the source gave them
 * @param cnt all rentals of the hour
 */
public record Observation(
        SeriesId seriesId, LocalDateTime hour, UciFeatures features, Integer casual, Integer registered, int cnt) {}
