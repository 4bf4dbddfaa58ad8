package io.bikecast.prediction.support;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.PredictionsLogged;
import io.bikecast.common.events.Topics;
import io.bikecast.platform.kafka.EventJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads every logged prediction (single or batched) from the start of the predictions topic, as monitoring would. */
public final class PredictionEvents implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Map<UUID, PredictionLogged> byPredictionId = new ConcurrentHashMap<>();

    public PredictionEvents(String bootstrapServers) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(Topics.PREDICTIONS.name()));
    }

    /** Polls until the condition holds on the events seen so far, or the timeout passes; returns them by id. */
    public Map<UUID, PredictionLogged> awaitUntil(Predicate<Map<UUID, PredictionLogged>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(byPredictionId) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                BikecastEvent event = EventJson.read(record.value());
                if (event instanceof PredictionLogged logged) {
                    byPredictionId.put(logged.predictionId(), logged);
                } else if (event instanceof PredictionsLogged batch) {
                    batch.each().forEach(logged -> byPredictionId.put(logged.predictionId(), logged));
                }
            }
        }
        return Map.copyOf(byPredictionId);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
