package io.bikecast.prediction.model;

/**
 * Predicts with a tree ensemble from a feature vector in {@link io.bikecast.common.features.FeatureSchema} order,
 * returning the ensemble's answer and the spread of its members. Implementations are immutable and thread-safe.
 */
public sealed interface TreeEnsemblePredictor permits CompiledForest, TribuoPredictor {

    /** The ensemble's prediction and, when the model is an ensemble, its members' spread. */
    ModelOutput predict(double[] features);

    /** The number of members whose spread makes the interval; 0 when the model is not an ensemble. */
    int members();

    /** How predictions are computed, for health and the models endpoint: {@code compiled} or {@code tribuo}. */
    String engine();
}
