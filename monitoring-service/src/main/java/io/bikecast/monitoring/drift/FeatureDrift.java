package io.bikecast.monitoring.drift;

/**
 * One feature's test in a drift check.
 *
 * @param feature the UCI column name, or {@code prediction} for the model's output
 * @param role whether it is a model input (counts towards dataset drift) or the prediction
 * @param test which test it got
 * @param statistic D, or the chi-square statistic
 * @param pValue the unadjusted p-value
 * @param adjustedPValue the p-value after the multiple-testing correction; what is compared with alpha
 * @param effectSize D, or the total variation distance
 * @param effectSizeFloor the effect size the feature must reach to drift
 * @param degreesOfFreedom for chi-square, the categories compared minus one
 * @param referenceMean the mean of the reference values
 * @param currentMean the mean of the current values
 * @param verdict {@code DRIFT} when the adjusted p-value is below alpha and the effect size reaches its floor
 * @param histogram reference and current distributions
 */
public record FeatureDrift(
        String feature,
        Role role,
        StatisticalTest test,
        double statistic,
        double pValue,
        double adjustedPValue,
        double effectSize,
        double effectSizeFloor,
        int degreesOfFreedom,
        double referenceMean,
        double currentMean,
        DriftVerdict verdict,
        Histogram histogram) {

    /** What a tested column is to the model. */
    public enum Role {
        INPUT,
        PREDICTION
    }

    public boolean drifted() {
        return verdict == DriftVerdict.DRIFT;
    }
}
