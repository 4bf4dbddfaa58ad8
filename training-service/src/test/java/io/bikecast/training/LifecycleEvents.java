package io.bikecast.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.Topics;
import io.bikecast.platform.kafka.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything published on {@code bikecast.model-lifecycle}, read from the start of the topic as a consumer would. */
final class LifecycleEvents implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<BikecastEvent> seen = new ArrayList<>();

    LifecycleEvents(String bootstrapServers) {
        consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(),
                new StringDeserializer());
        TopicPartition partition = new TopicPartition(Topics.MODEL_LIFECYCLE.name(), 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
    }

    /** Waits up to 30 s for an event of the type that matches, and returns it. */
    <T extends BikecastEvent> T await(Class<T> type, Predicate<T> matching) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (BikecastEvent event : seen) {
                if (type.isInstance(event) && matching.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(EventJson.read(record.value()));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " matching within 30 s; seen: " + seen);
    }

    /** Every event read so far, in topic order, after polling once more. */
    List<BikecastEvent> all() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            seen.add(EventJson.read(record.value()));
        }
        return List.copyOf(seen);
    }

    void assertNone(Class<? extends BikecastEvent> type, Predicate<BikecastEvent> matching) {
        assertThat(all()).noneMatch(event -> type.isInstance(event) && matching.test(event));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
