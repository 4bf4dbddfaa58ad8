package io.bikecast.prediction.log;

import io.bikecast.common.events.PredictionLogged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded hand-over between request threads and the {@link PredictionLogPublisher}. Adding never blocks: when the
 * buffer is full (Kafka has been away long enough to fill it) the event is dropped, counted in {@code
 * bikecast.prediction.log.dropped} and logged, and the prediction itself is still answered.
 */
public class PredictionLogBuffer {

    private static final Logger log = LoggerFactory.getLogger(PredictionLogBuffer.class);

    /** Log the first drop and then one line per this many, so a long outage does not flood the log. */
    private static final long LOG_EVERY = 10_000;

    private final BlockingQueue<PredictionLogged> queue;
    private final int capacity;
    private final Counter dropped;

    PredictionLogBuffer(int capacity, MeterRegistry meters) {
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dropped = Counter.builder("bikecast.prediction.log.dropped")
                .description("Prediction-logged events dropped because the log buffer was full")
                .register(meters);
    }

    /** Hands an event to the publisher; false (and counted) if the buffer is full. */
    public boolean offer(PredictionLogged event) {
        if (queue.offer(event)) {
            return true;
        }
        dropped.increment();
        long total = (long) dropped.count();
        if (total == 1 || total % LOG_EVERY == 0) {
            log.error(
                    "The prediction log buffer is full ({} events; Kafka is down or too slow): {} prediction-logged "
                            + "events dropped so far",
                    capacity,
                    total);
        }
        return false;
    }

    /** Waits up to the timeout for a first event, then takes up to {@code max} events into {@code batch}. */
    int drain(Collection<PredictionLogged> batch, int max, long timeout, TimeUnit unit) throws InterruptedException {
        PredictionLogged first = queue.poll(timeout, unit);
        if (first == null) {
            return 0;
        }
        batch.add(first);
        return 1 + queue.drainTo(batch, max - 1);
    }

    int size() {
        return queue.size();
    }

    int capacity() {
        return capacity;
    }

    double droppedCount() {
        return dropped.count();
    }
}
