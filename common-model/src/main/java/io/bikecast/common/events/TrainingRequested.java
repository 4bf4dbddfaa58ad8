package io.bikecast.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone asks for a model to be retrained.
 *
 * @param modelName the registry name of the model to retrain
 * @param reason a sentence a person can read, e.g. "dataset drift: 6 of 12 features"
 * @param source what asked
 * @param driftReportId the drift report behind the request, when monitoring asked; else null
 */
public record TrainingRequested(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String modelName,
        String reason,
        TriggerSource source,
        UUID driftReportId)
        implements BikecastEvent {

    public static final String TYPE = "training-requested";

    public TrainingRequested {
        eventId = EventDefaults.id(eventId);
        occurredAt = EventDefaults.at(occurredAt);
        schemaVersion = EventDefaults.version(schemaVersion);
        reason = EventDefaults.text(reason, "unspecified");
        source = source == null ? TriggerSource.API : source;
    }

    public static TrainingRequested of(String modelName, String reason, TriggerSource source, UUID driftReportId) {
        return new TrainingRequested(
                UUID.randomUUID(), Instant.now(), CURRENT_SCHEMA_VERSION, modelName, reason, source, driftReportId);
    }

    @Override
    public String key() {
        return modelName;
    }
}
