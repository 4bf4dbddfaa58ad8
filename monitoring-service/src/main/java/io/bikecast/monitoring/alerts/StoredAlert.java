package io.bikecast.monitoring.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert as stored, with its delivery state per channel.
 *
 * @param occurrences how many times it was raised within the fold window (1 if never folded)
 */
record StoredAlert(
        UUID id,
        AlertKind kind,
        String key,
        Severity severity,
        String title,
        String summary,
        List<AlertField> fields,
        String link,
        int occurrences,
        Instant firstRaisedAt,
        Instant lastRaisedAt,
        List<Delivery> deliveries) {

    /**
     * One channel's delivery.
     *
     * @param state {@code PENDING} until the webhook or the mail server accepted it, then {@code DELIVERED}
     * @param attempts how many times it was sent
     * @param nextAttemptAt when it is sent next, while pending
     * @param lastError why the last attempt failed, if it did
     */
    record Delivery(
            Channel channel,
            String state,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant deliveredAt) {}
}
