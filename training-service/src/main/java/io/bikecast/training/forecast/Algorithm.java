package io.bikecast.training.forecast;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.bikecast.model.TargetTransform;
import java.util.Locale;

/**
 * The model families a forecaster can be made of, each with the target it learns: boosting learns {@code log1p} of
 * the count (errors become relative, which is what ForecastCandidatesBenchmark measured best), the forest the count.
 */
public enum Algorithm {
    /** Tribuo's gradient-boosted trees (XGBoost), on {@link TargetTransform#LOG1P}. */
    XGBOOST("xgboost", TargetTransform.LOG1P),
    /** Tribuo's random forest of CART trees (bikecast's parallel shards), on the count. */
    RANDOM_FOREST("random-forest", TargetTransform.COUNT);

    private final String id;
    private final TargetTransform target;

    Algorithm(String id, TargetTransform target) {
        this.id = id;
        this.target = target;
    }

    /** The name the registry records, e.g. {@code xgboost}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** What its models learn in place of the count. */
    public TargetTransform target() {
        return target;
    }

    /** The algorithm the registry names {@code id}, or null for another name (a version from elsewhere). */
    @JsonCreator
    public static Algorithm byId(String id) {
        for (Algorithm algorithm : values()) {
            if (algorithm.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        return null;
    }
}
