package io.bikecast.monitoring.policy;

import io.bikecast.common.events.DriftDetected;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.common.events.TriggerSource;
import io.bikecast.monitoring.alerts.AlertMessages;
import io.bikecast.monitoring.alerts.AlertService;
import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.monitoring.drift.DriftReport;
import io.bikecast.monitoring.drift.DriftVerdict;
import io.bikecast.monitoring.liveerror.LiveError;
import io.bikecast.monitoring.liveerror.LiveErrorService;
import io.bikecast.monitoring.metrics.MonitoringMetrics;
import io.bikecast.platform.kafka.EventPublisher;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on a drift check: raises the drift and live-error alerts, and, when the policy says so and the model's
 * cooldown has passed, publishes a drift-detected and a training-requested event. The cooldown is taken in the same
 * transaction that waits for both events to be acknowledged by Kafka, so a failed publish leaves it free for the
 * next check instead of swallowing the episode.
 */
@Service
public class RetrainingService {

    private static final Logger log = LoggerFactory.getLogger(RetrainingService.class);

    private final RetrainingPolicy policy;
    private final RetrainingCooldown cooldown;
    private final LiveErrorService liveErrors;
    private final AlertService alerts;
    private final EventPublisher publisher;
    private final TransactionTemplate transactions;
    private final MonitoringMetrics metrics;
    private final MonitoringProperties properties;
    private final Clock clock;

    public RetrainingService(
            RetrainingPolicy policy,
            RetrainingCooldown cooldown,
            LiveErrorService liveErrors,
            AlertService alerts,
            EventPublisher publisher,
            TransactionTemplate transactions,
            MonitoringMetrics metrics,
            MonitoringProperties properties,
            Clock clock) {
        this.policy = policy;
        this.cooldown = cooldown;
        this.liveErrors = liveErrors;
        this.alerts = alerts;
        this.publisher = publisher;
        this.transactions = transactions;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What was done about a check.
     *
     * @param live the champion's live error the policy judged, or null without a champion
     * @param requested true if retraining was requested now (false also when the cooldown held it back)
     */
    public record Outcome(RetrainingDecision decision, LiveError live, boolean requested) {}

    public Outcome act(DriftReport report) {
        LiveError live = report.modelVersion() == null
                ? null
                : liveErrors.served(
                        report.modelName(),
                        report.modelVersion(),
                        properties.policy().liveWindow());
        RetrainingDecision decision = policy.decide(report, live);
        if (report.verdict() == DriftVerdict.DRIFT) {
            alerts.raise(AlertMessages.driftDetected(
                    report, report.detail(), properties.alerts().publicBaseUrl()));
        }
        if (decision.liveErrorDegraded()) {
            alerts.raise(AlertMessages.liveErrorDegraded(
                    live, decision.reason(), report, properties.alerts().publicBaseUrl()));
        }
        if (!decision.retrain() || !properties.policy().enabled()) {
            return new Outcome(decision, live, false);
        }
        boolean requested = Boolean.TRUE.equals(transactions.execute(status -> request(report, decision)));
        if (requested) {
            decision.reasonCodes().forEach(metrics::trainingRequested);
            log.info("requested retraining of {}: {}", report.modelName(), decision.reason());
        } else {
            log.info(
                    "retraining of {} is due ({}) but held back by the cooldown",
                    report.modelName(),
                    decision.reason());
        }
        return new Outcome(decision, live, requested);
    }

    private boolean request(DriftReport report, RetrainingDecision decision) {
        if (!cooldown.tryTrigger(
                report.modelName(), clock.instant(), properties.policy().cooldown(), report.id(), decision.reason())) {
            return false;
        }
        await(publisher.publish(DriftDetected.of(
                report.modelName(),
                report.modelVersion(),
                report.id(),
                decision.reason(),
                report.driftedFeatures(),
                report.driftShare() == null ? 0.0 : report.driftShare())));
        await(publisher.publish(
                TrainingRequested.of(report.modelName(), decision.reason(), TriggerSource.MONITORING, report.id())));
        return true;
    }

    private static void await(java.util.concurrent.Future<?> sent) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the event", e);
        }
    }
}
