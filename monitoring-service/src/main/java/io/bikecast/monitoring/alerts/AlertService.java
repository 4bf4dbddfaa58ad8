package io.bikecast.monitoring.alerts;

import io.bikecast.monitoring.clock.MonitoringClock;
import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.monitoring.metrics.MonitoringMetrics;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Raises alerts: stores them for every enabled channel (or folds them), for the dispatcher to deliver. Folding counts
 * in clock time (the data hour under the data clock), so a replay folds as live traffic would.
 */
@Service
public class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertStore store;
    private final WebhookSender sender;
    private final MonitoringProperties.Alerts settings;
    private final MonitoringMetrics metrics;
    private final MonitoringClock clock;

    public AlertService(
            AlertStore store,
            WebhookSender sender,
            MonitoringProperties properties,
            MonitoringMetrics metrics,
            MonitoringClock clock) {
        this.store = store;
        this.sender = sender;
        this.settings = properties.alerts();
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Raises an alert now, on the monitoring clock. */
    public AlertStore.Raised raise(NewAlert alert) {
        return raise(alert, clock.now().instant());
    }

    /** Raises an alert at a clock time (the hour a data-clock check ran at). */
    public AlertStore.Raised raise(NewAlert alert, Instant at) {
        AlertStore.Raised raised = store.raise(alert, sender.enabledChannels(), settings.foldWindow(), at);
        metrics.alertRaised(alert.kind().name(), raised.folded());
        log.info(
                "alert {} {} ({}): {}{}",
                alert.kind(),
                alert.key(),
                alert.severity(),
                alert.title(),
                raised.folded() ? " [folded, occurrence " + raised.occurrences() + "]" : "");
        return raised;
    }
}
