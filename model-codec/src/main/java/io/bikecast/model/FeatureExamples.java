package io.bikecast.model;

import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.HistoryFeatures;
import io.bikecast.common.features.UciFeatures;
import java.util.Arrays;
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

    /**
     * A training example for a model with history features: the UCI features, then the history features of {@link
     * HistoryFeatures#vector} that are known. A missing one (NaN) is left out rather than given a stand-in value:
     * gradient-boosted trees then learn where missing values go, and a forest reads it as 0, as Tribuo reads any
     * absent feature.
     *
     * @param history the values in {@link HistoryFeatures} order
     * @param target the value the model learns (see {@link TargetTransform})
     */
    public static Example<Regressor> example(UciFeatures f, double[] history, double target) {
        return withHistory(new Regressor(FeatureSchema.TARGET, target), f, history);
    }

    /** An example with history features to predict, with Tribuo's unknown output. */
    public static Example<Regressor> unlabelledExample(UciFeatures f, double[] history) {
        return withHistory(RegressionFactory.UNKNOWN_REGRESSOR, f, history);
    }

    private static Example<Regressor> withHistory(Regressor output, UciFeatures f, double[] history) {
        String[] historyNames = HistoryFeatures.featureNames();
        if (history.length != historyNames.length) {
            throw new IllegalArgumentException(
                    "History features have " + historyNames.length + " values but " + history.length + " were given");
        }
        String[] uciNames = FeatureEngineering.featureNames();
        double[] uci = FeatureEngineering.vector(f);
        int known = 0;
        for (double value : history) {
            if (!Double.isNaN(value)) {
                known++;
            }
        }
        String[] names = Arrays.copyOf(uciNames, uciNames.length + known);
        double[] values = Arrays.copyOf(uci, uci.length + known);
        int next = uci.length;
        for (int i = 0; i < history.length; i++) {
            if (!Double.isNaN(history[i])) {
                names[next] = historyNames[i];
                values[next] = history[i];
                next++;
            }
        }
        return new ArrayExample<>(output, names, values);
    }
}
