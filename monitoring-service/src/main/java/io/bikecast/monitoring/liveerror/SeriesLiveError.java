package io.bikecast.monitoring.liveerror;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One model's live error broken down by series: a family's error per station, so that the stations it forecasts worst
 * show first when sorted by {@code rmse}. Each hour of a series counts once, with the last prediction its champion
 * served for it (not shadow traffic), joined with the hour's actual.
 *
 * @param from the first hour, exclusive
 * @param to the last hour, inclusive
 * @param series one entry per series with at least one joined pair, by series id
 */
public record SeriesLiveError(String modelName, LocalDateTime from, LocalDateTime to, List<Series> series) {

    /**
     * @param pairs predictions joined with an actual
     * @param rmse root mean squared error, rentals per hour
     * @param mae mean absolute error, rentals per hour
     * @param bias mean of prediction minus actual
     * @param meanActual the mean actual, to read the error against the station's level
     */
    public record Series(String seriesId, long pairs, double rmse, double mae, double bias, double meanActual) {}
}
