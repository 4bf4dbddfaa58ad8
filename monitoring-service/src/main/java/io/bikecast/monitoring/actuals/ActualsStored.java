package io.bikecast.monitoring.actuals;

import java.time.LocalDateTime;

/**
 * A batch of actuals was stored: published in the consumer thread right after the batch is written, before its
 * offsets are committed, so whatever listens runs before the next batch is read.
 *
 * @param latestHour the latest local hour in the batch
 */
public record ActualsStored(LocalDateTime latestHour) {}
