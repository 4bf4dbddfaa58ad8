package io.bikecast.monitoring.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert as stored, with its state and its delivery state per channel.
 *
 * @param occurrences how many times it was raised within the fold window (1 if never folded)
 * @param state {@code OPEN} until resolved, then {@code RESOLVED}; {@code INFORMATIONAL} for news
 * @param resolvedAt when it was resolved (on the monitoring clock, as it was raised), or null
 * @param resolvedHow whether its condition cleared or an operator resolved it, or null
 * @param resolutionReason why, in words (what cleared, or the operator's reason), or null
 * @param deliveries the alert's own message per channel
 * @param resolutionDeliveries the "resolved" message per channel the alert went to; empty until resolved
 */
record StoredAlert(
        UUID id,
        AlertKind kind,
        String modelName,
        String key,
        Severity severity,
        String title,
        String summary,
        List<AlertField> fields,
        String link,
        int occurrences,
        Instant firstRaisedAt,
        Instant lastRaisedAt,
        AlertState state,
        Instant resolvedAt,
        ResolvedHow resolvedHow,
        String resolutionReason,
        List<Delivery> deliveries,
        List<Delivery> resolutionDeliveries) {

    /**
     * One channel's delivery of one message.
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
