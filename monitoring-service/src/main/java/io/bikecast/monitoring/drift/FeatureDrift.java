package io.bikecast.monitoring.drift;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.bikecast.common.features.FeatureSchema;
import java.util.Set;

/**
 * One feature's test in a drift check.
 *
 * @param feature the UCI column name, or {@code prediction} for the model's output
 * @param role what the column is: a calendar feature (known in advance; reported, never counted towards dataset
 *     drift), a weather feature (counts towards dataset drift), or the prediction
 * @param reference which reference rows it was tested against: {@code seasonal} or {@code all-history}
 * @param referenceFrom for a seasonal reference, its first day of the year ({@code MM-dd}); else null
 * @param referenceTo for a seasonal reference, its last day of the year ({@code MM-dd}); else null
 * @param referenceSize the reference rows it was tested against
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
        String reference,
        String referenceFrom,
        String referenceTo,
        int referenceSize,
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
        /** Known in advance from the date ({@code yr}, {@code season}, {@code mnth}, …): moves with the calendar. */
        CALENDAR,
        /** Observed weather: what dataset drift is made of. Reports stored before the split called every input so. */
        @JsonAlias("INPUT")
        WEATHER,
        /** The model's output. */
        PREDICTION;

        private static final Set<String> CALENDAR_FEATURES =
                Set.of("yr", "season", "mnth", "weekday", "hr", "holiday", "workingday");

        /** The role of an input feature, by its UCI column name: calendar if known in advance, else weather. */
        public static Role forFeature(String feature) {
            return CALENDAR_FEATURES.contains(feature) ? CALENDAR : WEATHER;
        }

        /** How many of the model's input features are weather: what the share of dataset drift is counted of. */
        public static long weatherFeatures() {
            return FeatureSchema.features().stream()
                    .filter(feature -> forFeature(feature.columnName()) == WEATHER)
                    .count();
        }
    }

    public boolean drifted() {
        return verdict == DriftVerdict.DRIFT;
    }
}
