package io.bikecast.monitoring.clock;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One reading of the monitoring clock, in both forms the service needs.
 *
 * @param local the local time in {@code America/New_York}, as the data's hours are written: what windows, the
 *     refresh and the API use
 * @param instant the same moment on the time line: what the stored cooldown and alert folding compare
 */
public record ClockReading(LocalDateTime local, Instant instant) {}
