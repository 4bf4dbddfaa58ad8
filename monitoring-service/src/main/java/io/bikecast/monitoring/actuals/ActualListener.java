package io.bikecast.monitoring.actuals;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.BikecastEvent;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stores the actual demand announced by ingest (freshly ingested or replayed), then announces the batch's latest hour
 * ({@link ActualsStored}) in the same thread: under the data clock that is what moves time. A batch listener, because
 * a replay announces thousands of hours at once; the upsert makes redelivery harmless.
 */
@Component
class ActualListener {

    /** The listener id, for stopping and starting it through {@code KafkaListenerEndpointRegistry}. */
    static final String ID = "monitoring-actuals";

    private static final Logger log = LoggerFactory.getLogger(ActualListener.class);

    private final ActualStore store;
    private final ApplicationEventPublisher events;

    ActualListener(ActualStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @KafkaListener(id = ID, topics = "#{T(io.bikecast.common.events.Topics).ACTUALS.name()}", batch = "true")
    public void onActuals(List<ConsumerRecord<String, BikecastEvent>> records) {
        List<ActualObserved> actuals = records.stream()
                .map(ConsumerRecord::value)
                .filter(Objects::nonNull)
                .filter(ActualObserved.class::isInstance)
                .map(ActualObserved.class::cast)
                .filter(ActualListener::complete)
                .toList();
        if (!actuals.isEmpty()) {
            store.upsertAll(actuals);
            LocalDateTime latest = actuals.stream()
                    .map(ActualObserved::hour)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            events.publishEvent(new ActualsStored(latest));
        }
    }

    /** An event without these cannot be stored; retrying it forever would block its partition. */
    private static boolean complete(ActualObserved actual) {
        boolean complete = actual.seriesId() != null && actual.hour() != null && actual.count() >= 0;
        if (!complete) {
            log.warn("skipping actual event {}: it lacks a series or hour, or has a negative count", actual.eventId());
        }
        return complete;
    }
}
