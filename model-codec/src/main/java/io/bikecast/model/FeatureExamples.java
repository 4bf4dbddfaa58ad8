package io.bikecast.model;

import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.UciFeatures;
import org.tribuo.Example;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * The model's features as Tribuo examples. The names and values come from {@link FeatureEngineering}, so training and
 * serving still share exactly one feature path; this class only wraps its output in Tribuo's types, which is why it
 * lives here and not in common-model.
 *
 * <p>Stateless and thread-safe.
 */
public final class FeatureExamples {

    private FeatureExamples() {}

    /**
     * A training example: every feature by its {@link FeatureSchema} name, zeros included, with the count as the
     * {@link FeatureSchema#TARGET} output.
     */
    public static Example<Regressor> example(UciFeatures f, double target) {
        return new ArrayExample<>(
                new Regressor(FeatureSchema.TARGET, target),
                FeatureEngineering.featureNames(),
                FeatureEngineering.vector(f));
    }

    /** An example to predict, with Tribuo's unknown output. */
    public static Example<Regressor> unlabelledExample(UciFeatures f) {
        return new ArrayExample<>(
                RegressionFactory.UNKNOWN_REGRESSOR, FeatureEngineering.featureNames(), FeatureEngineering.vector(f));
    }
}
