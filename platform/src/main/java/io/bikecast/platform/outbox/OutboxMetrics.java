package io.bikecast.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox's metrics, the same in every service that publishes (told apart by the {@code application} tag): {@code
 * bikecast.outbox.pending} and {@code bikecast.outbox.parked} are read from the table at each scrape, so they hold
 * across restarts and instances; {@code bikecast.outbox.published} and {@code bikecast.outbox.failures} count this
 * instance's attempts.
 */
final class OutboxMetrics {

    private final Counter published;
    private final Counter failures;

    OutboxMetrics(MeterRegistry registry, OutboxTable table) {
        this.published = Counter.builder("bikecast.outbox.published")
                .description("Outbox events the broker acknowledged")
                .register(registry);
        this.failures = Counter.builder("bikecast.outbox.failures")
                .description("Failed attempts to publish an outbox event; the event stays pending unless parked")
                .register(registry);
        Gauge.builder("bikecast.outbox.pending", table, OutboxTable::countPending)
                .description("Outbox events waiting to be published; growing means Kafka is unreachable")
                .register(registry);
        Gauge.builder("bikecast.outbox.parked", table, OutboxTable::countParked)
                .description("Outbox events given up on because Kafka can never take them; each needs a person")
                .register(registry);
    }

    void published(int count) {
        published.increment(count);
    }

    void failed(int count) {
        failures.increment(count);
    }
}
