package io.bikecast.prediction.model;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.features.FeatureSchema;
import java.time.Instant;

/**
 * A model version loaded from the registry and ready to answer: immutable, shared by every request that reads it.
 *
 * @param medians the reference sample's median of each feature, in {@link FeatureSchema} order: what a quick GET
 *     request's missing fields are filled with
 */
public record ServedModel(
        String modelName,
        long version,
        String algorithm,
        String artifactSha256,
        ModelMetrics metrics,
        TreeEnsemblePredictor predictor,
        double[] medians,
        Instant loadedAt) {

    public ModelOutput predict(double[] features) {
        return predictor.predict(features);
    }

    /** The median of one feature in the reference sample, by {@link FeatureSchema} index. */
    public double median(int featureIndex) {
        return medians[featureIndex];
    }
}
