package io.bikecast.prediction.predictor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How many requests a second the challenger also predicts in shadow mode. A shadow prediction doubles the model work
 * of the request and the logging behind it (one more event to publish, store and score), so at a high rate it takes
 * a core that serving needs; a bounded sample of the traffic measures the challenger's live error as well. Up to
 * {@code perSecond} a second pass, with bursts of up to a second's worth (so every request of a quiet service is
 * shadowed); beyond it a request is answered by the champion alone. A generic cell rate algorithm on one atomic:
 * lock-free, nothing per request but a read of the clock and one compare-and-set. Thread-safe.
 */
final class ShadowBudget {

    private static final long SECOND = 1_000_000_000L;

    private final long interval;
    private final LongSupplier nanoTime;
    private final AtomicLong theoreticalArrival;

    /**
     * @param perSecond the shadow predictions allowed a second; 0 or less allows every request
     * @param nanoTime a monotonic clock in nanoseconds ({@link System#nanoTime} in the service)
     */
    ShadowBudget(int perSecond, LongSupplier nanoTime) {
        this.interval = perSecond <= 0 ? 0 : SECOND / perSecond;
        this.nanoTime = nanoTime;
        this.theoreticalArrival = new AtomicLong(nanoTime.getAsLong());
    }

    /** True if this request may be shadowed, and takes its share of the budget. */
    boolean tryTake() {
        if (interval == 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        while (true) {
            long arrival = theoreticalArrival.get();
            long next = Math.max(arrival, now) + interval;
            if (next - now > SECOND) {
                return false;
            }
            if (theoreticalArrival.compareAndSet(arrival, next)) {
                return true;
            }
        }
    }
}
