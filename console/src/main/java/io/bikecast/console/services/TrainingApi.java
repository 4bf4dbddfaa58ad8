package io.bikecast.console.services;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The training service's registry API: versions, aliases and their history, and the manual moves. */
@HttpExchange(url = "/api/v1/models", accept = MediaType.APPLICATION_JSON_VALUE)
public interface TrainingApi {

    String NAME = "training service";

    @GetExchange
    Page<ModelVersion> versions(@RequestParam int size);

    @GetExchange("/champion")
    ModelVersion champion();

    @GetExchange("/challenger")
    ModelVersion challenger();

    /** The models it trains, the default one first, each with the series it learns from. */
    @GetExchange("/families")
    List<Family> families();

    @GetExchange("/aliases/history")
    Page<AliasChange> aliasHistory(@RequestParam int size);

    @PostExchange("/{version}/promote")
    ModelVersion promote(
            @PathVariable long version, @RequestHeader("X-API-Key") String apiKey, @RequestBody Promotion promotion);

    @PostExchange("/rollback")
    ModelVersion rollback(@RequestHeader("X-API-Key") String apiKey, @RequestBody Rollback rollback);

    /**
     * A model the training service trains.
     *
     * @param series the series it learns from: one id ({@code system}), or a prefix and {@code *} ({@code sim-*}) for
     *     every station of a GBFS system
     */
    record Family(String modelName, String series) {}

    /** A page of a listing, newest first. */
    record Page<T>(List<T> items, long total) {}

    /** Holdout or live accuracy. */
    record Metrics(double rmse, double mae, double r2, double withinTwentyPercent) {}

    /** A registered version, as much of it as the console shows. */
    record ModelVersion(
            long version,
            String algorithm,
            String status,
            @Nullable String alias,
            @Nullable Metrics metrics,
            @Nullable LocalDateTime trainingStart,
            @Nullable LocalDateTime trainingEnd,
            @Nullable LocalDateTime holdoutStart,
            @Nullable LocalDateTime holdoutEnd,
            @Nullable LocalDateTime servedFitEnd,
            @Nullable String datasetVersion,
            @Nullable Instant createdAt) {

        /** The last hour the served artifact learned from. */
        public @Nullable LocalDateTime trainedThrough() {
            return servedFitEnd != null ? servedFitEnd : trainingEnd;
        }
    }

    /** One move of an alias. */
    record AliasChange(
            long id,
            String alias,
            @Nullable Long version,
            @Nullable Long previousVersion,
            Instant changedAt,
            String source,
            @Nullable String reason) {}

    /** Points {@code alias} (champion or challenger) at a version, for a reason. */
    record Promotion(String reason, String alias) {}

    /** Returns the champion alias to the previous champion, for a reason. */
    record Rollback(String reason) {}
}
