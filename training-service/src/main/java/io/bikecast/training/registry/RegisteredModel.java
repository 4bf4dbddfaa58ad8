package io.bikecast.training.registry;

import io.bikecast.common.events.ModelMetrics;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * A model version loaded from the registry, its artifact verified.
 *
 * @param status the registry status when it was loaded: candidate, challenger, champion, archived or rejected
 * @param metrics the holdout metrics it was registered with
 */
public record RegisteredModel(
        String modelName,
        long version,
        String algorithm,
        String status,
        int featureSchema,
        String artifactSha256,
        ModelMetrics metrics,
        Model<Regressor> model) {}
