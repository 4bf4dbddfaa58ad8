package io.bikecast.common.features;

import java.time.LocalDateTime;
import java.util.OptionalDouble;

/**
 * The actual demand of one series, hour by hour, as far as it is known: the input of the history features. Training
 * reads it from stored observations, serving from the recent {@code actual-observed} events it keeps.
 *
 * <p>An hour with no actual (a gap in the data, or an hour not yet observed) is empty, never zero: zero rentals is a
 * real value.
 */
@FunctionalInterface
public interface DemandHistory {

    /** The actual count of rentals in the hour that starts at {@code hour} (local time of the series), if known. */
    OptionalDouble demandAt(LocalDateTime hour);
}
