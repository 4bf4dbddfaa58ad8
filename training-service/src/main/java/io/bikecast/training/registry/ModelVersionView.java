package io.bikecast.training.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bikecast.common.events.ModelMetrics;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A registered version as the API shows it: everything but the artifact and the reference sample. */
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
        String datasetVersion,
        String artifactSha256,
        long artifactBytes,
        long artifactRawBytes,
        UUID runId,
        JsonNode decision,
        Instant createdAt) {}
