package io.bikecast.prediction.history;

import io.bikecast.common.events.Topics;
import io.bikecast.prediction.PredictionProperties;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Rebuilds the recent demand at start-up from the ingest service's export, on a background thread so that start-up
 * never waits for ingest: the latest {@code max-hours} hours of each of the {@code max-series} most recently observed
 * series. While ingest cannot be read it tries again, from {@code retry-interval} doubling to {@code
 * max-retry-interval}; until it has succeeded, forecasts are made without history (and say so). It reads only once
 * the actuals listener has its partitions, so that an actual stored while the export is read, or while the listener
 * was joining its group, arrives as an event.
 */
class HistoryRebuild implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HistoryRebuild.class);
    private static final Duration LISTENING_POLL = Duration.ofMillis(100);

    private final IngestHistory ingest;
    private final URI ingestUrl;
    private final RecentDemand demand;
    private final PredictionProperties.History settings;
    private final BooleanSupplier listening;
    private volatile Thread worker;

    HistoryRebuild(
            IngestHistory ingest,
            URI ingestUrl,
            RecentDemand demand,
            PredictionProperties.History settings,
            BooleanSupplier listening) {
        this.ingest = ingest;
        this.ingestUrl = ingestUrl;
        this.demand = demand;
        this.settings = settings;
        this.listening = listening;
    }

    @Override
    public synchronized void start() {
        if (worker == null) {
            worker = Thread.ofPlatform().daemon().name("history-rebuild").start(this::rebuildUntilDone);
        }
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** After the Kafka listener containers, which start in phase {@code Integer.MAX_VALUE - 100}. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 50;
    }

    private void rebuildUntilDone() {
        try {
            awaitListening();
        } catch (InterruptedException e) {
            return;
        }
        Duration wait = settings.retryInterval();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                int hours = ingest.readLatest();
                demand.markRebuilt();
                log.info("Rebuilt the recent demand from {}: {} hours", ingestUrl, hours);
                return;
            } catch (RuntimeException e) {
                log.warn(
                        "Could not rebuild the recent demand from the ingest service at {} ({}); forecasts are made"
                                + " without history until it answers. Retrying in {}",
                        ingestUrl,
                        e.toString(),
                        wait);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(settings.maxRetryInterval()) > 0
                    ? settings.maxRetryInterval()
                    : wait.multipliedBy(2);
        }
    }

    private void awaitListening() throws InterruptedException {
        long waited = 0;
        while (!listening.getAsBoolean()) {
            Thread.sleep(LISTENING_POLL.toMillis());
            waited += LISTENING_POLL.toMillis();
            if (waited % Duration.ofMinutes(1).toMillis() == 0) {
                log.warn(
                        "The actuals listener has no partitions of {} yet (is Kafka reachable?): the recent demand is"
                                + " rebuilt once it has; until then forecasts are made without history",
                        Topics.ACTUALS.name());
            }
        }
    }
}
