package io.bikecast.training.forecast;

import io.bikecast.training.forest.ForestParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a forecaster is made: the algorithm of its models, that algorithm's parameters, and how many training hours its
 * intervals are calibrated on. Two runs with equal recipes on equal hours make equal forecasters, which is what lets a
 * run reuse the champion as its evaluation fit.
 *
 * @param forest the forest's parameters, used when {@code algorithm} is the random forest
 * @param boosting the boosting parameters, used when {@code algorithm} is XGBoost
 * @param calibrationHours the latest training hours a calibration fit leaves out and measures its errors on, at most
 *     half of the training hours
 */
public record Recipe(Algorithm algorithm, ForestParameters forest, BoostingParameters boosting, int calibrationHours) {

    public Recipe {
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /** The parameters of this recipe's algorithm, as the registry records them. */
    public Object parameters() {
        return algorithm == Algorithm.RANDOM_FOREST ? forest : boosting;
    }

    /** True if both make the same forecaster from the same hours: same algorithm, parameters and calibration. */
    public boolean sameAs(Recipe other) {
        return other != null
                && algorithm == other.algorithm
                && Objects.equals(parameters(), other.parameters())
                && calibrationHours == other.calibrationHours;
    }

    /** Every violated constraint of this recipe's algorithm's parameters, as {@code "field: reason"}. */
    public List<String> violations() {
        List<String> violations =
                new ArrayList<>(algorithm == Algorithm.RANDOM_FOREST ? forest.violations() : boosting.violations());
        if (calibrationHours < 24) {
            violations.add("calibrationHours: must be at least 24 but was " + calibrationHours);
        }
        return violations;
    }
}
