package io.bikecast.ingest.outbox;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.EventJson;
import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.platform.kafka.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox: takes the oldest unsent events, sends them to Kafka without waiting between records, waits for
 * the broker's acknowledgements, and marks as sent exactly those it acknowledged. An event whose send failed or timed
 * out stays unsent and goes out on a later round, so a Kafka outage delays events and never loses them; a consumer
 * may see an event twice (if an acknowledgement was lost) and drops the copy by its {@code eventId}.
 *
 * <p>While Kafka is down the relay sends one probe event per round rather than the whole batch, so it neither floods
 * the producer's buffer nor logs an error per event.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final EventPublisher publisher;
    private final TransactionTemplate transactions;
    private final IngestProperties.Outbox settings;
    private final Counter published;
    private volatile boolean failing;

    public OutboxRelay(
            OutboxStore store,
            EventPublisher publisher,
            TransactionTemplate transactions,
            IngestProperties properties,
            MeterRegistry registry) {
        this.store = store;
        this.publisher = publisher;
        this.transactions = transactions;
        this.settings = properties.outbox();
        this.published = Counter.builder("bikecast.ingest.outbox.published")
                .description("Outbox events the broker acknowledged")
                .register(registry);
        Gauge.builder("bikecast.ingest.outbox.pending", store, OutboxStore::countPending)
                .description("Outbox events not yet acknowledged by Kafka; growing means Kafka is unreachable")
                .register(registry);
    }

    /** Publishes until the outbox is empty or Kafka stops acknowledging. */
    @Scheduled(fixedDelayString = "${bikecast.ingest.outbox.poll-interval:100ms}")
    public void drain() {
        int sent;
        do {
            sent = relayOnce();
        } while (sent == settings.batchSize());
    }

    /**
     * One round: publishes up to a batch of events.
     *
     * @return how many events the broker acknowledged
     */
    public int relayOnce() {
        Integer sent = transactions.execute(status -> {
            if (!store.tryLock()) {
                return 0;
            }
            List<OutboxStore.Pending> pending = store.pending(settings.batchSize());
            if (pending.isEmpty()) {
                return 0;
            }
            List<Long> acknowledged = publish(pending);
            store.markSent(acknowledged);
            return acknowledged.size();
        });
        int count = sent == null ? 0 : sent;
        published.increment(count);
        return count;
    }

    private List<Long> publish(List<OutboxStore.Pending> pending) {
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        List<Long> acknowledged = new ArrayList<>(pending.size());
        // Probe with the first event: while Kafka is down, one send per round times out instead of thousands.
        OutboxStore.Pending first = pending.getFirst();
        if (!await(send(first), deadline)) {
            return acknowledged;
        }
        acknowledged.add(first.id());
        List<CompletableFuture<?>> futures = new ArrayList<>(pending.size() - 1);
        for (OutboxStore.Pending event : pending.subList(1, pending.size())) {
            futures.add(send(event));
        }
        for (int i = 0; i < futures.size(); i++) {
            if (await(futures.get(i), deadline)) {
                acknowledged.add(pending.get(i + 1).id());
            }
        }
        if (failing && acknowledged.size() == pending.size()) {
            failing = false;
            log.info("Kafka acknowledges again; publishing the outbox");
        }
        return acknowledged;
    }

    private CompletableFuture<?> send(OutboxStore.Pending event) {
        try {
            BikecastEvent decoded = EventJson.read(event.payload());
            return publisher.publish(decoded);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean await(CompletableFuture<?> future, long deadline) {
        try {
            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            if (!failing) {
                failing = true;
                log.warn(
                        "Kafka did not acknowledge an outbox event ({}); events stay in the outbox and are retried",
                        e.getCause() == null ? e.toString() : e.getCause().toString());
            }
            return false;
        }
    }

    /** Deletes sent events older than the retention period. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void purgeSent() {
        int deleted = store.deleteSentBefore(Instant.now().minus(settings.retention()));
        if (deleted > 0) {
            log.info("Deleted {} sent outbox events older than {}", deleted, settings.retention());
        }
    }
}
