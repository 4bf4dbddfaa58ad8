package io.bikecast.training.triggers;

import io.bikecast.platform.clock.ClockProperties;
import io.bikecast.platform.schedule.ScheduledSlots;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.run.TrainingRunService;
import io.bikecast.training.run.Trigger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The training service's own wall-clock retraining cron ({@code bikecast.training.schedule.cron}), off by default: the
 * scheduled refresh belongs to monitoring's retraining policy, which follows the data clock and holds the one cooldown.
 * On the data clock ({@code bikecast.clock.mode=data}) the cron never runs even when set, since wall-clock runs in a
 * replay would refit at moments that have nothing to do with the hours being replayed.
 */
@Component
class ScheduledRetraining implements SchedulingConfigurer {

    /** The cron value that switches the schedule off, as in Spring's {@code @Scheduled}. */
    static final String OFF = "-";

    private static final Logger log = LoggerFactory.getLogger(ScheduledRetraining.class);

    /** The job's name in the slot table, the same on every instance. */
    static final String JOB = "scheduled-retraining";

    private final TrainingRunService service;
    private final TrainingProperties properties;
    private final ClockProperties clock;
    private final ScheduledSlots slots;

    ScheduledRetraining(
            TrainingRunService service, TrainingProperties properties, ClockProperties clock, ScheduledSlots slots) {
        this.service = service;
        this.properties = properties;
        this.clock = clock;
        this.slots = slots;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        effectiveCron(properties.schedule(), clock).ifPresent(cron -> {
            log.info(
                    "scheduled retraining on the wall clock: {} ({})",
                    cron,
                    properties.schedule().zone());
            registrar.addCronTask(new CronTask(
                    () -> requestRun(Instant.now()),
                    new CronTrigger(
                            cron, TimeZone.getTimeZone(properties.schedule().zone()))));
        });
    }

    /** The cron to run on, if any; logs why there is none. */
    static Optional<String> effectiveCron(TrainingProperties.Schedule schedule, ClockProperties clock) {
        String cron = schedule.cron() == null ? OFF : schedule.cron().trim();
        if (cron.isEmpty() || cron.equals(OFF)) {
            log.info(
                    "no wall-clock retraining schedule (bikecast.training.schedule.cron={}): scheduled refreshes come"
                            + " from monitoring's retraining policy",
                    OFF);
            return Optional.empty();
        }
        if (clock.dataClock()) {
            log.warn(
                    "bikecast.training.schedule.cron={} is ignored: bikecast.clock.mode=data, and on the data clock"
                            + " scheduled refreshes come from monitoring's retraining policy, which follows the hours observed;"
                            + " unset the cron or use bikecast.clock.mode=wall",
                    cron);
            return Optional.empty();
        }
        return Optional.of(cron);
    }

    /**
     * Queues a run, unless another instance already did for this firing: every instance's cron fires, and the minute it
     * fired in is the slot they compete for, so with two training instances the 02:00 cron gives one run, not two.
     *
     * @return whether this instance queued it
     */
    boolean requestRun(Instant firedAt) {
        return slots.runOnce(
                JOB,
                firedAt.truncatedTo(ChronoUnit.MINUTES),
                () -> properties
                        .models()
                        .forEach(model -> service.request(
                                model.modelName(),
                                Trigger.SCHEDULE,
                                "scheduled retraining (" + properties.schedule().cron() + ")",
                                null)));
    }
}
