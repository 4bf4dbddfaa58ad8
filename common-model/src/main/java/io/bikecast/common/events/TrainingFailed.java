package io.bikecast.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A training run ended in an error; the champion is untouched.
 *
 * @param error the error message a person reads in an alert
 * @param trigger what had asked for the run
 */
public record TrainingFailed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String modelName,
        UUID runId,
        String error,
        TriggerSource trigger)
        implements BikecastEvent {

    public static final String TYPE = "training-failed";

    public TrainingFailed {
        eventId = EventDefaults.id(eventId);
        occurredAt = EventDefaults.at(occurredAt);
        schemaVersion = EventDefaults.version(schemaVersion);
        error = EventDefaults.text(error, "unknown error");
    }

    public static TrainingFailed of(String modelName, UUID runId, String error, TriggerSource trigger) {
        return new TrainingFailed(
                UUID.randomUUID(), Instant.now(), CURRENT_SCHEMA_VERSION, modelName, runId, error, trigger);
    }

    @Override
    public String key() {
        return modelName;
    }
}
