package io.bikecast.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A training run produced a registered model version, whatever the promotion decision.
 *
 * @param status the version's registry status after the decision: candidate, challenger, champion or rejected
 */
public record ModelTrained(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String modelName,
        long version,
        UUID runId,
        String algorithm,
        ModelMetrics metrics,
        String status)
        implements BikecastEvent {

    public static final String TYPE = "model-trained";

    public ModelTrained {
        eventId = EventDefaults.id(eventId);
        occurredAt = EventDefaults.at(occurredAt);
        schemaVersion = EventDefaults.version(schemaVersion);
        algorithm = EventDefaults.text(algorithm, "random-forest");
        status = EventDefaults.text(status, "candidate");
    }

    public static ModelTrained of(
            String modelName, long version, UUID runId, String algorithm, ModelMetrics metrics, String status) {
        return new ModelTrained(
                UUID.randomUUID(),
                Instant.now(),
                CURRENT_SCHEMA_VERSION,
                modelName,
                version,
                runId,
                algorithm,
                metrics,
                status);
    }

    @Override
    public String key() {
        return modelName;
    }
}
