package io.bikecast.prediction.log;

import io.bikecast.common.events.PredictionLogged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded hand-over between request threads and the {@link PredictionLogPublisher}. Adding never blocks: when the
 * buffer is full (Kafka has been away long enough to fill it) the event is dropped, counted in {@code
 * bikecast.prediction.log.dropped} and logged, and the prediction itself is still answered.
 *
 * <p>Lock-free: with a lock (as in an {@code ArrayBlockingQueue}), a request thread descheduled while holding it stalls
 * every other request behind it, which on a machine whose cores are busy is a tail of milliseconds.
 */
public class PredictionLogBuffer {

    private static final Logger log = LoggerFactory.getLogger(PredictionLogBuffer.class);

    /** Log the first drop and then one line per this many, so a long outage does not flood the log. */
    private static final long LOG_EVERY = 10_000;

    private final Queue<PredictionLogged> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private final Counter dropped;

    PredictionLogBuffer(int capacity, MeterRegistry meters) {
        this.capacity = capacity;
        this.dropped = Counter.builder("bikecast.prediction.log.dropped")
                .description("Prediction-logged events dropped because the log buffer was full")
                .register(meters);
    }

    /** Hands an event to the publisher; false (and counted) if the buffer is full. */
    public boolean offer(PredictionLogged event) {
        if (size.incrementAndGet() <= capacity) {
            queue.offer(event);
            return true;
        }
        size.decrementAndGet();
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

    /** Takes up to {@code max} events into {@code batch} without waiting; how many it took. */
    int drainTo(Collection<PredictionLogged> batch, int max) {
        int taken = 0;
        PredictionLogged event;
        while (taken < max && (event = queue.poll()) != null) {
            batch.add(event);
            taken++;
        }
        size.addAndGet(-taken);
        return taken;
    }

    /** Events waiting; an offer under way may count a moment before its event can be taken. */
    int size() {
        return size.get();
    }

    int capacity() {
        return capacity;
    }

    double droppedCount() {
        return dropped.count();
    }
}
