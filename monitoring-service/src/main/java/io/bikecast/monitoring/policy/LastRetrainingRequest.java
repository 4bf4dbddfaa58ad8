package io.bikecast.monitoring.policy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The last retraining request monitoring published for a model.
 *
 * @param eventId the {@code eventId} of the published training-requested event (the training service shows it as
 *     the run's {@code requestEventId}); null for requests stored before it was recorded
 * @param at the clock time (local) it was made at
 * @param reasons its reason codes: {@code scheduled_refresh}, {@code live_error_degraded}, {@code dataset_drift}
 * @param reason the reason as a sentence, as sent
 */
public record LastRetrainingRequest(UUID eventId, LocalDateTime at, List<String> reasons, String reason) {

    public LastRetrainingRequest {
        reasons = List.copyOf(reasons);
    }
}
