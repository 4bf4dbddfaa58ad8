package io.bikecast.monitoring.alerts;

import io.bikecast.monitoring.clock.MonitoringClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Raises alerts: stores them for every enabled channel (or folds them), for the dispatcher to deliver, and counts them
 * ({@code bikecast_alerts_raised_total{kind, folded}}). Folding counts in clock time (the data hour under the data
 * clock), so a replay folds as live traffic would. The features that raise alerts word them; this one knows where
 * people reach the service, and links each alert there.
 *
 * <p>Resolves them too: a feature whose condition cleared says so ({@link #conditionCleared}), an operator resolves
 * one by id; either way the "resolved" message goes to the channels the alert went to, with the same retries, and is
 * counted ({@code bikecast_alerts_resolved_total{kind, how}}). Resolutions are stamped on the monitoring clock, as
 * raisings are, so a replay's alerts read as one time line.
 */
@Service
public class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertStore store;
    private final AlertSenders sender;
    private final AlertProperties settings;
    private final MeterRegistry meters;
    private final MonitoringClock clock;

    AlertService(
            AlertStore store,
            AlertSenders sender,
            AlertProperties settings,
            MeterRegistry meters,
            MonitoringClock clock) {
        this.store = store;
        this.sender = sender;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /** Raises an alert now, on the monitoring clock. */
    public void raise(NewAlert alert) {
        raise(alert, clock.now().instant());
    }

    /** Raises an alert at a clock time (the hour a data-clock check ran at). */
    public void raise(NewAlert alert, Instant at) {
        AlertStore.Raised raised =
                store.raise(alert, link(alert.path()), sender.enabledChannels(), settings.foldWindow(), at);
        Counter.builder("bikecast.alerts.raised")
                .description("alerts raised, by kind and whether they were folded into an earlier one")
                .tag("kind", alert.kind().name())
                .tag("folded", Boolean.toString(raised.folded()))
                .register(meters)
                .increment();
        log.info(
                "alert {} {} ({}): {}{}",
                alert.kind(),
                alert.key(),
                alert.severity(),
                alert.title(),
                raised.folded() ? " [folded, occurrence " + raised.occurrences() + "]" : "");
    }

    /**
     * Resolves every open alert of the kind about the model: what raised it no longer holds. Nothing happens if none
     * is open.
     *
     * @param reason what cleared, in words, e.g. {@code the drift check … found no dataset drift}
     * @param at the clock time it cleared at (the hour a data-clock check ran at)
     * @return how many alerts were resolved
     */
    public int conditionCleared(AlertKind kind, String modelName, String reason, Instant at) {
        List<UUID> resolved = store.resolveCleared(kind, modelName, reason, at);
        resolved.forEach(id -> resolvedCounted(kind, ResolvedHow.CONDITION_CLEARED, id, reason));
        return resolved.size();
    }

    /** As {@link #conditionCleared(AlertKind, String, String, Instant)}, now on the monitoring clock. */
    public int conditionCleared(AlertKind kind, String modelName, String reason) {
        return conditionCleared(kind, modelName, reason, clock.now().instant());
    }

    /**
     * Resolves an open alert for an operator, with the other open alerts of its kind and key; returns it as stored.
     *
     * @param reason the operator's reason, or null
     * @throws AlertNotFoundException if no alert has the id
     * @throws AlertNotOpenException if it is resolved already, or informational
     */
    StoredAlert resolveByOperator(UUID id, String reason) {
        List<UUID> resolved = store.resolveByOperator(id, reason, clock.now().instant());
        StoredAlert alert = store.find(id).orElseThrow(() -> new AlertNotFoundException(id));
        resolved.forEach(each -> resolvedCounted(alert.kind(), ResolvedHow.OPERATOR, each, reason));
        return alert;
    }

    private void resolvedCounted(AlertKind kind, ResolvedHow how, UUID id, String reason) {
        Counter.builder("bikecast.alerts.resolved")
                .description("open alerts resolved, by kind and how: their condition cleared, or an operator")
                .tag("kind", kind.name())
                .tag("how", how.name())
                .register(meters)
                .increment();
        log.info("alert {} {} resolved ({}){}", kind, id, how, reason == null ? "" : ": " + reason);
    }

    private String link(String path) {
        if (path == null) {
            return null;
        }
        return settings.publicBaseUrl().toString().replaceAll("/+$", "") + path;
    }
}
