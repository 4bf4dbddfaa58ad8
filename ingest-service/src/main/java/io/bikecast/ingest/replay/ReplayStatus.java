package io.bikecast.ingest.replay;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * Where a replay is.
 *
 * @param state {@code RUNNING}, {@code COMPLETED}, {@code STOPPED} (by a request or a shutdown) or {@code FAILED}
 * @param hoursTotal the stored hours in the range when the replay started
 * @param hoursPublished the hours appended to the outbox so far, which publishes them in order (at once, or once
 *     Kafka is back)
 * @param lastHour the last hour appended, null before the first
 * @param error why a replay failed
 */
record ReplayStatus(
        UUID id,
        String seriesId,
        LocalDateTime from,
        LocalDateTime to,
        long paceMillis,
        String state,
        long hoursTotal,
        long hoursPublished,
        LocalDateTime lastHour,
        Instant startedAt,
        Instant finishedAt,
        String error) {}
