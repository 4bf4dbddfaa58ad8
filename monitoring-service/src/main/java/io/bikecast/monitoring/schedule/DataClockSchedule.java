package io.bikecast.monitoring.schedule;

import io.bikecast.monitoring.actuals.ActualsStored;
import io.bikecast.monitoring.clock.ClockReading;
import io.bikecast.monitoring.clock.MonitoringClock;
import io.bikecast.monitoring.drift.DriftCheckService;
import io.bikecast.monitoring.drift.DriftProperties;
import io.bikecast.monitoring.drift.DriftReport;
import io.bikecast.monitoring.policy.RetrainingService;
import java.time.LocalDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Under the data clock, runs the work that falls due as the data hours advance, right after the batch of actuals that
 * moved them was stored, in the consumer thread: the drift check when {@code drift.check-interval} of data hours has
 * passed since the last scheduled one (it hands its report to the policy, which judges every trigger), otherwise the
 * scheduled refresh alone. Only then does the clock move to the batch's latest hour, so {@code GET /api/v1/clock}
 * never reports an hour whose check and retraining request are still to come. A failure leaves the clock where it
 * was and is rethrown: the batch is redelivered and the work runs again.
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

    DataClockSchedule(
            MonitoringClock clock, DriftCheckService checks, RetrainingService retraining, DriftProperties settings) {
        this.clock = clock;
        this.checks = checks;
        this.retraining = retraining;
        this.settings = settings;
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
        if (settings.scheduleEnabled() && checkDue(hour)) {
            DriftReport report = checks.check(DriftReport.Trigger.SCHEDULE, at);
            log.debug("data clock {}: drift check {} ({})", hour, report.id(), report.verdict());
        } else {
            retraining.refreshIfDue(at);
        }
        clock.advanceTo(hour);
    }

    private boolean checkDue(LocalDateTime hour) {
        return checks.lastScheduledCheck()
                .map(last -> !last.plus(settings.checkInterval()).isAfter(hour))
                .orElse(true);
    }
}
