package io.bikecast.common.features;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The history features of one target hour, in {@link HistoryFeature} order: the second half of the one feature path,
 * after {@link FeatureEngineering}'s calendar and weather. A model with history features is trained on the UCI
 * features followed by these, under one lead.
 *
 * <p>Stateless and thread-safe.
 */
public final class HistoryFeatures {

    private static final List<HistoryFeature> FEATURES = List.of(HistoryFeature.values());

    private HistoryFeatures() {}

    /** The history features in model order. */
    public static List<HistoryFeature> features() {
        return FEATURES;
    }

    /** Their Tribuo feature names in model order; a new array on every call. */
    public static String[] featureNames() {
        return FEATURES.stream().map(HistoryFeature::featureName).toArray(String[]::new);
    }

    /**
     * The values for a target hour under a lead, {@link Double#NaN} where the history has no actual. Reads no hour
     * later than {@code target.minusHours(lead)}.
     */
    public static double[] vector(LocalDateTime target, int lead, DemandHistory history) {
        double[] values = new double[FEATURES.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = FEATURES.get(i).value(target, lead, history);
        }
        return values;
    }
}
