package io.bikecast.common.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * An alias of a model moved to a version: the prediction service loads it, monitoring switches its drift reference.
 *
 * @param alias {@code champion} or {@code challenger}
 * @param artifactSha256 the SHA-256 (hex) of the stored artifact, which a loader must verify
 * @param previousVersion the version the alias pointed at before, or null for the first one
 * @param reason why it moved, as recorded in the registry's alias history
 * @param metrics the new version's holdout metrics
 * @param previousMetrics the previous version's holdout metrics, or null
 * @param trainedThrough the last local hour the served fit of the version learned from, or null when unknown (events
 *     of older producers): monitoring measures the age of what is served from it
 * @param nextHourMetrics the new version's holdout metrics one hour ahead (its lead-1 model), or null for a version
 *     without leads or from an older producer: monitoring's live error is of what was served one hour ahead, so this,
 *     not {@code metrics} (the mean over the leads), is what it is compared with
 */
public record ModelPromoted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String modelName,
        long version,
        String alias,
        String artifactSha256,
        Long previousVersion,
        String reason,
        ModelMetrics metrics,
        ModelMetrics previousMetrics,
        LocalDateTime trainedThrough,
        ModelMetrics nextHourMetrics)
        implements BikecastEvent {

    public static final String TYPE = "model-promoted";
    public static final String CHAMPION = "champion";
    public static final String CHALLENGER = "challenger";

    public ModelPromoted {
        eventId = EventDefaults.id(eventId);
        occurredAt = EventDefaults.at(occurredAt);
        schemaVersion = EventDefaults.version(schemaVersion);
        alias = EventDefaults.text(alias, CHAMPION);
        reason = EventDefaults.text(reason, "unspecified");
    }

    public static ModelPromoted of(
            String modelName,
            long version,
            String alias,
            String artifactSha256,
            Long previousVersion,
            String reason,
            ModelMetrics metrics,
            ModelMetrics previousMetrics) {
        return new ModelPromoted(
                UUID.randomUUID(),
                Instant.now(),
                CURRENT_SCHEMA_VERSION,
                modelName,
                version,
                alias,
                artifactSha256,
                previousVersion,
                reason,
                metrics,
                previousMetrics,
                null,
                null);
    }

    /** The same event, saying which hours the served fit learned from. */
    public ModelPromoted withTrainedThrough(LocalDateTime lastHour) {
        return new ModelPromoted(
                eventId,
                occurredAt,
                schemaVersion,
                modelName,
                version,
                alias,
                artifactSha256,
                previousVersion,
                reason,
                metrics,
                previousMetrics,
                lastHour,
                nextHourMetrics);
    }

    /** The same event, with the version's holdout metrics one hour ahead. */
    public ModelPromoted withNextHourMetrics(ModelMetrics nextHour) {
        return new ModelPromoted(
                eventId,
                occurredAt,
                schemaVersion,
                modelName,
                version,
                alias,
                artifactSha256,
                previousVersion,
                reason,
                metrics,
                previousMetrics,
                trainedThrough,
                nextHour);
    }

    /** The holdout RMSE to judge live one-hour-ahead error by: one hour ahead where known, else the version's. */
    public Double holdoutRmseNextHour() {
        if (nextHourMetrics != null) {
            return nextHourMetrics.rmse();
        }
        return metrics == null ? null : metrics.rmse();
    }

    public boolean isChampion() {
        return CHAMPION.equals(alias);
    }

    @Override
    public String key() {
        return modelName;
    }
}
