package io.bikecast.training.promotion;

import java.time.LocalDateTime;

/**
 * The hours a candidate and the champion are compared on: the candidate's holdout hours after the champion's served
 * fit ended, which neither model learned from.
 *
 * @param from the first of them, or null when there are none
 * @param to the last of them, or null when there are none
 * @param count how many
 */
public record ComparisonHours(LocalDateTime from, LocalDateTime to, int count) {}
