package io.bikecast.training.registry;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.model.Forecaster;

/**
 * A model version loaded from the registry, its artifact verified.
 *
 * @param status the registry status when it was loaded: candidate, challenger, champion, archived or rejected
 * @param artifactFormat the stored artifact's format
 * @param metrics the holdout metrics it was registered with
 */
public record RegisteredModel(
        String modelName,
        long version,
        String algorithm,
        String status,
        int featureSchema,
        String artifactSha256,
        String artifactFormat,
        ModelMetrics metrics,
        Forecaster forecaster) {}
