package io.bikecast.monitoring.drift;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The current window of a model's served predictions: their inputs per feature and their outputs, aligned by index.
 *
 * @param features per UCI column name, the values
 * @param predictions the model's raw outputs
 * @param firstHour the earliest predicted hour, or null
 * @param lastHour the latest predicted hour, or null
 * @param from when the earliest was made, or null when empty
 * @param to when the latest was made, or null when empty
 * @param seriesCount how many distinct series (a family's stations) the window holds
 */
record CurrentSample(
        Map<String, double[]> features,
        double[] predictions,
        LocalDateTime firstHour,
        LocalDateTime lastHour,
        Instant from,
        Instant to,
        int seriesCount) {

    CurrentSample {
        features = Map.copyOf(features);
    }

    int size() {
        return predictions.length;
    }
}
