package io.bikecast.prediction.model;

import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.common.features.HistoryFeatures;
import io.bikecast.common.features.UciFeatures;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The one input vector every serving engine reads: the {@link FeatureSchema} features, then the {@link HistoryFeatures}
 * in their order, NaN for a history feature that is missing. A model without history ignores the tail, so one layout
 * serves every lead.
 */
public final class ServingVector {

    /** The names of the vector's positions: the UCI features, then the history features. */
    static final String[] NAMES = names();

    /** Where the history features start. */
    static final int HISTORY_START = FeatureSchema.featureNames().length;

    private ServingVector() {}

    /**
     * The vector of a row's features and history.
     *
     * @param history the values in {@link HistoryFeatures} order, NaN where missing; null for none (all missing)
     */
    public static double[] of(UciFeatures features, double @Nullable [] history) {
        double[] x = Arrays.copyOf(FeatureEngineering.vector(features), NAMES.length);
        if (history == null) {
            Arrays.fill(x, HISTORY_START, x.length, Double.NaN);
        } else {
            System.arraycopy(history, 0, x, HISTORY_START, NAMES.length - HISTORY_START);
        }
        return x;
    }

    /** The vector of a row without history: every history feature missing. */
    public static double[] withoutHistory(UciFeatures features) {
        return of(features, null);
    }

    private static String[] names() {
        String[] uci = FeatureSchema.featureNames();
        String[] history = HistoryFeatures.featureNames();
        String[] names = Arrays.copyOf(uci, uci.length + history.length);
        System.arraycopy(history, 0, names, uci.length, history.length);
        return names;
    }
}
