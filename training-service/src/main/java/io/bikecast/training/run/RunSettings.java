package io.bikecast.training.run;

import io.bikecast.training.forecast.Algorithm;
import io.bikecast.training.forecast.BoostingParameters;
import io.bikecast.training.forecast.Recipe;
import io.bikecast.training.forest.ForestParameters;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run was configured with, defaults resolved: stored as the run's parameters and the version's
 * hyper-parameters.
 *
 * @param candidates the algorithms a forecaster is trained of, the better on the holdout registered
 * @param calibrationHours the training hours the 80% intervals are calibrated on
 * @param windowDays the last N days the run trains and judges on, or null for all history
 * @param holdoutDays the last N days of the window that form the holdout, unless {@code holdoutStart} is set
 * @param holdoutStart the explicit start of the holdout, or null
 */
record RunSettings(
        List<Algorithm> candidates,
        ForestParameters forest,
        BoostingParameters boosting,
        int calibrationHours,
        Integer windowDays,
        int holdoutDays,
        LocalDateTime holdoutStart) {

    RunSettings {
        candidates = List.copyOf(candidates);
    }

    /** The recipe of each candidate, in the configured order. */
    List<Recipe> recipes() {
        return candidates.stream()
                .map(algorithm -> new Recipe(algorithm, forest, boosting, calibrationHours))
                .toList();
    }

    /** Every violated constraint as {@code "field: reason"}, for a 400 answer before anything is queued. */
    List<String> violations() {
        List<String> violations = new ArrayList<>(forest.violations());
        violations.addAll(boosting.violations());
        if (candidates.isEmpty()) {
            violations.add("candidates: must name at least one of xgboost, random-forest");
        }
        if (calibrationHours < 24) {
            violations.add("calibrationHours: must be at least 24 but was " + calibrationHours);
        }
        if (windowDays != null && windowDays < 2) {
            violations.add("windowDays: must be at least 2 but was " + windowDays);
        }
        if (holdoutStart == null && holdoutDays < 1) {
            violations.add("holdoutDays: must be at least 1 but was " + holdoutDays);
        }
        if (holdoutStart == null && windowDays != null && holdoutDays >= windowDays) {
            violations.add(
                    "holdoutDays: must be shorter than the window of " + windowDays + " days but was " + holdoutDays);
        }
        return violations;
    }
}
