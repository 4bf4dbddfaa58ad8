package io.bikecast.training.data;

import io.bikecast.common.features.UciFeatures;
import java.time.LocalDateTime;

/**
 * One observed hour as training sees it.
 *
 * @param hour the local hour (America/New_York)
 * @param features the model inputs
 * @param count the rentals in that hour: the target
 */
public record TrainingRow(LocalDateTime hour, UciFeatures features, double count) {}
