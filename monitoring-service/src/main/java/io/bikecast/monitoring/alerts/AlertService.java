package io.bikecast.monitoring.alerts;

import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.monitoring.metrics.MonitoringMetrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Raises alerts: stores them for every enabled channel (or folds them), for the dispatcher to deliver. */
@Service
public class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertStore store;
    private final WebhookSender sender;
    private final MonitoringProperties.Alerts settings;
    private final MonitoringMetrics metrics;
    private final Clock clock;

    public AlertService(
            AlertStore store,
            WebhookSender sender,
            MonitoringProperties properties,
            MonitoringMetrics metrics,
            Clock clock) {
        this.store = store;
        this.sender = sender;
        this.settings = properties.alerts();
        this.metrics = metrics;
        this.clock = clock;
    }

    public AlertStore.Raised raise(NewAlert alert) {
        AlertStore.Raised raised = store.raise(alert, sender.enabledChannels(), settings.foldWindow(), clock.instant());
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
