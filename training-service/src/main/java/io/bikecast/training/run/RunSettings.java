package io.bikecast.training.run;

import io.bikecast.training.forest.ForestParameters;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run was configured with, defaults resolved: stored as the run's parameters and the version's
 * hyper-parameters.
 *
 * @param windowDays the last N days the run trains and judges on, or null for all history
 * @param holdoutDays the last N days of the window that form the holdout, unless {@code holdoutStart} is set
 * @param holdoutStart the explicit start of the holdout, or null
 */
record RunSettings(ForestParameters forest, Integer windowDays, int holdoutDays, LocalDateTime holdoutStart) {

    /** Every violated constraint as {@code "field: reason"}, for a 400 answer before anything is queued. */
    List<String> violations() {
        List<String> violations = new ArrayList<>(forest.violations());
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
