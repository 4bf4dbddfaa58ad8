package io.bikecast.prediction.history;

import java.time.LocalDateTime;

/**
 * Told of every actual the recent demand records, from the {@code actual-observed} events, a backfill's catch-up and
 * the rebuild at start-up alike; the same hour may be told more than once.
 */
public interface ActualsObserver {

    /** The actual count of a series' hour became known. Called on the thread that records it: must be quick. */
    void observed(String seriesId, LocalDateTime hour, double count);
}
