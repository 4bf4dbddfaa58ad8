package io.bikecast.platform.outbox;

import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.Topics;
import io.bikecast.platform.kafka.EventJson;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The actuals topic as a new consumer reads it from the start: the events of one key, in the order they arrive. */
final class ActualsTopic {

    private ActualsTopic() {}

    /**
     * Reads until {@code count} distinct events of the key have arrived, and returns their ids in the order each first
     * arrived; a copy (delivery is at least once) counts once.
     */
    static List<UUID> awaitEvents(String bootstrapServers, String key, int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.ACTUALS.name()));
            Set<UUID> arrived = new LinkedHashSet<>();
            await().pollInSameThread().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        arrived.add(EventJson.read(record.value()).eventId());
                    }
                }
                return arrived.size() >= count;
            });
            return List.copyOf(arrived);
        }
    }
}
