package io.bikecast.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Defaults for fields an older producer may not have written; used by the events' compact constructors. */
final class EventDefaults {

    private EventDefaults() {}

    /** Events written before ids existed get a fresh one, so downstream de-duplication still has a key. */
    static UUID id(UUID eventId) {
        return eventId == null ? UUID.randomUUID() : eventId;
    }

    static Instant at(Instant occurredAt) {
        return occurredAt == null ? Instant.now() : occurredAt;
    }

    /** A missing version means the first one: the field itself was added with version 1. */
    static int version(int schemaVersion) {
        return schemaVersion <= 0 ? 1 : schemaVersion;
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static String text(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
