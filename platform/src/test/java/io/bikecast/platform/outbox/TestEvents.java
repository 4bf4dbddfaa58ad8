package io.bikecast.platform.outbox;

import io.bikecast.common.events.ActualObserved;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The events the outbox tests append: hourly actuals of one series, which Kafka keeps in order because they share the
 * series as key.
 */
final class TestEvents {

    private TestEvents() {}

    /** {@code count} consecutive hours of a series, from hour {@code first} of 2012-05-01. */
    static List<ActualObserved> hours(String series, int first, int count) {
        LocalDateTime start = LocalDateTime.of(2012, 5, 1, 0, 0);
        return IntStream.range(first, first + count)
                .mapToObj(h -> ActualObserved.of(series, start.plusHours(h), h, "outbox-test"))
                .toList();
    }

    static List<UUID> ids(List<ActualObserved> events) {
        return events.stream().map(ActualObserved::eventId).toList();
    }
}
