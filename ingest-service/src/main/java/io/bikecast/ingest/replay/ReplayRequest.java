package io.bikecast.ingest.replay;

import java.time.LocalDateTime;

/**
 * A replay to start.
 *
 * @param seriesId the series to replay (default {@code system})
 * @param from the first local hour (inclusive)
 * @param to the end of the range (exclusive)
 * @param paceMillis wall-clock milliseconds per replayed hour (default 100; 0 replays as fast as Kafka acknowledges)
 */
record ReplayRequest(String seriesId, LocalDateTime from, LocalDateTime to, Long paceMillis) {}
