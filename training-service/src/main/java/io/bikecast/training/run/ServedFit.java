package io.bikecast.training.run;

import java.time.LocalDateTime;

/**
 * The hours the served fit of a version learned from: the whole window, holdout included.
 *
 * @param start the first hour
 * @param end the last hour: the version knows nothing after it
 * @param rows how many hours
 */
record ServedFit(LocalDateTime start, LocalDateTime end, int rows) {}
