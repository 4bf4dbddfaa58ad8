package io.bikecast.training.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bikecast.common.events.ModelMetrics;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A registered version as the API shows it: everything but the artifact and the reference sample.
 *
 * @param metrics the evaluation fit's metrics on the holdout (trained on trainingStart..trainingEnd)
 * @param servedFitStart the first hour the served (and stored) fit learned from; null for versions registered before
 *     refits, whose artifact is the evaluation fit
 * @param servedFitEnd the last hour the served fit learned from; null for versions registered before refits
 * @param servedFitRows how many hours the served fit learned from; null for versions registered before refits
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersionView(
        String modelName,
        long version,
        String algorithm,
        String status,
        String alias,
        int featureSchema,
        JsonNode hyperParameters,
        ModelMetrics metrics,
        LocalDateTime trainingStart,
        LocalDateTime trainingEnd,
        LocalDateTime holdoutStart,
        LocalDateTime holdoutEnd,
        LocalDateTime servedFitStart,
        LocalDateTime servedFitEnd,
        Integer servedFitRows,
        String datasetVersion,
        String artifactSha256,
        long artifactBytes,
        long artifactRawBytes,
        UUID runId,
        JsonNode decision,
        Instant createdAt) {

    /** The last hour the stored artifact learned from: the served fit's end, else (older versions) the training end. */
    public LocalDateTime trainedThrough() {
        return servedFitEnd != null ? servedFitEnd : trainingEnd;
    }
}
