package io.bikecast.prediction.history;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.BikecastEvent;
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
 * Keeps every {@code actual-observed} event in the recent demand. Every instance must see every actual (each serves
 * every series), so each consumes in a consumer group of its own ({@code <group-prefix>-<random uuid>}). Once its
 * partitions are assigned it reads from {@link #REPLAY} before it started, not from the latest offset: an actual
 * published while the group was joining would otherwise fall between the rebuild (which waits for the assignment,
 * see {@link #listening()}) and the stream. Reading one twice is harmless, a later actual of an hour replaces it. A
 * record that cannot be read goes to the dead-letter topic, as with every listener of the platform's container.
 */
class ActualsListener implements ConsumerSeekAware {

    /** How far before this listener's start it reads the actuals again. */
    static final Duration REPLAY = Duration.ofMinutes(5);

    /** The listener container's id, for tests that wait for its partition assignment. */
    static final String LISTENER_ID = "prediction-actuals";

    private static final Logger log = LoggerFactory.getLogger(ActualsListener.class);

    private final RecentDemand demand;
    private final Instant startedAt;
    private final AtomicBoolean assigned = new AtomicBoolean();

    ActualsListener(RecentDemand demand, Clock clock) {
        this.demand = demand;
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
