package io.bikecast.training.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bikecast.common.events.ModelMetrics;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One training run as tracked in {@code registry.training_run}.
 *
 * @param status queued, running, succeeded, failed, or merged (served by {@code mergedInto})
 * @param requestedParameters the overrides the request asked for
 * @param parameters every setting the run used, once it started
 * @param trainingStart the first hour the evaluation fit learned from
 * @param trainingEnd the last hour the evaluation fit learned from (the hour before the holdout)
 * @param metrics the evaluation fit's metrics on the holdout: the mean over the leads with history (1, 3, 6, 24 h)
 * @param servedFitStart the first hour the registered (served) fit learned from: the window's first hour
 * @param servedFitEnd the last hour the registered fit learned from: the window's last hour
 * @param servedFitRows how many hours the registered fit learned from: the whole window
 * @param datasetVersion SHA-256 over the rows the run read
 * @param modelVersion the registered version, when it succeeded
 * @param decision the promotion decision, when it succeeded
 * @param requestEventId the id of the event ({@code training-requested}, {@code observations-ingested}) that queued
 *     it, for a driver that waits for the run its event asked for; null for runs requested over HTTP
 * @param candidates every candidate recipe the run trained, its score on the holdout (the mean RMSE over the leads
 *     with history, the lowest chosen) and per lead its metrics, coverage and interval
 * @param provenance Tribuo's provenance of the served models, per lead (only in single-run answers)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TrainingRun(
        UUID id,
        String modelName,
        String status,
        String trigger,
        String reason,
        JsonNode requestedParameters,
        JsonNode parameters,
        UUID mergedInto,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        LocalDateTime trainingStart,
        LocalDateTime trainingEnd,
        LocalDateTime holdoutStart,
        LocalDateTime holdoutEnd,
        Integer trainingRows,
        Integer holdoutRows,
        LocalDateTime servedFitStart,
        LocalDateTime servedFitEnd,
        Integer servedFitRows,
        String datasetVersion,
        ModelMetrics metrics,
        Long modelVersion,
        JsonNode decision,
        String error,
        UUID requestEventId,
        JsonNode candidates,
        JsonNode provenance) {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String MERGED = "merged";
}
