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
 * @param algorithm {@code xgboost} or {@code random-forest}
 * @param metrics the evaluation fit's metrics on the holdout (trained on trainingStart..trainingEnd): for a
 *     forecaster the mean over its leads with history (1, 3, 6 and 24 hours), which is what chose it among the
 *     candidates and what the promotion gate compares; for a version stored before forecasters its single model's
 * @param servedFitStart the first hour the served (and stored) fit learned from; null for versions registered before
 *     refits, whose artifact is the evaluation fit
 * @param servedFitEnd the last hour the served fit learned from; null for versions registered before refits
 * @param servedFitRows how many hours the served fit learned from; null for versions registered before refits
 * @param artifactFormat the stored artifact's format: {@code bikecast-forecaster+zip}, or {@code
 *     tribuo-protobuf+gzip} for a single forest stored before forecasters
 * @param targetTransform what its models learn: {@code LOG1P} or {@code COUNT}
 * @param leads per lead, its holdout RMSE, MAE, R², within-20% share, 80%-interval coverage and interval offsets
 *     (target space); absent for versions stored before forecasters
 * @param candidates every candidate its run trained, with its score and leads; absent before forecasters
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
        Instant createdAt,
        String artifactFormat,
        String targetTransform,
        JsonNode leads,
        JsonNode candidates) {

    /** The last hour the stored artifact learned from: the served fit's end, else (older versions) the training end. */
    public LocalDateTime trainedThrough() {
        return servedFitEnd != null ? servedFitEnd : trainingEnd;
    }
}
