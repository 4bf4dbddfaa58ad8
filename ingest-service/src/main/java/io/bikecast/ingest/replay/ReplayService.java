package io.bikecast.ingest.replay;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.series.SeriesId;
import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.contract.Observation;
import io.bikecast.ingest.observation.ObservationStore;
import io.bikecast.platform.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays stored history as if it were live: for each stored hour of a series in a range, in order, it appends an
 * {@link ActualObserved} with source {@code replay} to the outbox, one hour per pace tick, and the outbox relay
 * publishes them in that order, as it publishes every other event of the service. Ticks are scheduled from the start
 * time. While Kafka is down the replay keeps its pace and the hours wait in the outbox; they go out, in order, once it
 * is back, and an hour appended before a restart is published after it.
 *
 * <p>Replays live in memory: a restart ends them (as {@code STOPPED}) and forgets them.
 */
@Service
class ReplayService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);
    private static final int PAGE = 1000;

    private final ObservationStore observations;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final IngestProperties.Replay settings;
    private final Counter hoursPublished;
    private final Map<UUID, Replay> replays = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("replay-", 0).daemon(true).factory());

    ReplayService(
            ObservationStore observations,
            Outbox outbox,
            TransactionTemplate transactions,
            IngestProperties properties,
            MeterRegistry registry) {
        this.observations = observations;
        this.outbox = outbox;
        this.transactions = transactions;
        this.settings = properties.replay();
        this.hoursPublished = Counter.builder("bikecast.ingest.replay.hours")
                .description("Hours replays handed to the outbox")
                .register(registry);
    }

    /**
     * Starts a replay; it runs in the background.
     *
     * @throws TooManyReplaysException if {@code max-running} replays are running already
     */
    ReplayStatus start(SeriesId series, LocalDateTime from, LocalDateTime to, Duration pace) {
        long running = replays.values().stream()
                .filter(r -> r.state == Replay.State.RUNNING)
                .count();
        if (running >= settings.maxRunning()) {
            throw new TooManyReplaysException(running);
        }
        long total = observations.count(series, from, to);
        Replay replay = new Replay(series, from, to, pace, total);
        replays.put(replay.id, replay);
        threads.execute(() -> run(replay));
        log.info(
                "Replay {} of {} from {} to {} started: {} hours at {} each", replay.id, series, from, to, total, pace);
        return replay.status();
    }

    Optional<ReplayStatus> status(UUID id) {
        return Optional.ofNullable(replays.get(id)).map(Replay::status);
    }

    List<ReplayStatus> all() {
        Collection<Replay> values = replays.values();
        return values.stream()
                .sorted((a, b) -> b.startedAt.compareTo(a.startedAt))
                .map(Replay::status)
                .toList();
    }

    /** Asks a replay to stop after the hour it is publishing; returns its status, or empty if unknown. */
    Optional<ReplayStatus> stop(UUID id) {
        Replay replay = replays.get(id);
        if (replay == null) {
            return Optional.empty();
        }
        replay.stopRequested = true;
        return Optional.of(replay.status());
    }

    private void run(Replay replay) {
        try {
            long start = System.nanoTime();
            long tick = 0;
            LocalDateTime after = replay.from.minusSeconds(1);
            while (!replay.stopRequested) {
                List<Observation> page = observations.after(replay.series, after, replay.to, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                for (Observation observation : page) {
                    long due = start + replay.pace.toNanos() * tick++;
                    waitUntil(due, replay);
                    if (replay.stopRequested) {
                        break;
                    }
                    publish(observation);
                    replay.lastHour = observation.hour();
                    replay.hoursPublished++;
                    hoursPublished.increment();
                }
                after = page.getLast().hour();
            }
            replay.finish(replay.stopRequested ? Replay.State.STOPPED : Replay.State.COMPLETED, null);
            log.info("Replay {} {} after {} hours", replay.id, replay.state, replay.hoursPublished);
        } catch (RuntimeException e) {
            replay.finish(Replay.State.FAILED, e.toString());
            log.warn("Replay {} failed after {} hours", replay.id, replay.hoursPublished, e);
        }
    }

    /** Appends one hour to the outbox, in a transaction of its own: a replay changes nothing else. */
    private void publish(Observation observation) {
        ActualObserved event =
                ActualObserved.of(observation.seriesId().value(), observation.hour(), observation.cnt(), "replay");
        transactions.executeWithoutResult(status -> outbox.append(event));
    }

    private static void waitUntil(long due, Replay replay) {
        long remaining;
        while ((remaining = due - System.nanoTime()) > 0 && !replay.stopRequested) {
            LockSupport.parkNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }

    /** Stops every replay on shutdown and waits briefly for them to finish their current hour. */
    @Override
    public void destroy() throws InterruptedException {
        replays.values().forEach(replay -> replay.stopRequested = true);
        threads.shutdown();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
