package io.bikecast.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Monitoring decided the champion's inputs or accuracy moved far enough to act on.
 *
 * @param reportId the drift report behind the decision, readable at {@code /api/v1/drift/reports/{id}}
 * @param reason a sentence a person can read
 * @param driftedFeatures the features whose tests flagged drift
 * @param driftShare the share of tested features that drifted
 */
public record DriftDetected(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String modelName,
        long modelVersion,
        UUID reportId,
        String reason,
        List<String> driftedFeatures,
        double driftShare)
        implements BikecastEvent {

    public static final String TYPE = "drift-detected";

    public DriftDetected {
        eventId = EventDefaults.id(eventId);
        occurredAt = EventDefaults.at(occurredAt);
        schemaVersion = EventDefaults.version(schemaVersion);
        reason = EventDefaults.text(reason, "unspecified");
        driftedFeatures = EventDefaults.list(driftedFeatures);
    }

    public static DriftDetected of(
            String modelName,
            long modelVersion,
            UUID reportId,
            String reason,
            List<String> driftedFeatures,
            double driftShare) {
        return new DriftDetected(
                UUID.randomUUID(),
                Instant.now(),
                CURRENT_SCHEMA_VERSION,
                modelName,
                modelVersion,
                reportId,
                reason,
                driftedFeatures,
                driftShare);
    }

    @Override
    public String key() {
        return modelName;
    }
}
