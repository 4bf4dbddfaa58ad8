package io.bikecast.monitoring.alerts;

import io.bikecast.monitoring.clock.MonitoringClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Raises alerts: stores them for every enabled channel (or folds them), for the dispatcher to deliver, and counts them
 * ({@code bikecast_alerts_raised_total{kind, folded}}). Folding counts in clock time (the data hour under the data
 * clock), so a replay folds as live traffic would. The features that raise alerts word them; this one knows where
 * people reach the service, and links each alert there.
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

    private String link(String path) {
        if (path == null) {
            return null;
        }
        return settings.publicBaseUrl().toString().replaceAll("/+$", "") + path;
    }
}
