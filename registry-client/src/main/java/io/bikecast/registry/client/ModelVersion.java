package io.bikecast.registry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.bikecast.common.events.ModelMetrics;
import java.util.List;
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
 * @param leads a forecaster's holdout metrics at each lead, or null for a version without leads
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
        long artifactBytes,
        @Nullable List<LeadMetrics> leads) {

    /** The holdout RMSE to judge live one-hour-ahead error by: its lead-1 model's where it has one, else its own. */
    public @Nullable Double holdoutRmseNextHour() {
        if (leads != null) {
            for (LeadMetrics lead : leads) {
                if (lead.lead() == 1) {
                    return lead.rmse();
                }
            }
        }
        return metrics == null ? null : metrics.rmse();
    }

    /** A lead's holdout figures, as far as a client needs them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadMetrics(int lead, double rmse, double mae, double r2) {}
}
