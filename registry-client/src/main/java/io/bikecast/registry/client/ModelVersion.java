package io.bikecast.registry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.bikecast.common.events.ModelMetrics;
import org.jspecify.annotations.Nullable;

/**
 * A registered model version as the training service's registry API describes it ({@code GET /api/v1/models/champion},
 * {@code /challenger}, {@code /{version}}). The API sends more (hyper-parameters, windows, run id, decision); a client
 * takes what it needs and ignores the rest, so the training service can add fields without breaking it.
 *
 * @param status candidate, challenger, champion, archived or rejected, when the registry answered
 * @param alias {@code champion}, {@code challenger}, or null when no alias points at the version
 * @param featureSchema the {@link io.bikecast.common.features.FeatureSchema} version the model was trained on
 * @param artifactSha256 the SHA-256 (hex) of the stored artifact, recorded at registration
 * @param artifactBytes the stored artifact's size in bytes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelVersion(
        String modelName,
        long version,
        String algorithm,
        String status,
        @Nullable String alias,
        int featureSchema,
        ModelMetrics metrics,
        String artifactSha256,
        long artifactBytes) {}
