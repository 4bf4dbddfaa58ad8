package io.bikecast.common.registry;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A sample of the rows a model was trained on, and the model's predictions for them: what drift tests compare live
 * inputs and live predictions against, and where missing request fields take their typical values from.
 *
 * @param features per feature name (the UCI column names), its values; all arrays have the same length
 * @param predictions the model's prediction for each sampled row, aligned with the feature arrays
 * @param hours the local hour of each sampled row, aligned with the feature arrays; empty for samples stored before
 *     hours were recorded. Drift tests use them to compare live hours with reference hours of the same time of year.
 */
public record ReferenceSample(Map<String, double[]> features, double[] predictions, List<LocalDateTime> hours) {

    public ReferenceSample {
        features = Map.copyOf(features);
        hours = hours == null ? List.of() : List.copyOf(hours);
        if (!hours.isEmpty() && hours.size() != predictions.length) {
            throw new IllegalArgumentException("the reference sample has " + predictions.length + " rows but "
                    + hours.size() + " hours; they must be aligned");
        }
    }

    /** A sample without the hours of its rows. */
    public ReferenceSample(Map<String, double[]> features, double[] predictions) {
        this(features, predictions, List.of());
    }

    /** Whether each row's hour is known, so that a seasonally matched subset can be taken. */
    public boolean hasHours() {
        return !hours.isEmpty();
    }

    public int size() {
        return predictions.length;
    }

    public double[] values(String feature) {
        double[] values = features.get(feature);
        if (values == null) {
            throw new IllegalArgumentException("the reference sample has no feature '" + feature + "'");
        }
        return values;
    }

    /** The median of a feature's sampled values (the lower middle value for an even count, so it is a real value). */
    public double median(String feature) {
        double[] sorted = values(feature).clone();
        if (sorted.length == 0) {
            throw new IllegalStateException("the reference sample is empty");
        }
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
