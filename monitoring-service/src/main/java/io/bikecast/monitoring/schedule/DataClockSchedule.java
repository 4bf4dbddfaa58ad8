package io.bikecast.monitoring.schedule;

import io.bikecast.monitoring.actuals.ActualsStored;
import io.bikecast.monitoring.clock.ClockReading;
import io.bikecast.monitoring.clock.MonitoringClock;
import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.monitoring.drift.DriftCheckService;
import io.bikecast.monitoring.drift.DriftProperties;
import io.bikecast.monitoring.policy.RetrainingService;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Under the data clock, runs the work that falls due as the data hours advance, right after the batch of actuals that
 * moved them was stored, in the consumer thread, for every monitored model in turn (the default one, then each
 * family): the model's drift check when {@code drift.check-interval} of data hours has passed since its last scheduled
 * one (it hands its report to the policy, which judges every trigger), otherwise its scheduled refresh alone. A model
 * without a champion yet is skipped ({@link DriftCheckService#scheduled}) and asked again at the next batch. Only
 * then does the clock move to the batch's latest hour, so {@code GET /api/v1/clock} never reports an hour whose check
 * and retraining request are still to come. A failure leaves the clock where it was and is rethrown: the batch is
 * redelivered and the work runs again; a model whose check at that hour is stored already is not checked twice (its
 * next check is an interval later), it is only judged for its refresh.
 *
 * <p>One evaluation per batch, at its latest hour: a replay that delivers days in one poll gets one check, at its end.
 */
@Component
class DataClockSchedule {

    private static final Logger log = LoggerFactory.getLogger(DataClockSchedule.class);

    private final MonitoringClock clock;
    private final DriftCheckService checks;
    private final RetrainingService retraining;
    private final DriftProperties settings;
    private final List<String> models;

    DataClockSchedule(
            MonitoringClock clock,
            DriftCheckService checks,
            RetrainingService retraining,
            DriftProperties settings,
            MonitoringProperties models) {
        this.clock = clock;
        this.checks = checks;
        this.retraining = retraining;
        this.settings = settings;
        this.models = models.models();
    }

    @EventListener
    void onActualsStored(ActualsStored stored) {
        if (clock.dataClock()) {
            advance(stored.latestHour());
        }
    }

    /** Runs what is due at the hour, then moves the clock there; an hour not after the clock changes nothing. */
    synchronized void advance(LocalDateTime hour) {
        Optional<LocalDateTime> current = clock.dataHour();
        if (current.isPresent() && !hour.isAfter(current.get())) {
            return;
        }
        ClockReading at = MonitoringClock.at(hour);
        for (String model : models) {
            if (settings.scheduleEnabled() && checkDue(model, hour)) {
                checks.scheduled(model, at)
                        .ifPresent(report -> log.debug(
                                "data clock {}: drift check {} of {} ({})",
                                hour,
                                report.id(),
                                model,
                                report.verdict()));
            } else {
                retraining.refreshIfDue(model, at);
            }
        }
        clock.advanceTo(hour);
    }

    private boolean checkDue(String model, LocalDateTime hour) {
        return checks.lastScheduledCheck(model)
                .map(last -> !last.plus(settings.checkInterval()).isAfter(hour))
                .orElse(true);
    }
}
