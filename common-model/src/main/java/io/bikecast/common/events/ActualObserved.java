package io.bikecast.common.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * The real demand of one series in one hour became known: what live-error monitoring joins predictions with.
 *
 * @param seriesId the series, {@code system} for the whole UCI system
 * @param hour the local hour (in the series' zone) the count belongs to
 * @param count the number of rentals in that hour
 * @param source {@code ingest} for freshly ingested data, {@code replay} for a replayed history
 */
public record ActualObserved(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String seriesId,
        LocalDateTime hour,
        int count,
        String source)
        implements BikecastEvent {

    public static final String TYPE = "actual-observed";

    public ActualObserved {
        eventId = EventDefaults.id(eventId);
        occurredAt = EventDefaults.at(occurredAt);
        schemaVersion = EventDefaults.version(schemaVersion);
        source = EventDefaults.text(source, "ingest");
    }

    public static ActualObserved of(String seriesId, LocalDateTime hour, int count, String source) {
        return new ActualObserved(
                UUID.randomUUID(), Instant.now(), CURRENT_SCHEMA_VERSION, seriesId, hour, count, source);
    }

    @Override
    public String key() {
        return seriesId;
    }
}
