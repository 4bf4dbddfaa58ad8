package io.bikecast.monitoring.predictionlog;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.PredictionLogged;
import io.bikecast.common.events.PredictionsLogged;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores every logged prediction. A batch listener, because predictions are the highest-volume topic: one insert per
 * poll (of up to 5,000 predictions), whether the records carry batches of predictions or single ones. A failing batch
 * is redelivered whole (platform's error handler); the insert ignores ids already stored, so redelivery and consumer
 * restarts never duplicate a prediction, and offsets are committed only after the batch is stored, so none is lost.
 *
 * <p>A fetch waits for 64 KB of events (a batch of some 300 predictions) or 250 ms, whichever comes first: the
 * prediction service sends a few dozen batches a second under load, and a poll per batch would make as many database
 * transactions a second on a machine the prediction service may share. Predictions are stored at most that much later.
 */
@Component
class PredictionLogListener {

    /** The listener id, for stopping and starting it through {@code KafkaListenerEndpointRegistry}. */
    static final String ID = "monitoring-prediction-log";

    private static final Logger log = LoggerFactory.getLogger(PredictionLogListener.class);

    private final PredictionLogStore store;

    PredictionLogListener(PredictionLogStore store) {
        this.store = store;
    }

    @KafkaListener(
            id = ID,
            topics = "#{T(io.bikecast.common.events.Topics).PREDICTIONS.name()}",
            batch = "true",
            concurrency = "2",
            properties = {"fetch.min.bytes=65536", "fetch.max.wait.ms=250"})
    public void onPredictions(List<ConsumerRecord<String, BikecastEvent>> records) {
        List<PredictionLogged> predictions = records.stream()
                .map(ConsumerRecord::value)
                .filter(Objects::nonNull)
                .flatMap(PredictionLogListener::predictions)
                .filter(PredictionLogListener::complete)
                .toList();
        int stored = store.storeAll(predictions);
        log.debug("stored {} new of {} predictions ({} records)", stored, predictions.size(), records.size());
    }

    /** The predictions an event carries: a batch's, or the one of a single event (what older producers wrote). */
    private static Stream<PredictionLogged> predictions(BikecastEvent event) {
        return switch (event) {
            case PredictionsLogged batch -> batch.each().stream();
            case PredictionLogged single -> Stream.of(single);
            default -> Stream.empty();
        };
    }

    /** An event without these cannot be stored; retrying it forever would block its partition. */
    private static boolean complete(PredictionLogged p) {
        boolean complete = p.predictionId() != null && p.features() != null && p.modelName() != null;
        if (!complete) {
            log.warn("skipping prediction event {}: it lacks a prediction id, features or model name", p.eventId());
        }
        return complete;
    }
}
