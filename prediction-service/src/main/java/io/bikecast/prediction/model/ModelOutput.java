package io.bikecast.prediction.model;

/**
 * What a model answered for one input.
 *
 * @param raw the ensemble's prediction (the mean of its trees for a random forest)
 * @param lower the 10th percentile of the members' predictions, or NaN when the model is not an ensemble
 * @param upper the 90th percentile of the members' predictions, or NaN when the model is not an ensemble
 */
public record ModelOutput(double raw, double lower, double upper) {

    public boolean hasInterval() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    /** The count returned to clients: the raw value rounded to the nearest whole number, never below zero. */
    public long count() {
        return Math.max(0L, Math.round(raw));
    }
}
