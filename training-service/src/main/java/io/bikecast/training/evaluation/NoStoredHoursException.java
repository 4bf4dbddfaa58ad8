package io.bikecast.training.evaluation;

import java.time.LocalDateTime;

/** A range to score holds no stored hour of the training series: there is nothing to score on. */
public class NoStoredHoursException extends RuntimeException {

    NoStoredHoursException(String seriesId, LocalDateTime from, LocalDateTime to) {
        super("series '" + seriesId + "' has no stored hour from " + from + " (inclusive) to " + to
                + " (exclusive); ingest those hours or choose a range with data");
    }
}
