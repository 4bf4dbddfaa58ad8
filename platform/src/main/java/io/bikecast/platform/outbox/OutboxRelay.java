package io.bikecast.platform.outbox;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.platform.kafka.EventJson;
import io.bikecast.platform.kafka.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox, one round at a time: takes the oldest pending events, sends them to Kafka, and marks as
 * published exactly those the broker acknowledged, all while holding the table's relay lock, so that one relay of any
 * instance publishes at a time and the events leave in the order they were appended.
 *
 * <p>The first event of a round is a probe: it must be acknowledged before the others are sent, so while Kafka is
 * down a round costs one send. The others are sent without waiting between them, in order, and awaited in order; the
 * platform's idempotent producer ({@code acks=all}, {@code enable.idempotence}) keeps the records of one partition, so
 * of one key, in that order through its own retries. A round stops sending at an event that cannot even be handed to
 * the producer. An event that failed stays pending, and the next round starts with the oldest pending event, so
 * nothing is lost and a retry never overtakes what came before it. Only an event that can never be published (see
 * {@link PublishFailure}) is parked, after {@code bikecast.outbox.max-attempts} failed attempts, with its error, so
 * that the events after it go out. Delivery is at least once: a consumer drops a copy by its {@code eventId}.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /**
     * What one round did.
     *
     * @param published events the broker acknowledged
     * @param failed events whose attempt failed
     * @param parked of those, the events given up on
     * @param full whether the round read a whole batch, so more may be pending
     */
    public record Round(int published, int failed, int parked, boolean full) {

        static final Round NOTHING = new Round(0, 0, 0, false);

        /** Whether an event stays pending after a failure: the next round must wait. */
        public boolean blocked() {
            return failed > parked;
        }
    }

    private final OutboxTable table;
    private final EventPublisher publisher;
    private final TransactionTemplate transactions;
    private final OutboxProperties settings;
    private final OutboxMetrics metrics;
    private volatile boolean failing;

    OutboxRelay(
            OutboxTable table,
            EventPublisher publisher,
            TransactionTemplate transactions,
            OutboxProperties settings,
            OutboxMetrics metrics) {
        this.table = table;
        this.publisher = publisher;
        this.transactions = transactions;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Publishes up to a batch of pending events; nothing if another relay holds the lock. */
    public Round relayOnce() {
        Round round = transactions.execute(
                status -> table.tryLock() ? publish(table.pending(settings.batchSize())) : Round.NOTHING);
        if (round == null) {
            return Round.NOTHING;
        }
        metrics.published(round.published());
        metrics.failed(round.failed());
        return round;
    }

    private Round publish(List<OutboxTable.Pending> pending) {
        if (pending.isEmpty()) {
            return Round.NOTHING;
        }
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        List<Long> acknowledged = new ArrayList<>(pending.size());
        List<OutboxTable.FailedAttempt> failures = new ArrayList<>();
        List<CompletableFuture<?>> sent = new ArrayList<>(pending.size());
        sent.add(send(pending.getFirst()));
        for (int i = 0; i < sent.size(); i++) {
            OutboxTable.Pending event = pending.get(i);
            Throwable error = await(sent.get(i), deadline);
            if (error != null) {
                failures.add(failedAttempt(event, PublishFailure.of(error)));
            } else {
                acknowledged.add(event.id());
                if (i == 0) {
                    sendRest(pending, sent);
                }
            }
        }
        table.markPublished(acknowledged);
        table.recordFailures(failures);
        long parked = failures.stream().filter(OutboxTable.FailedAttempt::park).count();
        noteHealth(acknowledged.size(), failures, pending.size());
        return new Round(acknowledged.size(), failures.size(), (int) parked, pending.size() == settings.batchSize());
    }

    /** Sends every event after the probe, stopping after one that could not even be handed to the producer. */
    private void sendRest(List<OutboxTable.Pending> pending, List<CompletableFuture<?>> sent) {
        for (OutboxTable.Pending event : pending.subList(1, pending.size())) {
            CompletableFuture<?> future = send(event);
            sent.add(future);
            if (future.isCompletedExceptionally()) {
                return;
            }
        }
    }

    private CompletableFuture<?> send(OutboxTable.Pending pending) {
        BikecastEvent event;
        try {
            event = EventJson.read(pending.payload());
            // An event of a type no topic carries is as unpublishable as one that does not read.
            event.topic();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new PublishFailure.UnreadableEvent(e));
        }
        try {
            return publisher.publish(event);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits for an acknowledgement until the round's deadline; returns why it did not come, or null. */
    private Throwable await(CompletableFuture<?> future, long deadline) {
        try {
            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            return new TimeoutException("Kafka did not acknowledge within " + settings.sendTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private OutboxTable.FailedAttempt failedAttempt(OutboxTable.Pending event, PublishFailure failure) {
        boolean park = failure.permanent() && event.attempts() + 1 >= settings.maxAttempts();
        if (park) {
            log.error(
                    "Parked outbox event {} (row {} of {}) after {} failed attempts; the events after it go on: {}",
                    event.eventId(),
                    event.id(),
                    table.name(),
                    event.attempts() + 1,
                    failure.error());
        }
        return new OutboxTable.FailedAttempt(event.id(), failure.error(), park);
    }

    /** Logs when publishing starts failing and when it succeeds again, not at every failed round. */
    private void noteHealth(int acknowledged, List<OutboxTable.FailedAttempt> failures, int read) {
        if (!failures.isEmpty() && !failing) {
            failing = true;
            log.warn(
                    "Could not publish an event of {} ({}); it stays pending and is retried",
                    table.name(),
                    failures.getFirst().error());
        } else if (failing && acknowledged == read) {
            failing = false;
            log.info("Kafka acknowledges every event again; publishing {}", table.name());
        }
    }
}
