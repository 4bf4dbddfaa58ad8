package io.bikecast.prediction.history;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.BikecastEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps every {@code actual-observed} event in the recent demand. Every instance must see every actual (each serves
 * every series), so each consumes in a consumer group of its own ({@code <group-prefix>-<random uuid>}) from the
 * latest offset: older actuals come from the rebuild from the ingest service, which starts after this listener. A
 * record that cannot be read goes to the dead-letter topic, as with every listener of the platform's container.
 */
class ActualsListener {

    /** The listener container's id, for tests that wait for its partition assignment. */
    static final String LISTENER_ID = "prediction-actuals";

    private static final Logger log = LoggerFactory.getLogger(ActualsListener.class);

    private final RecentDemand demand;

    ActualsListener(RecentDemand demand) {
        this.demand = demand;
    }

    @KafkaListener(
            id = LISTENER_ID,
            topics = "#{T(io.bikecast.common.events.Topics).ACTUALS.name()}",
            groupId = "${bikecast.prediction.history.group-prefix:prediction-history}-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void onActual(BikecastEvent event) {
        if (!(event instanceof ActualObserved actual)) {
            return;
        }
        if (actual.seriesId() == null || actual.hour() == null || actual.count() < 0) {
            // Retrying it cannot make it whole, and it must not hold the partition.
            log.warn("skipping actual event {}: it lacks a series or hour, or has a negative count", actual.eventId());
            return;
        }
        demand.record(actual.seriesId(), actual.hour(), actual.count());
    }
}
