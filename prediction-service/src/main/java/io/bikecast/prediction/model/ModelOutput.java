package io.bikecast.prediction.model;

/**
 * What a model answered for one input. From an engine it is in the model's target space; from {@link ServedLead} in
 * rentals, which is what the service answers with.
 *
 * @param raw the model's prediction (the mean of its trees for a random forest), before rounding
 * @param lower the interval's lower end (the 10th percentile), or NaN when the model gives none
 * @param upper the interval's upper end (the 90th percentile), or NaN when the model gives none
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
