package io.bikecast.platform.outbox;

import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * When the relay runs: on one thread of its own, at once when a commit in this instance appended events, every
 * {@code poll-interval} for what it was not woken for, and until the outbox is drained. After a round that left an
 * event pending (Kafka down, or an event on its way to being parked) it waits, from {@code retry-initial-interval}
 * doubling up to {@code retry-max-interval}, and neither wake-ups nor polls shorten the wait. Every hour it deletes
 * the events published longer ago than {@code retention}.
 *
 * <p>It checks the table's columns before it starts, so a service whose migration lacks them fails at start-up.
 */
final class RelaySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelaySchedule.class);

    private final OutboxRelay relay;
    private final OutboxTable table;
    private final OutboxProperties settings;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;
    private int failedRounds;
    private long retryAt;

    RelaySchedule(OutboxRelay relay, OutboxTable table, OutboxProperties settings) {
        this.relay = relay;
        this.table = table;
        this.settings = settings;
    }

    @Override
    public void start() {
        table.verify();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("outbox-relay").daemon(true).factory());
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.scheduleWithFixedDelay(this::drain, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
        scheduler = executor;
    }

    /** Drains soon; a wake-up already queued covers this one. */
    void wakeUp() {
        ScheduledExecutorService executor = scheduler;
        if (executor == null || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        } catch (RejectedExecutionException stopping) {
            wakeQueued.set(false);
        }
    }

    /** Runs rounds until the outbox is drained or a round leaves an event pending. Only on the relay's thread. */
    private void drain() {
        if (failedRounds > 0 && System.nanoTime() - retryAt < 0) {
            return;
        }
        try {
            OutboxRelay.Round round;
            do {
                round = relay.relayOnce();
            } while (!round.blocked() && (round.full() || round.parked() > 0) && scheduler != null);
            if (round.blocked()) {
                waitBeforeRetrying();
            } else {
                failedRounds = 0;
            }
        } catch (RuntimeException e) {
            if (failedRounds == 0) {
                log.warn("The outbox relay of {} failed; retrying", table.name(), e);
            }
            waitBeforeRetrying();
        }
    }

    private void waitBeforeRetrying() {
        long wait = settings.retryInitialInterval().toNanos() << Math.min(failedRounds, 20);
        failedRounds++;
        retryAt = System.nanoTime() + Math.min(wait, settings.retryMaxInterval().toNanos());
    }

    private void purge() {
        try {
            int deleted = table.deletePublishedBefore(Instant.now().minus(settings.retention()));
            if (deleted > 0) {
                log.info(
                        "Deleted {} events of {} published more than {} ago",
                        deleted,
                        table.name(),
                        settings.retention());
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete old published events of {}; trying again in an hour", table.name(), e);
        }
    }

    /**
     * Gives a round in progress ten seconds to finish and record its acknowledgements, then interrupts it: whatever
     * it did not record stays pending for the next start (or another instance), and goes out again at worst.
     */
    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /**
     * Starts after the Kafka producer factory (phase {@code Integer.MIN_VALUE}) and before the web server and the
     * listeners, whose work appends events; stops after them.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
