package io.bikecast.ingest;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.Topics;
import io.bikecast.platform.kafka.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the observations and actuals topics from the beginning in a background thread and keeps every event, by
 * event id (duplicates counted separately), as a downstream consumer would.
 */
public final class EventCollector implements AutoCloseable {

    private final Map<UUID, BikecastEvent> events = new ConcurrentHashMap<>();
    private final List<BikecastEvent> all = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public EventCollector(String bootstrapServers) {
        thread = Thread.ofPlatform().daemon().name("event-collector").start(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                    5000))) {
                consumer.subscribe(List.of(Topics.OBSERVATIONS.name(), Topics.ACTUALS.name()));
                while (running) {
                    try {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                            BikecastEvent event = EventJson.read(record.value());
                            all.add(event);
                            events.putIfAbsent(event.eventId(), event);
                        }
                    } catch (org.apache.kafka.common.errors.WakeupException | IllegalStateException stop) {
                        return;
                    } catch (RuntimeException brokerAway) {
                        // The broker may be stopped on purpose: keep polling until it is back.
                    }
                }
            }
        });
    }

    /** Distinct events of a type, by id. */
    public <T extends BikecastEvent> List<T> distinct(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (BikecastEvent event : events.values()) {
            if (type.isInstance(event)) {
                found.add(type.cast(event));
            }
        }
        return found;
    }

    /** Every event received, duplicates included, in arrival order. */
    public List<BikecastEvent> all() {
        return List.copyOf(all);
    }

    /** Polls until the condition holds or the timeout passes; true if it held. */
    public static boolean await(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
