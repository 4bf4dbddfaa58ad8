package io.bikecast.prediction.history;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.ObservationsIngested;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Keeps every {@code actual-observed} event in the recent demand, and reads from the ingest service the hours of each
 * announced batch ({@code observations-ingested}), so that a backfill stored without actual events (a history
 * upload, see the ingest service's {@code announceActuals}) reaches the store too. Every instance must see every
 * actual (each serves every series), so each consumes in a consumer group of its own ({@code <group-prefix>-<random
 * uuid>}). Once its
 * partitions are assigned it reads from {@link #REPLAY} before it started, not from the latest offset: an actual
 * published while the group was joining would otherwise fall between the rebuild (which waits for the assignment,
 * see {@link #listening()}) and the stream. Reading one twice is harmless, a later actual of an hour replaces it. A
 * record that cannot be read goes to the dead-letter topic, as with every listener of the platform's container; while
 * the ingest service cannot be reached, a batch's announcement is retried until it can (the platform's error
 * handler), holding the actuals behind it rather than losing them.
 */
class ActualsListener implements ConsumerSeekAware {

    /** How far before this listener's start it reads the actuals again. */
    static final Duration REPLAY = Duration.ofMinutes(5);

    /** The listener container's id, for tests that wait for its partition assignment. */
    static final String LISTENER_ID = "prediction-actuals";

    private static final Logger log = LoggerFactory.getLogger(ActualsListener.class);

    private final RecentDemand demand;
    private final IngestHistory ingest;
    private final Instant startedAt;
    private final AtomicBoolean assigned = new AtomicBoolean();

    ActualsListener(RecentDemand demand, IngestHistory ingest, Clock clock) {
        this.demand = demand;
        this.ingest = ingest;
        this.startedAt = clock.instant();
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (!assignments.isEmpty()) {
            callback.seekToTimestamp(
                    assignments.keySet(), startedAt.minus(REPLAY).toEpochMilli());
            assigned.set(true);
        }
    }

    /** True once the listener has its partitions: from then on every actual published reaches the store. */
    boolean listening() {
        return assigned.get();
    }

    @KafkaListener(
            id = LISTENER_ID,
            topics = {
                "#{T(io.bikecast.common.events.Topics).ACTUALS.name()}",
                "#{T(io.bikecast.common.events.Topics).OBSERVATIONS.name()}"
            },
            groupId = "${bikecast.prediction.history.group-prefix:prediction-history}-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void onEvent(BikecastEvent event) {
        switch (event) {
            case ActualObserved actual -> onActual(actual);
            case ObservationsIngested batch -> onBatch(batch);
            default -> {}
        }
    }

    private void onBatch(ObservationsIngested batch) {
        if (batch.lastHour() == null || batch.rowsAccepted() + batch.rowsUpdated() == 0) {
            return;
        }
        for (String seriesId : batch.seriesIds()) {
            ingest.read(seriesId, batch.lastHour(), batch.lastHour().plusHours(1));
        }
    }

    private void onActual(ActualObserved actual) {
        if (actual.seriesId() == null || actual.hour() == null || actual.count() < 0) {
            // Retrying it cannot make it whole, and it must not hold the partition.
            log.warn("skipping actual event {}: it lacks a series or hour, or has a negative count", actual.eventId());
            return;
        }
        demand.record(actual.seriesId(), actual.hour(), actual.count());
    }
}
