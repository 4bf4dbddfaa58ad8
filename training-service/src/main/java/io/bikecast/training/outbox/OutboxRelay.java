package io.bikecast.training.outbox;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.EventJson;
import io.bikecast.platform.kafka.EventPublisher;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox events to Kafka in the order they were written, and marks them published. Runs right after every
 * registry change and on a short schedule, so an event whose publication failed (Kafka down) is retried until it
 * goes out. One instance relays at a time (a transaction-scoped advisory lock), which keeps the per-model order of
 * {@code bikecast.model-lifecycle} across instances. Delivery is at least once: consumers de-duplicate by event id.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventPublisher publisher;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("outbox-relay").daemon(true).factory());

    public OutboxRelay(DataSource dataSource, TransactionTemplate transactions, EventPublisher publisher) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = transactions;
        this.publisher = publisher;
    }

    /** Publishes what is pending; returns how many events went out. */
    @Scheduled(fixedDelayString = "${bikecast.training.outbox.poll-interval:1s}")
    public int relay() {
        Integer published = transactions.execute(status -> {
            boolean locked = jdbc.sql(
                            "SELECT pg_try_advisory_xact_lock(hashtextextended('bikecast.training.outbox', 0))")
                    .query(Boolean.class)
                    .single();
            if (!locked) {
                return 0;
            }
            List<Pending> pending = jdbc.sql("""
                            SELECT id, payload::text FROM registry.outbox
                            WHERE published_at IS NULL ORDER BY id LIMIT ?""")
                    .param(BATCH)
                    .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2)))
                    .list();
            int sent = 0;
            for (Pending event : pending) {
                try {
                    publish(EventJson.read(event.payload()));
                } catch (RuntimeException e) {
                    // Stop at the first failure: a later event must not overtake an earlier one of the same model.
                    log.warn("could not publish outbox event {}; will retry: {}", event.id(), e.getMessage());
                    jdbc.sql("UPDATE registry.outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")
                            .params(String.valueOf(e.getMessage()), event.id())
                            .update();
                    break;
                }
                jdbc.sql("UPDATE registry.outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ?")
                        .param(event.id())
                        .update();
                sent++;
            }
            return sent;
        });
        return published == null ? 0 : published;
    }

    private void publish(BikecastEvent event) {
        try {
            publisher.publish(event).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka did not acknowledge " + event.getClass().getSimpleName(), e);
        }
    }

    /** Relays in the background, soon: called after a registry change was committed. */
    public void relaySoon() {
        background.execute(() -> {
            try {
                relay();
            } catch (RuntimeException e) {
                log.warn("outbox relay failed; the schedule retries: {}", e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }

    private record Pending(long id, String payload) {}
}
