package io.bikecast.monitoring.policy;

import io.bikecast.common.events.DriftDetected;
import io.bikecast.common.events.TrainingRequested;
import io.bikecast.common.events.TriggerSource;
import io.bikecast.monitoring.alerts.AlertKind;
import io.bikecast.monitoring.alerts.AlertService;
import io.bikecast.monitoring.champion.ChampionTracker;
import io.bikecast.monitoring.champion.ServedChampion;
import io.bikecast.monitoring.clock.ClockReading;
import io.bikecast.monitoring.drift.DriftChecked;
import io.bikecast.monitoring.drift.DriftReport;
import io.bikecast.monitoring.drift.DriftVerdict;
import io.bikecast.monitoring.liveerror.LiveError;
import io.bikecast.monitoring.liveerror.LiveErrorService;
import io.bikecast.platform.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on the policy: after a drift check, raises the drift and live-error alerts (or resolves the model's open ones
 * when the check found no drift, or its live error is back within the threshold) and, when the policy says so and
 * the model's cooldown has passed, requests retraining with a training-requested event (with a drift-detected event
 * when drift or degradation is behind it); between checks, the same for the scheduled refresh alone. The cooldown is
 * taken and the events are appended to the outbox in one transaction, so a request exists exactly when its cooldown
 * was taken: the relay publishes it after the commit, and a Kafka outage delays it without holding the transaction
 * up or swallowing the episode. Each request is counted per model and reason: {@code
 * bikecast_training_requests_total{model_name, reason}}.
 *
 * <p>Everything is per model: a check of a model family is judged on that family's champion and live error, its
 * alerts are about the family, its cooldown is its own (a request for the default model does not hold a family's
 * back, nor the other way round), and its training-requested event names the family, which the training service
 * routes the run by.
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
    private final MeterRegistry meters;
    private final PolicyProperties settings;

    RetrainingService(
            RetrainingPolicy policy,
            RetrainingCooldown cooldown,
            LiveErrorService liveErrors,
            ChampionTracker champions,
            AlertService alerts,
            Outbox outbox,
            TransactionTemplate transactions,
            MeterRegistry meters,
            PolicyProperties settings) {
        this.policy = policy;
        this.cooldown = cooldown;
        this.liveErrors = liveErrors;
        this.champions = champions;
        this.alerts = alerts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.meters = meters;
        this.settings = settings;
    }

    /** Acts on a drift check run at a clock reading: every trigger is evaluated. */
    @EventListener
    void act(DriftChecked checked) {
        DriftReport report = checked.report();
        ClockReading at = checked.at();
        ServedChampion champion = report.modelVersion() == null
                ? null
                : champions.current(report.modelName(), at).orElse(null);
        LiveError live = report.modelVersion() == null
                ? null
                : liveErrors.served(report.modelName(), report.modelVersion(), settings.liveWindow());
        RetrainingDecision decision = policy.decide(report, live, champion, at);
        if (report.verdict() == DriftVerdict.DRIFT) {
            alerts.raise(PolicyAlerts.driftDetected(report), at.instant());
        } else if (report.verdict() == DriftVerdict.NO_DRIFT) {
            alerts.conditionCleared(
                    AlertKind.DRIFT_DETECTED, report.modelName(), PolicyAlerts.noDrift(report), at.instant());
        }
        if (decision.liveErrorDegraded()) {
            alerts.raise(
                    PolicyAlerts.liveErrorDegraded(live, champion.holdoutRmse(), decision.reason(), report),
                    at.instant());
        } else if (policy.withinThreshold(live, champion)) {
            alerts.conditionCleared(
                    AlertKind.LIVE_PERFORMANCE_DEGRADED,
                    report.modelName(),
                    PolicyAlerts.liveErrorWithin(live, champion.holdoutRmse(), settings.degradationFactor()),
                    at.instant());
        }
        request(report.modelName(), report, decision, at);
    }

    /**
     * Between checks: requests retraining of the model if its champion's served fit is due for its scheduled refresh;
     * a model without a champion yet has nothing to refresh.
     */
    public void refreshIfDue(String modelName, ClockReading at) {
        Optional<ServedChampion> champion = champions.current(modelName, at);
        if (champion.isPresent()) {
            request(modelName, null, policy.decide(null, null, champion.get(), at), at);
        }
    }

    /** The last retraining request monitoring made for the model, if any. */
    public Optional<LastRetrainingRequest> lastRequest(String modelName) {
        return cooldown.lastRequest(modelName);
    }

    private void request(String modelName, DriftReport report, RetrainingDecision decision, ClockReading at) {
        if (!decision.retrain() || !settings.enabled()) {
            return;
        }
        boolean requested =
                Boolean.TRUE.equals(transactions.execute(status -> append(modelName, report, decision, at)));
        if (requested) {
            decision.reasonCodes().forEach(reason -> counted(modelName, reason));
            log.info("requested retraining of {} at {}: {}", modelName, at.local(), decision.reason());
        } else {
            log.debug(
                    "retraining of {} is due at {} ({}) but held back by the cooldown",
                    modelName,
                    at.local(),
                    decision.reason());
        }
    }

    private boolean append(String modelName, DriftReport report, RetrainingDecision decision, ClockReading at) {
        TrainingRequested request = TrainingRequested.of(
                modelName, decision.reason(), TriggerSource.MONITORING, report == null ? null : report.id());
        if (!cooldown.tryTrigger(
                modelName,
                at,
                settings.cooldown(),
                report == null ? null : report.id(),
                request.eventId(),
                decision.reasonCodes(),
                decision.reason())) {
            return false;
        }
        if (report != null && decision.driftOrDegradation()) {
            outbox.append(DriftDetected.of(
                    modelName,
                    report.modelVersion(),
                    report.id(),
                    decision.reason(),
                    report.driftedFeatures(),
                    report.driftShare() == null ? 0.0 : report.driftShare()));
        }
        outbox.append(request);
        return true;
    }

    private void counted(String modelName, String reason) {
        Counter.builder("bikecast.training.requests")
                .description("retraining requests published by monitoring, by model and reason")
                .tag("model_name", modelName)
                .tag("reason", reason)
                .register(meters)
                .increment();
    }
}
