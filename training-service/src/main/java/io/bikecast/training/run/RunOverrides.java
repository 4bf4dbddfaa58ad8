package io.bikecast.training.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.forest.ForestParameters;
import java.time.LocalDateTime;

/**
 * Settings a request overrides for one run; every field is optional, unset ones take the configured default.
 *
 * @param windowDays train on the last N days only (unset: the configured window)
 * @param holdoutDays judge on the last N days of the window
 * @param holdoutStart judge on the hours from this local time on, instead of {@code holdoutDays}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RunOverrides(
        Integer trees,
        Integer maxDepth,
        Float minChildWeight,
        Float minImpurityDecrease,
        Float featureFraction,
        Long seed,
        Integer shards,
        Integer windowDays,
        Integer holdoutDays,
        LocalDateTime holdoutStart) {

    static final RunOverrides NONE = new RunOverrides(null, null, null, null, null, null, null, null, null, null);

    /** The settings of a run of that model: these overrides on top of the configured defaults. */
    RunSettings resolve(TrainingProperties defaults, String modelName) {
        ForestParameters forest = defaults.forest().toParameters();
        TrainingProperties.Window window = defaults.window(modelName);
        return new RunSettings(
                defaults.candidates(),
                new ForestParameters(
                        trees != null ? trees : forest.trees(),
                        maxDepth != null ? maxDepth : forest.maxDepth(),
                        minChildWeight != null ? minChildWeight : forest.minChildWeight(),
                        minImpurityDecrease != null ? minImpurityDecrease : forest.minImpurityDecrease(),
                        featureFraction != null ? featureFraction : forest.featureFraction(),
                        seed != null ? seed : forest.seed(),
                        shards != null ? shards : Math.min(forest.shards(), trees != null ? trees : forest.trees())),
                defaults.boosting().toParameters(),
                defaults.calibrationHours(),
                windowDays != null ? windowDays : window.days(),
                holdoutDays != null ? holdoutDays : window.holdoutDays(),
                holdoutStart != null ? holdoutStart : holdoutDays != null ? null : window.holdoutStart());
    }
}
