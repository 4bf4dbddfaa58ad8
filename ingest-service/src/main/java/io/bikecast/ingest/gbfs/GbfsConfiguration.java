package io.bikecast.ingest.gbfs;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The GBFS poller's clock, and the thread that polls the due systems every {@code tick}. */
@Configuration(proxyBeanMethods = false)
class GbfsConfiguration {

    /** The poller's clock: the system's (a test marks its own {@code @Primary}). */
    @Bean
    InstantSource gbfsClock() {
        return InstantSource.system();
    }

    @Bean
    @ConditionalOnProperty(name = "bikecast.ingest.gbfs.scheduler", havingValue = "true", matchIfMissing = true)
    GbfsSchedule gbfsSchedule(
            GbfsPoller poller,
            StationObservations observations,
            SnapshotRetention retention,
            GbfsProperties properties) {
        return new GbfsSchedule(poller, observations, retention, properties);
    }

    /**
     * Calls {@link GbfsPoller#pollDue()}, then {@link StationObservations#publishAll()} and
     * {@link SnapshotRetention#pruneAll()} every tick on a thread of its own, while the context runs.
     */
    static final class GbfsSchedule implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(GbfsSchedule.class);

        /** How long a stop waits for the tick in flight: a poll's files, at worst, would take longer. */
        static final Duration STOP_WAIT = Duration.ofSeconds(20);

        private final GbfsPoller poller;
        private final StationObservations observations;
        private final SnapshotRetention retention;
        private final GbfsProperties properties;
        private ScheduledExecutorService executor;

        GbfsSchedule(
                GbfsPoller poller,
                StationObservations observations,
                SnapshotRetention retention,
                GbfsProperties properties) {
            this.poller = poller;
            this.observations = observations;
            this.retention = retention;
            this.properties = properties;
        }

        @Override
        public synchronized void start() {
            if (properties.systems().stream().noneMatch(GbfsProperties.Feed::enabled)) {
                return;
            }
            executor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("gbfs-poller").factory());
            long tick = properties.tick().toMillis();
            executor.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        }

        private void tick() {
            try {
                poller.pollDue();
            } catch (RuntimeException e) {
                log.error("GBFS poll round failed", e);
            }
            // Hours closed by these polls, and hours whose weather has arrived since the last tick.
            observations.publishAll();
            retention.pruneAll();
        }

        /**
         * Lets a tick in flight finish (for at most {@link #STOP_WAIT}) before the context goes on to close the
         * database pool under it, which would fail that poll with a logged stack trace at every shutdown.
         */
        @Override
        public synchronized void stop() {
            if (executor != null) {
                executor.shutdown();
                try {
                    if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        executor.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    executor.shutdownNow();
                    Thread.currentThread().interrupt();
                }
                executor = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return executor != null;
        }
    }
}
