package io.bikecast.common.features;

import java.util.List;

/**
 * The model's input and output by name and order: the contract between a trained model and whoever feeds it. A model
 * records the {@link #VERSION} it was trained with, so that a change here (a feature added, renamed or reordered) is
 * detected when an old model is loaded rather than silently producing wrong predictions.
 */
public final class FeatureSchema {

    /** Raised whenever the features, their names, their order or their meaning change. */
    public static final int VERSION = 1;

    /** The name of the regression target: the hourly count of rentals, the UCI column {@code cnt}. */
    public static final String TARGET = "cnt";

    private static final List<Feature> FEATURES = List.of(Feature.values());

    private FeatureSchema() {}

    /** The features in model order (the order of {@link UciFeatures#toVector()}). */
    public static List<Feature> features() {
        return FEATURES;
    }

    /**
     * The feature names in model order: the exact Tribuo feature names used at training and at serving time. A new
     * array on every call, so callers may not change anyone else's copy.
     */
    public static String[] featureNames() {
        return FEATURES.stream().map(Feature::columnName).toArray(String[]::new);
    }
}
