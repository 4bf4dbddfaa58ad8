package io.bikecast.training.forecast;

import io.bikecast.common.features.DemandHistory;

/**
 * Where the history features of a row read: the demand of the row's own series. A model family over many series (the
 * stations of a system) learns from all of them at once, and a station's lags must be its own, never another's.
 */
@FunctionalInterface
public interface RowHistory {

    /** The demand of the series. */
    DemandHistory of(String seriesId);
}
