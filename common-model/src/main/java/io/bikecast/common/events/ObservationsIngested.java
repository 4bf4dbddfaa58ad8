package io.bikecast.common.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A batch of hourly observations was committed by the ingest service.
 *
 * @param batchId the ingest batch, readable at {@code /api/v1/ingest/batches/{id}}
 * @param datasetVersion the content hash (SHA-256, hex) of the accepted rows: the dataset version
 * @param seriesIds the series the batch touched
 * @param firstHour the earliest local hour in the batch
 * @param lastHour the latest local hour in the batch
 * @param source where the rows came from, e.g. {@code csv}, {@code uci}, {@code observations}
 */
public record ObservationsIngested(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID batchId,
        String datasetVersion,
        List<String> seriesIds,
        int rowsAccepted,
        int rowsUpdated,
        int rowsRejected,
        LocalDateTime firstHour,
        LocalDateTime lastHour,
        String source)
        implements BikecastEvent {

    public static final String TYPE = "observations-ingested";

    public ObservationsIngested {
        eventId = EventDefaults.id(eventId);
        occurredAt = EventDefaults.at(occurredAt);
        schemaVersion = EventDefaults.version(schemaVersion);
        seriesIds = EventDefaults.list(seriesIds);
        source = EventDefaults.text(source, "unknown");
    }

    public static ObservationsIngested of(
            UUID batchId,
            String datasetVersion,
            List<String> seriesIds,
            int rowsAccepted,
            int rowsUpdated,
            int rowsRejected,
            LocalDateTime firstHour,
            LocalDateTime lastHour,
            String source) {
        return new ObservationsIngested(
                UUID.randomUUID(),
                Instant.now(),
                CURRENT_SCHEMA_VERSION,
                batchId,
                datasetVersion,
                seriesIds,
                rowsAccepted,
                rowsUpdated,
                rowsRejected,
                firstHour,
                lastHour,
                source);
    }

    @Override
    public String key() {
        return String.valueOf(batchId);
    }
}
