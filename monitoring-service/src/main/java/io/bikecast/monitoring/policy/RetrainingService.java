package io.bikecast.monitoring.policy;

import io.bikecast.common.events.DriftDetected;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.common.events.TriggerSource;
import io.bikecast.monitoring.alerts.AlertMessages;
import io.bikecast.monitoring.alerts.AlertService;
import io.bikecast.monitoring.champion.ChampionTracker;
import io.bikecast.monitoring.champion.ServedChampion;
import io.bikecast.monitoring.clock.ClockReading;
import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.monitoring.drift.DriftReport;
import io.bikecast.monitoring.drift.DriftVerdict;
import io.bikecast.monitoring.liveerror.LiveError;
import io.bikecast.monitoring.liveerror.LiveErrorService;
import io.bikecast.monitoring.metrics.MonitoringMetrics;
import io.bikecast.platform.outbox.Outbox;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on the policy: after a drift check, raises the drift and live-error alerts and, when the policy says so and
 * the model's cooldown has passed, requests retraining with a training-requested event (with a drift-detected event
 * when drift or degradation is behind it); between checks, the same for the scheduled refresh alone. The cooldown is
 * taken and the events are appended to the outbox in one transaction, so a request exists exactly when its cooldown
 * was taken: the relay publishes it after the commit, and a Kafka outage delays it without holding the transaction
 * up or swallowing the episode.
 */
@Service
public class RetrainingService {

    private static final Logger log = LoggerFactory.getLogger(RetrainingService.class);

    private final RetrainingPolicy policy;
    private final RetrainingCooldown cooldown;
    private final LiveErrorService liveErrors;
    private final ChampionTracker champions;
    private final AlertService alerts;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final MonitoringMetrics metrics;
    private final MonitoringProperties properties;

    public RetrainingService(
            RetrainingPolicy policy,
            RetrainingCooldown cooldown,
            LiveErrorService liveErrors,
            ChampionTracker champions,
            AlertService alerts,
            Outbox outbox,
            TransactionTemplate transactions,
            MonitoringMetrics metrics,
            MonitoringProperties properties) {
        this.policy = policy;
        this.cooldown = cooldown;
        this.liveErrors = liveErrors;
        this.champions = champions;
        this.alerts = alerts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.metrics = metrics;
        this.properties = properties;
    }

    /**
     * What was done.
     *
     * @param live the champion's live error the policy judged, or null without a champion or outside a check
     * @param requested true if retraining was requested now (false also when the cooldown held it back)
     */
    public record Outcome(RetrainingDecision decision, LiveError live, boolean requested) {}

    /** Acts on a drift check run at a clock reading: every trigger is evaluated. */
    public Outcome act(DriftReport report, ClockReading at) {
        ServedChampion champion = report.modelVersion() == null
                ? null
                : champions.current(report.modelName(), at).orElse(null);
        LiveError live = report.modelVersion() == null
                ? null
                : liveErrors.served(
                        report.modelName(),
                        report.modelVersion(),
                        properties.policy().liveWindow());
        RetrainingDecision decision = policy.decide(report, live, champion, at);
        if (report.verdict() == DriftVerdict.DRIFT) {
            alerts.raise(
                    AlertMessages.driftDetected(
                            report, report.detail(), properties.alerts().publicBaseUrl()),
                    at.instant());
        }
        if (decision.liveErrorDegraded()) {
            alerts.raise(
                    AlertMessages.liveErrorDegraded(
                            live,
                            champion.holdoutRmse(),
                            decision.reason(),
                            report,
                            properties.alerts().publicBaseUrl()),
                    at.instant());
        }
        return new Outcome(decision, live, request(report, decision, at));
    }

    /** Between checks: requests retraining if the champion's served fit is due for its scheduled refresh. */
    public Outcome refreshIfDue(ClockReading at) {
        ServedChampion champion = champions.current(properties.modelName(), at).orElse(null);
        if (champion == null) {
            return new Outcome(new RetrainingDecision(List.of(), List.of()), null, false);
        }
        RetrainingDecision decision = policy.decide(null, null, champion, at);
        return new Outcome(decision, null, request(null, decision, at));
    }

    private boolean request(DriftReport report, RetrainingDecision decision, ClockReading at) {
        if (!decision.retrain() || !properties.policy().enabled()) {
            return false;
        }
        String model = properties.modelName();
        boolean requested = Boolean.TRUE.equals(transactions.execute(status -> append(report, decision, at)));
        if (requested) {
            decision.reasonCodes().forEach(metrics::trainingRequested);
            log.info("requested retraining of {} at {}: {}", model, at.local(), decision.reason());
        } else {
            log.debug(
                    "retraining of {} is due at {} ({}) but held back by the cooldown",
                    model,
                    at.local(),
                    decision.reason());
        }
        return requested;
    }

    private boolean append(DriftReport report, RetrainingDecision decision, ClockReading at) {
        String model = properties.modelName();
        TrainingRequested request = TrainingRequested.of(
                model, decision.reason(), TriggerSource.MONITORING, report == null ? null : report.id());
        if (!cooldown.tryTrigger(
                model,
                at,
                properties.policy().cooldown(),
                report == null ? null : report.id(),
                request.eventId(),
                decision.reasonCodes(),
                decision.reason())) {
            return false;
        }
        if (report != null && decision.driftOrDegradation()) {
            outbox.append(DriftDetected.of(
                    model,
                    report.modelVersion(),
                    report.id(),
                    decision.reason(),
                    report.driftedFeatures(),
                    report.driftShare() == null ? 0.0 : report.driftShare()));
        }
        outbox.append(request);
        return true;
    }
}
