package io.bikecast.monitoring.schedule;

import io.bikecast.monitoring.clock.MonitoringClock;
import io.bikecast.monitoring.config.MonitoringProperties;
import io.bikecast.monitoring.drift.DriftCheckService;
import io.bikecast.monitoring.drift.DriftProperties;
import io.bikecast.platform.schedule.ScheduledSlots;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Under the wall clock, runs drift checks of every monitored model (the default one, then each family; one without a
 * champion yet is skipped) every {@code bikecast.monitoring.drift.check-interval} after an initial delay, unless
 * {@code schedule-enabled} is false; with several instances, once per interval among them ({@link ScheduledSlots}).
 * A model whose check fails does not keep the others from theirs. Under the data clock the checks follow the data hours instead ({@link DataClockSchedule}).
 */
@Configuration(proxyBeanMethods = false)
class DriftCheckSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DriftCheckSchedule.class);

    private final DriftCheckService checks;
    private final DriftProperties settings;
    private final MonitoringClock clock;
    private final ScheduledSlots slots;
    private final Clock wall;
    private final List<String> models;

    DriftCheckSchedule(
            DriftCheckService checks,
            DriftProperties settings,
            MonitoringClock clock,
            ScheduledSlots slots,
            Clock wall,
            MonitoringProperties models) {
        this.models = models.models();
        this.checks = checks;
        this.settings = settings;
        this.clock = clock;
        this.slots = slots;
        this.wall = wall;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!settings.scheduleEnabled()) {
            log.info("scheduled drift checks are off; POST /api/v1/drift/checks runs one");
            return;
        }
        if (clock.dataClock()) {
            log.info("drift checks run every {} of data hours, on the data clock", settings.checkInterval());
            return;
        }
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, settings.checkInterval(), settings.initialDelay()));
    }

    /**
     * One check per interval across every monitoring instance: each instance's timer fires, and the interval it fires
     * in (counted from the epoch) is the slot they compete for.
     */
    private void run() {
        long interval = settings.checkInterval().toMillis();
        long now = wall.millis();
        try {
            slots.runOnce("drift-check", Instant.ofEpochMilli(now - now % interval), this::checkEveryModel);
        } catch (RuntimeException e) {
            log.error("scheduled drift checks failed; the next ones run as planned", e);
        }
    }

    private void checkEveryModel() {
        for (String model : models) {
            try {
                checks.scheduled(model, clock.now());
            } catch (RuntimeException e) {
                log.error("scheduled drift check of {} failed; the next one runs as planned", model, e);
            }
        }
    }
}
